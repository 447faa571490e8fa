/**
 * Sync's speed (issue 16) in two Chromium profiles with the e2e build of the extension and
 * pouchdb-server in memory on loopback: the first sync of a generated library of 100,000 notes
 * over 5,000 articles from profile A to an empty server, from the server into an empty profile
 * B, and one edit's round trip from A to B while both sync continuously. Everything is driven
 * as a reader drives it (the options page's "Sync now", the extension's own messages); the
 * library is written straight into A's IndexedDB first, as the first sync with a new server
 * sends the whole library. A small counting proxy stands between the browsers and the server,
 * so the figures include how many requests each phase made and how long the server took.
 * Prints; asserts nothing.
 *
 * Needs the e2e build (it grants http://127.0.0.1 up front): run `npm run build:e2e` first.
 * Usage: npx tsx scripts/sync/bench-chromium.ts [--annotations N] [--articles N] [--edits N]
 */
import { createServer, request as httpRequest, Agent, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { AnnotationRecord } from '../../lib/model';
import { packRow, type NotesRow } from '../../lib/storage/notes';
import { startCouchServer } from '../../tests/support/couch-server';
import {
  launchChromium,
  sendFromExtension,
  type ChromiumSession,
} from '../../tests/e2e/support/chromium';
import { builtExtension } from '../../tests/e2e/support/paths';
import { writeLibraryInExtension } from '../../tests/e2e/support/in-extension';
import { generateLibrary } from '../library/generate-catalog';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const annotations = arg('--annotations', 100_000);
const articleCount = arg('--articles', Math.round(annotations / 20));
const edits = arg('--edits', 10);
const LIMIT_MS = 600_000;

try {
  builtExtension('chrome-mv3-e2e');
} catch {
  console.error(
    '\n*** The sync benchmark needs the e2e build of the extension (it grants http://127.0.0.1).\n' +
      '*** Run `npm run build:e2e` first, then `npm run bench -- --only sync`.\n',
  );
  process.exit(1);
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msText = (ms: number) => `${ms.toFixed(0)} ms`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- The counting proxy ----------------------------------------------------------------

/** What kind of request the replicator made. */
function kindOf(method: string, url: string): string {
  const path = url.split('?')[0] ?? '';
  if (path.endsWith('/_changes')) return url.includes('feed=longpoll') ? 'long poll' : 'changes';
  if (path.endsWith('/_bulk_docs')) return 'bulk write';
  if (path.endsWith('/_all_docs')) return 'read by id';
  if (path.includes('/_local/')) return 'checkpoint';
  return `${method} other`;
}

interface Tally {
  count: number;
  /** Milliseconds from the request's first byte to the response's last, summed. */
  ms: number;
  requestBytes: number;
  responseBytes: number;
}

const tallies = new Map<string, Tally>();
/** Every request of the current phase: its kind and when it started and ended. */
let timeline: { kind: string; start: number; end: number }[] = [];
/** Requests other than long polls under way, and when the last one ended. */
let working = 0;
let lastWorkEnd = 0;
function tally(kind: string): Tally {
  let t = tallies.get(kind);
  if (!t) {
    t = { count: 0, ms: 0, requestBytes: 0, responseBytes: 0 };
    tallies.set(kind, t);
  }
  return t;
}
function takeTallies(): Map<string, Tally> {
  const out = new Map(tallies);
  tallies.clear();
  timeline = [];
  return out;
}

/** A loopback proxy to the server that counts and times each request by kind. */
function startProxy(target: number): Promise<{ origin: string; close(): Promise<void> }> {
  const agent = new Agent({ keepAlive: true });
  const server = createServer((req, res) => {
    const started = performance.now();
    const kind = kindOf(req.method ?? 'GET', req.url ?? '');
    const works = kind !== 'long poll';
    if (works) working++;
    let counted = false;
    const finish = () => {
      if (!works || counted) return;
      counted = true;
      working--;
      lastWorkEnd = performance.now();
    };
    res.on('close', finish);
    let requestBytes = 0;
    let responseBytes = 0;
    req.on('data', (chunk: Buffer) => (requestBytes += chunk.length));
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: `127.0.0.1:${String(target)}` },
        agent,
      },
      (answer: IncomingMessage) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => (responseBytes += chunk.length));
        answer.pipe(res);
        answer.on('end', () => {
          finish();
          timeline.push({ kind, start: started, end: performance.now() });
          const t = tally(kind);
          t.count++;
          t.ms += performance.now() - started;
          t.requestBytes += requestBytes;
          t.responseBytes += responseBytes;
        });
      },
    );
    upstream.on('error', () => res.destroy());
    // A long poll the extension abandons ends upstream too.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        origin: `http://127.0.0.1:${String(port)}`,
        close: () =>
          new Promise<void>((closed) => {
            server.closeAllConnections();
            server.close(() => closed());
            agent.destroy();
          }),
      });
    });
  });
}

