import { browser } from 'wxt/browser';
import { BLOB_CHANNEL, blobMessageOf, type BlobMessage } from '@/lib/backup/blob-channel';
import {
  createBackupService,
  type BackupService,
  type BlobAddress,
  type DownloadsApi,
} from '@/lib/services/backup';
import type { ClaimmarkDatabase } from '@/lib/storage/database';

// Scheduled local backups (issue 16), wired to the browser: storage.local, downloads, alarms.
//
// How the file reaches the downloads folder. downloads.download() takes an address, and
// Chromium's MV3 service worker has no URL.createObjectURL. Measured in this Chromium (156) on
// the 2-core shared machine, from "Back up now" to the status naming the file, for a library of
// 100,000 notes over 5,000 articles (a 90 MB export), through the built extension:
//  - a data: URL (FileReader.readAsDataURL in the worker) is accepted at that size, but took
//    35.6 s, and the browser's processes grew by 2.7 GB at their peak (the text, its base64,
//    the URL's copies on the way to the browser process);
//  - the Blob handed to an offscreen document (reason BLOBS) over a BroadcastChannel, which
//    answers with its own blob: address, took 2.8 s, growing them by 0.56 GB.
// (A bare 90 MB Blob, without the export: 16-20 s against 0.5-0.6 s.) So Chromium uses an
// offscreen document (the `offscreen` permission, which shows the reader no prompt). Firefox's
// MV2 background page has createObjectURL, and no offscreen API.

const OFFSCREEN_PATH = '/backup-blob.html';
const ALARM = 'claimmark-backup-check';
// A broken offscreen document must not leave every later backup waiting behind this one.
const ADDRESS_WAIT_MS = 30_000;

/** Resolves with the first message on the channel that `accept` takes. */
function nextMessage<T extends BlobMessage>(
  channel: BroadcastChannel,
  accept: (message: BlobMessage) => message is T,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (event: MessageEvent) => {
      const message = blobMessageOf(event.data);
      if (message && accept(message)) {
        channel.removeEventListener('message', listener);
        resolve(message);
      }
    };
    channel.addEventListener('message', listener);
  });
}

async function offscreenAddress(blob: Blob): Promise<BlobAddress> {
  const channel = new BroadcastChannel(BLOB_CHANNEL);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Listening before the document exists, so its "ready" cannot come too early.
    const ready = nextMessage(channel, (m): m is { type: 'ready' } => m.type === 'ready');
    if (!(await browser.offscreen.hasDocument())) {
      await browser.offscreen.createDocument({
        url: browser.runtime.getURL(OFFSCREEN_PATH),
        reasons: [browser.offscreen.Reason.BLOBS],
        justification: 'Gives the scheduled backup file an address the downloads API can save.',
      });
      await ready;
    }
    const id = crypto.randomUUID();
    const answer = nextMessage(
      channel,
      (m): m is Extract<BlobMessage, { type: 'addressed' }> =>
        m.type === 'addressed' && m.id === id,
    );
    channel.postMessage({ type: 'address', id, blob } satisfies BlobMessage);
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('The browser did not prepare the backup file. Try again.')),
        ADDRESS_WAIT_MS,
      );
    });
    const { url } = await Promise.race([answer, late]);
    // Closing the document revokes its addresses: done once the download has ended.
    return { url, release: () => browser.offscreen.closeDocument() };
  } finally {
    clearTimeout(timer);
    channel.close();
  }
}

function addressOf(blob: Blob): Promise<BlobAddress> {
  // Firefox's background page (and any page) can make the address itself.
  if (typeof URL.createObjectURL === 'function') {
    const url = URL.createObjectURL(blob);
    return Promise.resolve({ url, release: () => Promise.resolve(URL.revokeObjectURL(url)) });
  }
  return offscreenAddress(blob);
}

/** Starts the backup schedule: a check when the background starts and one every hour. */
export function startBackups(db: ClaimmarkDatabase): BackupService {
  const backup = createBackupService({
    db,
    local: browser.storage.local,
    // Present only once the reader has granted the optional permission.
    downloads: (): DownloadsApi | undefined => browser.downloads,
    addressOf,
  });
  const check = () => void backup.runIfDue().catch(() => undefined);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) check();
  });
  // Creating an alarm again restarts its period, and the service worker starts many times an
  // hour: the alarm is created only when it is missing, or it might never fire.
  void browser.alarms.get(ALARM).then(async (alarm) => {
    if (!alarm) await browser.alarms.create(ALARM, { periodInMinutes: 60 });
  });
  // Each start of the background counts as the start-up check: it costs one storage read, and a
  // browser closed for days backs up as soon as it is open again.
  check();
  return backup;
}
