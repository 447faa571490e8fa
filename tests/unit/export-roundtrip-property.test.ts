import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabases, dump, freshDb } from './exchange-fixtures';
import { mulberry32 } from '../support/random';
import { fitArticle } from '@/lib/article/report-limits';
import { exportClaimmarkJson } from '@/lib/exchange/claimmark-json';
import { parseImportFile } from '@/lib/exchange/parse-import';
import { createRouter } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import { encodeEditorAddress } from '@/lib/messaging/editor-address';
import {
  CLAIM_STATUSES,
  HIGHLIGHT_COLORS,
  type AnnotationAnchor,
  type AnnotationRecord,
  type PageReport,
} from '@/lib/model';
import { createHandlers } from '@/lib/services/background-handlers';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import { readExportRecords } from '@/lib/storage/export';
import { applyImport } from '@/lib/storage/import';
import { createTabStore, memoryArea } from '@/lib/tabs/tab-store';

// A property: whatever library a reader builds through Claimmark's own operations, on whatever
// pages (hostile metadata included), its export imports into an empty profile as the very same
// library. 1,000 libraries from a fixed seed, so a failure can be replayed.

const LIBRARIES = 1_000;
const NOW = new Date('2026-11-26T10:00:00Z');

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '\u202Egnp.exe',
  '𝕳𝖊𝖆𝖉𝖑𝖎𝖓𝖊 👩‍👩‍👧',
  '"quoted" & \\back\\slashed',
  'line\nbreak\ttab',
  '\u0000\u0007 control',
  '   spaced   ',
  'Ünïcödé — “typographic” ‘quotes’',
  '{"format":"claimmark"}',
  '__proto__',
];

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);

function text(rand: Rand, long = false): string {
  const parts = Array.from({ length: 1 + int(rand, 3) }, () => pick(rand, HOSTILE));
  const joined = parts.join(' ');
  return long && rand() < 0.2 ? joined.repeat(200) : joined;
}

function day(rand: Rand): string {
  const d = new Date(Date.UTC(2015 + int(rand, 11), int(rand, 12), 1 + int(rand, 28)));
  return rand() < 0.5 ? d.toISOString().slice(0, 10) : d.toISOString();
}

function pageReport(rand: Rand, site: number, path: number): PageReport {
  const url = `https://www.site${String(site)}.example/news/${String(path)}?utm_source=x&id=${String(int(rand, 3))}#c${String(int(rand, 9))}`;
  const canonical =
    rand() < 0.5 ? `https://site${String(site)}.example/news/${String(path)}` : null;
  return {
    url,
    title: text(rand).slice(0, 500),
    canonicalUrl: canonical,
    article: fitArticle({
      detection: { isArticle: rand() < 0.8, reasons: [text(rand)] },
      metadata: {
        headline: rand() < 0.8 ? text(rand, true) : null,
        byline: Array.from({ length: int(rand, 3) }, () => text(rand)),
        siteName: rand() < 0.7 ? text(rand, true) : null,
        published: rand() < 0.7 ? day(rand) : null,
        // One modified date per page: a new one has the background read the story again after
        // the report, on its own time, which would race the export below.
        modified: (site + path) % 2 === 1 ? `2024-0${String(1 + site)}-1${String(path)}` : null,
        language: pick(rand, ['en', 'de', null]),
        canonicalUrl: canonical,
        description: rand() < 0.5 ? text(rand, true) : null,
      },
      hints: [],
    }),
  };
}

function draft(rand: Rand, kind: 'highlight' | 'claim') {
  const exact = text(rand, true).slice(0, 5_000).trim() || 'passage';
  const start = int(rand, 10_000);
  return {
    kind,
    quote: exact,
    selectors: {
      quote: {
        type: 'TextQuoteSelector' as const,
        exact,
        prefix: text(rand).slice(0, 32),
        suffix: text(rand).slice(0, 32),
      },
      ...(rand() < 0.7
        ? {
            position: {
              type: 'TextPositionSelector' as const,
              start,
              end: start + exact.length,
            },
          }
        : {}),
    },
  };
}

function fields(rand: Rand, kind: 'highlight' | 'claim') {
  return {
    kind,
    note: rand() < 0.6 ? text(rand, true) : '',
    status: kind === 'claim' ? pick(rand, CLAIM_STATUSES) : null,
    evidence: Array.from(
      { length: int(rand, 3) },
      (_, i) => `https://evidence.example/${String(i)}?q=${String(int(rand, 99))}`,
    ),
    tags: [
      ...new Set(
        Array.from({ length: int(rand, 4) }, () =>
          pick(rand, ['vote', 'Budget', 'élection', '<b>x</b>', 'a b']),
        ),
      ),
    ],
    color: pick(rand, HIGHLIGHT_COLORS),
  };
}

