import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findTermRanges } from '@/lib/highlight/find-terms';

function body(html: string): HTMLElement {
  return new JSDOM(`<body>${html}</body>`).window.document.body;
}

describe('findTermRanges', () => {
  it('finds whole-word mentions, across inline markup, longest term first', () => {
    const root = body(
      '<p>U.S. President Donald <a href="#">Trump</a> said Trumpism is not <b>Trump</b>.</p><script>Trump</script>',
    );
    const found = findTermRanges(root, ['Trump', 'Donald Trump']).map((r) => r.toString());
    expect(found).toEqual(['Donald Trump', 'Trump']);
  });

  it('finds nothing for no terms or one-letter terms', () => {
    expect(findTermRanges(body('<p>A b c</p>'), [])).toEqual([]);
    expect(findTermRanges(body('<p>A b c</p>'), ['A', ' '])).toEqual([]);
  });

  it('treats terms as text, not patterns', () => {
    const root = body('<p>Who is (ICC)? And who is ICC.*?</p>');
    expect(findTermRanges(root, ['(ICC)', 'ICC.*']).map((r) => r.toString())).toEqual([
      '(ICC)',
      'ICC.*',
    ]);
  });
});
