import type { EditorData } from '@/lib/messaging/protocol';
import type { Handlers } from '@/lib/messaging/router';
import type { Sender } from '@/lib/messaging/sender';
import type {
  AnnotationAnchor,
  AnnotationDraft,
  AnnotationFields,
  AnnotationRecord,
} from '@/lib/model';
import { articleKey } from '@/lib/page/article-key';
import {
  annotationsForArticle,
  createAnnotation,
  type ArticleInput,
  deleteAnnotation,
  getAnnotation,
  knownTags,
  type NoteRef,
  recordAnchoring,
  restoreAnnotation,
  updateAnnotation,
} from '@/lib/storage/annotations';
import type { ClaimmarkDatabase } from '@/lib/storage/database';
import type { TabStore } from '@/lib/tabs/tab-store';

type AnnotationMessages =
  | 'annotation.create'
  | 'draft.create'
  | 'annotations.forPage'
  | 'annotations.anchored'
  | 'editor.load'
  | 'annotation.save'
  | 'annotation.delete'
  | 'annotation.undoDelete'
  | 'editor.close'
  | 'library.open'
  | 'library.imported';

/** What the annotation handlers need from the rest of the background. */
export interface AnnotationDeps {
  db: ClaimmarkDatabase;
  tabs: TabStore;
  /** What is needed to store the tab's article along with an annotation (analysis included). */
  prepareArticle: (tabId: number) => Promise<ArticleInput>;
  /** Tells a tab's content script something; failures (tab gone) are ignored. */
  notifyTab: (
    tabId: number,
    ...message:
      | ['page.annotationsChanged', Record<string, never>]
      | ['page.closeEditor', { query: string }]
      | ['page.reveal', { id: string }]
  ) => void;
  /** The open tabs, for finding those that show an article. */
  listTabs: () => Promise<number[]>;
  /** Brings a tab to the front and asks its page to scroll to an annotation. */
  focusAndReveal: (tabId: number, id: string) => Promise<boolean>;
  /** Opens an address in a new, active tab and returns its id. */
  openTab: (url: string) => Promise<number>;
  now: () => Date;
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

function anchorOf(a: AnnotationRecord): AnnotationAnchor {
  return {
    id: a.id,
    articleUrl: a.articleUrl,
    kind: a.kind,
    status: a.status,
    color: a.color,
    selectors: a.selectors,
  };
}

function tabOf(sender: Sender): number {
  if (sender.origin === 'content') return sender.tabId;
  if (sender.origin === 'extension' && sender.tabId !== null) return sender.tabId;
  throw new Error('This message must come from a tab.');
}

/** Handlers for highlights and claims: drafts in memory, records in one transaction each. */
export function createAnnotationHandlers(
  deps: AnnotationDeps,
): Pick<Handlers<'background'>, AnnotationMessages> {
  const { db, tabs, prepareArticle, notifyTab, listTabs, focusAndReveal, openTab, now } = deps;
  // Drafts wait in memory for the editor; the page never learns their id's contents.
  const drafts = new Map<string, { tabId: number; draft: AnnotationDraft }>();
  // Deleted records, kept for undo until the background restarts.
  const deleted = new Map<string, { tabId: number | null; record: AnnotationRecord }>();
  // Tabs opened from the library, and the annotation to scroll to once their page anchored it.
  // Kept for a short while and only for the article asked for: a tab that went elsewhere (a
  // login page, another story) must not scroll to a note much later.
  const pendingReveals = new Map<number, { id: string; articleUrl: string; until: number }>();

  // Every tag in use, for the editor's completion. Reading them means reading every note (about
  // 2 s for 100,000), so the list is kept until a write could change it; the worker's restart
  // forgets it too. Imports are written by the popup, which says so with library.imported.
  let tags: Promise<string[]> | null = null;
  const tagsInUse = (): Promise<string[]> => {
    const reading = (tags ??= knownTags(db));
    reading.catch(() => {
      if (tags === reading) tags = null;
    });
    return reading;
  };
  const tagsChanged = () => {
    tags = null;
  };

  async function articleKeyOfTab(tabId: number): Promise<string | null> {
    const report = await tabs.get(tabId);
    return report ? articleKey(report) : null;
  }

  /**
   * Where a note is stored: the article the message names, or else the one its sender's tab
   * shows (an editor opened in a page).
   */
  async function noteRef(
    id: string,
    articleUrl: string | undefined,
    sender: Sender,
  ): Promise<NoteRef> {
    const tabId = sender.origin === 'extension' ? sender.tabId : null;
    const key = articleUrl ?? (tabId === null ? null : await articleKeyOfTab(tabId));
    if (key === null) throw new Error('This note no longer exists.');
    return { articleUrl: key, id };
  }

  /** Every open tab showing the article; the hinted one (the editor's tab) first. */
  async function tabsShowing(articleUrl: string, hint: number | null = null): Promise<number[]> {
    const ids = await listTabs().catch(() => (hint === null ? [] : [hint]));
    const ordered = hint === null ? ids : [hint, ...ids.filter((id) => id !== hint)];
    const showing: number[] = [];
    for (const id of ordered) if ((await articleKeyOfTab(id)) === articleUrl) showing.push(id);
    return showing;
  }

  return {
    async 'annotation.create'({ draft, color }, sender) {
      const tabId = tabOf(sender);
      const record = await createAnnotation(
        db,
        await prepareArticle(tabId),
        draft,
        {
          ...DEFAULT_FIELDS,
          kind: draft.kind,
          color,
        },
        now(),
      );
      return anchorOf(record);
    },

    'draft.create'({ draft }, sender) {
      const draftId = crypto.randomUUID();
      drafts.set(draftId, { tabId: tabOf(sender), draft });
      return Promise.resolve({ draftId });
    },

    async 'annotations.forPage'(_payload, sender) {
      const key = await articleKeyOfTab(tabOf(sender));
      if (!key) return [];
      return (await annotationsForArticle(db, key)).map(anchorOf);
    },

    async 'annotations.anchored'({ results }, sender) {
      const tabId = tabOf(sender);
      const key = await articleKeyOfTab(tabId);
      if (!key) return { recorded: 0 };
      const recorded = await recordAnchoring(db, key, results, now());
      const reveal = pendingReveals.get(tabId);
      if (reveal?.articleUrl === key) {
        pendingReveals.delete(tabId);
        if (reveal.until >= now().getTime()) notifyTab(tabId, 'page.reveal', { id: reveal.id });
      }
      return { recorded };
    },

    async 'editor.load'(target, sender): Promise<EditorData> {
      const tags = await tagsInUse();
      if ('draftId' in target) {
        const held = drafts.get(target.draftId);
        if (!held) throw new Error('This selection has expired; select the passage again.');
        return {
          quote: held.draft.quote,
          anchoring: null,
          value: {
            ...DEFAULT_FIELDS,
            kind: held.draft.kind,
            status: held.draft.kind === 'claim' ? 'unverified' : null,
          },
          isNew: true,
          knownTags: tags,
        };
      }
      const record = await getAnnotation(db, await noteRef(target.id, target.articleUrl, sender));
      if (!record) throw new Error('This note no longer exists.');
      const { kind, note, status, evidence, tags: own, color } = record;
      return {
        quote: record.quote,
        anchoring: record.anchoring
          ? { status: record.anchoring.status, text: record.anchoring.text }
          : null,
        value: { kind, note, status, evidence, tags: own, color },
        isNew: false,
        knownTags: tags,
      };
    },

    async 'annotation.save'({ target, fields }, sender) {
      let record: AnnotationRecord;
      let tabId: number | null;
      if ('draftId' in target) {
        const held = drafts.get(target.draftId);
        if (!held) throw new Error('This selection has expired; select the passage again.');
        tabId = held.tabId;
        const article = await prepareArticle(held.tabId);
        record = await createAnnotation(db, article, held.draft, fields, now());
        drafts.delete(target.draftId);
      } else {
        const ref = await noteRef(target.id, target.articleUrl, sender);
        record = await updateAnnotation(db, ref, fields, now());
        tabId = sender.origin === 'extension' ? sender.tabId : null;
      }
      tagsChanged();
      for (const tab of await tabsShowing(record.articleUrl, tabId))
        notifyTab(tab, 'page.annotationsChanged', {});
      return record;
    },

    async 'annotation.delete'({ id, articleUrl }, sender) {
      const record = await deleteAnnotation(db, await noteRef(id, articleUrl, sender));
      if (!record) return { deleted: false };
      tagsChanged();
      const tabId = sender.origin === 'extension' ? sender.tabId : null;
      deleted.set(id, { tabId, record });
      for (const tab of await tabsShowing(record.articleUrl, tabId))
        notifyTab(tab, 'page.annotationsChanged', {});
      return { deleted: true };
    },

    async 'annotation.undoDelete'({ id }, sender) {
      const held = deleted.get(id);
      if (!held) throw new Error('There is nothing to undo for this note any more.');
      await restoreAnnotation(db, held.record);
      tagsChanged();
      deleted.delete(id);
      const tabId = sender.origin === 'extension' ? (sender.tabId ?? held.tabId) : held.tabId;
      for (const tab of await tabsShowing(held.record.articleUrl, tabId))
        notifyTab(tab, 'page.annotationsChanged', {});
      return held.record;
    },

    async 'library.open'({ id, articleUrl }) {
      const record = await getAnnotation(db, { articleUrl, id });
      if (!record) throw new Error('This note no longer exists.');
      const [showing] = await tabsShowing(record.articleUrl);
      if (showing !== undefined) {
        return { tab: 'focused', revealed: await focusAndReveal(showing, id) };
      }
      const article = await db.articles.get(record.articleUrl);
      const address = article?.canonicalUrl ?? article?.seenAt[0] ?? record.articleUrl;
      const tabId = await openTab(address);
      pendingReveals.set(tabId, {
        id,
        articleUrl: record.articleUrl,
        until: now().getTime() + REVEAL_WAIT_MS,
      });
      return { tab: 'opened', revealed: false };
    },

    async 'library.imported'({ urls }) {
      tagsChanged();
      // A deleted note the import brought back (perhaps under another article) must not come
      // back a second time through an undo.
      deleted.clear();
      const wanted = new Set(urls);
      let notified = 0;
      for (const tabId of await listTabs().catch(() => [])) {
        const key = await articleKeyOfTab(tabId);
        if (key === null || !wanted.has(key)) continue;
        notifyTab(tabId, 'page.annotationsChanged', {});
        notified++;
      }
      return { notified };
    },

    'editor.close'(_payload, sender) {
      const tabId = sender.origin === 'extension' ? sender.tabId : null;
      const query = sender.origin === 'extension' ? new URL(sender.url).search : '';
      if (tabId !== null) notifyTab(tabId, 'page.closeEditor', { query });
      return Promise.resolve({ closed: tabId !== null });
    },
  };
}
