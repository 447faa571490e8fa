// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ensureHighlightStyle } from '@/lib/highlight/paint';
import { createPaintNames } from '@/lib/highlight/paint-names';
import { CLAIM_STATUSES } from '@/lib/model';

const TELLING = /claim|mark|highlight|unverified|supported|disputed|misleading|false|yellow/i;

describe('paint names', () => {
  it('names each look once per page, with nothing that tells the page what it is', () => {
    const names = createPaintNames();
    const looks = [...CLAIM_STATUSES.map((s) => `claim-${s}`), 'highlight-yellow', 'flash'];
    const given = looks.map((look) => names.nameFor(look));
    expect(new Set(given).size).toBe(looks.length);
    expect(looks.map((look) => names.nameFor(look))).toEqual(given);
    for (const name of given) {
      expect(name).toMatch(/^[a-z][a-z0-9]*$/);
      expect(name).not.toMatch(TELLING);
    }
    // Another page gets other names.
    expect(createPaintNames().nameFor('claim-false')).not.toBe(names.nameFor('claim-false'));
  });

  it('adds a look’s rule without an id, once, and again after the page removed it', () => {
    document.head.replaceChildren();
    ensureHighlightStyle(document, 'hx1', 'color: red;');
    ensureHighlightStyle(document, 'hx1', 'color: red;');
    const styles = document.head.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0]?.id).toBe('');
    expect(styles[0]?.textContent).toBe('::highlight(hx1) { color: red; }');
    styles[0]?.remove();
    ensureHighlightStyle(document, 'hx1', 'color: red;');
    expect(document.head.querySelectorAll('style')).toHaveLength(1);
  });
});
