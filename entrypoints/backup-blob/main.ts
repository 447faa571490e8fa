import { BLOB_CHANNEL, blobMessageOf, type BlobMessage } from '@/lib/backup/blob-channel';

// The offscreen document (reason BLOBS) that gives the background's backup a blob: address.
// The background closes this document once the download has ended, which revokes the address.

const channel = new BroadcastChannel(BLOB_CHANNEL);
const post = (message: BlobMessage) => channel.postMessage(message);
channel.onmessage = (event: MessageEvent) => {
  const message = blobMessageOf(event.data);
  if (message?.type === 'address') {
    post({ type: 'addressed', id: message.id, url: URL.createObjectURL(message.blob) });
  }
};
post({ type: 'ready' });
