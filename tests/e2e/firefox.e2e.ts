import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';
import { launchFirefox, openExtensionPage, type FirefoxSession } from './support/firefox';
import { readStoreInExtension, reportedTabIdInExtension } from './support/in-extension';
import { fixtureMounts } from './support/paths';

let server: StaticServer;
let firefox: FirefoxSession;

beforeAll(async () => {
  server = await startStaticServer(fixtureMounts());
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox.close();
  await server.close();
});

describe('Claimmark in Firefox ESR', () => {
  it('saves the page from the popup into IndexedDB and lists it in the Library', async () => {
    const pageUrl = `${server.origin}/pages/budapest-summit.html`;
    const title =
      'Trump, Putin to meet in Budapest for new Ukraine peace push | The Kyiv Independent';
    const page = await firefox.browser.newPage();
    await page.goto(pageUrl);

    const popup = await firefox.browser.newPage();
    openExtensionPage(popup, `${firefox.extensionOrigin}/popup.html`);
    await popup.waitForSelector('.popup');
    const tabId = await popup.evaluate(reportedTabIdInExtension, pageUrl);
    expect(await popup.evaluate(readStoreInExtension, 'articles')).toEqual([]);

    openExtensionPage(popup, `${firefox.extensionOrigin}/popup.html?tab=${tabId}`);
    await popup.waitForSelector(
      '::-p-text(Trump, Putin to meet in Budapest for new Ukraine peace push)',
    );
    // The background analysed the article body in Firefox too.
    await popup.waitForSelector('::-p-text(Volodymyr Zelensky)');
    const save = await popup.waitForSelector('::-p-aria(Save to library[role="button"])');
    await save?.click();
    await popup.waitForSelector('::-p-aria(Saved[role="button"])');

    const articles = (await popup.evaluate(readStoreInExtension, 'articles')) as {
      url: string;
      title: string;
    }[];
    expect(articles.map((a) => [a.url, a.title])).toEqual([[pageUrl, title]]);

    const library = await popup.waitForSelector('::-p-aria(Library[role="tab"])');
    await library?.click();
    const link = await popup.waitForSelector('.article-list a');
    expect(await link?.evaluate((a) => a.textContent)).toBe(title);
    await popup.close();
    await page.close();
  });
});
