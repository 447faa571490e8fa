import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { requireBrowser } from '../../../scripts/browsers';
import { builtExtension } from './paths';

const ADDON_ID = 'claimmark@claimmark.org';
// Pinned so moz-extension:// URLs are known before the add-on is installed.
const ADDON_UUID = '6f1d2a8e-93b4-4c1e-9a55-3c1f0b7d2e41';

export interface FirefoxSession {
  browser: Browser;
  extensionOrigin: string;
  close(): Promise<void>;
}

/** Launches Debian's Firefox ESR over WebDriver BiDi with the built extension as a temporary add-on. */
export async function launchFirefox(): Promise<FirefoxSession> {
  const profile = mkdtempSync(join(tmpdir(), 'claimmark-ff-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: requireBrowser('firefox'),
    headless: true,
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    },
  });
  await browser.installExtension(builtExtension('firefox-mv2'));
  return {
    browser,
    extensionOrigin: `moz-extension://${ADDON_UUID}`,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page and waits for `selector` in it. The load event of an extension page
 * never reaches WebDriver BiDi, so the navigation is not awaited; and a wait that starts while
 * the old document is torn down fails with a protocol error, so such a wait is started again.
 */
export async function openExtensionPage(page: Page, url: string, selector: string): Promise<void> {
  const end = Date.now() + 40_000;
  for (;;) {
    page.goto(url).catch(() => undefined);
    try {
      await page.waitForSelector(selector, { timeout: 5_000 });
      return;
    } catch (error) {
      // Navigate again: a navigation that raced the previous document sometimes never lands.
      if (Date.now() > end) throw error;
    }
  }
}
