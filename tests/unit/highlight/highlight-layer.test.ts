// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { HighlightLayer } from '@/lib/highlight/highlight-layer';
import { describe as describeRange } from '@/lib/anchoring/describe';
import type { AnnotationAnchor } from '@/lib/model';
import { passage } from './passage';

describe('HighlightLayer without the CSS Highlight API (jsdom)', () => {
  it('wraps anchored passages, reports outcomes once, and unwraps deleted ones', async () => {
    document.body.replaceChildren();
    for (const text of [
      'The minister said the bridge would open in spring.',
      'Critics doubt the date and the budget.',
    ]) {
      const p = document.createElement('p');
      p.textContent = text;
      document.body.append(p);
    }
    const anchors: AnnotationAnchor[] = [
      {
        id: crypto.randomUUID(),
        articleUrl: 'https://news.example.com/story',
        kind: 'claim',
        status: 'disputed',
        color: 'yellow',
        selectors: describeRange(document.body, passage('the bridge would open in spring')),
      },
      {
        id: crypto.randomUUID(),
        articleUrl: 'https://news.example.com/story',
        kind: 'highlight',
        status: null,
        color: 'green',
        selectors: {
          quote: {
            type: 'TextQuoteSelector',
            exact: 'a passage that is gone',
            prefix: '',
            suffix: '',
          },
        },
      },
    ];
    let current = anchors;
    const report = vi.fn(() => Promise.resolve());
    const layer = new HighlightLayer(document, () => Promise.resolve(current), report);
    expect(layer.isEmpty).toBe(true);
    await layer.refresh();
    expect(layer.isEmpty).toBe(false);
    const marks = [...document.querySelectorAll('claimmark-mark')];
    expect(marks.map((m) => m.textContent).join('')).toBe('the bridge would open in spring');
    expect(marks[0]?.getAttribute('style')).toContain(
      'text-decoration: underline 2px #b45309 !important',
    );
    expect(report).toHaveBeenCalledWith([
      { id: anchors[0]?.id, status: 'anchored', text: null },
      { id: anchors[1]?.id, status: 'orphan', text: null },
    ]);
    // Nothing moved: a second pass neither re-wraps nor reports again.
    await layer.refresh();
    expect(document.querySelectorAll('claimmark-mark')).toHaveLength(marks.length);
    expect(report).toHaveBeenCalledTimes(1);
    expect(layer.needsRefresh()).toBe(true); // the orphan may yet appear in late content
    current = [];
    await layer.refresh();
    expect(layer.isEmpty).toBe(true);
    expect(document.querySelectorAll('claimmark-mark')).toHaveLength(0);
    expect(document.body.textContent).toBe(
      'The minister said the bridge would open in spring.Critics doubt the date and the budget.',
    );
  });
});

describe('HighlightLayer with a stored version', () => {
  it('follows the background’s diff for a note made on a version, and asks only then', async () => {
    document.body.replaceChildren();
    const sentence = 'Critics doubt the date and the budget.';
    // The story now quotes the sentence twice: a pull quote above, the original below.
    for (const text of [sentence, 'The minister said the bridge would open in spring.', sentence]) {
      const p = document.createElement('p');
      p.textContent = text;
      document.body.append(p);
    }
    const text = document.body.textContent;
    const quote = { type: 'TextQuoteSelector' as const, exact: sentence, prefix: '', suffix: '' };
    const anchor: AnnotationAnchor = {
      id: crypto.randomUUID(),
      articleUrl: 'https://news.example.com/story',
      kind: 'highlight',
      status: null,
      color: 'yellow',
      selectors: { quote, position: { type: 'TextPositionSelector', start: 2, end: 40 } },
      version: 1,
    };
    const second = text.lastIndexOf(sentence);
    const remap = vi.fn((seen: string) => {
      expect(seen).toBe(text);
      return Promise.resolve([
        { id: anchor.id, kind: 'kept' as const, start: second, end: second + sentence.length },
      ]);
    });
    const report = vi.fn(() => Promise.resolve());
    const layer = new HighlightLayer(
      document,
      () => Promise.resolve([anchor]),
      report,
      undefined,
      remap,
    );
    await layer.refresh();
    expect(remap).toHaveBeenCalledTimes(1);
    const mark = document.querySelector('claimmark-mark');
    // Drawn on the third paragraph, the one the note was made on, not the pull quote.
    expect(mark?.closest('p')).toBe(document.querySelectorAll('p')[2]);

    // A note without a version does not send the page's text anywhere.
    const plain = { ...anchor, id: crypto.randomUUID(), version: undefined };
    const quiet = vi.fn(() => Promise.resolve([]));
    document.querySelectorAll('claimmark-mark').forEach((m) => m.replaceWith(...m.childNodes));
    await new HighlightLayer(
      document,
      () => Promise.resolve([plain]),
      report,
      undefined,
      quiet,
    ).refresh();
    expect(quiet).not.toHaveBeenCalled();
  });
});
