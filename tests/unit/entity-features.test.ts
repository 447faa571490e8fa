import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  CompiledFeatures,
  type FeatureDocument,
} from '../../lib/article/entities/compiled-features.ts';
import { TOKEN_FEATURES } from '../../lib/article/entities/feature-table.ts';
import { docStats, hashFeature, sentenceFeatures } from '../../lib/article/entities/features.ts';
import { parseGazetteer } from '../../lib/article/entities/gazetteer.ts';
import { GAZETTEER } from '../../lib/article/entities/model-data.ts';
import { splitSentences, tokenize } from '../../lib/article/entities/tokenize.ts';
import { readFixture } from '../support/fixtures.ts';

// Training spells each feature of the table out (features.ts); the runtime compiles the
// table (compiled-features.ts). Resolving every hash to itself makes the runtime hand back
// the hashes it would look up, which must be training's, token by token.
describe('the entity features of training and of the runtime', () => {
  const gazetteer = parseGazetteer(GAZETTEER);
  const compiled = new CompiledFeatures(gazetteer, (key) => key);
  // The word's own features: -1 marks one absent for this word (an affix as long as it).
  const own = (doc: FeatureDocument, g: number): number[] => {
    const at = (doc.words[g]?.id ?? 0) * doc.ownCount;
    return [...doc.own.subarray(at, at + doc.ownCount)].filter((key) => key >= 0);
  };

  function compare(text: string): number {
    const sentences = splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text));
    const stats = docStats(sentences);
    const doc = compiled.document(sentences);
    const out = new Int32Array(compiled.maxContext);
    let tokens = 0;
    sentences.forEach((words, si) => {
      const training = sentenceFeatures(words, gazetteer, stats);
      words.forEach((word, i) => {
        const g = (doc.starts[si] ?? 0) + i;
        const n = compiled.context(doc, si, g, out);
        const runtime = [...own(doc, g), ...out.subarray(0, n)].sort();
        const expected = [...(training[i] ?? [])].sort();
        expect(runtime, `${word} in "${words.join(' ')}"`).toEqual(expected);
        tokens++;
      });
    });
    return tokens;
  }

  const pages = [
    ['pages', 'budapest-summit.html'],
    ['pages', 'section-front.html'],
    ['own', 'portuguese-story.html'],
  ] as const;
  for (const [folder, page] of pages) {
    it(`agree on every token of ${page}`, () => {
      const doc = new JSDOM(readFixture(folder, page)).window.document;
      expect(compare(doc.body.textContent)).toBeGreaterThan(100);
    });
  }

  it('agree on headlines, sentence edges, gazetteer phrases and other scripts', () => {
    const text =
      'BERLIN MEETS PARIS AGAIN\n' +
      'Angela Merkel met Emmanuel Macron in Berlin. Merkel said the EU and the European ' +
      'Central Bank (ECB) agreed. "Hello," said Mr. Smith of Acme Corp. in New York City.\n' +
      'Die Bundesregierung in Berlin und Olaf Scholz (SPD) trafen sich in Köln mit Vertretern ' +
      'der Europäischen Kommission. Straße, Ärzte und ÖVP-Politiker: 1996-08-22, U.S. 10-year.\n' +
      'A. B\nI\n"Who?"\nΑθήνα και Москва, 東京.';
    expect(compare(text)).toBeGreaterThan(80);
  });

  it('give a word its own features and its neighbours theirs, as the table says', () => {
    const sentences = [['Mr', 'Zelensky', 'spoke']];
    const doc = compiled.document(sentences);
    const out = new Int32Array(compiled.maxContext);
    const n = compiled.context(doc, 0, 1, out);
    const keys = new Set([...own(doc, 1), ...out.subarray(0, n)]);
    for (const f of ['b', 'w=Zelensky', 'l=zelensky', 's=Xxxx', 'ss=Xx', 'p4=zele', 'x3=sky'])
      expect(keys, f).toContain(hashFeature(f));
    for (const f of ['l-1=mr', 'l+2=</s>', 'bi-=mr|zelensky', 'ss3=Xx|Xx|x', 'x3-1=mr'])
      expect(keys, f).toContain(hashFeature(f));
    // Not the first token, not a capitals sentence, case informative.
    for (const f of ['first|Xx', 'up|Xx', 'dc=|M']) expect(keys, f).not.toContain(hashFeature(f));
    expect(TOKEN_FEATURES.length).toBeGreaterThan(20);
  });
});
