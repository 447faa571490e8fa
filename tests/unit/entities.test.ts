import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  extractEntities,
  mergeEntities,
  recognizeEntities,
} from '../../lib/article/entities/index.ts';
import { docStats } from '../../lib/article/entities/features.ts';
import { parseGazetteer } from '../../lib/article/entities/gazetteer.ts';
import {
  type LinearModel,
  decodeModels,
  emissionScores,
  fromBase64,
} from '../../lib/article/entities/model.ts';
import { GAZETTEER, MODEL_BASE64 } from '../../lib/article/entities/model-data.ts';
import {
  decodeSentences,
  firstPassFeatures,
  secondPassFeatures,
} from '../../lib/article/entities/pipeline.ts';
import { CompiledTagger } from '../../lib/article/entities/tagger.ts';
import { splitSentences, tokenize } from '../../lib/article/entities/tokenize.ts';
import type { Entity, EntityMention, EntityType } from '../../lib/article/types.ts';
import { fixturePath } from '../support/fixtures.ts';

const pages = fixturePath('pages');

interface Expected {
  entities: Record<EntityType, { must: string[]; mustNot: string[] }> & { merged: string[][] };
}

function articleText(file: string): string {
  const html = readFileSync(path.join(pages, file), 'utf8');
  const doc = new JSDOM(html).window.document;
  return [...doc.querySelectorAll('.article-body p')].map((p) => p.textContent).join('\n\n');
}

const names = (entities: Entity[], type: EntityType): string[] =>
  entities.filter((e) => e.type === type).flatMap((e) => [e.name, ...e.aliases]);

describe('recognizeEntities + mergeEntities on the Budapest summit article', () => {
  const text = articleText('budapest-summit.html');
  const expected = JSON.parse(
    readFileSync(path.join(pages, 'budapest-summit.expected.json'), 'utf8'),
  ) as Expected;
  const mentions = recognizeEntities(text);
  const entities = mergeEntities(text, mentions);

  it('reads a real article body', () => {
    expect(text).toContain('Volodymyr Zelensky');
    expect(text.split(/\s+/).length).toBeGreaterThan(500);
  });

  // "Bloomberg, citing unnamed sources, reported…": a sentence-initial name the 1996 training
  // text never shows; the tagger leaves it out. extractEntities adds well-known outlets, and page
  // hints recover it too (both tested below).
  const KNOWN_MISSES = new Set(['Bloomberg']);

  for (const type of ['person', 'place', 'organization'] as const) {
    it(`finds the ${type}s the article is about, and not the ones it is not`, () => {
      const found = names(entities, type);
      for (const name of expected.entities[type].must) {
        if (!KNOWN_MISSES.has(name)) expect(found).toContain(name);
      }
      const all = entities.flatMap((e) => [e.name, ...e.aliases]);
      for (const name of expected.entities[type].mustNot) expect(all).not.toContain(name);
    });
  }

  it('takes a name it misses from page hints', () => {
    const hinted = extractEntities(text, [{ name: 'Bloomberg', type: 'organization' }]);
    expect(names(hinted, 'organization')).toContain('Bloomberg');
    expect(names(hinted, 'person')).toContain('Volodymyr Zelensky');
  });

  it('merges short names into the full name', () => {
    for (const [full, short] of expected.entities.merged) {
      const entity = entities.find((e) => e.name === full);
      expect(entity, full).toBeDefined();
      expect(entity?.aliases).toContain(short);
    }
    // One entity per person: "Trump" does not survive on its own.
    expect(entities.filter((e) => e.name === 'Trump')).toEqual([]);
  });

  it('gives offsets that point at the name, possessive trimmed', () => {
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const at = text.indexOf("Zelensky's visit");
    const zelensky = mentions.find((m) => m.start <= at && at < m.end);
    expect(zelensky?.text).toBe('Volodymyr Zelensky');
    expect(zelensky?.end).toBe(at + 'Zelensky'.length);
    const entity = entities.find((e) => e.name === 'Volodymyr Zelensky');
    expect(entity?.mentions.length).toBeGreaterThanOrEqual(5);
    for (const m of entity?.mentions ?? []) expect(text.slice(m.start, m.end)).toMatch(/Zelensky$/);
  });
});

describe('recognizeEntities on hand-written sentences', () => {
  const find = (ms: EntityMention[], text: string): EntityType | undefined =>
    ms.find((m) => m.text === text)?.type;

  it('tags people, places and organisations', () => {
    const text =
      'German Chancellor Angela Merkel met European Commission officials in Brussels on Monday.\n' +
      'Merkel later flew to Paris, a spokesman for the United Nations said.';
    const ms = recognizeEntities(text);
    expect(find(ms, 'Angela Merkel')).toBe('person');
    expect(find(ms, 'Merkel')).toBe('person');
    expect(find(ms, 'European Commission')).toBe('organization');
    expect(find(ms, 'Brussels')).toBe('place');
    expect(find(ms, 'Paris')).toBe('place');
    expect(find(ms, 'United Nations')).toBe('organization');
    // "German" is MISC in CoNLL terms: never output.
    expect(ms.some((m) => m.text.includes('German'))).toBe(false);
  });

  it('finds nothing in text without names', () => {
    expect(recognizeEntities('the weather was mild and the markets were calm.')).toEqual([]);
    expect(recognizeEntities('')).toEqual([]);
  });

  it('lets a page hint force a span and its type', () => {
    const text = 'Shares in Quillfeather Robotics rose after the report.';
    const hinted = recognizeEntities(text, {
      hints: [{ name: 'Quillfeather Robotics', type: 'organization' }],
    });
    expect(hinted).toContainEqual({
      type: 'organization',
      text: 'Quillfeather Robotics',
      start: 10,
      end: 31,
    });
  });
});

