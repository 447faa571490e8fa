import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { requireBrowser } from '../../support/browsers';
import { readStoreInExtension, reportedTabIdInExtension } from './in-extension';
import { builtExtension } from './paths';
import { e2eViewport } from './viewport';
import type { AnnotationRecord } from '../../../lib/model';
import { unpackRow, type NotesRow } from '../../../lib/storage/notes';

/** The few extension APIs the tests call inside the extension origin. */
interface ExtensionGlobal {
  chrome: {
    tabs: { query(query: object): Promise<{ id?: number }[]> };
  };
}

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  /** An extension page kept open for reading the extension's storage. */
  control: Page;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with the built extension in a fresh profile. */
export async function launchChromium(
  build: 'chrome-mv3' | 'chrome-mv3-e2e' = 'chrome-mv3',
): Promise<ChromiumSession> {
  const extension = builtExtension(build);
  const profile = mkdtempSync(join(tmpdir(), 'claimmark-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireBrowser('chromium'),
    headless: true,
    viewport: e2eViewport(),
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // Tests read extension state through a page of the extension, not through the service
  // worker: Chromium stops an idle worker, and an evaluate on a stopped worker never returns.
  const control = await context.newPage();
  await control.goto(`chrome-extension://${extensionId}/popup.html?tab=0`);
  return {
    context,
    worker,
    control,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab whose page the background has a report for, waiting until it arrives. */
export function reportedTabId(session: ChromiumSession, pageUrl: string): Promise<number> {
  return session.control.evaluate(reportedTabIdInExtension, pageUrl);
}

/** The id of the active tab after bringing `page` to the front. */
export async function activeTabId(session: ChromiumSession, page: Page): Promise<number> {
  await page.bringToFront();
  return session.control.evaluate(async () => {
    const [tab] = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({
      active: true,
      lastFocusedWindow: true,
    });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Every record of a store of the extension's database, read raw in the extension origin. */
export function readStore(session: ChromiumSession, store: string): Promise<unknown[]> {
  return session.control.evaluate(readStoreInExtension, store);
}

/** Every stored annotation, whole, out of the rows that hold each article's notes. */
export async function readAnnotations(session: ChromiumSession): Promise<AnnotationRecord[]> {
  return ((await readStore(session, 'notes')) as NotesRow[]).flatMap(unpackRow);
}

/** Which annotations each article's row holds, by article, for comparing libraries. */
export async function readNoteRows(
  session: ChromiumSession,
): Promise<{ articleUrl: string; ids: string[] }[]> {
  const rows = (await readStore(session, 'notes')) as {
    articleUrl: string;
    items: { id: string }[];
  }[];
  return rows
    .map((row) => ({ articleUrl: row.articleUrl, ids: row.items.map((a) => a.id).sort() }))
    .sort((a, b) => a.articleUrl.localeCompare(b.articleUrl));
}

/** Sends a message to the background from the extension's own page, as the library does. */
export function sendFromExtension(
  session: ChromiumSession,
  type: string,
  payload: unknown,
): Promise<unknown> {
  return session.control.evaluate(
    async ([t, p]) => {
      const api = (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        }
      ).chrome;
      return api.runtime.sendMessage({ type: t, payload: p });
    },
    [type, payload] as const,
  );
}
