import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { canPaintHighlights } from '@/lib/highlight/paint';
import { MARK_TAG, wrapRange } from '@/lib/highlight/wrap';

function setup(html: string) {
  const dom = new JSDOM(`<body>${html}</body>`);
  const serialize = (node: Node) => new dom.window.XMLSerializer().serializeToString(node);
  return { win: dom.window as unknown as Window, doc: dom.window.document, serialize };
}

describe('wrapRange (the fallback without CSS highlights)', () => {
  it('is what a browser without the Highlight API gets', () => {
    expect(canPaintHighlights(setup('').win)).toBe(false);
  });

  it('wraps a passage across inline markup with styles page CSS cannot override, and undoes it', () => {
    const { doc, serialize } = setup(
      '<p id="p">President Donald <a href="#x">Trump</a> said so.</p>',
    );
    const p = doc.getElementById('p') as HTMLElement;
    const original = serialize(p);
    const range = doc.createRange();
    const first = p.firstChild as Text;
    range.setStart(first, 'President '.length);
    range.setEnd(p.querySelector('a')?.firstChild as Text, 'Trump'.length);
    const wrapped = wrapRange(range, 'background-color: rgba(255, 212, 0, 0.45)');
    // The range now covers exactly the wrapped text, so it still reads the passage.
    expect(range.toString()).toBe('Donald Trump');
    const marks = [...p.querySelectorAll(MARK_TAG)];
    expect(marks.map((m) => m.textContent)).toEqual(['Donald ', 'Trump']);
    expect(marks[0]?.getAttribute('style')).toContain(
      'background-color: rgba(255, 212, 0, 0.45) !important',
    );
    // The link is still a link, with its text inside it.
    expect(p.querySelector('a')?.textContent).toBe('Trump');
    expect(p.textContent).toBe('President Donald Trump said so.');
    wrapped.restyle('background-color: red');
    expect(marks[1]?.getAttribute('style')).toContain('background-color: red !important');
    wrapped.unwrap();
    expect(serialize(p)).toBe(original);
    expect(p.childNodes).toHaveLength(3);
  });
});
