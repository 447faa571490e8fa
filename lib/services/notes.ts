import type { EditorTarget, NoteAddress } from '../messaging/editor-address';
import type {
  AnchorStatus,
  AnnotationAnchor,
  AnnotationDraft,
  AnnotationFields,
  AnnotationRecord,
  EditorData,
  HighlightColor,
} from '../model';
import {
  annotationsForArticle,
  copyAnnotation,
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  knownTags,
  type NoteRef,
  recordAnchoring,
  restoreAnnotation,
  settleConflict,
  updateAnnotation,
} from '../storage/annotations';
import { isOwnNote } from '../model/sync-settings';
import type { ClaimmarkDatabase } from '../storage/database';
import type { SessionArea } from '../tabs/tab-store';
import type { ArticleTabs, NotifyTab } from './article-tabs';
import type { GrantedNote } from './editor-grants';
import type { VersionHint, VersionsService } from './versions';
import type { ArticlesService } from './articles';
import { createDraftStore } from './drafts';
import { createShownArticles } from './shown-articles';
import { createRevealQueue } from './reveal-queue';
import { createTagCache } from './tag-cache';
import { createUndoStore } from './undo';

/** What the notes service needs besides storage. */
export interface NotesDeps {
  db: ClaimmarkDatabase;
  articles: Pick<ArticlesService, 'prepare' | 'addressOf'>;
  articleTabs: ArticleTabs;
  notifyTab: NotifyTab;
  /** Brings a tab to the front and asks its page to scroll to an annotation. */
  focusAndReveal: (tabId: number, id: string) => Promise<boolean>;
  /** Opens an address in a new, active tab and returns its id. */
  openTab: (url: string) => Promise<number>;
  now: () => Date;
  /** Session memory (`storage.session`): held selections and the articles each tab was shown. */
  session: SessionArea;
  /** The versions of the articles' text the notes were made on. */
  versions: VersionsService;
  /** The name the reader signs notes with in a shared library; empty when unset. */
  me: () => Promise<string>;
}

/** How one annotation came back on a page, as the content script reports it. */
export interface AnchoringResult {
  id: string;
  status: AnchorStatus;
  text: string | null;
}

/** Highlights and claims: drafts, edits, deletes with undo, and the tabs that show them. */
export interface NotesService {
  /** Stores a highlight made in a tab and returns what the page needs to draw it. */
  highlight(
    tabId: number,
    draft: AnnotationDraft,
    color: HighlightColor,
  ): Promise<AnnotationAnchor>;
  /** Holds a selection for the editor; returns the id the editor will name. */
  holdDraft(tabId: number, draft: AnnotationDraft): Promise<string>;
  /** Forgets what was held for a tab (it closed). */
  forgetTab(tabId: number): Promise<void>;
  /**
   * The note a tab's page may open an editor or peek on: one stored under an article that tab
   * was shown. Anything else is refused, so a page cannot open another article's notes.
   */
  admit(tabId: number, note: NoteAddress): Promise<GrantedNote>;
  /** The annotations of the article a tab shows, without notes or tags. */
  anchorsFor(tabId: number): Promise<AnnotationAnchor[]>;
  /** Where each versioned note of the tab's article went in `text`, the page as it is now. */
  remap(tabId: number, text: string): Promise<VersionHint[]>;
  /** Records how a tab's page anchored its annotations; scrolls to a note the tab waits for. */
  recordAnchoring(tabId: number, results: readonly AnchoringResult[]): Promise<number>;
  /** What an editor shows; `editorTab` is the tab an in-page editor sits in. */
  load(target: EditorTarget, editorTab: number | null): Promise<EditorData>;
  /** Saves an editor's fields: a held selection becomes a note, a note is updated. */
  save(
    target: EditorTarget,
    fields: AnnotationFields,
    editorTab: number | null,
  ): Promise<AnnotationRecord>;
  /** Deletes a note, kept for undo; false when it was already gone. */
  remove(note: NoteAddress, editorTab: number | null): Promise<boolean>;
  /** Brings back a note deleted since the background started. */
  undo(id: string, editorTab: number | null): Promise<AnnotationRecord>;
  /** Shows a note in a tab: the one showing its article, else a new tab that scrolls once drawn. */
  open(ref: NoteRef): Promise<{ tab: 'focused' | 'opened'; revealed: boolean }>;
  /** Takes note of an import the popup wrote; returns how many tabs were told to redraw. */
  imported(articleUrls: readonly string[]): Promise<number>;
  /** Makes another reader's note the reader's own: a new note, signed by the reader. */
  copy(ref: NoteRef): Promise<AnnotationRecord>;
  /** Settles one of an own note's conflicts: keeps that version's fields, or dismisses it. */
  settle(ref: NoteRef, at: string, choice: 'keep' | 'dismiss'): Promise<AnnotationRecord>;
}

