import type { Origin } from './protocol';

/** The parts of a runtime message sender that decide who is talking. */
export interface RawSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** Chromium's id of the sending document (new for each page a frame loads). */
  documentId?: string;
}

/** A sender the background recognises; anything else is `unknown` and is refused. */
export type Sender =
  | { origin: 'content'; tabId: number; frameId: number; url: string }
  | {
      origin: 'extension';
      url: string;
      tabId: number | null;
      frameId?: number;
      documentId?: string;
    }
  | { origin: 'unknown' };

/** Classifies a message sender by the extension id and the extension's base URL. */
export function classifySender(raw: RawSender, extensionId: string, extensionBase: string): Sender {
  if (raw.id !== extensionId || typeof raw.url !== 'string') return { origin: 'unknown' };
  const tabId = raw.tab?.id;
  if (raw.url.startsWith(extensionBase)) {
    // An extension page inside a tab (the editor's iframe, or the popup opened as a tab).
    return {
      origin: 'extension',
      url: raw.url,
      tabId: typeof tabId === 'number' ? tabId : null,
      ...(typeof raw.frameId === 'number' ? { frameId: raw.frameId } : {}),
      ...(typeof raw.documentId === 'string' ? { documentId: raw.documentId } : {}),
    };
  }
  if (typeof tabId === 'number' && tabId >= 0) {
    return { origin: 'content', tabId, frameId: raw.frameId ?? 0, url: raw.url };
  }
  return { origin: 'unknown' };
}

/** True when this sender may send a message meant for `origin`. */
export function senderMayUse(sender: Sender, origin: Origin): boolean {
  if (origin === 'content') return sender.origin === 'content' && sender.frameId === 0;
  return sender.origin === 'extension';
}
