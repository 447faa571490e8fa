import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/static-server';
import {
  activeTabId,
  launchChromium,
  readStore,
  reportedTabId,
  type ChromiumSession,
} from './support/chromium';
import { builtExtension, fixtureMounts } from './support/paths';

interface StoredArticle {
  url: string;
  title: string;
  seenAt: string[];
  savedAt: string;
}

let server: StaticServer;
let browser: ChromiumSession;

beforeAll(async () => {
  server = await startStaticServer(fixtureMounts());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

function popupUrl(tabId?: number): string {
  const query = tabId === undefined ? '' : `?tab=${tabId}`;
  return `chrome-extension://${browser.extensionId}/popup.html${query}`;
}

async function articles(): Promise<StoredArticle[]> {
  return (await readStore(browser, 'articles')) as StoredArticle[];
}

describe('Claimmark in Chromium', () => {
  it('injects its content script into http(s) pages only', () => {
    const manifest = JSON.parse(
      readFileSync(join(builtExtension('chrome-mv3'), 'manifest.json'), 'utf8'),
    ) as { content_scripts: { matches: string[] }[] };
    expect(manifest.content_scripts.flatMap((c) => c.matches)).toEqual([
      'http://*/*',
      'https://*/*',
    ]);
  });

  it('reports a page, writes nothing until the reader saves it, then lists it in the Library', async () => {
    const pageUrl = `${server.origin}/pages/budapest-summit.html`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const tabId = await reportedTabId(browser, pageUrl);
    expect(await articles()).toEqual([]);

    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(tabId));
    const title =
      'Trump, Putin to meet in Budapest for new Ukraine peace push | The Kyiv Independent';
    await popup
      .getByRole('heading', { name: 'Trump, Putin to meet in Budapest for new Ukraine peace push' })
      .waitFor();
    // Opening the popup reads but does not write.
    expect(await articles()).toEqual([]);

    await popup.getByRole('button', { name: 'Save to library' }).click();
    await popup.getByRole('button', { name: 'Saved' }).waitFor();
    const saved = await articles();
    // The page's canonical link points at another site (kyivindependent.com), so it is keyed by
    // its own address.
    expect(saved).toEqual([
      expect.objectContaining({ url: pageUrl, title, seenAt: [pageUrl] }) as StoredArticle,
    ]);

    await popup.getByRole('tab', { name: 'Library' }).click();
    await expect
      .poll(() =>
        popup
          .getByRole('list', { name: 'Saved articles and notes' })
          .locator('.lib-article__headline')
          .allTextContents(),
      )
      // Listed under the headline Claimmark read, not the page's <title>.
      .toEqual(['Trump, Putin to meet in Budapest for new Ukraine peace push']);
    await popup.close();
    await page.close();
  });

  it('shows the article card for the sample story and marks an entity in the page', async () => {
    const pageUrl = `${server.origin}/pages/budapest-summit.html`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const tabId = await reportedTabId(browser, pageUrl);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(tabId));
    await popup
      .getByRole('heading', { name: 'Trump, Putin to meet in Budapest for new Ukraine peace push' })
      .waitFor();
    expect(await popup.locator('.article-card__byline').textContent()).toBe('Tim Zadorozhnyy');
    expect(await popup.locator('.article-card__published').textContent()).toMatch(/^16 Oct 2025/);
    const people = popup.getByRole('region', { name: 'People' });
    await people.waitFor();
    const names = await people.locator('.chip__name').allTextContents();
    for (const name of [
      'Donald Trump',
      'Vladimir Putin',
      'Marco Rubio',
      'Volodymyr Zelensky',
      'Viktor Orban',
    ]) {
      expect(names).toContain(name);
    }
    const timeline = await popup
      .getByRole('list', { name: 'Dates mentioned' })
      .locator('time')
      .allTextContents();
    expect(timeline).toContain('16 Oct 2025');

    await people.getByRole('button', { name: /Vladimir Putin/ }).click();
    // The count comes back from the content script, which found and painted the mentions.
    await popup.getByText(/^Marked \d+ mentions of Vladimir Putin in the page\.$/).waitFor();
    await people.getByRole('button', { name: /Vladimir Putin/ }).click();
    await popup.getByText('Marks removed.').waitFor();
    await popup.close();
    await page.close();
  });

  it('keys a page without a canonical link by its address minus tracking parameters', async () => {
    const pageUrl = `${server.origin}/own/no-canonical.html?utm_source=newsletter&id=4#section`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const reported = new URL(pageUrl).toString();
    const tabId = await reportedTabId(browser, reported);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(tabId));
    await popup.getByText('none given').waitFor();
    await popup.getByRole('button', { name: 'Save to library' }).click();
    await popup.getByRole('button', { name: 'Saved' }).waitFor();
    expect((await articles()).map((a) => a.url)).toContain(
      `${server.origin}/own/no-canonical.html?id=4`,
    );
    await popup.close();
    await page.close();
  });

  it('says plainly that it cannot read a page that is not http(s)', async () => {
    const page = await browser.context.newPage();
    await page.goto('data:text/html,<title>Not a web page</title><p>data URL</p>');
    const tabId = await activeTabId(browser, page);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(tabId));
    await popup.getByText(/Nothing to show for this tab/).waitFor();
    expect(await popup.getByRole('button', { name: 'Save to library' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('handles XML and plain-text documents quietly, as pages that are not articles', async () => {
    for (const name of ['feed.xml', 'plain.txt']) {
      const pageUrl = `${server.origin}/own/${name}`;
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pageUrl);
      const tabId = await reportedTabId(browser, pageUrl);
      const popup = await browser.context.newPage();
      await popup.goto(popupUrl(tabId));
      await popup.getByText(/This page may not be a news story/).waitFor();
      expect(errors).toEqual([]);
      await popup.close();
      await page.close();
    }
  });

  it("does not let a page's own scripts command the background", async () => {
    const before = await articles();
    const pageUrl = `${server.origin}/own/hostile-page.html?ext=${browser.extensionId}`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    await page.getByText(/^done: /).waitFor();
    expect(await page.locator('#result').textContent()).toBe('done: postMessage, no runtime');
    // The content script still reported the page honestly (its real title, not the forged one)…
    const tabId = await reportedTabId(browser, pageUrl);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(tabId));
    await popup
      .getByRole('heading', { name: 'A page that tries to command the extension' })
      .waitFor();
    // …and nothing was saved by the page's messages.
    expect(await articles()).toEqual(before);
    await popup.getByRole('button', { name: 'Save to library' }).waitFor();
    await popup.close();
    await page.close();
  });
});
