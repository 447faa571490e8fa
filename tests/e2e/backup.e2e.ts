import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/static-server';
import {
  launchChromium,
  readAnnotations,
  reportedTabId,
  type ChromiumSession,
} from './support/chromium';
import { selectText } from './support/page-text';
import { fixtureMounts } from './support/paths';
import { parseImportFile } from '../../lib/exchange/parse-import';
import { ClaimmarkExportSchema } from '../../lib/exchange/schema';

// Scheduled backups (issue 16) in Chromium, with the end-to-end build: it holds the downloads
// permission up front, since no test can click the browser's permission prompt.

let server: StaticServer;
let browser: ChromiumSession;
let downloads: string;
let xdgConfig: string;
const previousXdg = process.env.XDG_CONFIG_HOME;

beforeAll(async () => {
  server = await startStaticServer(fixtureMounts(), 0);
  // Chromium on Linux finds the reader's downloads folder through xdg-user-dirs: point it at a
  // folder of the test's own, so nothing lands in the real home folder.
  downloads = mkdtempSync(join(tmpdir(), 'claimmark-downloads-'));
  xdgConfig = mkdtempSync(join(tmpdir(), 'claimmark-xdg-'));
  writeFileSync(join(xdgConfig, 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`);
  process.env.XDG_CONFIG_HOME = xdgConfig;
  browser = await launchChromium('chrome-mv3-e2e');
});

afterAll(async () => {
  await browser.close();
  await server.close();
  if (previousXdg === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = previousXdg;
  rmSync(downloads, { recursive: true, force: true });
  rmSync(xdgConfig, { recursive: true, force: true });
});

/** The extension API the test calls in the options page. */
interface RuntimeGlobal {
  chrome: { runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> } };
}

const HIGHLIGHT = 'The announcement followed a phone call between the two leaders';

describe('backups in Chromium', () => {
  it('saves a Claimmark JSON export carrying the library into claimmark-backups/ when asked', async () => {
    const story = await browser.context.newPage();
    const storyUrl = `${server.origin}/pages/budapest-summit.html`;
    await story.goto(storyUrl);
    await reportedTabId(browser, storyUrl);
    await selectText(story, HIGHLIGHT);
    await story.keyboard.press('Alt+Shift+H');
    await expect.poll(async () => (await readAnnotations(browser)).length).toBe(1);
    const [note] = await readAnnotations(browser);

    const options = await browser.context.newPage();
    // Playwright takes over downloads and names them by GUID (a service worker's download gives
    // no 'download' event either); with the browser's own behaviour the file lands where the
    // reader's would, under the name Claimmark asked for.
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const status = options.locator('.options__backup-status');
    await expect.poll(() => status.textContent()).toBe('No backup yet.');

    await options.getByLabel('Back up automatically').check();
    await expect
      .poll(() => status.textContent())
      .toBe('No backup yet. The next automatic backup is made within the hour.');

    const day = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const dated = `claimmark-backup-${String(day.getFullYear())}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
    // Chromium may stop and restart the idle service worker, and each start checks the schedule:
    // an automatic backup may come first, and this one is then numbered. The status names it.
    const saved = new RegExp(
      `saved as claimmark-backups/(${dated}(?: \\(\\d+\\))?\\.json) in your downloads folder\\.`,
    );
    const shownFile = async () => saved.exec((await status.textContent()) ?? '')?.[1] ?? '';
    /** Presses "Back up now" and waits for the status to name a file other than `before`. */
    const backUpNow = async (before: string) => {
      await options.getByRole('button', { name: 'Back up now', exact: true }).click();
      let name = '';
      await expect
        .poll(async () => (name = await shownFile()) !== '' && name !== before, {
          timeout: 30_000,
        })
        .toBe(true);
      expect(await options.getByRole('alert').count()).toBe(0);
      return name;
    };

    const first = await backUpNow('');
    const file = join(downloads, 'claimmark-backups', first);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(v.safeParse(ClaimmarkExportSchema, JSON.parse(text)).success).toBe(true);
    const parsed = parseImportFile(text);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.annotations.map((a) => a.id)).toEqual([note?.id]);
    expect(parsed.annotations[0]?.quote).toBe(HIGHLIGHT);
    expect(parsed.articles.map((a) => a.url)).toEqual([note?.articleUrl]);
    // The stored version of the story the highlight was made on comes too: a backup restores all.
    expect(parsed.versions.length).toBeGreaterThan(0);

    // Chromium's service worker had the file's address from an offscreen document, closed since.
    const offscreenDocuments = () =>
      options.evaluate(
        async () =>
          (
            await (globalThis as unknown as RuntimeGlobal).chrome.runtime.getContexts({
              contextTypes: ['OFFSCREEN_DOCUMENT'],
            })
          ).length,
      );
    await expect.poll(offscreenDocuments).toBe(0);

    // The status is the background's: a fresh options page shows it too.
    await options.reload();
    await expect.poll(shownFile).toBe(first);
    expect(await options.getByLabel('Back up automatically').isChecked()).toBe(true);

    // A second backup the same day gets a numbered name; the first file stays as it was.
    const second = await backUpNow(first);
    expect(second).toMatch(/ \(\d+\)\.json$/);
    expect(existsSync(join(downloads, 'claimmark-backups', second))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});
