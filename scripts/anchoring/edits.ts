/**
 * Synthetic edits of an article with known ground truth: where a highlighted passage stands
 * after the edit, whether it changed, or that it is gone. Articles are lists of paragraphs.
 */
import type { Rng } from './rng';

/** One paragraph; ids survive edits so a highlight can be followed. */
export interface Para {
  id: number;
  text: string;
}

/** A passage: characters [start, end) of the paragraph with this id. */
export interface Spot {
  id: number;
  start: number;
  end: number;
}

/** How long a highlight is. */
export type LengthClass = 'words' | 'part' | 'sentence' | 'multi';

/** What was done to the article around the highlight. */
export type EditKind =
  | 'none'
  | 'insert'
  | 'move'
  | 'typography'
  | 'reword-context'
  | 'reword'
  | 'rewrite'
  | 'delete-paragraph'
  | 'delete-passage';

/** Every kind of edit, in report order. */
export const EDIT_KINDS: readonly EditKind[] = [
  'none',
  'insert',
  'move',
  'typography',
  'reword-context',
  'reword',
  'rewrite',
  'delete-paragraph',
  'delete-passage',
];

/**
 * Where the passage is after the edits. 'same': identical text (white space aside); 'changed':
 * edited but still mostly the same words; 'rewritten': the place exists but its words are
 * mostly new; 'gone': deleted.
 */
export interface Truth {
  kind: 'same' | 'changed' | 'rewritten' | 'gone';
  spot: Spot | null;
}

/** One highlight on one article, before and after an edit. */
export interface Trial {
  original: Para[];
  highlight: Spot;
  edited: Para[];
  truth: Truth;
  edit: EditKind;
  length: LengthClass;
}

/** Characters [start, end) of a text. */
export type Span = [number, number];

