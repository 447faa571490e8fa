// The sync password is kept in storage.local, as the options page and the background read their
// settings there; Firefox lets content scripts read storage.local too (Mozilla bug 1724754), and
// a content script may be compromised. So it is kept sealed: AES-GCM under a key that lives in
// the extension's own IndexedDB, which no content script can open.

const PREFIX = 'sealed:v1:';

/** Bytes as base64 (`btoa` takes only one byte per character). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  try {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

function importKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Whether a stored password is sealed (not one written before sealing, or by hand). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** A new random sealing key (256 bits). */
export function newSealKey(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** The text sealed under the key, as a string storage.local can keep. */
export async function sealSecret(key: Uint8Array<ArrayBuffer>, text: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv },
    await importKey(key),
    new TextEncoder().encode(text),
  );
  const out = new Uint8Array(iv.length + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), iv.length);
  return PREFIX + toBase64(out);
}

/** The text a sealed string holds, or null when it is not one this key sealed. */
export async function unsealSecret(
  key: Uint8Array<ArrayBuffer>,
  stored: string,
): Promise<string | null> {
  if (!isSealed(stored)) return null;
  const bytes = fromBase64(stored.slice(PREFIX.length));
  if (!bytes || bytes.length < 13) return null;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, 12) },
      await importKey(key),
      bytes.slice(12),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}
