import { decodeEditorAddress } from '../messaging/editor-address';
import type { Handlers } from '../messaging/router';
import type { Sender } from '../messaging/sender';
import { parseHttpUrl } from '../page/normalize-url';
import type { ClaimmarkDatabase } from '../storage/database';
import { describeStorageError } from '../storage/errors';
import { memoryArea, type SessionArea, type TabStore } from '../tabs/tab-store';
import { createArticleTabs, type NotifyTab } from './article-tabs';
import { createArticlesService } from './articles';
import type { BackupService } from './backup';
import { createBackupHandlers } from './backup-handlers';
import {
  createEditorGrants,
  type EditorCaller,
  type GrantedNote,
  type GrantedTarget,
} from './editor-grants';
import { createNotesService } from './notes';
import { createVersionsService } from './versions';
import type { SyncService } from './sync';

/** What the background's handlers work with; injected so they run in Node tests as they do in the browser. */
export interface BackgroundDeps {
  db: ClaimmarkDatabase;
  tabs: TabStore;
  /** Asks the tab's content script for the article body text; null when it has none. */
  requestBody: (tabId: number) => Promise<string | null>;
  /** Asks the tab's content script for its page's text as anchoring reads it; null if none. */
  requestText?: (tabId: number) => Promise<string | null>;
  /** Has the tab's page read itself again if it changed since its report; never rejects. */
  refreshTab?: (tabId: number) => Promise<void>;
  /** Tells a tab's content script something; failures (tab gone) are ignored. */
  notifyTab?: NotifyTab;
  /** The open tabs, for finding those that show an article. */
  listTabs?: () => Promise<number[]>;
  /** Brings a tab to the front and asks its page to scroll to an annotation. */
  focusAndReveal?: (tabId: number, id: string) => Promise<boolean>;
  /** Opens an address in a new, active tab and returns its id. */
  openTab?: (url: string) => Promise<number>;
  /**
   * Session memory (`storage.session` in the browser): the editor frames' tokens and held
   * selections live there, so a stopped MV3 service worker does not lose them.
   */
  session?: SessionArea;
  /** Calls back when a tab closes, so what was held for it is forgotten. */
  onTabRemoved?: (listener: (tabId: number) => void) => void;
  now?: () => Date;
  /** Sync through CouchDB (issue 16); absent where it is not wired (tests of other handlers). */
  sync?: Pick<SyncService, 'now' | 'poke' | 'seal'>;
  /** Scheduled local backups (the options page's "Back up now" and status). */
  backup?: BackupService;
  /** The name the reader signs notes with (the sync settings' author); empty when unset. */
  me?: () => Promise<string>;
}

/** Wraps every handler so storage failures (a full disk …) reach the reader as plain sentences. */
function withReadableErrors(handlers: Handlers<'background'>): Handlers<'background'> {
  const wrapped: Record<string, unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    const fn = handler as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (error) {
        throw new Error(describeStorageError(error));
      }
    };
  }
  return wrapped as Handlers<'background'>;
}

function sameOrigin(a: string, b: string): boolean {
  const x = parseHttpUrl(a);
  const y = parseHttpUrl(b);
  return x !== null && y !== null && x.origin === y.origin;
}

/** The tab a message speaks for: a page's own, or the tab an extension page sits in. */
function tabOf(sender: Sender): number {
  if (sender.origin === 'content') return sender.tabId;
  if (sender.origin === 'extension' && sender.tabId !== null) return sender.tabId;
  throw new Error('This message must come from a tab.');
}

/** The tab an extension page (an in-page editor) sits in; null for the popup. */
function editorTabOf(sender: Sender): number | null {
  return sender.origin === 'extension' ? sender.tabId : null;
}

/** A grant for a held selection cannot delete or undo: only a stored note can. */
async function noteOnly(granted: Promise<GrantedTarget>): Promise<GrantedNote> {
  const target = await granted;
  if ('draftId' in target) throw new Error('This selection is not saved yet.');
  return target;
}

