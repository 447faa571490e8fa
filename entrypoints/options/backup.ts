import { browser, type Browser } from 'wxt/browser';
import type { BackupControls } from '@/components/options/BackupSection';
import { createClient } from '@/lib/messaging/client';

const request = createClient((message) => browser.runtime.sendMessage(message));

/** The backup section's side of the browser: the permission prompt and the background. */
export const backupControls: BackupControls = {
  requestPermission: () => {
    const downloads: Browser.permissions.Permissions = { permissions: ['downloads'] };
    // Called inside the reader's click. Firefox refuses a request it does not count as user
    // input (a click made by a test driver, for one): then what is already granted decides.
    return browser.permissions
      .request(downloads)
      .catch(() => browser.permissions.contains(downloads));
  },
  state: () => request('backup.state', {}),
  configure: (change) => request('backup.configure', change),
  backUpNow: () => request('backup.now', {}),
};