/**
 * Where the time between requests goes: the extension's own work between the end of one
 * request and the start of the next (parsing, checking, IndexedDB transactions), by the pair
 * of requests it falls between. Long polls are left out: they wait, they do not work.
 */
function gapsOf(): Map<string, { count: number; ms: number; max: number }> {
  const out = new Map<string, { count: number; ms: number; max: number }>();
  const steps = timeline.filter((r) => r.kind !== 'long poll').sort((x, y) => x.start - y.start);
  for (let i = 1; i < steps.length; i++) {
    const prev = steps[i - 1];
    const next = steps[i];
    if (!prev || !next) continue;
    const gap = next.start - prev.end;
    if (gap < 0) continue;
    const key = `${prev.kind} → ${next.kind}`;
    const g = out.get(key) ?? { count: 0, ms: 0, max: 0 };
    g.count++;
    g.ms += gap;
    g.max = Math.max(g.max, gap);
    out.set(key, g);
  }
  return out;
}

function printGaps(title: string, gaps: Map<string, { count: number; ms: number; max: number }>) {
  if (gaps.size === 0) return;
  console.log(`\n${title}`);
  console.log('| between | count | extension time (sum; mean; max) |');
  console.log('|---|---|---|');
  for (const [key, g] of [...gaps].sort((x, y) => y[1].ms - x[1].ms)) {
    console.log(
      `| ${key} | ${String(g.count)} | ${s(g.ms)}; ${msText(g.ms / g.count)}; ${msText(g.max)} |`,
    );
  }
}

function printTallies(title: string, from: Map<string, Tally>): void {
  if (from.size === 0) return;
  console.log(`\n${title}`);
  console.log('| request | count | server time (sum; mean) | sent | received |');
  console.log('|---|---|---|---|---|');
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  for (const [kind, t] of [...from].sort((a, b) => b[1].count - a[1].count)) {
    console.log(
      `| ${kind} | ${String(t.count)} | ${s(t.ms)}; ${msText(t.ms / t.count)} | ${mb(t.requestBytes)} | ${mb(t.responseBytes)} |`,
    );
  }
}

// ---- The browsers ------------------------------------------------------------------------

async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  intervalMs: number,
  what: string,
): Promise<T> {
  const until = performance.now() + LIMIT_MS;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() > until) throw new Error(`Gave up waiting for ${what}: ${String(value)}`);
    await sleep(intervalMs);
  }
}

function statusOf(options: Page): Promise<string> {
  return options
    .locator('p[aria-live="polite"]')
    .textContent()
    .then((t) => t ?? '');
}
const idle = (status: string) =>
  status.includes('Syncing continuously') && status.includes('Nothing waiting to be sent');

async function openOptions(session: ChromiumSession, dbUrl: string, author: string): Promise<Page> {
  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByLabel('Server URL').fill(dbUrl);
  await options.getByLabel('User name').fill('');
  await options.getByLabel('Password').fill('');
  await options.getByLabel('Your name on notes').fill(author);
  return options;
}

/** Writes the library's rows straight into the profile's database, in chunks. */
async function seed(
  session: ChromiumSession,
  articleRows: unknown[],
  noteRows: NotesRow[],
): Promise<void> {
  const chunk = 250;
  for (let i = 0; i < articleRows.length; i += chunk) {
    await session.control.evaluate(writeLibraryInExtension, [
      articleRows.slice(i, i + chunk),
      noteRows.slice(i, i + chunk),
    ] as const);
  }
}

