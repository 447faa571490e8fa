import type { EntityHint } from '../model';
import type { EntityType } from './types';
import { isObject, resolve, typesOf, type LdData, type LdNode } from './metadata/jsonld';
import type { PageSignals } from './metadata/signals';

const MAX_HINTS = 100;
const MAX_NAME = 120;

const TYPE_OF: Record<string, EntityType> = {
  Person: 'person',
  Organization: 'organization',
  NewsMediaOrganization: 'organization',
  GovernmentOrganization: 'organization',
  Corporation: 'organization',
  NGO: 'organization',
  SportsTeam: 'organization',
  PoliticalParty: 'organization',
  Place: 'place',
  Country: 'place',
  City: 'place',
  State: 'place',
  AdministrativeArea: 'place',
};

function typeOf(node: LdNode): EntityType | undefined {
  for (const t of typesOf(node)) {
    const mapped = TYPE_OF[t];
    if (mapped) return mapped;
  }
  return undefined;
}

function namedThings(value: unknown, data: LdData): EntityHint[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  const hints: EntityHint[] = [];
  for (const raw of list) {
    const item = resolve(raw, data);
    if (typeof item === 'string') hints.push({ name: item });
    else if (isObject(item) && typeof item.name === 'string') {
      const type = typeOf(item);
      hints.push(type ? { name: item.name, type } : { name: item.name });
    }
  }
  return hints;
}

function keywordHints(value: unknown): EntityHint[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list
    .filter((k): k is string => typeof k === 'string')
    .flatMap((k) => k.split(','))
    .map((name) => ({ name }));
}

/**
 * The names a page declares about its article (JSON-LD `about`, `mentions`, `author`,
 * `keywords`, and the keywords meta tags), as hints for the entity recogniser.
 */
export function readEntityHints(signals: PageSignals): EntityHint[] {
  const node = signals.article;
  const hints: EntityHint[] = [];
  if (node) {
    hints.push(...namedThings(node.about, signals.jsonLd));
    hints.push(...namedThings(node.mentions, signals.jsonLd));
    hints.push(
      ...namedThings(node.author, signals.jsonLd).map((h) => ({ ...h, type: h.type ?? 'person' })),
    );
    hints.push(...keywordHints(node.keywords));
  }
  for (const key of ['news_keywords', 'keywords']) {
    const values = signals.meta.get(key);
    if (values) hints.push(...keywordHints(values));
  }
  const seen = new Set<string>();
  return hints
    .map((h) => ({ ...h, name: h.name.replace(/\s+/g, ' ').trim() }))
    .filter((h) => {
      const key = h.name.toLowerCase();
      if (!h.name || h.name.length > MAX_NAME || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_HINTS);
}
