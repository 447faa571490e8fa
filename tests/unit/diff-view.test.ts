import { describe, expect, it } from 'vitest';
import { CONTEXT_CHARS, buildDiffView, type DiffItem } from '@/lib/versions/diff-view';

const text = (items: DiffItem[], kind: string) =>
  items.flatMap((i) => (i.kind === kind && 'text' in i ? [i.text] : [])).join('');

describe('the diff view of two versions', () => {
  const before =
    'Trump will meet Putin in Budapest. It remains unclear who will represent Russia. Orban called it great news.';
  const after = 'Trump will meet Putin in Hungary. Orban called it great news.';

  it('shows deleted and inserted words, and how much of each', () => {
    const view = buildDiffView(before, after);
    expect(text(view.items, 'removed')).toContain('It remains unclear who will represent Russia.');
    expect(text(view.items, 'removed')).toContain('Budapest');
    expect(text(view.items, 'added')).toContain('Hungary');
    expect(view.removed).toBeGreaterThan(view.added);
    // Read in order, the old pieces give the old text and the new pieces the new text.
    const old = view.items.flatMap((i) =>
      i.kind === 'same' || i.kind === 'removed' ? [i.text] : [],
    );
    const now = view.items.flatMap((i) =>
      i.kind === 'same' || i.kind === 'added' ? [i.text] : [],
    );
    expect(old.join('')).toBe(before);
    expect(now.join('')).toBe(after);
  });

  it('places the reader’s marks in the version they belong to', () => {
    const gone = 'It remains unclear who will represent Russia.';
    const oldStart = before.indexOf(gone);
    const newClaim = after.indexOf('Trump will meet Putin in Hungary');
    const view = buildDiffView(
      before,
      after,
      [{ start: oldStart, end: oldStart + gone.length }],
      [{ start: newClaim, end: newClaim + 'Trump will meet Putin in Hungary'.length }],
    );
    const marked = (kind: string) =>
      view.items
        .filter((i) => i.kind === kind && 'marked' in i && i.marked)
        .map((i) => ('text' in i ? i.text : ''))
        .join('');
    expect(marked('removed')).toContain('remains unclear who will represent Russia.');
    expect(marked('added')).toBe('Hungary');
    expect(marked('same')).toBe('');
  });

  it('folds long unchanged text around the changes', () => {
    const filler = 'Unchanged sentence number ten. '.repeat(100);
    const view = buildDiffView(`${filler}Old ending.`, `${filler}New ending.`);
    const gap = view.items.find((i) => i.kind === 'gap');
    expect(gap).toBeDefined();
    const shown = text(view.items, 'same');
    expect(shown.length).toBeLessThanOrEqual(CONTEXT_CHARS + 20);
    expect(text(view.items, 'removed')).toBe('Old');
    expect(text(view.items, 'added')).toBe('New');
  });

  it('says nothing changed when nothing did', () => {
    const view = buildDiffView(before, before);
    expect(view.removed + view.added).toBe(0);
  });
});