/** How many notes the profile's database holds: its rows' items counted with a cursor. */
function countNotes(session: ChromiumSession): Promise<number> {
  return session.control.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('claimmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('open failed'));
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        let n = 0;
        const cursor = db.transaction('notes').objectStore('notes').openCursor();
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) {
            resolve(n);
            return;
          }
          n += (at.value as { items: unknown[] }).items.length;
          at.continue();
        };
        cursor.onerror = () => reject(cursor.error ?? new Error('read failed'));
      });
    } finally {
      db.close();
    }
  });
}

/** One stored note's text, read from its article's row. */
function noteText(session: ChromiumSession, articleUrl: string, id: string): Promise<string> {
  return session.control.evaluate(
    async ([url, noteId]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('claimmark');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      try {
        return await new Promise<string>((resolve, reject) => {
          const get = db.transaction('notes').objectStore('notes').get(url);
          get.onsuccess = () => {
            const row = get.result as { items: { id: string; note: string }[] } | undefined;
            resolve(row?.items.find((n) => n.id === noteId)?.note ?? '');
          };
          get.onerror = () => reject(get.error ?? new Error('read failed'));
        });
      } finally {
        db.close();
      }
    },
    [articleUrl, id] as const,
  );
}

async function dbInfo(dbUrl: string): Promise<Record<string, unknown> | null> {
  const response = await fetch(dbUrl).catch(() => null);
  if (!response?.ok) return null;
  return (await response.json()) as Record<string, unknown>;
}

// ---- The run -----------------------------------------------------------------------------

const generated = performance.now();
const library = generateLibrary({ annotations, articles: articleCount, seed: 20261126 });
const byArticle = new Map<string, AnnotationRecord[]>(library.articles.map((a) => [a.url, []]));
for (const n of library.annotations) byArticle.get(n.articleUrl)?.push(n);
const noteRows = library.articles.map((a) => packRow(a.url, byArticle.get(a.url) ?? []));
const docsExpected = library.annotations.length + library.articles.length;
console.log(
  `Generated ${library.annotations.length.toLocaleString()} notes over ${library.articles.length.toLocaleString()} articles (seed 20261126) in ${s(performance.now() - generated)}; the server should end with ${docsExpected.toLocaleString()} documents.`,
);

