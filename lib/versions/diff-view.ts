import { diffWordsWithSpace } from 'diff';

/** A span of a text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** A run of text in the diff view: in both versions, only the old, or only the new. */
export interface DiffPiece {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** True when the reader marked this text (in the version it belongs to). */
  marked: boolean;
}

/** What the diff view shows: pieces, and gaps where long unchanged text is folded away. */
export type DiffItem = DiffPiece | { kind: 'gap'; chars: number };

/** The diff view of two versions, ready to render. */
export interface DiffModel {
  items: DiffItem[];
  /** Characters deleted and inserted. */
  removed: number;
  added: number;
}

/** Unchanged text kept on each side of a change; longer unchanged runs are folded. */
export const CONTEXT_CHARS = 240;

/** Most words the diff looks for before it shows the two versions whole, one after the other. */
const MAX_EDIT_WORDS = 20_000;

function inAny(spans: readonly Span[], at: number): boolean {
  return spans.some((s) => s.start <= at && at < s.end);
}

/** Splits [from, to) of a text where the reader's marks begin and end. */
function split(
  kind: DiffPiece['kind'],
  text: string,
  from: number,
  spans: readonly Span[],
): DiffPiece[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    if (s.start > from && s.start < from + text.length) cuts.add(s.start - from);
    if (s.end > from && s.end < from + text.length) cuts.add(s.end - from);
  }
  const at = [...cuts].sort((a, b) => a - b);
  const pieces: DiffPiece[] = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const [a, b] = [at[i] as number, at[i + 1] as number];
    pieces.push({ kind, text: text.slice(a, b), marked: inAny(spans, from + a) });
  }
  return pieces;
}

/** Folds the middle of an unchanged run longer than twice the context. */
function fold(piece: DiffPiece[], first: boolean, last: boolean): DiffItem[] {
  const text = piece.map((p) => p.text).join('');
  const keepHead = first ? 0 : CONTEXT_CHARS;
  const keepTail = last ? 0 : CONTEXT_CHARS;
  if (text.length <= keepHead + keepTail + 40) return piece;
  const out: DiffItem[] = [];
  let offset = 0;
  const gapFrom = keepHead;
  const gapTo = text.length - keepTail;
  for (const p of piece) {
    const start = offset;
    const end = offset + p.text.length;
    offset = end;
    const head = p.text.slice(0, Math.max(0, Math.min(end, gapFrom) - start));
    const tail = p.text.slice(Math.max(0, gapTo - start));
    if (head) out.push({ ...p, text: head });
    if (start < gapTo && end > gapFrom && !out.some((i) => i.kind === 'gap')) {
      out.push({ kind: 'gap', chars: gapTo - gapFrom });
    }
    if (tail && end > gapTo) out.push({ ...p, text: tail });
  }
  return out;
}

/**
 * The word-level diff (jsdiff) of two versions of a story, with the reader's marks placed in
 * both: `oldMarks` are spans of the old text, `newMarks` of the new. Long unchanged runs are
 * folded to their ends, so a 10,000-word story with a few edits stays short to read and paint.
 */
export function buildDiffView(
  oldText: string,
  newText: string,
  oldMarks: readonly Span[] = [],
  newMarks: readonly Span[] = [],
): DiffModel {
  const changes = diffWordsWithSpace(oldText, newText, { maxEditLength: MAX_EDIT_WORDS }) ?? [
    { value: oldText, removed: true, added: false, count: 1 },
    { value: newText, added: true, removed: false, count: 1 },
  ];
  const runs: DiffPiece[][] = [];
  let oldAt = 0;
  let newAt = 0;
  let removed = 0;
  let added = 0;
  for (const change of changes) {
    const text = change.value;
    if (text.length === 0) continue;
    if (change.added) {
      runs.push(split('added', text, newAt, newMarks));
      newAt += text.length;
      added += text.length;
    } else if (change.removed) {
      runs.push(split('removed', text, oldAt, oldMarks));
      oldAt += text.length;
      removed += text.length;
    } else {
      // Unchanged text is marked where the reader marked it in the old version.
      runs.push(split('same', text, oldAt, oldMarks));
      oldAt += text.length;
      newAt += text.length;
    }
  }
  const items: DiffItem[] = [];
  runs.forEach((run, i) => {
    if (run[0]?.kind === 'same') items.push(...fold(run, i === 0, i === runs.length - 1));
    else items.push(...run);
  });
  return { items, removed, added };
}
