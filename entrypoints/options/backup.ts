import { browser } from 'wxt/browser';
import type { BackupControls } from '@/components/options/BackupSection';
import { createClient } from '@/lib/messaging/client';

const request = createClient((message) => browser.runtime.sendMessage(message));

/** The backup section's side of the browser: the permission prompt and the background. */
export const backupControls: BackupControls = {
  requestPermission: () => browser.permissions.request({ permissions: ['downloads'] }),
  state: () => request('backup.state', {}),
  configure: (change) => request('backup.configure', change),
  backUpNow: () => request('backup.now', {}),
};