/** Extension pages that may start a sync: neither is web-accessible. */
const SYNC_PAGES = new Set(['/options.html', '/popup.html']);

/** The toolbar popup: not web-accessible, so no page can frame it; it needs no grant. */
const POPUP_PATH = '/popup.html';

/**
 * The editor frame asking, from what the browser says (its tab, its frame, its own address with
 * the token); null for the popup. Any other extension page in a tab must hold a grant.
 */
function editorCallerOf(sender: Sender): EditorCaller | null {
  if (sender.origin !== 'extension')
    throw new Error('This message comes from extension pages only.');
  const url = new URL(sender.url);
  if (url.pathname === POPUP_PATH) return null;
  const address = decodeEditorAddress(url.search);
  // Which document asks, as the browser says; a browser that does not say gets no editor.
  const frame =
    sender.documentId ?? (sender.frameId === undefined ? null : `frame:${String(sender.frameId)}`);
  if (address === null || sender.tabId === null || frame === null) {
    throw new Error(
      'Claimmark did not open this editor for this page. Click the highlight to open it again.',
    );
  }
  return { tabId: sender.tabId, frame, address };
}

/** Refuses all but the popup: its library is where a reader copies notes and settles conflicts. */
function popupOnly(sender: Sender): void {
  if (editorCallerOf(sender) !== null) throw new Error('This is done from the library only.');
}

/**
 * The background's side of the protocol: each message is handed to the articles or notes
 * service, with the tab the browser says it came from.
 */
