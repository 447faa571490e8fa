import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import type { AnnotationRecord } from '../model';

/** The JSON-LD context of the W3C Web Annotation Data Model. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A body of a W3C annotation as Claimmark writes it. */
export type W3cBody =
  | { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' }
  | { type: 'TextualBody'; value: string; purpose: 'tagging' | 'assessing' }
  | { type: 'SpecificResource'; source: string; purpose: 'linking' };

/** One W3C annotation as Claimmark writes it. */
export interface W3cAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting' | 'assessing';
  created: string;
  modified: string;
  /** Who made it, in a shared library (issue 16); absent for an unsigned note. */
  creator?: { type: 'Person'; name: string };
  body?: W3cBody[];
  target: {
    source: string;
    selector: (TextQuoteSelector | TextPositionSelector)[];
    state?: { type: 'TimeState'; sourceDate: string };
  };
}

/** The collection Claimmark exports: one embedded page holding every annotation. */
export interface W3cCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: W3cAnnotation[] };
}

/** An annotation as a W3C Web Annotation: selectors, note, tags, status and evidence as bodies. */
export function toW3cAnnotation(a: AnnotationRecord): W3cAnnotation {
  const body: W3cBody[] = [];
  if (a.note !== '') {
    body.push({ type: 'TextualBody', value: a.note, format: 'text/plain', purpose: 'commenting' });
  }
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (a.kind === 'claim' && a.status !== null) {
    body.push({ type: 'TextualBody', value: a.status, purpose: 'assessing' });
  }
  for (const link of a.evidence) {
    body.push({ type: 'SpecificResource', source: link, purpose: 'linking' });
  }
  const selector: (TextQuoteSelector | TextPositionSelector)[] = [{ ...a.selectors.quote }];
  if (a.selectors.position) selector.push({ ...a.selectors.position });
  return {
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    // A claim is assessed; a highlight with a note comments; a bare highlight only highlights.
    motivation: a.kind === 'claim' ? 'assessing' : a.note !== '' ? 'commenting' : 'highlighting',
    created: a.createdAt,
    modified: a.modifiedAt,
    ...(a.author ? { creator: { type: 'Person' as const, name: a.author } } : {}),
    ...(body.length > 0 ? { body } : {}),
    target: {
      source: a.articleUrl,
      selector,
      ...(a.articleModified !== null
        ? { state: { type: 'TimeState' as const, sourceDate: a.articleModified } }
        : {}),
    },
  };
}

/** The W3C AnnotationCollection of these annotations. */
export function buildW3cCollection(
  annotations: readonly AnnotationRecord[],
  now: Date = new Date(),
  id: string = crypto.randomUUID(),
): W3cCollection {
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${id}`,
    type: 'AnnotationCollection',
    label: `Claimmark export ${now.toISOString()}`,
    total: annotations.length,
    first: {
      id: `urn:uuid:${id}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: annotations.map(toW3cAnnotation),
    },
  };
}

/**
 * The W3C JSON-LD export file's text in pieces, an annotation per piece (saved as a file
 * without joining them, like the Claimmark export), one annotation per line.
 */
export function exportW3cJsonLdParts(
  annotations: readonly AnnotationRecord[],
  now: Date = new Date(),
  id?: string,
): string[] {
  const { first, ...head } = buildW3cCollection(annotations, now, id);
  const { items, ...page } = first;
  const parts = [
    `${JSON.stringify(head).slice(0, -1)},\n"first": ${JSON.stringify(page).slice(0, -1)},\n"items": `,
  ];
  if (items.length === 0) parts.push('[]');
  else {
    parts.push('[\n');
    items.forEach((item, i) =>
      parts.push(JSON.stringify(item) + (i < items.length - 1 ? ',\n' : '')),
    );
    parts.push('\n]');
  }
  parts.push('}}\n');
  return parts;
}

/** The W3C JSON-LD export file's text: one annotation per line, like the Claimmark export. */
export function exportW3cJsonLd(
  annotations: readonly AnnotationRecord[],
  now: Date = new Date(),
  id?: string,
): string {
  return exportW3cJsonLdParts(annotations, now, id).join('');
}
