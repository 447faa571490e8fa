import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/static-server';
import type { Frame, Page } from 'puppeteer-core';
import {
  launchFirefox,
  openExtensionPage,
  pressHighlightShortcut,
  waitUntil,
  type FirefoxSession,
} from './support/firefox';
import { locatePassage, tintedShareOf, widestLine } from './support/page-text';
import { readStoreInExtension, reportedTabIdInExtension } from './support/in-extension';
import { fixtureMounts } from './support/paths';
import { unpackRow, type NotesRow } from '../../lib/storage/notes';

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
    await openExtensionPage(popup, `${firefox.extensionOrigin}/popup.html`, '.popup');
    const tabId = await popup.evaluate(reportedTabIdInExtension, pageUrl);
    expect(await popup.evaluate(readStoreInExtension, 'articles')).toEqual([]);

    await openExtensionPage(
      popup,
      `${firefox.extensionOrigin}/popup.html?tab=${tabId}`,
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
    // The library lists it under the headline it read, with its site.
    const headline = await popup.waitForSelector('.lib-article__headline');
    expect(await headline?.evaluate((h) => h.textContent)).toBe(
      'Trump, Putin to meet in Budapest for new Ukraine peace push',
    );
    await popup.close();
    await page.close();
  });

  it('highlights a passage with the shortcut and paints it again after a reload', async () => {
    const pageUrl = `${server.origin}/pages/budapest-summit.html`;
    const quote = 'Trump will meet Russian President Vladimir Putin in Budapest';
    const page = await firefox.browser.newPage();
    await page.goto(pageUrl);
    const control = await firefox.browser.newPage();
    await openExtensionPage(control, `${firefox.extensionOrigin}/popup.html`, '.popup');
    await control.evaluate(reportedTabIdInExtension, pageUrl);

    await page.bringToFront();
    await page.evaluate(locatePassage, { quote, before: 'U.S. President Donald ', select: true });
    await pressHighlightShortcut(page);
    const highlights = async () =>
      ((await control.evaluate(readStoreInExtension, 'notes')) as NotesRow[])
        .flatMap(unpackRow)
        .map((a) => a.quote);
    await waitUntil(async () => (await highlights()).includes(quote));

    await page.reload();
    await control.evaluate(reportedTabIdInExtension, pageUrl);
    const box = widestLine(
      await page.evaluate(locatePassage, { quote, before: '', select: false }),
    );
    // Puppeteer clips in document coordinates; the box is the viewport's.
    const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
    const clip = { ...box, x: box.x + scroll.x, y: box.y + scroll.y };
    const tint = async () => tintOf(control, await page.screenshot({ clip, encoding: 'base64' }));
    await waitUntil(async () => (await tint()) > 0.15);
    await control.close();
    await page.close();
  });

  it('refuses an editor the page frames itself, even at the address of the reader’s own', async () => {
    // Firefox (MV2) serves the editor at a fixed address any page may frame; this page knows it.
    const pageUrl = `${server.origin}/pages/budapest-summit.html`;
    const quote = 'Trump will meet Russian President Vladimir Putin in Budapest';
    const page = await firefox.browser.newPage();
    await page.goto(pageUrl);
    const control = await firefox.browser.newPage();
    await openExtensionPage(control, `${firefox.extensionOrigin}/popup.html`, '.popup');
    await control.evaluate(reportedTabIdInExtension, pageUrl);
    const [note] = ((await control.evaluate(readStoreInExtension, 'notes')) as NotesRow[]).flatMap(
      unpackRow,
    );
    if (!note) throw new Error('the previous test stored no highlight');
    await page.bringToFront();

    // The reader clicks the highlight once it is drawn: their editor opens.
    const box = widestLine(
      await page.evaluate(locatePassage, { quote, before: '', select: false }),
    );
    const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
    const clip = { ...box, x: box.x + scroll.x, y: box.y + scroll.y };
    await waitUntil(
      async () =>
        (await tintOf(control, await page.screenshot({ clip, encoding: 'base64' }))) > 0.15,
    );
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const editorHref = async () => {
      for (const frame of page.frames()) {
        const href = await frame.evaluate(() => location.href).catch(() => '');
        if (href.includes('editor.html?id=')) return { frame, href };
      }
      return null;
    };
    const { frame: ownFrame, href: ownHref } = await waitFor(editorHref);
    await waitUntil(() => hasControl(ownFrame, 'label', 'Note'));

    // The page frames the editor twice: naming the note without a token, and at the exact
    // address of the reader's editor (as if it had learned the token).
    const bare = `${firefox.extensionOrigin}/editor.html?id=${note.id}`;
    await page.evaluate(
      (sources) =>
        Promise.all(
          sources.map(
            ([name, src]) =>
              new Promise<void>((resolve) => {
                const frame = document.createElement('iframe');
                frame.name = name ?? '';
                frame.onload = () => resolve();
                frame.src = src ?? '';
                document.body.append(frame);
              }),
          ),
        ).then(() => undefined),
      [
        ['bare', bare],
        ['copy', ownHref],
      ],
    );
    const framed = async (name: string) => {
      for (const frame of page.frames()) {
        if ((await frame.evaluate(() => window.name).catch(() => '')) === name) return frame;
      }
      throw new Error(`no frame named ${name}`);
    };
    const bareFrame = await framed('bare');
    await bareFrame.waitForSelector('::-p-text(No note to edit.)');
    const copy = await framed('copy');
    await copy.waitForSelector('::-p-text(Claimmark did not open this editor for this page.)');
    for (const frame of [bareFrame, copy]) {
      expect(await hasControl(frame, 'button', 'Delete')).toBe(false);
      expect(await hasControl(frame, 'label', 'Note')).toBe(false);
    }
    // The reader's own editor is still theirs: it deletes the highlight.
    await ownFrame.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent.trim() === 'Delete',
      );
      if (!button) throw new Error('no Delete button in the editor');
      button.click();
    });
    await waitUntil(
      async () =>
        ((await control.evaluate(readStoreInExtension, 'notes')) as NotesRow[]).flatMap(unpackRow)
          .length === 0,
    );
    await control.close();
    await page.close();
  });
});

/** Waits until `find` finds something, and returns it. */
/**
 * Whether a frame has a label or button with this text. Puppeteer's ARIA selectors inside a
 * frame send WebDriver BiDi a locator Firefox ESR 140 does not know, so frames are read directly.
 */
function hasControl(frame: Frame, tag: 'label' | 'button', text: string): Promise<boolean> {
  return frame.evaluate(
    (t, want) => [...document.querySelectorAll(t)].some((e) => e.textContent.trim() === want),
    tag,
    text,
  );
}

async function waitFor<T>(find: () => Promise<T | null>, timeoutMs = 15_000): Promise<T> {
  let found: T | null = null;
  await waitUntil(async () => (found = await find()) !== null, timeoutMs);
  return found as T;
}

/** Share of tinted pixels in a base64 PNG, decoded in an extension page. */
function tintOf(page: Page, base64: string): Promise<number> {
  return page.evaluate(tintedShareOf, base64);
}