export function createHandlers({
  db,
  tabs,
  requestBody,
  requestText = () => Promise.resolve(null),
  refreshTab = () => Promise.resolve(),
  notifyTab = () => undefined,
  listTabs = () => Promise.resolve([]),
  focusAndReveal = () => Promise.resolve(false),
  openTab = () => Promise.reject(new Error('This browser cannot open tabs here.')),
  now = () => new Date(),
  session = memoryArea(),
  onTabRemoved = () => undefined,
  sync,
  backup,
  me = () => Promise.resolve(''),
}: BackgroundDeps): Handlers<'background'> {
  const grants = createEditorGrants(session, now);
  const articles = createArticlesService({ db, tabs, requestBody, refreshTab, now });
  const articleTabs = createArticleTabs(tabs, listTabs, notifyTab);
  const versions = createVersionsService({ db, tabs, requestText, requestBody, now });
  const notes = createNotesService({
    db,
    articles,
    articleTabs,
    notifyTab,
    focusAndReveal,
    openTab,
    now,
    session,
    versions,
    me,
  });
  onTabRemoved((tabId) => {
    void grants.forgetTab(tabId);
    void notes.forgetTab(tabId);
  });

  return withReadableErrors({
    ...createBackupHandlers(backup),
    'page.report'(report, sender) {
      if (sender.origin !== 'content')
        return Promise.reject(new Error('page.report comes from content scripts only'));
      // The browser says which site the tab shows; a content script that names another one
      // (compromised, or lied to) cannot file the page, or ask about an article, under it. The
      // address within the site is the report's: after history.pushState the browser's sender
      // record may still hold the first address of a single-page site.
      if (!sameOrigin(report.url, sender.url))
        return Promise.reject(new Error('page.report names a site its tab does not show'));
      return articles.reported(sender.tabId, report);
    },
    'tab.state': ({ tabId }) => articles.state(tabId),
    'tab.analysis': ({ tabId, requested = false }) => articles.analysis(tabId, requested),
    async 'article.save'({ tabId }) {
      const record = await articles.save(tabId);
      // The text the reader saved is the story's first version (or its newest, if it changed).
      // The article is saved either way: a version that cannot be stored is not a failed save.
      await versions.capture(tabId, record.url).catch(() => null);
      return record;
    },

    'annotation.create': ({ draft, color }, sender) => notes.highlight(tabOf(sender), draft, color),
    async 'draft.create'({ draft }, sender) {
      const tabId = tabOf(sender);
      const draftId = await notes.holdDraft(tabId, draft);
      const token = await grants.issue(tabId, 'editor', () => Promise.resolve({ draftId }));
      return { draftId, token };
    },
    async 'editor.grant'({ view, note }, sender) {
      const tabId = tabOf(sender);
      return { token: await grants.issue(tabId, view, () => notes.admit(tabId, note)) };
    },
    'annotations.forPage': (_payload, sender) => notes.anchorsFor(tabOf(sender)),
    async 'annotations.remap'({ text }, sender) {
      return { hints: await notes.remap(tabOf(sender), text) };
    },
    async 'annotations.anchored'({ results }, sender) {
      return { recorded: await notes.recordAnchoring(tabOf(sender), results) };
    },
    async 'editor.load'(target, sender) {
      const caller = editorCallerOf(sender);
      if (!caller) return notes.load(target, editorTabOf(sender));
      return notes.load(await grants.use(caller, 'load', target), caller.tabId);
    },
    async 'annotation.save'({ target, fields }, sender) {
      const caller = editorCallerOf(sender);
      if (!caller) return notes.save(target, fields, editorTabOf(sender));
      const granted = await grants.use(caller, 'change', target);
      const record = await notes.save(granted, fields, caller.tabId);
      if ('draftId' in granted) {
        // The note is saved whatever happens here: a newer selection may have taken the tab's
        // editor token meanwhile, and its frame is closed anyway.
        await grants
          .rebind(caller, { id: record.id, articleUrl: record.articleUrl })
          .catch(() => undefined);
      }
      return record;
    },
    async 'annotation.delete'(note, sender) {
      const caller = editorCallerOf(sender);
      if (!caller) return { deleted: await notes.remove(note, editorTabOf(sender)) };
      const granted = await noteOnly(grants.use(caller, 'change', note));
      return { deleted: await notes.remove(granted, caller.tabId) };
    },
    async 'annotation.undoDelete'({ id }, sender) {
      const caller = editorCallerOf(sender);
      if (!caller) return notes.undo(id, editorTabOf(sender));
      const granted = await noteOnly(grants.use(caller, 'change', { id }));
      return notes.undo(granted.id, caller.tabId);
    },
    'library.open': (ref) => notes.open(ref),
    async 'annotation.copy'(ref, sender) {
      popupOnly(sender);
      return notes.copy(ref);
    },
    async 'annotation.settle'({ id, articleUrl, at, choice }, sender) {
      popupOnly(sender);
      return notes.settle({ id, articleUrl }, at, choice);
    },
    async 'library.imported'({ urls }) {
      sync?.poke();
      return { notified: await notes.imported(urls) };
    },
    async 'sync.now'(_payload, sender) {
      // Only the options page and the popup, which no web page can frame, start a sync.
      if (sender.origin !== 'extension' || !SYNC_PAGES.has(new URL(sender.url).pathname))
        throw new Error('Sync is started from the options page only.');
      if (!sync) throw new Error('Sync is not available here.');
      return sync.now();
    },
    async 'sync.seal'({ password }, sender) {
      // The options page alone enters a password.
      if (sender.origin !== 'extension' || new URL(sender.url).pathname !== '/options.html')
        throw new Error('A password is sealed for the options page only.');
      if (!sync) throw new Error('Sync is not available here.');
      return { sealed: await sync.seal(password) };
    },
    async 'editor.close'(_payload, sender) {
      const caller = editorCallerOf(sender);
      if (!caller) return { closed: false };
      // A copy of the reader's editor (a page that learned its address) may not close it.
      if ((await grants.close(caller)) === 'another frame') return { closed: false };
      // The editor's own address, as the browser reports it, says which editor asks: a late
      // request from one that is gone does not close the one the reader has open now.
      notifyTab(caller.tabId, 'page.closeEditor', { editor: caller.address });
      return { closed: true };
    },
  });
}