describe('mergeEntities', () => {
  const mention = (text: string, name: string, type: EntityType, from = 0): EntityMention => {
    const start = text.indexOf(name, from);
    return { type, text: name, start, end: start + name.length };
  };

  it('merges a surname and trims a possessive the caller left in', () => {
    const text = "Donald Trump spoke. Trump's plan and Trump's aides.";
    const ms = [
      mention(text, 'Donald Trump', 'person'),
      mention(text, "Trump's", 'person', 13),
      mention(text, 'Trump', 'organization', 30),
    ];
    const [trump, ...rest] = mergeEntities(text, ms);
    expect(rest).toEqual([]);
    expect(trump?.name).toBe('Donald Trump');
    expect(trump?.aliases).toEqual(['Trump']);
    expect(trump?.mentions.map((m) => text.slice(m.start, m.end))).toEqual([
      'Donald Trump',
      'Trump',
      'Trump',
    ]);
  });

  it('expands acronyms from "(ICC)" and from initials', () => {
    const text =
      'Hungary left the International Criminal Court (ICC). The ICC said so. ' +
      'The European Central Bank and the ECB agreed.';
    const ms = [
      mention(text, 'International Criminal Court', 'organization'),
      mention(text, 'ICC', 'organization'),
      mention(text, 'ICC', 'organization', 55),
      mention(text, 'European Central Bank', 'organization'),
      mention(text, 'ECB', 'organization'),
    ];
    const es = mergeEntities(text, ms);
    expect(es.map((e) => [e.name, e.aliases, e.mentions.length])).toEqual([
      ['International Criminal Court', ['ICC'], 3],
      ['European Central Bank', ['ECB'], 2],
    ]);
  });

  it('keeps two people with one surname apart, attaching the surname to the nearer', () => {
    const text = 'Hillary Clinton spoke. Later Bill Clinton arrived, and Clinton said hello.';
    const ms = [
      mention(text, 'Hillary Clinton', 'person'),
      mention(text, 'Bill Clinton', 'person'),
      mention(text, 'Clinton', 'person', text.indexOf('and Clinton')),
    ];
    const es = mergeEntities(text, ms);
    expect(es.map((e) => [e.name, e.aliases])).toEqual([
      ['Hillary Clinton', []],
      ['Bill Clinton', ['Clinton']],
    ]);
  });

  it('does not fold a place into a person of the same surname', () => {
    const text = 'George Washington was born in Virginia. Washington is a city.';
    const ms = [
      mention(text, 'George Washington', 'person'),
      mention(text, 'Virginia', 'place'),
      mention(text, 'Washington', 'place', 35),
    ];
    expect(mergeEntities(text, ms).map((e) => e.name)).toEqual([
      'George Washington',
      'Virginia',
      'Washington',
    ]);
  });

  it('treats page hints as strong evidence for spans and names', () => {
    const text = 'Talks with Zorbek Malinowski went well, Malinowski said.';
    const es = extractEntities(text, [{ name: 'Zorbek Malinowski', type: 'person' }]);
    const person = es.find((e) => e.name === 'Zorbek Malinowski');
    expect(person?.type).toBe('person');
    expect(person?.aliases).toEqual(['Malinowski']);
    expect(person?.mentions).toHaveLength(2);
  });
});

