import type { AnnotationRecord } from '../../lib/model';

/** A plain yellow highlight of `quote` on an article, made and last changed at `time`. */
export function highlightRecord(
  articleUrl: string,
  quote: string,
  time: string,
  extra: Partial<AnnotationRecord> = {},
): AnnotationRecord {
  return {
    id: crypto.randomUUID(),
    articleUrl,
    kind: 'highlight',
    selectors: { quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' } },
    quote,
    note: '',
    status: null,
    evidence: [],
    tags: [],
    color: 'yellow',
    createdAt: time,
    modifiedAt: time,
    articleModified: null,
    anchoring: null,
    ...extra,
  };
}
