import type { Entity, EntityMention, EntityType } from '../types.ts';
import type { EntityHint } from './recognize.ts';
import { trimSpan } from './recognize.ts';

interface Mention extends EntityMention {
  /** Whether the span came from a page hint (it then wins over overlapping tagger output). */
  hinted?: boolean;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
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
  // Plain ASCII has no accents or curly quotes to remove.
  if (isAscii(s)) return s.replace(/\s+/g, ' ').trim().toLowerCase();
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

/** Memoises a string function for the length of one merge (names repeat a lot). */
function memo<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = f(s);
      cache.set(s, v);
    }
    return v;
  };
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Case-insensitive key of a word; equal for words the `iu` regex flags treat as equal. */
function foldKey(w: string): string {
  const lower = w.toLowerCase();
  // Outside ASCII, lower case alone does not fold "ſ" to "s": a round trip through upper does.
  return isAscii(lower) ? lower : lower.toUpperCase().toLowerCase();
}

// Letter-or-digit and capital-or-digit classes of BMP code points, filled in as met.
const LN = 1;
const CAP = 2;
const KNOWN = 4;
const CHAR_CLASS = new Uint8Array(0x10000);
const LN_RE = /^[\p{L}\p{N}]$/u;
const CAP_RE = /^[\p{Lu}\p{N}]$/u;

function charClass(cp: number): number {
  if (cp < 128) {
    if ((cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57)) return LN | CAP;
    return cp >= 97 && cp <= 122 ? LN : 0;
  }
  let c = cp < 0x10000 ? (CHAR_CLASS[cp] ?? 0) : 0;
  if ((c & KNOWN) === 0) {
    const ch = String.fromCodePoint(cp);
    c = KNOWN | (LN_RE.test(ch) ? LN : 0) | (CAP_RE.test(ch) ? CAP : 0);
    if (cp < 0x10000) CHAR_CLASS[cp] = c;
  }
  return c;
}

/** Calls `f` for every maximal run of letters and digits (only capitalised ones if asked). */
function wordRuns(
  text: string,
  capitalOnly: boolean,
  f: (start: number, end: number) => void,
): void {
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const c = charClass(cp);
    if ((c & LN) === 0) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    for (;;) {
      if (i >= text.length) break;
      const next = text.codePointAt(i) ?? 0;
      if ((charClass(next) & LN) === 0) break;
      i += next > 0xffff ? 2 : 1;
    }
    if (!capitalOnly || (c & CAP) !== 0) f(start, i);
  }
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;
const HEAD_RUN = /^[\p{L}\p{N}]+/u;
const CAP_START = /^[\p{Lu}\p{N}]/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** The code point at `i` as a string (one or two UTF-16 units). */
function codePointAt(s: string, i: number): string {
  const c = s.codePointAt(i) ?? 0;
  return c > 0xffff ? s.slice(i, i + 2) : s.charAt(i);
}

/** What `\s` matches in a JavaScript regex. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Where each word of the text starts, by its case-folded form, so finding a name's
 * occurrences checks only the places where its first word occurs instead of scanning the
 * whole text once per name.
 */
class TextIndex {
  /** Words starting with a capital or digit, where an occurrence may start. */
  private readonly capital: Map<string, number[]>;
  /** All words, needed only for a name that could overlap itself (see below). */
  private all: Map<string, number[]> | null = null;
  private parens: Map<string, number[]> | null = null;

  constructor(readonly text: string) {
    this.capital = TextIndex.build(text, true);
  }

  private static build(text: string, capitalOnly: boolean): Map<string, number[]> {
    const starts = new Map<string, number[]>();
    wordRuns(text, capitalOnly, (start, end) => {
      const k = foldKey(text.slice(start, end));
      const list = starts.get(k);
      if (list === undefined) starts.set(k, [start]);
      else list.push(start);
    });
    return starts;
  }

