import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { anchorInModel } from '../../lib/anchoring/anchor.ts';
import { buildTextModel, describe as describeRange } from '../../lib/anchoring/index.ts';
import { diffVersions, type VersionMapping } from '../../lib/anchoring/version-map.ts';
import { passageRange } from '../support/anchoring/passage.ts';

/** Where `quote` (the `nth` occurrence) of `before` lands in `after`, through the diff. */
function follow(
  before: string,
  after: string,
  quote: string,
  nth = 0,
): VersionMapping & { text?: string } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = before.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`test passage not found: ${quote}`);
  const diff = diffVersions(before, after);
  if (!diff) throw new Error('no diff');
  const mapped = diff.map(start, start + quote.length);
  return 'start' in mapped ? { ...mapped, text: after.slice(mapped.start, mapped.end) } : mapped;
}

const STORY = [
  'The minister said the bridge would open in spring.',
  'Critics said the cost had doubled since 2021.',
  'The council will vote on Tuesday.',
].join('\n\n');

describe('following a passage through the diff from the version it was made on', () => {
  it('keeps its place after insertions before it, with new offsets', () => {
    const after = `Update: a correction was added.\n\n${STORY}`;
    const mapped = follow(STORY, after, 'the cost had doubled');
    expect(mapped).toMatchObject({ kind: 'kept', text: 'the cost had doubled' });
    expect(mapped).toMatchObject({ start: after.indexOf('the cost had doubled') });
  });

  it('is gone when its passage was deleted, and nowhere else', () => {
    const after = STORY.replace('Critics said the cost had doubled since 2021.\n\n', '');
    expect(follow(STORY, after, 'the cost had doubled')).toEqual({ kind: 'deleted' });
  });

  it('is found where a moved paragraph went', () => {
    const [a, b, c] = STORY.split('\n\n') as [string, string, string];
    const after = [a, c, 'A new paragraph about the budget.', b].join('\n\n');
    // Which side of the swap the diff calls "moved" is its choice; the place is not.
    const mapped = follow(STORY, after, 'the cost had doubled');
    expect(['kept', 'moved']).toContain(mapped.kind);
    expect(mapped).toMatchObject({ start: after.indexOf('the cost had doubled') });
  });

  it('stays on its own sentence when that sentence now stands twice', () => {
    // A pull quote repeats the sentence above the story: the search alone could not tell which.
    const after = `Critics said the cost had doubled since 2021.\n\n${STORY}`;
    const mapped = follow(STORY, after, 'Critics said the cost had doubled since 2021.');
    expect(mapped).toMatchObject({ kind: 'kept' });
    expect(mapped).toMatchObject({ start: after.lastIndexOf('Critics said') });
  });

  it('is kept through typography-only changes (quotes, dashes, white space)', () => {
    const before = 'He said "it will open" - in spring - as planned.';
    const after = 'He said  “it will open” — in spring — as\u00a0planned.';
    expect(follow(before, after, '"it will open" - in spring')).toMatchObject({
      kind: 'kept',
      text: '“it will open” — in spring',
    });
  });

  it('keeps a one-word quote on its own word, not another occurrence of it', () => {
    const before = 'Putin met Orban. Later, Putin flew home.';
    const after = 'Putin met Orban in Budapest. Later, Putin flew home to Moscow.';
    const mapped = follow(before, after, 'Putin', 1);
    expect(mapped).toMatchObject({ kind: 'kept', start: after.lastIndexOf('Putin') });
  });

  it('maps a reworded passage to what replaced it, ending on whole words', () => {
    const after = STORY.replace(
      'the cost had doubled since 2021',
      'the costs have doubled since 2021',
    );
    const mapped = follow(STORY, after, 'the cost had doubled since 2021');
    expect(mapped).toMatchObject({ kind: 'changed', text: 'the costs have doubled since 2021' });
  });

  it('never grows an edited passage into text inserted next to it or inside it', () => {
    const insert = 'A new paragraph inserted by the publisher. '.repeat(100);
    // The first word of the passage edited, with a long paragraph inserted just before it.
    const before = STORY.replace('Critics said', `${insert}\n\nOpponents said`);
    const mapped = follow(STORY, before, 'Critics said the cost had doubled since 2021.');
    if ('text' in mapped) expect(mapped.text?.length).toBeLessThan(150);
    else expect(mapped.kind).toBe('unknown');
    // A long insertion inside the passage: its two ends are kept, the middle is not the passage.
    const inside = STORY.replace('the cost had', `the cost ${insert} had`);
    const split = follow(STORY, inside, 'Critics said the cost had doubled since 2021.');
    expect(split.kind).toBe('unknown');
  });

  it('leaves a rewritten passage to the search (under half of it kept)', () => {
    const after = STORY.replace(
      'Critics said the cost had doubled since 2021.',
      'Opponents warned that spending was out of control.',
    );
    const mapped = follow(STORY, after, 'Critics said the cost had doubled since 2021.');
    expect(['deleted', 'unknown']).toContain(mapped.kind);
  });
});

