import * as v from 'valibot';
import { VERSION_TEXT_LIMIT, VersionContentSchema, type VersionContent } from '../model/version';

/** A version's content packed for storage, with what identifies it. */
export interface PackedVersion {
  data: Uint8Array<ArrayBuffer>;
  hash: string;
  chars: number;
}

async function pipe(
  bytes: Uint8Array,
  stream: GenericTransformStream,
): Promise<Uint8Array<ArrayBuffer>> {
  // A copy on a plain ArrayBuffer: Blob takes no view of a shared buffer.
  const out = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The SHA-256 of a text, as 64 hex digits. */
export async function hashText(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Packs a version with the browser's own gzip (CompressionStream): no library in the bundle. A
 * text longer than the limit is cut there.
 */
export async function packVersion(content: VersionContent): Promise<PackedVersion> {
  const text = content.text.slice(0, VERSION_TEXT_LIMIT);
  const json = JSON.stringify({ ...content, text });
  const data = await pipe(new TextEncoder().encode(json), new CompressionStream('gzip'));
  return { data, hash: await hashText(text), chars: text.length };
}

/** Unpacks a stored version; throws a sentence when the bytes are not a version. */
export async function unpackVersion(data: Uint8Array): Promise<VersionContent> {
  let parsed: unknown;
  try {
    const json = new TextDecoder().decode(await pipe(data, new DecompressionStream('gzip')));
    parsed = JSON.parse(json);
  } catch {
    throw new Error('This stored version is damaged and cannot be read.');
  }
  const result = v.safeParse(VersionContentSchema, parsed);
  if (!result.success) throw new Error('This stored version is damaged and cannot be read.');
  return result.output;
}
