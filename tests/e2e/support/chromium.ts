import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { requireBrowser } from '../../../scripts/browsers';
import { readStoreInExtension, reportedTabIdInExtension } from './in-extension';
import { builtExtension } from './paths';

/** The few extension APIs the tests call inside the extension origin. */
interface ExtensionGlobal {
  chrome: {
    tabs: { query(query: object): Promise<{ id?: number }[]> };
  };
}

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with the built extension in a fresh profile. */
export async function launchChromium(): Promise<ChromiumSession> {
  const extension = builtExtension('chrome-mv3');
  const profile = mkdtempSync(join(tmpdir(), 'claimmark-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: requireBrowser('chromium'),
    headless: true,
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
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The id of the tab whose page the background has a report for, waiting until it arrives. */
export function reportedTabId(worker: Worker, pageUrl: string): Promise<number> {
  return worker.evaluate(reportedTabIdInExtension, pageUrl);
}

/** The id of the active tab after bringing `page` to the front. */
export async function activeTabId(worker: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  return worker.evaluate(async () => {
    const [tab] = await (globalThis as unknown as ExtensionGlobal).chrome.tabs.query({
      active: true,
      lastFocusedWindow: true,
    });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** Every record of a store of the extension's database, read raw in the extension origin. */
export function readStore(worker: Worker, store: string): Promise<unknown[]> {
  return worker.evaluate(readStoreInExtension, store);
}
