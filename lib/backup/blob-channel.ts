// Chromium's MV3 service worker has no URL.createObjectURL, and the downloads API needs an
// address. The background hands the backup's Blob to an offscreen document over this channel
// (structured clone passes a Blob by reference, not by copying its bytes), and the document
// answers with a blob: address of its own. A BroadcastChannel reaches only the extension's own
// origin, so no page can listen or answer.

/** The channel's name. */
export const BLOB_CHANNEL = 'claimmark-backup-blobs';

/** What travels on the channel. */
export type BlobMessage =
  | { type: 'ready' }
  | { type: 'address'; id: string; blob: Blob }
  | { type: 'addressed'; id: string; url: string };

/** Narrows what arrived on the channel to a message of ours, or null. */
export function blobMessageOf(data: unknown): BlobMessage | null {
  if (typeof data !== 'object' || data === null || !('type' in data)) return null;
  if (data.type === 'ready') return { type: 'ready' };
  if (!('id' in data) || typeof data.id !== 'string') return null;
  if (data.type === 'address' && 'blob' in data && data.blob instanceof Blob) {
    return { type: 'address', id: data.id, blob: data.blob };
  }
  if (data.type === 'addressed' && 'url' in data && typeof data.url === 'string') {
    return data.url.startsWith('blob:') ? { type: 'addressed', id: data.id, url: data.url } : null;
  }
  return null;
}