describe('anchoring with the stored version', () => {
  const page = (html: string) =>
    new JSDOM(`<!doctype html><html><body>${html}</body></html>`).window.document.body;

  it('keeps a one-word highlight on its word when the markup around it changed', () => {
    const before = page('<p>Putin met Orban.</p><p>Later, <b>Putin</b> flew home.</p>');
    const model = buildTextModel(before);
    const range = passageRange(model, 'Putin', 'Later, ');
    if (!range) throw new Error('no passage');
    const selectors = describeRange(before, range);
    // The publisher adds a sentence naming Putin right before, and changes the markup.
    const after = page(
      '<p>Putin met Orban.</p><p>Putin said little.</p><p>Later, <i>Putin</i> flew home.</p>',
    );
    const now = buildTextModel(after);
    const result = anchorInModel(now, selectors, {}, diffVersions(model.text, now.text));
    expect(result).toMatchObject({ status: 'anchored', method: 'version', changed: false });
    if (result.status !== 'anchored') return;
    expect(result.range.startContainer.parentElement?.tagName).toBe('I');
  });

  it('orphans a deleted passage honestly, though its words stand elsewhere', () => {
    const before = page('<p>The bridge opens in spring.</p><p>The tunnel opens in spring.</p>');
    const model = buildTextModel(before);
    const range = passageRange(model, 'The tunnel opens in spring.');
    if (!range) throw new Error('no passage');
    const selectors = describeRange(before, range);
    const after = page('<p>The bridge opens in spring.</p>');
    const now = buildTextModel(after);
    expect(anchorInModel(now, selectors, {}, diffVersions(model.text, now.text))).toEqual({
      status: 'orphan',
    });
  });

  it('does not follow a two-word passage to a lone word of it the diff paired elsewhere', () => {
    const before = [
      'Die Muster GmbH meldet Rekordumsatz.',
      'Seit 2020 wächst das Geschäft stetig, sagte die Sprecherin am Montag.',
      'Die GmbH hat nun 400 Mitarbeiter in drei Werken.',
    ].join('\n\n');
    // The paragraph holding "GmbH hat" is deleted; "GmbH" still stands in the first.
    const after = before.split('\n\n').slice(0, 2).join('\n\n');
    const mapped = follow(before, after, 'GmbH hat');
    expect(mapped.kind === 'deleted' || mapped.kind === 'unknown').toBe(true);
    // One word kept of two, its neighbours kept beside it: the passage was reworded there.
    const oneLeft = before.replace('Die GmbH hat nun 400', 'Die GmbH beschäftigt nun 400');
    expect(follow(before, oneLeft, 'GmbH hat')).toMatchObject({
      kind: 'changed',
      text: 'GmbH beschäftigt',
    });
    // One word kept of two and everything around it replaced: an island the diff may have
    // paired with any twin. The search (which needs context for a quote this short) decides.
    const island = before.replace('Die GmbH hat nun 400', 'Eine GmbH beschäftigt jetzt 400');
    expect(follow(before, island, 'GmbH hat').kind).toBe('unknown');
    // Two words of it kept, the passage reworded around them, is still followed.
    const reworded = before.replace('Die GmbH hat nun 400', 'Die GmbH hat jetzt 400');
    expect(follow(before, reworded, 'GmbH hat nun 400')).toMatchObject({ kind: 'changed' });
  });
});
