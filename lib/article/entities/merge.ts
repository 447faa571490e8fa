import type { Entity, EntityMention, EntityType } from '../types.ts';
import type { EntityHint } from './recognize.ts';
import { trimSpan } from './recognize.ts';

interface Mention extends EntityMention {
  /** Whether the span came from a page hint (it then wins over overlapping tagger output). */
  hinted?: boolean;
}

// Function words that do not count towards an acronym ("Ministry of Defence" -> "MOD"/"MD").
const MINOR = new Set([
  'of',
  'the',
  'and',
  'for',
  'de',
  'du',
  'des',
  'la',
  'le',
  'di',
  'del',
  'on',
  'in',
  'to',
  'at',
  '&',
]);

/** Comparison key: "Orbán" = "ORBAN" = "Orban". */
function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function words(s: string): string[] {
  return norm(s)
    .split(/[\s]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

function initials(name: string, withMinor: boolean): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{L}/u.test(w) && (withMinor || !MINOR.has(w.toLowerCase())))
    .map((w) => w[0] ?? '')
    .join('')
    .toUpperCase();
}

function isAcronym(s: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}&.]{1,7}$/u.test(s) && s.replace(/\./g, '').length >= 2;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every whole-word, capitalised occurrence of `name` in `text` (with an optional 's). */
function occurrences(text: string, name: string): { start: number; end: number }[] {
  const trimmed = name.trim();
  if (trimmed.length < 2) return [];
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRe(trimmed).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`,
    'giu',
  );
  const out: { start: number; end: number }[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!/^[\p{Lu}\p{N}]/u.test(m[0])) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

// "Golan" in "Golan Heights" that the tagger left alone is part of a name it did not take.
function insideLongerName(text: string, span: { start: number; end: number }): boolean {
  const before = /(\p{Lu}[\p{L}.]*)[ -]$/u.test(
    text.slice(Math.max(0, span.start - 30), span.start),
  );
  const after = /^[ -]\p{Lu}/u.test(text.slice(span.end, span.end + 2));
  return before || after || text[span.start - 1] === '-' || text[span.end] === '-';
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

interface Group {
  type: EntityType;
  names: Map<string, string>; // norm -> surface as first written
  mentions: Mention[];
}

function nameTokens(g: Group): string[][] {
  return [...g.names.keys()].map((k) => k.split(' '));
}

function longest(g: Group): string {
  let best = '';
  for (const surface of g.names.values()) {
    const n = words(surface).length;
    const b = words(best).length;
    if (n > b || (n === b && surface.length > best.length)) best = surface;
  }
  return best;
}

// Surnames go into full names, acronyms into expansions, repeats into one; page hints add
// or override spans and name the entity.
/** Groups mentions into entities, so a reader sees one "Donald Trump", not three names. */
export function mergeEntities(
  text: string,
  mentions: EntityMention[],
  hints: EntityHint[] = [],
): Entity[] {
  // 1. Normalise spans (a caller may pass "Zelensky's") and add hinted occurrences.
  let all: Mention[] = mentions
    .map((m) => {
      const { start, end } = trimSpan(text, m.start, m.end);
      return { type: m.type, start, end, text: text.slice(start, end) };
    })
    .filter((m) => m.end > m.start);
  for (const hint of [...hints].sort((a, b) => b.name.length - a.name.length)) {
    for (const occ of occurrences(text, hint.name)) {
      const span = trimSpan(text, occ.start, occ.end);
      const clashing = all.filter((m) => overlaps(m, span));
      if (clashing.some((m) => m.hinted)) continue;
      const type =
        hint.type ??
        clashing[0]?.type ??
        all.find((m) => norm(m.text) === norm(hint.name))?.type ??
        (words(hint.name).length >= 2 && /^\p{Lu}\p{Ll}/u.test(hint.name)
          ? 'person'
          : 'organization');
      all = all.filter((m) => !overlaps(m, span));
      all.push({ type, ...span, text: text.slice(span.start, span.end), hinted: true });
    }
  }

  // 2. Names recognised once are marked wherever else they occur, capitalised.
  const known = new Map<string, EntityType>();
  for (const m of all) if (!known.has(m.text) && m.text.length >= 3) known.set(m.text, m.type);
  for (const [name, type] of [...known.entries()].sort((a, b) => b[0].length - a[0].length)) {
    for (const occ of occurrences(text, name)) {
      if (all.some((m) => overlaps(m, occ)) || insideLongerName(text, occ)) continue;
      all.push({ type, ...occ, text: text.slice(occ.start, occ.end) });
    }
  }
  all.sort((a, b) => a.start - b.start);

  // 3. Same name (up to case and accents) and same type: one group.
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const m of all) {
    const k = `${m.type}|${norm(m.text)}`;
    let g = byKey.get(k);
    if (g === undefined) {
      g = { type: m.type, names: new Map([[norm(m.text), m.text]]), mentions: [] };
      byKey.set(k, g);
      groups.push(g);
    }
    g.mentions.push(m);
  }

  const absorbed = new Set<Group>();
  // 3b. The same name tagged with different types is one entity when one type clearly
  // dominates (a stray tag); an even split is more likely two referents ("New York" the
  // city and the team), so those stay apart.
  const sameName = new Map<string, Group[]>();
  for (const g of groups) {
    const k = [...g.names.keys()][0] ?? '';
    sameName.set(k, [...(sameName.get(k) ?? []), g]);
  }
  for (const list of sameName.values()) {
    if (list.length < 2) continue;
    const main = list.reduce((a, b) => (b.mentions.length > a.mentions.length ? b : a));
    for (const g of list) {
      if (g === main || 2 * g.mentions.length > main.mentions.length) continue;
      main.mentions.push(...g.mentions);
      absorbed.add(g);
    }
  }

  // 4. Shorter names into longer ones: surnames and name tails for people, acronyms for anyone.
  const order = groups
    .filter((g) => !absorbed.has(g))
    .sort((a, b) => words(longest(b)).length - words(longest(a)).length);
  for (const short of order) {
    const sName = longest(short);
    const sWords = words(sName);
    const candidates = order.filter((long) => {
      if (long === short || absorbed.has(long)) return false;
      const lWords = words(longest(long));
      if (lWords.length <= sWords.length) return false;
      if (isAcronym(sName)) {
        // "Michael Chang (U.S.)" gives a nationality, not an acronym: people are excluded.
        if (long.type === 'person') return false;
        const bare = sName.replace(/\./g, '');
        return [...long.names.values()].some(
          (n) =>
            initials(n, false) === bare ||
            initials(n, true) === bare ||
            (text.includes(`${n} (${sName})`) && initials(n, false).startsWith(bare[0] ?? '')),
        );
      }
      // A person's later short mentions are the tail of the full name ("Trump", "Zelensky").
      // Places are left alone: "Washington" the city is not "George Washington".
      if (long.type !== 'person' || short.type === 'place') return false;
      return nameTokens(long).some(
        (t) => t.length > sWords.length && t.slice(-sWords.length).join(' ') === sWords.join(' '),
      );
    });
    if (candidates.length === 0) continue;
    // Two people sharing a surname: the one mentioned most recently before it wins.
    const firstAt = short.mentions[0]?.start ?? 0;
    const lastBefore = (g: Group): number =>
      Math.max(-1, ...g.mentions.filter((m) => m.start < firstAt).map((m) => m.start));
    const target = candidates.reduce((a, b) => (lastBefore(b) > lastBefore(a) ? b : a));
    for (const [k, v] of short.names) if (!target.names.has(k)) target.names.set(k, v);
    target.mentions.push(...short.mentions);
    absorbed.add(short);
  }

  // 5. Canonical name: a hint if one names the entity, else the most complete form.
  const hintNames = new Map(hints.map((h) => [norm(h.name), h.name]));
  return groups
    .filter((g) => !absorbed.has(g))
    .map((g): Entity => {
      const hinted = [...g.names.keys()].find((k) => hintNames.has(k));
      const name = hinted !== undefined ? (g.names.get(hinted) ?? longest(g)) : longest(g);
      const mentionsSorted = [...g.mentions].sort((a, b) => a.start - b.start);
      return {
        type: g.type,
        name,
        aliases: [...g.names.entries()].filter(([k]) => k !== norm(name)).map(([, v]) => v),
        mentions: mentionsSorted.map((m) => ({ start: m.start, end: m.end })),
      };
    })
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}