describe('the compiled runtime tagger', () => {
  // It compiles the feature table that training spells out, and counts the second pass's
  // document features its own way, for speed: scores and tags must come out exactly as the
  // reference pipeline's.
  const models = decodeModels(fromBase64(MODEL_BASE64));
  const model = (k: number): LinearModel => {
    const m = models[k];
    if (m === undefined) throw new Error('expected two passes');
    return m;
  };
  const pass1 = model(0);
  const pass2 = model(1);
  const gazetteer = parseGazetteer(GAZETTEER);
  const fast = new CompiledTagger(pass1, pass2, gazetteer);

  function reference(sentences: string[][]): { e1: number[]; e2: number[]; tags: number[] } {
    const feats = firstPassFeatures(sentences, gazetteer, docStats(sentences));
    const scorer = (m: LinearModel) => ({
      emissions: (f: Uint32Array[]) => emissionScores(m, f),
      transitions: m.transitions,
    });
    const first = decodeSentences(scorer(pass1), feats);
    const second = secondPassFeatures(sentences, feats, first);
    return {
      e1: feats.flatMap((f) => [...emissionScores(pass1, f)]),
      e2: second.flatMap((f) => [...emissionScores(pass2, f)]),
      tags: decodeSentences(scorer(pass2), second).flatMap((t) => [...t]),
    };
  }

  const texts = {
    budapest: articleText('budapest-summit.html'),
    mixed:
      'BERLIN MEETS PARIS AGAIN\n' +
      'Angela Merkel met Emmanuel Macron in Berlin. Merkel said the EU and the European ' +
      'Central Bank (ECB) agreed. "Hello," said Mr. Smith of Acme Corp. in New York City.\n' +
      'Die Bundesregierung in Berlin und Olaf Scholz (SPD) trafen sich in Köln mit Vertretern ' +
      'der Europäischen Kommission. Straße, Ärzte und ÖVP-Politiker: 1996-08-22, U.S. 10-year.',
  };

  for (const [name, text] of Object.entries(texts)) {
    it(`scores and tags the ${name} text exactly as the reference`, () => {
      const sentences = splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text));
      const ref = reference(sentences);
      const got = fast.tag(sentences);
      expect([...got.e1]).toEqual(ref.e1);
      expect([...got.e2]).toEqual(ref.e2);
      expect([...got.tags2]).toEqual(ref.tags);
    });
  }
});

describe('tokenize', () => {
  it('keeps offsets and splits possessives the way CoNLL does', () => {
    const text = "Zelensky’s U.S. visit, don't.";
    const toks = tokenize(text);
    expect(toks.map((t) => t.text)).toEqual([
      'Zelensky',
      '’s',
      'U.S.',
      'visit',
      ',',
      'do',
      "n't",
      '.',
    ]);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('news outlets the tagger does not know', () => {
  it('are organisations where the tagger found nothing, and never override it', async () => {
    const { extractEntities } = await import('@/lib/article/entities');
    const { outletMentions } = await import('@/lib/article/entities/outlets');
    const text = 'Bloomberg, citing unnamed sources, reported the talks. Axios confirmed it.';
    const orgs = extractEntities(text)
      .filter((e) => e.type === 'organization')
      .map((e) => e.name);
    expect(orgs).toEqual(expect.arrayContaining(['Bloomberg', 'Axios']));
    const covered = [{ type: 'person' as const, text: 'Michael Bloomberg', start: 0, end: 17 }];
    expect(outletMentions('Michael Bloomberg spoke.', covered)).toEqual([]);
    expect(outletMentions('Bloombergs and Reutersville', [])).toEqual([]);
  });
});

describe('corrections after tagging', () => {
  const found = (text: string) =>
    recognizeEntities(text).map((m) => [m.type, m.text] as [EntityType, string]);

  it('takes no weapon for a place or a person', () => {
    const text =
      'Zelensky will press for the transfer of Tomahawk long-range missiles to Ukraine. ' +
      'The missiles, known as Tomahawks, can reach Moscow. Storm Shadow missiles came from Britain.';
    const names = found(text).map(([, name]) => name);
    expect(names).not.toContain('Tomahawk');
    expect(names).not.toContain('Tomahawks');
    expect(names).not.toContain('Storm Shadow');
    expect(names).toEqual(expect.arrayContaining(['Ukraine', 'Moscow', 'Britain']));
  });

  it('keeps a known place before the noun ("U.S. warplanes")', () => {
    expect(found('Syria denounces violation of its airspace by U.S. warplanes.')).toContainEqual([
      'place',
      'U.S.',
    ]);
  });

  it('keeps a known place whose name ends in "s" before the noun ("Texas tanks")', () => {
    const places = found('Paris drones flew over the Seine. Texas tanks rolled through Austin.')
      .filter(([type]) => type === 'place')
      .map(([, name]) => name);
    expect(places).toEqual(expect.arrayContaining(['Paris', 'Texas']));
  });

  it('takes no word of a date line or a share bar for a name', () => {
    const names = found('Published 2 August 2024. Posted by Jane Doe. Share Comments').map(
      ([, n]) => n,
    );
    expect(names).not.toContain('Published');
    expect(names).not.toContain('Posted');
    expect(names).not.toContain('Share');
    expect(names).toContain('Jane Doe');
  });

  it('names no one in a photo credit', () => {
    const names = found('Photo: Getty Images. Photo Illustration by Jane Doe.').map(([, n]) => n);
    expect(names).not.toContain('Photo');
    expect(names).not.toContain('Photo Illustration');
    expect(names).toContain('Jane Doe');
  });

  it('makes the name after a coach a person, without the role', () => {
    const mentions = found(
      'Coach Dabo Swinney said Clemson would bounce back. Head Coach Kirby Smart agreed.',
    );
    expect(mentions).toContainEqual(['person', 'Dabo Swinney']);
    expect(mentions).toContainEqual(['person', 'Kirby Smart']);
    expect(mentions.map(([, n]) => n).join(' ')).not.toMatch(/Coach/);
  });
});
