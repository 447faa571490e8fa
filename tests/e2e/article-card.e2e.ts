import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/static-server';
import { launchChromium, reportedTabId, type ChromiumSession } from './support/chromium';
import { fixtureMounts } from './support/paths';

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

/** Opens the popup for the tab showing `pageUrl`, as the toolbar button would. */
async function openPopup(pageUrl: string): Promise<Page> {
  const tabId = await reportedTabId(browser, pageUrl);
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

async function chips(popup: Page): Promise<string[]> {
  return popup.locator('.chip__name').allTextContents();
}

describe('the card of a page, in Chromium', () => {
  it('shows a story whose body comes late, and its names once the body is there', async () => {
    const pageUrl = `${server.origin}/own/late-story.html`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    let popup = await openPopup(pageUrl);
    await popup
      .getByRole('heading', {
        name: 'Council approves the new river bridge after a decade of delays',
      })
      .waitFor();
    expect(await popup.locator('.article-card__byline').textContent()).toBe('Jane Doe');
    expect(await popup.locator('.article-card__published').textContent()).toBe(
      '14 Mar 2025, 09:30 +01:00',
    );
    // Declared a story, with its head in the HTML: an article, though its body is not there yet.
    expect(await popup.getByText(/may not be a news story/).count()).toBe(0);
    await popup
      .getByRole('list', { name: 'Dates mentioned' })
      .or(popup.getByText('No dates mentioned.'))
      .waitFor();
    expect(await chips(popup)).not.toContain('Maria Santos');
    await popup.close();

    // The reader asks for the story; the page renders it. The next popup reads it again.
    await page.getByRole('button', { name: 'Read the story' }).click();
    await page.getByText(/Mayor Maria Santos/).waitFor();
    popup = await openPopup(pageUrl);
    await popup.getByRole('region', { name: 'People' }).waitFor();
    expect(await chips(popup)).toEqual(expect.arrayContaining(['Maria Santos', 'Thomas Berg']));
    // "On Thursday", in a story published on Friday 14 March 2025.
    expect(await popup.locator('.timeline time').allTextContents()).toContain('13 Mar 2025');
    await popup.close();
    await page.close();
  });

  it('shows the headline, byline and date of a page that may not be a story, and its names when asked', async () => {
    const pageUrl = `${server.origin}/own/teaser.html`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const popup = await openPopup(pageUrl);
    await popup.getByText(/This page may not be a news story/).waitFor();
    expect(await popup.locator('.article-card__headline').textContent()).toBe(
      'Harbour festival draws record crowds',
    );
    expect(await popup.locator('.article-card__byline').textContent()).toBe('John Roe');
    expect(await popup.locator('.article-card__published').textContent()).toBe('2 Aug 2024');
    // Nothing is read from the body until the reader asks.
    expect(await chips(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Find names and dates' }).click();
    await popup.getByRole('region', { name: 'People' }).waitFor();
    expect(await chips(popup)).toContain('Emma Clarke');
    await popup.close();
    await page.close();
  });

  it('shows the date of a story in another language, and no names from the English model', async () => {
    const pageUrl = `${server.origin}/own/portuguese-story.html`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const popup = await openPopup(pageUrl);
    await popup
      .getByRole('heading', {
        name: 'Câmara aprova nova ponte sobre o rio depois de dez anos de atrasos',
      })
      .waitFor();
    expect(await popup.locator('.article-card__published').textContent()).toBe(
      '30 Nov 2020, 10:00 -03:00',
    );
    expect(await popup.locator('.article-card__byline').textContent()).toBe('Ana Souza');
    await popup
      .getByText(
        'This story seems to be in Portuguese. Names are recognised in English stories for now, and so are dates in the text.',
      )
      .waitFor();
    expect(await chips(popup)).toEqual([]);
    expect(await popup.getByRole('region', { name: 'Places' }).count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
