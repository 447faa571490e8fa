import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unpackRow, type NotesRow } from '../../lib/storage/notes';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { startStaticServer, type StaticServer } from '../support/static-server';
import {
  launchFirefox,
  openExtensionPage,
  pressHighlightShortcut,
  waitUntil,
  type FirefoxSession,
} from './support/firefox';
import { readStoreInExtension, reportedTabIdInExtension } from './support/in-extension';
import { locatePassage } from './support/page-text';
import { fixtureMounts } from './support/paths';

// Issue 16 in Firefox ESR: a note made in one profile reaches another through pouchdb-server.

let couch: CouchServer;
let pages: StaticServer;
const open: FirefoxSession[] = [];

beforeAll(async () => {
  couch = await startCouchServer();
  pages = await startStaticServer(fixtureMounts());
});

afterAll(async () => {
  for (const session of open) await session.close();
  await pages.close();
  await couch.stop();
});

/** How long a step of sync between two Firefox profiles may take on a loaded machine. */
const SYNC_WAIT_MS = 30_000;

async function quotesIn(control: Page): Promise<string[]> {
  return ((await control.evaluate(readStoreInExtension, 'notes')) as NotesRow[])
    .flatMap(unpackRow)
    .map((n) => n.quote);
}

/** Enters the server in the options page and presses "Sync now". */
async function turnOnSync(session: FirefoxSession, dbUrl: string): Promise<Page> {
  const options = await session.browser.newPage();
  await openExtensionPage(
    options,
    `${session.extensionOrigin}/options.html`,
    '::-p-aria(Server URL)',
  );
  const url = await options.waitForSelector('::-p-aria(Server URL)');
  await url?.type(dbUrl);
  const button = await options.waitForSelector('::-p-aria(Sync now[role="button"])');
  await button?.click();
  await waitUntil(
    async () =>
      (await options.$eval('p[aria-live="polite"]', (p) => p.textContent)).includes(
        'Syncing continuously',
      ),
    SYNC_WAIT_MS,
  );
  return options;
}

describe('sync in Firefox ESR', () => {
  it('brings a note made in profile A to profile B', async () => {
    const dbUrl = `${couch.origin}/firefox`;
    const pageUrl = `${pages.origin}/pages/budapest-summit.html`;
    const quote = 'Trump will meet Russian President Vladimir Putin in Budapest';

    const a = await launchFirefox('firefox-mv2-e2e');
    open.push(a);
    await turnOnSync(a, dbUrl);
    const page = await a.browser.newPage();
    await page.goto(pageUrl);
    const control = await a.browser.newPage();
    await openExtensionPage(control, `${a.extensionOrigin}/popup.html`, '.popup');
    await control.evaluate(reportedTabIdInExtension, pageUrl);
    await page.bringToFront();
    await page.evaluate(locatePassage, { quote, before: 'U.S. President Donald ', select: true });
    await pressHighlightShortcut(page);
    await waitUntil(async () => (await quotesIn(control)).includes(quote), SYNC_WAIT_MS);
    // On the server once A's loop has pushed it.
    await waitUntil(async () => {
      const response = await fetch(`${dbUrl}/_all_docs?include_docs=true`);
      const body = (await response.json()) as { rows?: { doc?: { quote?: string } }[] };
      return (body.rows ?? []).some((r) => r.doc?.quote === quote);
    }, SYNC_WAIT_MS);

    const b = await launchFirefox('firefox-mv2-e2e');
    open.push(b);
    await turnOnSync(b, dbUrl);
    const controlB = await b.browser.newPage();
    await openExtensionPage(controlB, `${b.extensionOrigin}/popup.html`, '.popup');
    await waitUntil(async () => (await quotesIn(controlB)).includes(quote), SYNC_WAIT_MS);
    expect(await quotesIn(controlB)).toEqual([quote]);
  }, 180_000);
});