const couch = await startCouchServer();
const proxy = await startProxy(couch.port);
const direct = `${couch.origin}/bench`;
const viaProxy = `${proxy.origin}/bench`;
const a = await launchChromium('chrome-mv3-e2e');
const b = await launchChromium('chrome-mv3-e2e');
const rows: [string, string, string][] = [];
try {
  const seeded = performance.now();
  await seed(a, library.articles, noteRows);
  console.log(`Seeded profile A's IndexedDB in ${s(performance.now() - seeded)}.`);

  // 1. A's whole library to an empty server.
  const optionsA = await openOptions(a, viaProxy, 'Ana');
  takeTallies();
  const t1 = performance.now();
  await optionsA.getByRole('button', { name: 'Sync now' }).click();
  let allOnServer = NaN;
  await pollUntil(
    async () => {
      const count = Number((await dbInfo(direct))?.doc_count ?? -1);
      if (Number.isNaN(allOnServer) && count === docsExpected) allOnServer = performance.now() - t1;
      return !Number.isNaN(allOnServer) && idle(await statusOf(optionsA));
    },
    (done) => done,
    250,
    'the server to hold the whole library and A to say it is idle',
  );
  const first = performance.now() - t1;
  // A's next cycle reads back what it just wrote; B starts once A has been quiet for 2 s.
  await pollUntil(
    async () =>
      working === 0 && performance.now() - lastWorkEnd > 2000 && idle(await statusOf(optionsA)),
    (quiet) => quiet,
    250,
    'A to be quiet',
  );
  const settled = lastWorkEnd - t1;
  const pushGaps = gapsOf();
  const pushTallies = takeTallies();
  rows.push([
    `first sync A → empty server (${library.annotations.length.toLocaleString()} notes): "Sync now" → doc_count ${docsExpected.toLocaleString()} and A idle, nothing waiting`,
    s(first),
    '≤ 60 s',
  ]);
  rows.push(['  … of which until the server held every document', s(allOnServer), '—']);
  rows.push([
    "  (A's last request of its first sync and the cycle after it, which reads A's own writes back)",
    s(settled),
    '—',
  ]);
  const info = await dbInfo(direct);
  const sizes = info
    ? Object.entries(info).filter(([k]) => /size/i.test(k))
    : ([] as [string, unknown][]);
  rows.push([
    "server's database size (pouchdb-server's own figures)",
    sizes.length > 0
      ? sizes.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('; ')
      : `not reported (in memory; it reports ${Object.keys(info ?? {}).join(', ')})`,
    '—',
  ]);

  // 2. The server's library into an empty profile B.
  const optionsB = await openOptions(b, viaProxy, 'Ben');
  const t2 = performance.now();
  await optionsB.getByRole('button', { name: 'Sync now' }).click();
  const countTimes: number[] = [];
  await pollUntil(
    async () => {
      const t = performance.now();
      const n = await countNotes(b);
      countTimes.push(performance.now() - t);
      return n;
    },
    (n) => n >= library.annotations.length,
    1000,
    "B's database to hold the whole library",
  );
  const second = performance.now() - t2;
  await pollUntil(() => statusOf(optionsB), idle, 250, 'B to say it is idle');
  const secondIdle = performance.now() - t2;
  const pullGaps = gapsOf();
  const pullTallies = takeTallies();
  rows.push([
    `first sync empty profile B ← server: "Sync now" → B's IndexedDB holds ${library.annotations.length.toLocaleString()} notes`,
    s(second),
    '≤ 60 s',
  ]);
  rows.push(['  … and until B said it is idle, nothing waiting', s(secondIdle), '—']);
  countTimes.sort((x, y) => x - y);
  rows.push([
    `  (counting B's notes with a cursor, each poll: median; max of ${String(countTimes.length)})`,
    `${msText(countTimes[Math.floor(countTimes.length / 2)] ?? NaN)}; ${msText(countTimes.at(-1) ?? NaN)}`,
    '—',
  ]);

  // 3. One edit's round trip from A to B, both syncing continuously.
  await pollUntil(() => statusOf(optionsA), idle, 250, 'A to be idle');
  const note = library.annotations[Math.floor(library.annotations.length / 3)];
  if (!note) throw new Error('no note to edit');
  const trips: number[] = [];
  for (let i = 1; i <= edits; i++) {
    // Both idle again, and the long polls in place, before each edit.
    await pollUntil(() => statusOf(optionsA), idle, 100, 'A to be idle');
    await pollUntil(() => statusOf(optionsB), idle, 100, 'B to be idle');
    await sleep(500);
    const text = `Round trip ${String(i)} at ${new Date().toISOString()}`;
    const t = performance.now();
    await sendFromExtension(a, 'annotation.save', {
      target: { id: note.id, articleUrl: note.articleUrl },
      fields: {
        kind: note.kind,
        note: text,
        status: note.status,
        evidence: note.evidence,
        tags: note.tags,
        color: note.color,
      },
    });
    await pollUntil(
      () => noteText(b, note.articleUrl, note.id),
      (n) => n === text,
      20,
      'the edit',
    );
    trips.push(performance.now() - t);
  }
  const tripTallies = takeTallies();
  const sorted = [...trips].sort((x, y) => x - y);
  rows.push([
    `one edit's round trip A → server → B, both idle (${String(edits)} edits: median; max)`,
    `${msText(sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN)}; ${msText(sorted.at(-1) ?? NaN)}`,
    '≤ 2 s',
  ]);
  rows.push(['  each (ms)', trips.map((t) => t.toFixed(0)).join(' '), '—']);

  console.log('\n| measure | value | target |');
  console.log('|---|---|---|');
  for (const [what, value, target] of rows) console.log(`| ${what} | ${value} | ${target} |`);
  printTallies(
    'Requests during the first sync A → server (through the counting proxy):',
    pushTallies,
  );
  printGaps('Time in the extension between requests, first sync A → server:', pushGaps);
  printTallies('Requests during the first sync server → B:', pullTallies);
  printGaps('Time in the extension between requests, first sync server → B:', pullGaps);
  printTallies(`Requests during the ${String(edits)} round trips (both profiles):`, tripTallies);
} finally {
  await a.close();
  await b.close();
  await proxy.close();
  await couch.stop();
}
