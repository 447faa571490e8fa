// BILOU tags over the four CoNLL types: MISC is learnt (it keeps "Russian" or "Tomahawk"
// from being forced into another type) but never output.
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];

const PARTS = ['B', 'I', 'L', 'U'] as const;
type Part = (typeof PARTS)[number];

/** Number of tags: O plus B/I/L/U for each type. */
export const N_TAGS = 1 + TYPES.length * PARTS.length;
export const O = 0;

/** Tag index for a part of a type. */
export function tagOf(part: Part, type: NerType): number {
  return 1 + TYPES.indexOf(type) * PARTS.length + PARTS.indexOf(part);
}

/** The part (B/I/L/U) of a tag, or 'O'. */
export function partOf(tag: number): Part | 'O' {
  return tag === O ? 'O' : (PARTS[(tag - 1) % PARTS.length] ?? 'O');
}

/** The type of a non-O tag. */
export function typeOf(tag: number): NerType | null {
  return tag === O ? null : (TYPES[Math.floor((tag - 1) / PARTS.length)] ?? null);
}

/** Readable tag name, for features and debugging. */
export function tagName(tag: number): string {
  const t = typeOf(tag);
  return t === null ? 'O' : `${partOf(tag)}-${t}`;
}

/** Whether `to` may follow `from` (-1 = sentence start) under BILOU. */
export function allowed(from: number, to: number): boolean {
  const fp = from < 0 ? 'O' : partOf(from);
  const tp = partOf(to);
  const open = fp === 'B' || fp === 'I';
  if (open) return (tp === 'I' || tp === 'L') && typeOf(from) === typeOf(to);
  return tp === 'O' || tp === 'B' || tp === 'U';
}

/** Whether a sequence may end on this tag. */
export function canEnd(tag: number): boolean {
  const p = partOf(tag);
  return p === 'O' || p === 'L' || p === 'U';
}

/** A typed token span [start, end) in token indices. */
export interface TagSpan {
  start: number;
  end: number;
  type: NerType;
}

/** Reads entity spans off a valid BILOU sequence. */
export function spansOf(tags: ArrayLike<number>): TagSpan[] {
  const spans: TagSpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? O;
    const part = partOf(tag);
    const type = typeOf(tag);
    if (part === 'B') open = i;
    else if (part === 'U' && type !== null) spans.push({ start: i, end: i + 1, type });
    else if (part === 'L' && type !== null && open >= 0) {
      spans.push({ start: open, end: i + 1, type });
      open = -1;
    }
  }
  return spans;
}

/** BILOU tags for spans over n tokens. */
export function tagsOf(n: number, spans: TagSpan[]): Uint8Array {
  const tags = new Uint8Array(n);
  for (const { start, end, type } of spans) {
    if (end - start === 1) tags[start] = tagOf('U', type);
    else {
      tags[start] = tagOf('B', type);
      for (let i = start + 1; i < end - 1; i++) tags[i] = tagOf('I', type);
      tags[end - 1] = tagOf('L', type);
    }
  }
  return tags;
}
