// Turns corpus documents into token sequences with gold BILOU tags, and builds the
// gazetteers, all from training documents only.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GAZ, type Gazetteer, GAZ_MAX_TOKENS } from '../../lib/article/entities/features.ts';
import { type TagSpan, tagsOf } from '../../lib/article/entities/tags.ts';
import { type Token, splitSentences, tokenize } from '../../lib/article/entities/tokenize.ts';
import type { Doc } from './corpus.ts';

export interface PreparedDoc {
  doc: Doc;
  tokens: Token[][];
  words: string[][];
  gold: Uint8Array[];
}

/** Tokenises a document the way the runtime does and projects gold spans onto tokens. */
export function prepare(doc: Doc, stats?: { misaligned: number; total: number }): PreparedDoc {
  const tokens = splitSentences(doc.text, tokenize(doc.text));
  const gold = tokens.map((sent) => {
    const spans: TagSpan[] = [];
    for (const e of doc.ents) {
      let start = -1;
      let end = -1;
      sent.forEach((t, i) => {
        if (t.start >= e.s && t.end <= e.e) {
          if (start < 0) start = i;
          end = i + 1;
        }
      });
      if (start < 0) continue;
      if (stats) {
        stats.total++;
        const first = sent[start];
        const last = sent[end - 1];
        if (first?.start !== e.s || last?.end !== e.e) stats.misaligned++;
      }
      spans.push({ start, end, type: e.t });
    }
    return tagsOf(sent.length, spans);
  });
  return { doc, tokens, words: tokens.map((s) => s.map((t) => t.text)), gold };
}

const TYPE_BIT: Record<string, number> = {
  PER: GAZ.PER,
  ORG: GAZ.ORG,
  LOC: GAZ.LOC,
  MISC: GAZ.MISC,
};

function phraseKey(text: string): string | null {
  const toks = tokenize(text).map((t) => t.text.toLowerCase());
  if (toks.length === 0 || toks.length > GAZ_MAX_TOKENS) return null;
  return toks.join(' ');
}

/** Entity phrases by type, and first names (first word of multi-word person names). */
export function corpusGazetteer(docs: Doc[], minCount: number): Gazetteer {
  const counts = new Map<string, Map<number, number>>();
  const add = (key: string | null, bit: number): void => {
    if (key === null) return;
    const m = counts.get(key) ?? new Map<number, number>();
    m.set(bit, (m.get(bit) ?? 0) + 1);
    counts.set(key, m);
  };
  for (const doc of docs) {
    for (const e of doc.ents) {
      add(phraseKey(e.text), TYPE_BIT[e.t] ?? 0);
      if (e.t === 'PER') {
        const words = tokenize(e.text).map((t) => t.text);
        const first = words[0];
        if (words.length >= 2 && first !== undefined && /^\p{Lu}\p{Ll}+$/u.test(first))
          add(first.toLowerCase(), GAZ.FIRST);
      }
    }
  }
  const gaz: Gazetteer = new Map();
  for (const [key, m] of counts) {
    let mask = 0;
    for (const [bit, c] of m) if (c >= minCount) mask |= bit;
    if (mask !== 0) gaz.set(key, mask);
  }
  return gaz;
}

// From data already on the build machine: ICU in Node (region names, time-zone cities),
// the system tz database (newer names such as "Europe/Kyiv"), and iso-codes' ISO 3166-2.
/** Place names a 1996 corpus may never mention, without downloading anything. */
export function placeNames(): string[] {
  const names = new Set<string>();
  const regions = new Intl.DisplayNames(['en'], { type: 'region' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      try {
        const name = regions.of(code);
        if (name !== undefined && name !== code && !/unknown/i.test(name)) names.add(name);
      } catch {
        // not a region code
      }
    }
  }
  const zones = [...Intl.supportedValuesOf('timeZone')];
  const tzdir = process.env.TZDIR ?? '/usr/share/zoneinfo';
  for (const file of ['zone1970.tab', 'zone.tab']) {
    const p = path.join(tzdir, file);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) {
      const zone = line.startsWith('#') ? undefined : line.split('\t')[2];
      if (zone !== undefined) zones.push(zone);
    }
  }
  const iso = path.join(tzdir, 'iso3166.tab');
  if (existsSync(iso)) {
    for (const line of readFileSync(iso, 'utf8').split('\n')) {
      const name = line.startsWith('#') ? undefined : line.split('\t')[1];
      if (name !== undefined && /^[\p{L} .'-]+$/u.test(name)) names.add(name);
    }
  }
  // ISO 3166-2 subdivisions (states, provinces, regions) from the system iso-codes package.
  const subdivisions = '/usr/share/iso-codes/json/iso_3166-2.json';
  if (existsSync(subdivisions)) {
    const data = JSON.parse(readFileSync(subdivisions, 'utf8')) as Record<
      string,
      { name: string }[]
    >;
    for (const { name } of data['3166-2'] ?? []) {
      if (/^\p{Lu}[\p{L} .'-]+$/u.test(name) && name.split(' ').length <= 4) names.add(name);
    }
  }
  // UN M.49 regions ("Eastern Europe", "Central Asia") have display names too.
  for (let code = 1; code < 1000; code++) {
    const c = String(code).padStart(3, '0');
    try {
      const name = regions.of(c);
      if (name !== undefined && name !== c && name !== 'world') names.add(name);
    } catch {
      // not a region code
    }
  }
  for (const zone of zones) {
    const city = zone.split('/').pop()?.replace(/_/g, ' ');
    if (city !== undefined && /^\p{Lu}[\p{L} ]+$/u.test(city) && !/^(GMT|UTC|UCT)/.test(city))
      names.add(city);
  }
  return [...names].filter((n) => !/[&()]|Union|Nations|Eurozone|Pseudo/.test(n)).sort();
}

/** Adds phrases to a gazetteer under a category bit. */
export function addPhrases(gaz: Gazetteer, phrases: string[], bit: number): Gazetteer {
  const out: Gazetteer = new Map(gaz);
  for (const p of phrases) {
    const key = phraseKey(p);
    if (key !== null) out.set(key, (out.get(key) ?? 0) | bit);
  }
  return out;
}
