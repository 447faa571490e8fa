import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createClient } from '@/lib/messaging/client';
import { createRouter } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/sender';
import { createTabStore, memoryArea, type SessionArea } from '@/lib/tabs/tab-store';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { createHandlers } from './handlers';

function sessionArea(): SessionArea {
  // storage.session keeps tab reports in memory only (no browsing history on disk) and survives
  // the MV3 service worker being stopped; a Map covers browsers without it.
  const session = browser.storage.session as Browser.storage.StorageArea | undefined;
  return session ?? memoryArea();
}

export default defineBackground(() => {
  const db = new ClaimmarkDatabase();
  const tabs = createTabStore(sessionArea());
  const requestBody = async (tabId: number) => {
    const toTab = createClient((message) => browser.tabs.sendMessage(tabId, message));
    return (await toTab('page.body', {}))?.text ?? null;
  };
  const route = createRouter('background', createHandlers({ db, tabs, requestBody }));
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
  // Ask the browser not to evict the library under storage pressure. Service workers have no
  // persist() (Chromium asks from the popup instead, see main.tsx); a refusal changes nothing.
  const storage = navigator.storage as Partial<StorageManager> | undefined;
  storage?.persist?.().catch(() => undefined);
});