/** How long a tab opened from the library may take to load and anchor its article. */
const REVEAL_WAIT_MS = 60_000;

const DEFAULT_FIELDS: AnnotationFields = {
  kind: 'highlight',
  note: '',
  status: null,
  evidence: [],
  tags: [],
  color: 'yellow',
};

/** What a content script may know of a note: where and how to draw it, never its note or tags. */
export function anchorOf(a: AnnotationRecord): AnnotationAnchor {
  return {
    id: a.id,
    articleUrl: a.articleUrl,
    kind: a.kind,
    status: a.status,
    color: a.color,
    selectors: a.selectors,
    ...(a.version === undefined ? {} : { version: a.version }),
  };
}

/** Why another reader's note cannot be changed, in the reader's words. */
export function notYoursMessage(author: string): string {
  return `This note is ${author}'s: copy it to your notes to change it.`;
}

/** Notes are written one transaction each; every state in between lives here or in session memory. */
export function createNotesService(deps: NotesDeps): NotesService {
  const { db, articles, articleTabs, notifyTab, focusAndReveal, openTab, now, versions } = deps;
  // A name of spaces signs nothing.
  const me = async () => (await deps.me()).trim();
  /** Refuses changes to another reader's note (issue 16); theirs to change, the reader's to copy. */
  const ownOnly = (who: string) => (existing: AnnotationRecord) => {
    if (!isOwnNote(existing, who)) throw new Error(notYoursMessage(existing.author ?? ''));
  };
  const drafts = createDraftStore(deps.session);
  const shown = createShownArticles(deps.session);
  const undo = createUndoStore();
  const reveals = createRevealQueue();
  // Imports are written by the popup, which says so (imported), so the cache hears of them too.
  const tags = createTagCache(() => knownTags(db));

  /**
   * Where a note is stored: the article the message names, or else the one the editor's tab
   * shows (an editor opened in a page).
   */
  async function noteRef(note: NoteAddress, editorTab: number | null): Promise<NoteRef> {
    const key = note.articleUrl ?? (editorTab === null ? null : await articleTabs.keyOf(editorTab));
    if (key === null) throw new Error('This note no longer exists.');
    return { articleUrl: key, id: note.id };
  }

  return {
    async highlight(tabId, draft, color) {
      const fields = { ...DEFAULT_FIELDS, kind: draft.kind, color };
      const article = await articles.prepare(tabId);
      // A version that cannot be stored (a full disk) does not cost the reader the highlight.
      const version = await versions.capture(tabId, article.key).catch(() => null);
      const record = await createAnnotation(db, article, draft, fields, now(), version, await me());
      await shown.show(tabId, record.articleUrl);
      // The page that made it draws it from the selection; other tabs showing the article read it.
      await articleTabs.redraw([record.articleUrl], null, tabId);
      return anchorOf(record);
    },

    holdDraft: (tabId, draft) => drafts.hold(tabId, draft),

    async forgetTab(tabId) {
      await drafts.forgetTab(tabId);
      await shown.forgetTab(tabId);
    },

    async admit(tabId, note) {
      const current = await articleTabs.keyOf(tabId);
      const ref = note.articleUrl === undefined ? current : note.articleUrl;
      const known = ref !== null && (ref === current || (await shown.wasShown(tabId, ref)));
      if (!known) throw new Error('This note is not on this page.');
      const record = await getAnnotation(db, { articleUrl: ref, id: note.id });
      if (!record) throw new Error('This note no longer exists.');
      return { id: record.id, articleUrl: record.articleUrl };
    },

    async anchorsFor(tabId) {
      const key = await articleTabs.keyOf(tabId);
      if (!key) return [];
      await shown.show(tabId, key);
      return (await annotationsForArticle(db, key)).map(anchorOf);
    },

    async remap(tabId, text) {
      const key = await articleTabs.keyOf(tabId);
      if (!key) return [];
      return versions.remap(tabId, key, text, await annotationsForArticle(db, key));
    },

    async recordAnchoring(tabId, results) {
      const key = await articleTabs.keyOf(tabId);
      if (!key) return 0;
      const recorded = await recordAnchoring(db, key, results, now());
      const due = reveals.due(tabId, key, now().getTime());
      if (due !== null) notifyTab(tabId, 'page.reveal', { id: due });
      return recorded;
    },

    async load(target, editorTab) {
      const knownTags = await tags.get();
      if ('draftId' in target) {
        const { draft } = await drafts.get(editorTab, target.draftId);
        return {
          quote: draft.quote,
          anchoring: null,
          value: {
            ...DEFAULT_FIELDS,
            kind: draft.kind,
            status: draft.kind === 'claim' ? 'unverified' : null,
          },
          isNew: true,
          knownTags,
        };
      }
      const record = await getAnnotation(db, await noteRef(target, editorTab));
      if (!record) throw new Error('This note no longer exists.');
      const { kind, note, status, evidence, tags: own, color } = record;
      const mine = isOwnNote(record, await me());
      return {
        quote: record.quote,
        anchoring: record.anchoring
          ? { status: record.anchoring.status, text: record.anchoring.text }
          : null,
        value: { kind, note, status, evidence, tags: own, color },
        isNew: false,
        knownTags,
        ...(mine ? {} : { author: record.author }),
        // Only the note's owner settles its conflicts.
        ...(mine && record.conflicts?.length ? { conflicts: record.conflicts } : {}),
      };
    },

    async save(target, fields, editorTab) {
      let record: AnnotationRecord;
      let tabId: number | null;
      if ('draftId' in target) {
        const held = await drafts.get(editorTab, target.draftId);
        tabId = held.tabId;
        const article = await articles.prepare(held.tabId);
        const version = await versions.capture(held.tabId, article.key).catch(() => null);
        const author = await me();
        record = await createAnnotation(db, article, held.draft, fields, now(), version, author);
        await drafts.drop(held.tabId, target.draftId);
        await shown.show(held.tabId, record.articleUrl);
      } else {
        const ref = await noteRef(target, editorTab);
        record = await updateAnnotation(db, ref, fields, now(), ownOnly(await me()));
        tabId = editorTab;
      }
      tags.invalidate();
      await articleTabs.redraw([record.articleUrl], tabId);
      return record;
    },

    async remove(note, editorTab) {
      const ref = await noteRef(note, editorTab);
      const record = await deleteAnnotation(db, ref, ownOnly(await me()));
      if (!record) return false;
      tags.invalidate();
      undo.keep({ tabId: editorTab, record });
      await articleTabs.redraw([record.articleUrl], editorTab);
      return true;
    },

    async undo(id, editorTab) {
      const held = undo.get(id);
      await restoreAnnotation(db, held.record);
      tags.invalidate();
      undo.drop(id);
      await articleTabs.redraw([held.record.articleUrl], editorTab ?? held.tabId);
      return held.record;
    },

    async open(ref) {
      const record = await getAnnotation(db, ref);
      if (!record) throw new Error('This note no longer exists.');
      const [showing] = await articleTabs.showing(record.articleUrl);
      if (showing !== undefined) {
        return { tab: 'focused', revealed: await focusAndReveal(showing, ref.id) };
      }
      const tabId = await openTab(await articles.addressOf(record.articleUrl));
      reveals.expect(tabId, {
        id: ref.id,
        articleUrl: record.articleUrl,
        until: now().getTime() + REVEAL_WAIT_MS,
      });
      return { tab: 'opened', revealed: false };
    },

    async imported(articleUrls) {
      tags.invalidate();
      // A deleted note the import brought back (perhaps under another article) must not come
      // back a second time through an undo.
      undo.clear();
      return articleTabs.redraw(articleUrls);
    },

    async copy(ref) {
      const record = await copyAnnotation(db, ref, await me(), now());
      tags.invalidate();
      await articleTabs.redraw([record.articleUrl]);
      return record;
    },

    async settle(ref, at, choice) {
      const record = await settleConflict(db, ref, at, choice, now(), ownOnly(await me()));
      tags.invalidate();
      // Keeping the other version may change the highlight's kind or colour on its pages.
      if (choice === 'keep') await articleTabs.redraw([record.articleUrl]);
      return record;
    },
  };
}
