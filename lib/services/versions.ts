import { foldString } from '../anchoring/fold';
import { diffVersions, type VersionDiff, type VersionHint } from '../anchoring/version-map';
import { RECORD_LIMITS, type AnnotationRecord } from '../model';
import { VERSION_TEXT_LIMIT, type VersionContent } from '../model/version';
import type { ClaimmarkDatabase } from '../storage/database';
import { readVersion, recordVersion } from '../storage/versions';
import { storyHash } from '../versions/story';
import type { TabStore } from '../tabs/tab-store';

export type { VersionHint };

/** What the versions service needs. */
export interface VersionsDeps {
  db: ClaimmarkDatabase;
  tabs: TabStore;
  /** Asks the tab's content script for its page's text, as anchoring reads it; null if none. */
  requestText: (tabId: number) => Promise<string | null>;
  /** Asks the tab's content script for the story's body text; null when it finds none. */
  requestBody: (tabId: number) => Promise<string | null>;
  now: () => Date;
}

/** The versions of the articles the reader acted on (issue 14). */
export interface VersionsService {
  /**
   * Reads the tab's page text and stores it as the article's newest version if it is new;
   * returns that version's number, or null when the page gave no text.
   */
  capture(tabId: number, articleUrl: string): Promise<number | null>;
  /**
   * Follows each note from the version it was made on to `text`, the page as the tab shows it
   * now, and keeps `text` as a new version when it differs (the reader acted on this article).
   */
  remap(
    tabId: number,
    articleUrl: string,
    text: string,
    notes: readonly AnnotationRecord[],
  ): Promise<VersionHint[]>;
}

/** How long one visit of a tab to an article lasts, as far as keeping a new version goes. */
export const VISIT_MS = 10 * 60 * 1000;

/**
 * How long a version handed to a note being made stays in use before the note is stored: far
 * more than the few milliseconds between the two, so another tab's visit cannot replace it.
 */
export const HOLD_MS = 60 * 1000;

/** True when two passages read the same once typography and white space are set aside. */
function sameText(a: string, b: string): boolean {
  return foldString(a) === foldString(b);
}

/** Versions are written by the background only, from the page text its content script reads. */
export function createVersionsService({
  db,
  tabs,
  requestText,
  requestBody,
  now,
}: VersionsDeps): VersionsService {
  // When each tab last added a version of each article it re-anchored.
  const kept = new Map<string, number>();
  // Versions handed to notes not stored yet, by article: number → until when it is held.
  const handed = new Map<string, Map<number, number>>();

  /** The article's versions handed out and still held (those expired are let go). */
  function heldOf(articleUrl: string): Set<number> {
    const held = handed.get(articleUrl);
    if (!held) return new Set();
    const at = now().getTime();
    for (const [n, until] of held) if (until <= at) held.delete(n);
    if (held.size === 0) handed.delete(articleUrl);
    return new Set(held.keys());
  }

  function hold(articleUrl: string, n: number): void {
    const held = handed.get(articleUrl) ?? new Map<number, number>();
    held.set(n, now().getTime() + HOLD_MS);
    handed.set(articleUrl, held);
  }

  async function contentOf(tabId: number, text: string): Promise<VersionContent> {
    const meta = (await tabs.get(tabId))?.article?.metadata ?? null;
    return {
      text: text.slice(0, VERSION_TEXT_LIMIT),
      headline: meta?.headline?.slice(0, RECORD_LIMITS.title) ?? null,
      byline:
        meta && meta.byline.length > 0
          ? meta.byline.join(', ').slice(0, RECORD_LIMITS.title)
          : null,
      published: meta?.published ?? null,
      modified: meta?.modified ?? null,
    };
  }

  /** The story's hash, so a page that changed only around the story is not "changed". */
  async function storyOf(tabId: number, headline: string | null): Promise<string | undefined> {
    const body = await requestBody(tabId).catch(() => null);
    return body ? storyHash(headline, body) : undefined;
  }

  return {
    async capture(tabId, articleUrl) {
      const text = await requestText(tabId).catch(() => null);
      if (text === null || text.length === 0) return null;
      const content = await contentOf(tabId, text);
      const held = heldOf(articleUrl);
      const story = () => storyOf(tabId, content.headline);
      const { version } = await recordVersion(db, articleUrl, content, now(), held, story);
      // The note this is for is stored next: until then, no visit may replace its text.
      hold(articleUrl, version.n);
      return version.n;
    },

    async remap(tabId, articleUrl, text, notes) {
      const versioned = notes.filter((n) => n.version !== undefined && n.selectors.position);
      if (versioned.length === 0) return [];
      // Keeping the new text is a side effect: the hints do not depend on it being written. A
      // page that rewrites itself re-anchors often; one visit keeps one version, so neither a
      // restless page nor a compromised content script turns the story's versions over.
      const key = `${String(tabId)} ${articleUrl}`;
      const last = kept.get(key);
      if (last === undefined || now().getTime() - last >= VISIT_MS) {
        const content = await contentOf(tabId, text);
        const story = () => storyOf(tabId, content.headline);
        const held = heldOf(articleUrl);
        const result = await recordVersion(db, articleUrl, content, now(), held, story).catch(
          () => null,
        );
        if (result && result.outcome !== 'same') kept.set(key, now().getTime());
      }
      const diffs = new Map<number, VersionDiff | null>();
      const texts = new Map<number, string>();
      const hints: VersionHint[] = [];
      for (const note of versioned) {
        const n = note.version as number;
        if (!diffs.has(n)) {
          // A version imported without its text, or dropped over the cap: the search decides.
          const old = await readVersion(db, articleUrl, n).catch(() => null);
          if (old) texts.set(n, old.text);
          diffs.set(n, old ? diffVersions(old.text, text) : null);
        }
        const position = note.selectors.position;
        const diff = diffs.get(n);
        if (!diff || !position) continue;
        // The note's position must hold its quote in that version: a note imported from another
        // library may name a version number this library gave to another text.
        if (
          !sameText(
            texts.get(n)?.slice(position.start, position.end) ?? '',
            note.selectors.quote.exact,
          )
        )
          continue;
        const mapped = diff.map(position.start, position.end);
        if (mapped.kind === 'unknown') continue;
        hints.push(
          mapped.kind === 'deleted' ? { id: note.id, kind: 'deleted' } : { id: note.id, ...mapped },
        );
      }
      return hints;
    },
  };
}
