import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { requireBrowser } from '../../support/browsers';
import { builtExtension } from './paths';
import { e2eViewport } from './viewport';

const ADDON_ID = 'claimmark@claimmark.org';
// Pinned so moz-extension:// URLs are known before the add-on is installed.
const ADDON_UUID = '6f1d2a8e-93b4-4c1e-9a55-3c1f0b7d2e41';

export interface FirefoxSession {
  browser: Browser;
  extensionOrigin: string;
  close(): Promise<void>;
}

/** Rejects after `ms` with `what` in the message, unless `work` settles first. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${String(ms / 1000)} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

// Firefox's own output, last lines per browser, shown when an extension page never comes up (an
// intermittent hang whose cause is not known yet: this is what the next failure should tell).
const output = new WeakMap<Browser, string[]>();

function record(browser: Browser): void {
  const lines: string[] = [];
  output.set(browser, lines);
  browser.process()?.stderr?.on('data', (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    lines.splice(0, Math.max(0, lines.length - 60));
  });
}

async function launchOnce(build: 'firefox-mv2' | 'firefox-mv2-e2e'): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'claimmark-ff-'));
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: requireBrowser('firefox'),
      headless: true,
      defaultViewport: e2eViewport(),
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      },
      timeout: 45_000,
    });
    record(browser);
    await within(30_000, 'Installing the add-on', browser.installExtension(builtExtension(build)));
  } catch (error) {
    await browser?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const started = browser;
  return {
    browser: started,
    extensionOrigin: `moz-extension://${ADDON_UUID}`,
    async close() {
      await started.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Launches Debian's Firefox ESR over WebDriver BiDi with the built extension as a temporary
 * add-on. On a loaded machine Firefox sometimes fails to come up (a BiDi protocol error while
 * starting, seen in CI), so a failed start is tried again with a fresh profile, twice at most.
 */
export async function launchFirefox(
  build: 'firefox-mv2' | 'firefox-mv2-e2e' = 'firefox-mv2',
): Promise<FirefoxSession> {
  let failure: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await launchOnce(build);
    } catch (error) {
      failure = error;
      console.warn(`Firefox did not start (attempt ${String(attempt)} of 3):`, error);
    }
  }
  throw failure;
}

/** Where the page's document is, as the page itself says; null when it cannot be asked now. */
async function documentAddress(page: Page): Promise<string | null> {
  return within(
    2_000,
    'Asking the page where it is',
    page.evaluate(() => location.href),
  ).catch(() => null);
}

/**
 * Opens an extension page and waits for `selector` in it. The load event of an extension page
 * never reaches WebDriver BiDi (nor does its address: `page.url()` stays `about:blank`), so the
 * navigation is not awaited, and where the page is comes from the document itself. It is
 * navigated again only while its document is elsewhere: a page that is merely slow (a loaded
 * machine) must not be restarted every few seconds, or it might never finish loading.
 */
export async function openExtensionPage(page: Page, url: string, selector: string): Promise<void> {
  const end = Date.now() + 40_000;
  const errors: string[] = [];
  const onError = (error: unknown) => errors.push(String(error));
  page.on('pageerror', onError);
  try {
    for (;;) {
      const at = await documentAddress(page);
      if (at !== url) page.goto(url).catch(() => undefined);
      try {
        await page.waitForSelector(selector, { timeout: 5_000 });
        return;
      } catch (error) {
        if (Date.now() > end) {
          const log = output.get(page.browser()) ?? [];
          throw new Error(
            [
              `${selector} never appeared in ${url} (its document is at ${(await documentAddress(page)) ?? 'an unknown address'}).`,
              `Errors in the page: ${errors.join(' | ') || 'none'}.`,
              `Firefox's last output:\n${log.join('\n') || '(none)'}`,
            ].join('\n'),
            { cause: error },
          );
        }
      }
    }
  } finally {
    page.off('pageerror', onError);
  }
}

/**
 * Presses Alt+Shift+H on the selection as a reader would. Claimmark acts only on a selection the
 * reader's own gesture left. A reader's drag ends with a mouseup; BiDi sends no mouseup without a
 * press (which would collapse the selection), so a key pressed and released ends it here (a
 * trusted keyup) before the shortcut.
 */
export async function pressHighlightShortcut(page: Page): Promise<void> {
  await page.keyboard.press('Shift');
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyH');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

/**
 * Waits until `check` holds, asking again every 100 ms (puppeteer has no polling assertion of
 * its own here); throws once `timeoutMs` has passed.
 */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
