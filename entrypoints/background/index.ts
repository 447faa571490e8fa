import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createClient } from '@/lib/messaging/client';
import { createRouter } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/sender';
import { createTabStore, memoryArea, type SessionArea } from '@/lib/tabs/tab-store';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { createHandlers, type BackgroundDeps } from '@/lib/services/background-handlers';
import { createSyncService } from '@/lib/services/sync';
import {
  SYNC_SETTINGS_KEY,
  SYNC_STATUS_KEY,
  syncSettingsFrom,
  syncStatusFrom,
  type SyncStatus,
} from '@/lib/model/sync-settings';
import { startBackups } from './backup';
import { SETTINGS_KEY, settingsFrom } from '@/lib/model/settings';
import { settingsMetaFrom } from '@/lib/sync/settings';

type Action = 'highlight' | 'claim';
const MENU: { id: string; title: string; action: Action }[] = [
  { id: 'claimmark-highlight', title: 'Highlight with Claimmark', action: 'highlight' },
  { id: 'claimmark-claim', title: 'Mark as claim…', action: 'claim' },
];
const REFRESH_WAIT_MS = 1_500;
const COMMANDS: Record<string, Action> = {
  'highlight-selection': 'highlight',
  'claim-selection': 'claim',
};

function sessionArea(): SessionArea {
  // storage.session keeps tab reports in memory only (no browsing history on disk) and survives
  // the MV3 service worker being stopped; a Map covers browsers without it.
  const session = browser.storage.session as Browser.storage.StorageArea | undefined;
  return session ?? memoryArea();
}

const SYNC_ALARM = 'claimmark-sync';
const SETTINGS_SYNC_KEY = 'exportSettingsSync';
const DEVICE_KEY = 'syncDevice';

/** Sync through CouchDB (issue 16), its settings and status in storage.local. */
function startSync(db: ClaimmarkDatabase) {
  const local = browser.storage.local;
  // storage.local holds the sync password. Content scripts never read it, and one may be
  // compromised: where the browser lets an extension say so (Chromium), only its own pages may.
  // Firefox keeps storage.local open to content scripts (Mozilla bug 1724754).
  const restrictable = local as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> };
  restrictable.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  const sync = createSyncService({
    db,
    fetch: (input, init) => fetch(input, init),
    readSettings: async () =>
      syncSettingsFrom((await local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY]),
    readStatus: async () => syncStatusFrom((await local.get(SYNC_STATUS_KEY))[SYNC_STATUS_KEY]),
    writeStatus: (status: SyncStatus) => local.set({ [SYNC_STATUS_KEY]: status }),
    mayReach: (originPattern) => browser.permissions.contains({ origins: [originPattern] }),
    async deviceId() {
      const stored = (await local.get(DEVICE_KEY))[DEVICE_KEY];
      if (typeof stored === 'string') return stored;
      const id = crypto.randomUUID();
      await local.set({ [DEVICE_KEY]: id });
      return id;
    },
    settings: {
      read: async () => settingsFrom((await local.get(SETTINGS_KEY))[SETTINGS_KEY]),
      write: (settings) => local.set({ [SETTINGS_KEY]: settings }),
      meta: async () => settingsMetaFrom((await local.get(SETTINGS_SYNC_KEY))[SETTINGS_SYNC_KEY]),
      setMeta: (meta) => local.set({ [SETTINGS_SYNC_KEY]: meta }),
    },
    // The reason a server document was refused, for whoever reads the background's console.
    log: (message) => console.warn(message),
    now: () => new Date(),
  });
  // The settings changed (turned on or off, another server): start again with them.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SYNC_SETTINGS_KEY in changes) void sync.now();
  });
  // A stopped service worker loses its loop; the alarm brings it back within a minute.
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) sync.start();
  });
  sync.start();
  return sync;
}

function toTab(tabId: number) {
  return createClient((message) => browser.tabs.sendMessage(tabId, message));
}

export default defineBackground(() => {
  const db = new ClaimmarkDatabase();
  const sync = startSync(db);
  const session = sessionArea();
  const tabs = createTabStore(session);
  const requestBody = async (tabId: number) => (await toTab(tabId)('page.body', {}))?.text ?? null;
  const requestText = async (tabId: number) => (await toTab(tabId)('page.text', {}))?.text ?? null;
  // A tab without a content script (a browser page) or a busy one must not hold up the popup:
  // its last report is shown then.
  const refreshTab = (tabId: number) =>
    Promise.race([
      toTab(tabId)('page.refresh', {}).then(() => undefined),
      new Promise<void>((resolve) => setTimeout(resolve, REFRESH_WAIT_MS)),
    ]).catch(() => undefined);
  const notifyTab: NonNullable<BackgroundDeps['notifyTab']> = (tabId, ...[type, payload]) => {
    // The tab may have closed or navigated away: nothing to tell it then.
    const send = toTab(tabId);
    // One call per branch, so each payload is checked against its own message's schema type.
    const sent =
      type === 'page.closeEditor'
        ? send(type, payload)
        : type === 'page.reveal'
          ? send(type, payload)
          : send(type, payload);
    sent.catch(() => undefined);
  };
  const listTabs = async () =>
    (await browser.tabs.query({})).flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
  const focusAndReveal = async (tabId: number, id: string) => {
    const tab = await browser.tabs.update(tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return (await toTab(tabId)('page.reveal', { id })).revealed;
  };
  const openTab = async (url: string) => {
    const tab = await browser.tabs.create({ url, active: true });
    if (tab.id === undefined) throw new Error('The browser did not open the article.');
    return tab.id;
  };
  const act = async (tabId: number | undefined, action: Action) => {
    const target =
      tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (target !== undefined) await toTab(target)('page.act', { action });
  };
  // ---- Scheduled local backups (issue 16): entrypoints/background/backup.ts ----
  const backup = startBackups(db);
  // ---- end of backups ----
  const route = createRouter(
    'background',
    createHandlers({
      db,
      tabs,
      requestBody,
      requestText,
      refreshTab,
      notifyTab,
      listTabs,
      focusAndReveal,
      openTab,
      session,
      onTabRemoved: (listener) => browser.tabs.onRemoved.addListener(listener),
      sync,
      backup,
      me: async () =>
        syncSettingsFrom((await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY])
          .author,
    }),
  );
  const extensionBase = browser.runtime.getURL('/');

  // webextension-polyfill sends the resolved value of a returned promise as the reply.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) =>
    route(message, classifySender(sender, browser.runtime.id, extensionBase)),
  );
  browser.tabs.onRemoved.addListener((tabId) => void tabs.remove(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading: forget the old report until its content script speaks.
    if (change.status === 'loading' && change.url !== undefined) void tabs.remove(tabId);
  });

  browser.runtime.onInstalled.addListener(() => {
    for (const { id, title } of MENU) {
      browser.contextMenus.create({ id, title, contexts: ['selection'] });
    }
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    const item = MENU.find((m) => m.id === info.menuItemId);
    if (item) act(tab?.id, item.action).catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    const action = COMMANDS[command];
    if (action) act(tab?.id, action).catch(() => undefined);
  });

  // Ask the browser not to evict the library under storage pressure. Service workers have no
  // persist() (Chromium asks from the popup instead, see main.tsx); a refusal changes nothing.
  const storage = navigator.storage as Partial<StorageManager> | undefined;
  storage?.persist?.().catch(() => undefined);
});
