import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkedClaimReview } from '../support/claimreview-schema';
import { startStaticServer, type StaticServer } from '../support/static-server';
import {
  launchChromium,
  readAnnotations,
  readNoteRows,
  readStore,
  reportedTabId,
  type ChromiumSession,
} from './support/chromium';
import { pressToCloseEditor } from './support/editor';
import { inView, selectText } from './support/page-text';
import { fixtureMounts } from './support/paths';

interface Stored {
  id: string;
  quote: string;
  note: string;
  status: string | null;
  tags: string[];
}

let server: StaticServer;
let browser: ChromiumSession;

beforeAll(async () => {
  server = await startStaticServer(fixtureMounts(), 0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** The stored versions of a profile, as what identifies them. */
async function versionKeys(session: ChromiumSession): Promise<string[]> {
  const rows = (await readStore(session, 'versions')) as {
    articleUrl: string;
    n: number;
    hash: string;
  }[];
  return rows.map((r) => `${r.articleUrl} ${String(r.n)} ${r.hash}`).sort();
}
const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);

async function annotate(
  page: Page,
  quote: string,
  fields: { note: string; status: string; tags: string[] },
): Promise<void> {
  await selectText(page, quote);
  await page.keyboard.press('Alt+Shift+C');
  let editor: Frame | undefined;
  await expect
    .poll(() => (editor = page.frames().find((f) => f.url().includes('editor.html?draft='))))
    .toBeDefined();
  if (!editor) throw new Error('no editor');
  await editor.getByLabel('Note').fill(fields.note);
  await editor.getByLabel(fields.status).check();
  for (const tag of fields.tags) {
    await editor.getByLabel('Tags', { exact: true }).fill(tag);
    await editor.getByLabel('Tags', { exact: true }).press('Enter');
  }
  const open = editor;
  await pressToCloseEditor(page, () => open.getByLabel('Note').press('Control+Enter'));
}

async function download(popup: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const CLAIM = 'Trump will meet Russian President Vladimir Putin in Budapest';
const SECOND = 'It remains unclear who will represent Russia at the meeting.';
const HIGHLIGHT = 'The announcement followed a phone call between the two leaders';

describe('the library in Chromium', () => {
  let story: Page;
  let popup: Page;
  let claimmarkExport = '';

  it('finds a note by typing part of it, and filters by status and tag', async () => {
    story = await browser.context.newPage();
    await story.emulateMedia({ reducedMotion: 'reduce' });
    const storyUrl = `${server.origin}/pages/budapest-summit.html`;
    await story.goto(storyUrl);
    await reportedTabId(browser, storyUrl);
    await annotate(story, CLAIM, {
      note: 'The Kremlin readout says <b>nothing</b> of Budapest.',
      status: 'Disputed',
      tags: ['summit'],
    });
    await selectText(story, HIGHLIGHT);
    await story.keyboard.press('Alt+Shift+H');
    await expect.poll(async () => (await readAnnotations(browser)).length).toBe(2);

    const bare = await browser.context.newPage();
    const bareUrl = `${server.origin}/pages/budapest-summit-bare.html`;
    await bare.goto(bareUrl);
    await reportedTabId(browser, bareUrl);
    await annotate(bare, SECOND, {
      note: 'Orbán’s office named no Russian delegate.',
      status: 'Supported',
      tags: ['hungary', 'summit'],
    });
    await bare.close();
    await expect.poll(async () => (await readAnnotations(browser)).length).toBe(3);

    popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?view=library&tab=0`);
    const list = popup.getByRole('list', { name: 'Saved articles and notes' });
    await list.getByRole('listitem').first().waitFor();
    const search = popup.getByLabel('Search the library');
    await expect.poll(() => search.isEnabled()).toBe(true);

    // Part of a note, without its accent or capitals.
    await search.fill('orban delegat');
    const results = popup.getByRole('list', { name: 'Search results' });
    await results.getByText(`“${SECOND}”`).waitFor();
    await expect
      .poll(() => popup.locator('.library__summary').textContent())
      .toBe('1 note in 1 article');
    // A note with markup shows it as text.
    await search.fill('kremlin');
    await results.getByText('The Kremlin readout says <b>nothing</b> of Budapest.').waitFor();
    expect(await popup.locator('.vlist b').count()).toBe(0);
    await search.fill('');

    await popup.getByLabel('Status').selectOption('disputed');
    await results.getByText(`“${CLAIM}”`).waitFor();
    await expect.poll(() => results.getByText(`“${SECOND}”`).count()).toBe(0);
    await popup.getByLabel('Tag').selectOption('hungary');
    await popup.getByText('Nothing matches').waitFor();
    await popup.getByLabel('Status').selectOption('');
    await results.getByText(`“${SECOND}”`).waitFor();
    await expect
      .poll(() => popup.locator('.library__summary').textContent())
      .toBe('1 note in 1 article');
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await expect
      .poll(() => popup.locator('.library__summary').textContent())
      .toBe('2 articles, 3 notes');
  });

  it('opens a note from the library in the tab that shows it, scrolled to the passage', async () => {
    // Out of view first (the page's foot), so only the jump can bring the passage into view.
    await story.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    expect(await inView(story, CLAIM)).toBe(false);
    await popup.getByLabel('Search the library').fill('kremlin');
    await popup.getByRole('button', { name: new RegExp(`“${CLAIM}”`) }).click();
    await expect.poll(() => inView(story, CLAIM)).toBe(true);
    await popup.bringToFront();
    await popup.getByLabel('Search the library').fill('');
  });

  it('exports every format with every note', async () => {
    await popup.getByText('Export and import').click();
    const stored = ((await readAnnotations(browser)) as Stored[]).sort(byId);
    const articles = (await readStore(browser, 'articles')) as { url: string }[];
    interface Exported {
      format: string;
      version: number;
      annotations: Stored[];
      articles: { url: string }[];
      versions?: { articleUrl: string; n: number; hash: string; content: { text: string } }[];
    }

    const json = await download(popup, 'Claimmark JSON');
    expect(json.name).toMatch(/^claimmark-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(json.text) as Exported;
    expect(parsed).toMatchObject({ format: 'claimmark', version: 1 });
    expect([...parsed.annotations].sort(byId)).toEqual(stored);
    expect([...parsed.articles].sort(byUrl)).toEqual([...articles].sort(byUrl));
    // The stories' texts are large: only when the reader asks for them.
    expect(parsed).not.toHaveProperty('versions');
    await popup.getByLabel(/With the stories' stored versions/).check();
    const withVersions = await download(popup, 'Claimmark JSON');
    await popup.getByText(/Saved claimmark-.*\(3 notes, 2 versions\)/).waitFor();
    const full = JSON.parse(withVersions.text) as Exported;
    expect([...full.annotations].sort(byId)).toEqual(stored);
    expect(
      (full.versions ?? []).map((v) => `${v.articleUrl} ${String(v.n)} ${v.hash}`).sort(),
    ).toEqual(await versionKeys(browser));
    expect(full.versions?.some((v) => v.content.text.includes(CLAIM))).toBe(true);
    await popup.getByLabel(/With the stories' stored versions/).uncheck();
    claimmarkExport = withVersions.text;

    const w3c = await download(popup, 'W3C JSON-LD');
    expect(w3c.name).toMatch(/^claimmark-\d{4}-\d{2}-\d{2}-w3c\.jsonld$/);
    const collection = JSON.parse(w3c.text) as Record<string, unknown>;
    expect(collection).toMatchObject({ type: 'AnnotationCollection' });
    expect(w3c.text).toContain('TextQuoteSelector');
    expect(w3c.text).toContain('TextPositionSelector');
    expect(w3c.text).toContain('"commenting"');
    expect(w3c.text).toContain('"tagging"');
    expect(w3c.text).toContain(CLAIM);

    const markdown = await download(popup, 'Markdown');
    expect(markdown.name).toMatch(/^claimmark-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown.text).toMatch(/^#+ .*Budapest/m);
    expect(markdown.text).toContain(`> ${CLAIM}`);
    expect(markdown.text).toContain('**Claim: disputed** · Tags: summit');
    expect(markdown.text).toContain('Tags: hungary, summit');
    expect(markdown.text).toContain('The Kremlin readout says \\<b\\>nothing\\</b\\> of Budapest.');
    expect(markdown.text).not.toContain('<b>');

    // Citations for Zotero, and a note per article for Obsidian.
    const csl = await download(popup, 'CSL-JSON');
    expect(csl.name).toMatch(/^claimmark-\d{4}-\d{2}-\d{2}-csl\.json$/);
    const items = JSON.parse(csl.text) as { URL: string; type: string; note?: string }[];
    expect(items.map((i) => i.URL).sort()).toEqual(articles.map((a) => a.url).sort());
    expect(items.some((i) => i.note?.includes(CLAIM))).toBe(true);
    const [vaultFile] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Obsidian vault', exact: true }).click(),
    ]);
    expect(vaultFile.suggestedFilename()).toMatch(/^claimmark-\d{4}-\d{2}-\d{2}-vault\.zip$/);
    const notes = unzipSync(readFileSync(await vaultFile.path()));
    expect(Object.keys(notes)).toHaveLength(articles.length);
    const texts = Object.values(notes).map((b) => strFromU8(b));
    for (const text of texts) expect(text).toMatch(/^---\ntitle: ".*"\nurl: "http/);
    const vault = texts.join('\n');
    expect(vault).toContain(`> ${CLAIM}`);
    expect(vault).toContain('#:~:text=');
  });

  it('imports the export into a wiped profile and shows everything again', async () => {
    const before = {
      annotations: ((await readAnnotations(browser)) as { id: string }[]).sort(byId),
      articles: ((await readStore(browser, 'articles')) as { url: string }[]).sort(byUrl),
      rows: await readNoteRows(browser),
      versions: await versionKeys(browser),
    };
    // Every note was made on a stored version: the round trip keeps them on it.
    expect(before.versions).toHaveLength(2);
    const fresh = await launchChromium();
    try {
      const empty = await fresh.context.newPage();
      await empty.goto(`chrome-extension://${fresh.extensionId}/popup.html?view=library&tab=0`);
      await empty.getByText('Your library is empty').waitFor();
      await empty.getByText('Export and import').click();
      await empty.getByLabel('A Claimmark JSON or W3C JSON-LD file').setInputFiles({
        name: 'claimmark-export.json',
        mimeType: 'application/json',
        buffer: Buffer.from(claimmarkExport),
      });
      await empty
        .getByText(
          /claimmark-export\.json: 3 new notes, 0 updated, 0 skipped \(2 new articles, 2 new versions\)/,
        )
        .waitFor();
      await empty.getByRole('button', { name: 'Import', exact: true }).click();
      await empty
        .getByText(/Imported claimmark-export\.json: 3 new, 0 updated, 0 skipped/)
        .waitFor();
      expect(await versionKeys(fresh)).toEqual(before.versions);
      expect(((await readAnnotations(fresh)) as { id: string }[]).sort(byId)).toEqual(
        before.annotations,
      );
      expect(((await readStore(fresh, 'articles')) as { url: string }[]).sort(byUrl)).toEqual(
        before.articles,
      );
      expect(await readNoteRows(fresh)).toEqual(before.rows);
      await expect
        .poll(() => empty.locator('.library__summary').textContent())
        .toBe('2 articles, 3 notes');

      // A second import of the same file changes nothing and says why.
      await empty.getByLabel('A Claimmark JSON or W3C JSON-LD file').setInputFiles({
        name: 'again.json',
        mimeType: 'application/json',
        buffer: Buffer.from(claimmarkExport),
      });
      await empty.getByText(/again\.json: 0 new notes, 0 updated, 3 skipped/).waitFor();
      expect(await empty.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(
        true,
      );
      // A broken file is refused with a reason, and nothing changes.
      await empty.getByLabel('A Claimmark JSON or W3C JSON-LD file').setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(claimmarkExport.slice(0, 200)),
      });
      await empty.getByRole('alert').waitFor();
      expect(((await readAnnotations(fresh)) as { id: string }[]).sort(byId)).toEqual(
        before.annotations,
      );
    } finally {
      await fresh.close();
    }
  });
  it('exports a claim marked false as a ClaimReview signed by the reviewer set in Options', async () => {
    const FALSE_CLAIM =
      'during which they also agreed to hold a high-level U.S.-Russia meeting next week';
    const page = await browser.context.newPage();
    const pageUrl = `${server.origin}/pages/budapest-summit.html`;
    await page.goto(pageUrl);
    await reportedTabId(browser, pageUrl);
    await annotate(page, FALSE_CLAIM, {
      note: 'No such meeting was held.',
      status: 'False',
      tags: [],
    });
    await expect
      .poll(async () =>
        ((await readAnnotations(browser)) as Stored[]).some((a) => a.status === 'false'),
      )
      .toBe(true);

    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Organisation').fill('Factcheck Desk');
    await options.getByLabel('Your name', { exact: true }).fill('Anna Roe');
    await options.getByLabel('Your site').fill('https://factchecker.org/');
    await options.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();
    await page.close();

    await popup.bringToFront();
    const file = await download(popup, 'ClaimReview');
    expect(file.name).toMatch(/^claimmark-\d{4}-\d{2}-\d{2}-claimreview\.jsonld$/);
    const doc = JSON.parse(file.text) as {
      '@context': string;
      '@graph': {
        claimReviewed: string;
        author: unknown;
        reviewRating: { alternateName: string; ratingValue: number };
        itemReviewed: { appearance: { url: string; headline?: string } };
      }[];
    };
    checkedClaimReview(doc);
    expect(doc['@context']).toBe('https://schema.org');
    const review = doc['@graph'].find((r) => r.reviewRating.alternateName === 'False');
    expect(review).toMatchObject({
      claimReviewed: FALSE_CLAIM,
      author: { '@type': 'Organization', name: 'Factcheck Desk', url: 'https://factchecker.org/' },
      reviewRating: { ratingValue: 1 },
    });
    expect(review?.itemReviewed.appearance.headline).toMatch(/Budapest/);
    // The disputed and the supported claims are reviews too; the highlight is not.
    expect(doc['@graph']).toHaveLength(3);
    await popup.getByText(/Saved claimmark-.*-claimreview\.jsonld \(3 reviews\)/).waitFor();
  });
});
