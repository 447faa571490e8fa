import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BackupSection } from '@/components/options/BackupSection';
import { OptionsForm } from '@/components/options/OptionsForm';
import { SyncSection, type SyncStore } from '@/components/options/SyncSection';
import { createClient } from '@/lib/messaging/client';
import { SETTINGS_KEY, settingsFrom, type ExportSettings } from '@/lib/model/settings';
import {
  SYNC_SETTINGS_KEY,
  SYNC_STATUS_KEY,
  syncSettingsFrom,
  syncStatusFrom,
  type SyncSettings,
} from '@/lib/model/sync-settings';
import { backupControls } from './backup';
import './style.css';

const store = {
  load: async () => settingsFrom((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]),
  save: (settings: ExportSettings) => browser.storage.local.set({ [SETTINGS_KEY]: settings }),
};

const background = createClient((message) => browser.runtime.sendMessage(message));

const syncStore: SyncStore = {
  async load() {
    const stored = await browser.storage.local.get([SYNC_SETTINGS_KEY, SYNC_STATUS_KEY]);
    return {
      settings: syncSettingsFrom(stored[SYNC_SETTINGS_KEY]),
      status: syncStatusFrom(stored[SYNC_STATUS_KEY]),
    };
  },
  save: (settings: SyncSettings) => browser.storage.local.set({ [SYNC_SETTINGS_KEY]: settings }),
  allow: (originPattern) => {
    const origin = { origins: [originPattern] };
    // Called inside the reader's click. Firefox refuses a request it does not count as user
    // input (a test driver's click): then what is already granted decides.
    return browser.permissions.request(origin).catch(() => browser.permissions.contains(origin));
  },
  disallow: async (originPattern) => {
    // An origin the manifest grants (the e2e build's loopback) cannot be given back.
    await browser.permissions.remove({ origins: [originPattern] }).catch(() => false);
  },
  seal: async (password) => (await background('sync.seal', { password })).sealed,
  syncNow: () => background('sync.now', {}),
  watchStatus(listener) {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      const change = changes[SYNC_STATUS_KEY];
      if (area === 'local' && change) listener(syncStatusFrom(change.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};

const root = document.getElementById('app');
if (root) {
  render(
    <>
      <OptionsForm store={store} />
      <SyncSection store={syncStore} />
      <BackupSection controls={backupControls} />
    </>,
    root,
  );
}