/** Builds one library through the background's messages, as pages and editors would. */
async function buildLibrary(db: ClaimmarkDatabase, rand: Rand): Promise<void> {
  let clock = NOW.getTime() - 1_000_000_000;
  const route = createRouter(
    'background',
    createHandlers({
      db,
      tabs: createTabStore(memoryArea()),
      requestBody: () => Promise.resolve(null),
      now: () => new Date((clock += 1_000 + int(rand, 100_000))),
    }),
  );
  const call = async <T>(type: string, payload: unknown, sender: Sender): Promise<T> => {
    const result = await route({ type, payload }, sender);
    if (!result.ok) throw new Error(`${type}: ${result.error}`);
    return result.value as T;
  };
  const ids: { id: string; articleUrl: string }[] = [];
  for (let tab = 1; tab <= 1 + int(rand, 3); tab++) {
    const site = int(rand, 3);
    const path = int(rand, 3);
    for (let visit = 0; visit < 1 + int(rand, 3); visit++) {
      const report = pageReport(rand, site, path);
      const content: Sender = { origin: 'content', tabId: tab, frameId: 0, url: report.url };
      // The library's editor: it may change any note (an editor frame only the one it opened on).
      const popup: Sender = {
        origin: 'extension',
        url: 'chrome-extension://id/popup.html',
        tabId: null,
      };
      await call('page.report', report, content);
      for (let op = 0; op < int(rand, 4); op++) {
        const roll = rand();
        if (roll < 0.35) {
          const anchor = await call<AnnotationAnchor>(
            'annotation.create',
            { draft: draft(rand, 'highlight'), color: pick(rand, HIGHLIGHT_COLORS) },
            content,
          );
          ids.push({ id: anchor.id, articleUrl: anchor.articleUrl });
        } else if (roll < 0.7) {
          const kind = rand() < 0.7 ? 'claim' : 'highlight';
          const { draftId, token } = await call<{ draftId: string; token: string }>(
            'draft.create',
            { draft: draft(rand, kind) },
            content,
          );
          const target = { draftId };
          const query = encodeEditorAddress({ view: 'editor', target, token });
          const editor: Sender = {
            origin: 'extension',
            url: `chrome-extension://id/editor.html?${query}`,
            tabId: tab,
            frameId: 1,
          };
          await call('editor.load', target, editor);
          const saved = await call<AnnotationRecord>(
            'annotation.save',
            { target, fields: fields(rand, kind) },
            editor,
          );
          ids.push({ id: saved.id, articleUrl: saved.articleUrl });
        } else if (roll < 0.8 && ids.length > 0) {
          const note = pick(rand, ids);
          await call('annotation.save', { target: note, fields: fields(rand, 'claim') }, popup);
        } else if (roll < 0.88 && ids.length > 0) {
          const [gone] = ids.splice(int(rand, ids.length), 1);
          await call('annotation.delete', gone, popup);
        } else if (roll < 0.95) {
          await call('article.save', { tabId: tab }, popup);
        } else {
          const anchors = await call<AnnotationAnchor[]>('annotations.forPage', {}, content);
          const results = anchors.map((a) => ({
            id: a.id,
            status: pick(rand, ['anchored', 'changed', 'orphan'] as const),
            text: null as string | null,
          }));
          for (const r of results) if (r.status === 'changed') r.text = text(rand);
          await call('annotations.anchored', { results }, content);
        }
      }
    }
  }
}

afterEach(closeDatabases);

describe('export → import round trip, as a property', () => {
  it(`gives back every record of ${String(LIBRARIES)} libraries built through the app`, async () => {
    const rand = mulberry32(20261207);
    let notes = 0;
    for (let i = 0; i < LIBRARIES; i++) {
      const source = freshDb();
      await buildLibrary(source, rand);
      const records = await readExportRecords(source, { kind: 'all' });
      const file = exportClaimmarkJson(records.articles, records.annotations, { kind: 'all' }, NOW);
      const parsed = parseImportFile(file, NOW);
      if (!parsed.ok) throw new Error(`library ${String(i)}: ${parsed.error}`);
      expect(parsed.skipped, `library ${String(i)}`).toEqual([]);
      const target = freshDb();
      await applyImport(target, parsed);
      expect(await dump(target), `library ${String(i)}`).toEqual(await dump(source));
      notes += records.annotations.length;
      if (i % 50 === 49) await closeDatabases();
    }
    // The libraries are not trivially empty.
    expect(notes).toBeGreaterThan(LIBRARIES);
  }, 300_000);
});