function words(text: string): Span[] {
  return [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

function sentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/[^.!?]+(?:[.!?]+["'”’)\]]*|$)/g)) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = m.index + lead;
    const e = m.index + m[0].trimEnd().length;
    if (e - s >= 2) spans.push([s, e]);
  }
  return spans;
}

/** Trim punctuation a reader would not select from the ends of a word span. */
function trimSpan(text: string, [s, e]: Span): Span {
  while (s < e && /[("“‘'«[]/.test(text[s] as string)) s++;
  while (e > s && /[,;:)"”’'»\]]/.test(text[e - 1] as string)) e--;
  return [s, e];
}

/** A passage of the given length class in a paragraph text, or null if it has none. */
export function pickPassage(rng: Rng, text: string, length: LengthClass): Span | null {
  const ws = words(text);
  const ss = sentences(text);
  if (ws.length < 3 || ss.length === 0) return null;
  if (length === 'words' || length === 'part') {
    const n = length === 'words' ? rng.int(1, 3) : rng.int(4, 10);
    if (ws.length < n) return null;
    const i = rng.int(0, ws.length - n);
    const span = trimSpan(text, [(ws[i] as Span)[0], (ws[i + n - 1] as Span)[1]]);
    return span[1] - span[0] >= 2 ? span : null;
  }
  if (length === 'sentence') return rng.pick(ss);
  if (ss.length < 2) return [0, text.length];
  const n = Math.min(ss.length, rng.int(2, 3));
  const i = rng.int(0, ss.length - n);
  return [(ss[i] as Span)[0], (ss[i + n - 1] as Span)[1]];
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Apply non-overlapping replacements; returns the new text and an offset mapper. */
function replace(text: string, edits: Replacement[]): { text: string; map: (o: number) => number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const r of sorted) {
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  out += text.slice(at);
  const map = (o: number) => {
    let shift = 0;
    for (const r of sorted) if (r.end <= o) shift += r.text.length - (r.end - r.start);
    return o + shift;
  };
  return { text: out, map };
}

/** Replace `count` random words of text[span] with vocabulary words. */
function rewordInside(rng: Rng, text: string, span: Span, count: number, vocab: string[]) {
  const inside = words(text).filter(([s, e]) => s >= span[0] && e <= span[1]);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, inside.length)) chosen.add(rng.int(0, inside.length - 1));
  const edits: Replacement[] = [...chosen].map((i) => {
    const [s, e] = trimSpan(text, inside[i] as Span);
    let word = rng.pick(vocab);
    while (word === text.slice(s, e)) word = rng.pick(vocab);
    return { start: s, end: e, text: word };
  });
  return replace(text, edits);
}

/** Straight quotes to curly, spaced hyphens to dashes, some spaces to NBSP: 1:1 characters. */
function typeset(rng: Rng, text: string): string {
  return text
    .replace(/"(?=\w)/g, '\u201c')
    .replace(/"/g, '\u201d')
    .replace(/'/g, '\u2019')
    .replace(/ - /g, ' \u2013 ')
    .replace(/ /g, (sp) => (rng.next() < 0.15 ? '\u00a0' : sp));
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(sub, (prev[j] as number) + 1, (row[j - 1] as number) + 1));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

const norm = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

/** 'same', 'changed' or 'rewritten', from how much of the passage's text survived. */
function judge(before: string, after: string): Truth['kind'] {
  const a = norm(before);
  const b = norm(after);
  if (a === b) return 'same';
  const sim = 1 - levenshtein(a, b) / Math.max(a.length, b.length);
  return sim >= 0.5 ? 'changed' : 'rewritten';
}

/** Unrelated edits elsewhere in the article: what a real update does around a highlight. */
function background(
  rng: Rng,
  paras: Para[],
  keep: number,
  foreign: string[],
  nextId: () => number,
) {
  for (let n = rng.int(0, 2); n > 0; n--) {
    const r = rng.next();
    const others = paras.filter((p) => p.id !== keep);
    if (r < 0.4)
      paras.splice(rng.int(0, paras.length), 0, { id: nextId(), text: rng.pick(foreign) });
    else if (r < 0.7 && others.length > 2) paras.splice(paras.indexOf(rng.pick(others)), 1);
    else if (others.length > 0) {
      const p = rng.pick(others);
      p.text = typeset(rng, p.text);
    }
  }
}

/** Make one trial: a highlight on `article`, one edit of `edit` kind, and the ground truth. */
export function makeTrial(
  rng: Rng,
  article: string[],
  edit: EditKind,
  length: LengthClass,
  foreign: string[],
  vocab: string[],
): Trial | null {
  const original: Para[] = article.map((text, id) => ({ id, text }));
  let next = original.length;
  const nextId = () => next++;
  const target = rng.pick(original);
  const span = pickPassage(rng, target.text, length);
  if (!span) return null;
  const highlight: Spot = { id: target.id, start: span[0], end: span[1] };
  const passage = target.text.slice(span[0], span[1]);
  const edited = original.map((p) => ({ ...p }));
  const at = () => edited.findIndex((p) => p.id === target.id);
  const para = edited[at()] as Para;
  background(rng, edited, target.id, foreign, nextId);
  let spot: Spot | null = { ...highlight };

  switch (edit) {
    case 'none':
      break;
    case 'insert': {
      const r = rng.next();
      const where = r < 0.5 ? at() : r < 0.75 ? at() + 1 : 0;
      for (let n = rng.int(1, 2); n > 0; n--) {
        edited.splice(where, 0, { id: nextId(), text: rng.pick(foreign) });
      }
      break;
    }
    case 'move': {
      edited.splice(at(), 1);
      edited.splice(rng.int(0, edited.length), 0, para);
      break;
    }
    case 'typography':
      para.text = typeset(rng, para.text);
      break;
    case 'reword-context': {
      // Words just outside the passage, within the 32 characters its context covers.
      const near = words(para.text).filter(
        ([s, e]) => (e <= span[0] && e > span[0] - 32) || (s >= span[1] && s < span[1] + 32),
      );
      if (near.length === 0) return null;
      const edits = [rng.pick(near), rng.pick(near)].map(([s, e]) => ({
        start: s,
        end: e,
        text: rng.pick(vocab),
      }));
      const unique = edits.filter((r, i) => edits.findIndex((x) => x.start === r.start) === i);
      const { text, map } = replace(para.text, unique);
      para.text = text;
      spot = { id: para.id, start: map(span[0]), end: map(span[1]) };
      break;
    }
    case 'reword':
    case 'rewrite': {
      const n = words(passage).length;
      const count = edit === 'reword' ? (n >= 6 ? rng.int(1, 2) : 1) : Math.ceil(n * 0.7);
      const { text, map } = rewordInside(rng, para.text, span, count, vocab);
      para.text = text;
      // The passage's end moves with the edits inside it (map() only shifts by edits before).
      const end = map(span[1] + 1) - 1;
      spot = { id: para.id, start: map(span[0]), end };
      break;
    }
    case 'delete-paragraph':
      edited.splice(at(), 1);
      spot = null;
      break;
    case 'delete-passage': {
      const hit = sentences(para.text).filter(([s, e]) => s < span[1] && e > span[0]);
      const from = (hit[0] as Span)[0];
      const to = (hit[hit.length - 1] as Span)[1];
      para.text = (para.text.slice(0, from) + para.text.slice(to)).replace(/\s+/g, ' ').trim();
      if (para.text.length < 2) edited.splice(at(), 1);
      spot = null;
      break;
    }
  }
  if (!spot) return { original, highlight, edited, truth: { kind: 'gone', spot }, edit, length };
  const now = (edited.find((p) => p.id === spot.id) as Para).text.slice(spot.start, spot.end);
  return { original, highlight, edited, truth: { kind: judge(passage, now), spot }, edit, length };
}
