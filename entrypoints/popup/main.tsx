import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import { SETTINGS_KEY, settingsFrom } from '@/lib/model/settings';
import { SYNC_SETTINGS_KEY, syncSettingsFrom } from '@/lib/model/sync-settings';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { App } from './App';
import { createExchange } from './exchange';
import './style.css';

/** `?tab=N` targets a given tab (used when the popup is opened as a page, as in tests). */
async function resolveTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

// Persistent storage keeps the library from being evicted under disk pressure; asked here
// because a service worker cannot ask. A refusal changes nothing.
navigator.storage.persist().catch(() => undefined);

function toTab(tabId: number) {
  return createClient((message) => browser.tabs.sendMessage(tabId, message));
}

const root = document.getElementById('app');
const initialView =
  new URLSearchParams(location.search).get('view') === 'library' ? 'library' : 'page';
if (root) {
  const db = new ClaimmarkDatabase();
  const request = createClient((message) => browser.runtime.sendMessage(message));
  render(
    <App
      db={db}
      exchange={createExchange(
        db,
        (urls) => request('library.imported', { urls }),
        async () => settingsFrom((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
        () => void browser.runtime.openOptionsPage(),
      )}
      request={request}
      resolveTabId={resolveTabId}
      markInTab={async (tabId, terms) => (await toTab(tabId)('page.mark', { terms })).marked}
      revealInTab={async (tabId, id) => (await toTab(tabId)('page.reveal', { id })).revealed}
      initialView={initialView}
      readMe={async () =>
        syncSettingsFrom((await browser.storage.local.get(SYNC_SETTINGS_KEY))[SYNC_SETTINGS_KEY])
          .author
      }
    />,
    root,
  );
}
