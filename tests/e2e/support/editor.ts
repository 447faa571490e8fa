import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// The editor proper, not the peek at a note that hovering over its highlight shows.
const isEditor = (url: string) => /\/editor\.html\?(?:id|draft)=/.test(url);

/** What the open editor frames show, so a test that waited in vain says why they stayed. */
async function editorText(page: Page): Promise<string> {
  const texts = await Promise.all(
    page
      .frames()
      .filter((f) => isEditor(f.url()))
      .map((f) =>
        f
          .evaluate(() => document.body.innerText)
          .catch((error: unknown) => `(unreadable: ${String(error)})`),
      ),
  );
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ');
}

/** Waits until the page no longer shows Claimmark's editor frame. */
export async function editorClosed(page: Page): Promise<void> {
  try {
    await expect
      .poll(() => page.frames().some((f) => isEditor(f.url())), { timeout: 10_000 })
      .toBe(false);
  } catch (error) {
    throw new Error(`the editor stayed open, showing: ${await editorText(page)}`, {
      cause: error,
    });
  }
}

/**
 * Presses a key that closes the editor (save, cancel) and waits until it has closed. The key's
 * press is not awaited past that: the editor frame has focus and is removed while the key is
 * down, and Chromium then sometimes never acknowledges the key's release, which left the
 * press, and the test, hanging. A late failure of the press is of no interest either.
 */
export async function pressToCloseEditor(page: Page, press: () => Promise<void>): Promise<void> {
  const closed = editorClosed(page);
  await Promise.race([press().catch(() => undefined), closed]);
  await closed;
}
