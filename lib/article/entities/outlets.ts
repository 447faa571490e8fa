import type { EntityMention } from '../types.ts';

// News organisations that stories cite as sources ("Bloomberg, citing unnamed sources,
// reported…"). The tagger learnt from 1996 Reuters copy and misses many of today's outlets,
// especially at the start of a sentence; these are only added where the tagger found nothing.
const OUTLETS = [
  'Associated Press',
  'Reuters',
  'Bloomberg',
  'Agence France-Presse',
  'AFP',
  'BBC',
  'CNN',
  'CNBC',
  'NPR',
  'Fox News',
  'NBC News',
  'CBS News',
  'ABC News',
  'Sky News',
  'Al Jazeera',
  'Deutsche Welle',
  'Euronews',
  'Politico',
  'Axios',
  'Semafor',
  'ProPublica',
  'The New York Times',
  'New York Times',
  'The Washington Post',
  'Washington Post',
  'The Wall Street Journal',
  'Wall Street Journal',
  'Financial Times',
  'The Guardian',
  'The Economist',
  'The Times',
  'The Telegraph',
  'Der Spiegel',
  'Le Monde',
  'Xinhua',
  'TASS',
  'RIA Novosti',
  'Interfax',
  'Kyodo',
  'Yonhap',
  'Anadolu',
  'Ukrinform',
  'Meduza',
];

const PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...OUTLETS]
    .sort((a, b) => b.length - a.length)
    .map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Mentions of well-known news outlets that no recognised mention already covers. */
export function outletMentions(text: string, found: readonly EntityMention[]): EntityMention[] {
  const extra: EntityMention[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (found.some((m) => m.start < end && start < m.end)) continue;
    extra.push({ type: 'organization', text: match[0], start, end });
  }
  return extra;
}