  /** Every whole-word, capitalised occurrence of `name` (spaces match any whitespace). */
  occurrences(name: string): { start: number; end: number }[] {
    const trimmed = name.trim();
    if (trimmed.length < 2) return [];
    const out: { start: number; end: number }[] = [];
    const head = HEAD_RUN.exec(trimmed)?.[0];
    if (head === undefined) {
      const source = `(?<![\\p{L}\\p{N}])${escapeRe(trimmed).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`;
      // A name not starting with a letter or digit (only ever a page hint): plain scan.
      const re = new RegExp(source, 'giu');
      for (let m = re.exec(this.text); m !== null; m = re.exec(this.text)) {
        if (CAP_START.test(m[0])) out.push({ start: m.index, end: m.index + m[0].length });
      }
      return out;
    }
    // A match starts where a word equal to the name's first word starts; the rest is
    // compared piece by piece, any run of whitespace matching any other. Only matches
    // starting with a capital count, but a lower-case one still hides any later match
    // it overlaps, which needs a word inside the name equal to its first word: only such
    // names look at lower-case starts too.
    const pieces = trimmed.split(/\s+/);
    const keys = pieces.map(foldKey);
    const headKey = foldKey(head);
    const runs = trimmed.match(WORD_RUN) ?? [];
    const selfOverlapping = runs.slice(1).some((r) => foldKey(r) === headKey);
    if (selfOverlapping) this.all ??= TextIndex.build(this.text, false);
    const starts = (selfOverlapping ? this.all : this.capital)?.get(headKey) ?? [];
    const text = this.text;
    let from = 0;
    for (const at of starts) {
      if (at < from) continue;
      let pos = at;
      let ok = true;
      for (let i = 0; i < pieces.length && ok; i++) {
        const piece = pieces[i] ?? '';
        if (i > 0) {
          const ws = pos;
          while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
          if (pos === ws) ok = false;
        }
        const slice = text.slice(pos, pos + piece.length);
        if (slice !== piece && foldKey(slice) !== keys[i]) ok = false;
        pos += piece.length;
      }
      if (!ok || (pos < text.length && LETTER_OR_DIGIT.test(codePointAt(text, pos)))) continue;
      from = pos;
      if (CAP_START.test(text.slice(at, pos))) out.push({ start: at, end: pos });
    }
    return out;
  }

  /** Whether the text contains `${name} (${inner})`. */
  hasParenthesised(name: string, inner: string): boolean {
    if (this.parens === null) {
      // Short bracketed strings (acronyms are at most 8 characters), by content.
      this.parens = new Map();
      const text = this.text;
      for (let i = text.indexOf('('); i >= 0; i = text.indexOf('(', i + 1)) {
        const close = text.indexOf(')', i + 1);
        if (close < 0) break;
        if (close - i - 1 > 8) continue;
        const content = text.slice(i + 1, close);
        if (content.includes('(')) continue;
        const list = this.parens.get(content);
        if (list === undefined) this.parens.set(content, [i]);
        else list.push(i);
      }
    }
    const needle = `${name} `;
    for (const at of this.parens.get(inner) ?? []) {
      if (at >= needle.length && this.text.startsWith(needle, at - needle.length)) return true;
    }
    return false;
  }
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

// Surnames go into full names, acronyms into expansions, repeats into one; page hints add
// or override spans and name the entity.
/** Groups mentions into entities, so a reader sees one "Donald Trump", not three names. */
export function mergeEntities(
  text: string,
  mentions: EntityMention[],
  hints: EntityHint[] = [],
): Entity[] {
  const index = new TextIndex(text);
  const normOf = memo(norm);
  const wordsOf = memo(words);
  const initialsOf = memo((n) => [initials(n, false), initials(n, true)] as const);

  // 1. Normalise spans (a caller may pass "Zelensky's") and add hinted occurrences.
  let all: Mention[] = mentions
    .map((m) => {
      const { start, end } = trimSpan(text, m.start, m.end);
      return { type: m.type, start, end, text: text.slice(start, end) };
    })
    .filter((m) => m.end > m.start);
  for (const hint of [...hints].sort((a, b) => b.name.length - a.name.length)) {
    for (const occ of index.occurrences(hint.name)) {
      const span = trimSpan(text, occ.start, occ.end);
      const clashing = all.filter((m) => overlaps(m, span));
      if (clashing.some((m) => m.hinted)) continue;
      const type =
        hint.type ??
        clashing[0]?.type ??
        all.find((m) => normOf(m.text) === normOf(hint.name))?.type ??
        (wordsOf(hint.name).length >= 2 && /^\p{Lu}\p{Ll}/u.test(hint.name)
          ? 'person'
          : 'organization');
      all = all.filter((m) => !overlaps(m, span));
      all.push({ type, ...span, text: text.slice(span.start, span.end), hinted: true });
    }
  }

  // 2. Names recognised once are marked wherever else they occur, capitalised. Which
  // characters are already taken is kept per character, as mentions are short.
  const taken = new Uint8Array(text.length);
  const take = (m: { start: number; end: number }): void => {
    taken.fill(1, m.start, m.end);
  };
  const isFree = (m: { start: number; end: number }): boolean => {
    for (let i = m.start; i < m.end; i++) if (taken[i] === 1) return false;
    return true;
  };
  for (const m of all) take(m);
  const known = new Map<string, EntityType>();
  for (const m of all) if (!known.has(m.text) && m.text.length >= 3) known.set(m.text, m.type);
  for (const [name, type] of [...known.entries()].sort((a, b) => b[0].length - a[0].length)) {
    for (const occ of index.occurrences(name)) {
      if (!isFree(occ) || insideLongerName(text, occ)) continue;
      all.push({ type, ...occ, text: text.slice(occ.start, occ.end) });
      take(occ);
    }
  }
  all.sort((a, b) => a.start - b.start);

  // 3. Same name (up to case and accents) and same type: one group.
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const m of all) {
    const n = normOf(m.text);
    const k = `${m.type}|${n}`;
    let g = byKey.get(k);
    if (g === undefined) {
      g = { type: m.type, names: new Map([[n, m.text]]), mentions: [] };
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
    const list = sameName.get(k);
    if (list === undefined) sameName.set(k, [g]);
    else list.push(g);
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

  // The most complete name of a group, cached until the group takes in more names.
  const longestCache = new Map<Group, { name: string; words: number }>();
  const longest = (g: Group): { name: string; words: number } => {
    let c = longestCache.get(g);
    if (c === undefined) {
      let best = '';
      let bestN = 0;
      for (const surface of g.names.values()) {
        const n = wordsOf(surface).length;
        if (n > bestN || (n === bestN && surface.length > best.length)) {
          best = surface;
          bestN = n;
        }
      }
      c = { name: best, words: bestN };
      longestCache.set(g, c);
    }
    return c;
  };

  // 4. Shorter names into longer ones: surnames and name tails for people, acronyms for anyone.
  const order = groups
    .filter((g) => !absorbed.has(g))
    .sort((a, b) => longest(b).words - longest(a).words);
  const rank = new Map(order.map((g, i) => [g, i]));
  // Candidate lookups: people by the last word of each name (a surname matches the tail),
  // everyone else by the initials of each name (an acronym matches them).
  const byLastWord = new Map<string, Set<Group>>();
  const byInitials = new Map<string, Set<Group>>();
  const addTo = (map: Map<string, Set<Group>>, k: string, g: Group): void => {
    const set = map.get(k);
    if (set === undefined) map.set(k, new Set([g]));
    else set.add(g);
  };
  const indexName = (g: Group, key: string, surface: string): void => {
    if (g.type === 'person') {
      const t = key.split(' ');
      addTo(byLastWord, t[t.length - 1] ?? '', g);
    } else {
      const [a, b] = initialsOf(surface);
      addTo(byInitials, a, g);
      addTo(byInitials, b, g);
    }
  };
  for (const g of order) for (const [k, v] of g.names) indexName(g, k, v);

  for (const short of order) {
    const sName = longest(short).name;
    const sWords = wordsOf(sName);
    const acronym = isAcronym(sName);
    const bare = sName.replace(/\./g, '');
    const sTail = sWords.join(' ');
    let pool: Iterable<Group>;
    if (acronym) {
      const parenthesised = text.includes(`(${sName})`);
      pool = parenthesised ? order : (byInitials.get(bare) ?? []);
    } else if (short.type === 'place') pool = [];
    else if (sWords.length === 0) pool = order;
    else pool = byLastWord.get(sWords[sWords.length - 1] ?? '') ?? [];
    const candidates = [...pool].filter((long) => {
      if (long === short || absorbed.has(long)) return false;
      if (longest(long).words <= sWords.length) return false;
      if (acronym) {
        // "Michael Chang (U.S.)" gives a nationality, not an acronym: people are excluded.
        if (long.type === 'person') return false;
        return [...long.names.values()].some((n) => {
          const [a, b] = initialsOf(n);
          return (
            a === bare ||
            b === bare ||
            (a.startsWith(bare[0] ?? '') && index.hasParenthesised(n, sName))
          );
        });
      }
      // A person's later short mentions are the tail of the full name ("Trump", "Zelensky").
      // Places are left alone: "Washington" the city is not "George Washington".
      if (long.type !== 'person' || short.type === 'place') return false;
      return [...long.names.keys()].some((k) => {
        const t = k.split(' ');
        return t.length > sWords.length && t.slice(-sWords.length).join(' ') === sTail;
      });
    });
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    // Two people sharing a surname: the one mentioned most recently before it wins.
    const firstAt = short.mentions[0]?.start ?? 0;
    const lastBefore = (g: Group): number => {
      let last = -1;
      for (const m of g.mentions) if (m.start < firstAt && m.start > last) last = m.start;
      return last;
    };
    const target = candidates.reduce((a, b) => (lastBefore(b) > lastBefore(a) ? b : a));
    for (const [k, v] of short.names) {
      if (target.names.has(k)) continue;
      target.names.set(k, v);
      indexName(target, k, v);
    }
    longestCache.delete(target);
    target.mentions.push(...short.mentions);
    absorbed.add(short);
  }

  // 5. Canonical name: a hint if one names the entity, else the most complete form.
  const hintNames = new Map(hints.map((h) => [normOf(h.name), h.name]));
  return groups
    .filter((g) => !absorbed.has(g))
    .map((g): Entity => {
      const hinted = [...g.names.keys()].find((k) => hintNames.has(k));
      const name =
        hinted !== undefined ? (g.names.get(hinted) ?? longest(g).name) : longest(g).name;
      const mentionsSorted = [...g.mentions].sort((a, b) => a.start - b.start);
      return {
        type: g.type,
        name,
        aliases: [...g.names.entries()].filter(([k]) => k !== normOf(name)).map(([, v]) => v),
        mentions: mentionsSorted.map((m) => ({ start: m.start, end: m.end })),
      };
    })
    .sort((a, b) => (a.mentions[0]?.start ?? 0) - (b.mentions[0]?.start ?? 0));
}
