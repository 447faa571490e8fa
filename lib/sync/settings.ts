import * as v from 'valibot';
import { HttpUrl, IsoTime, Text } from '../model/fields';
import { RatingSchema, type ExportSettings } from '../model/settings';
import type { CouchClient } from './couch';
import { SETTINGS_DOC_ID } from './docs';
import { fingerprint, sameFingerprints, type Fingerprints } from './merge';

// The export settings that make sense on every device of a reader or a newsroom (issue 16): how
// each verdict reads in a ClaimReview and on what scale, and the organisation and site that sign
// it. The reviewer's own name and the preferred export format stay with each device: in a
// shared database they are one member's. One document holds them; the later save wins.

/** The part of the export settings that syncs. */
export const SharedSettingsSchema = v.strictObject({
  ratings: v.strictObject({
    supported: RatingSchema,
    disputed: RatingSchema,
    misleading: RatingSchema,
    false: RatingSchema,
  }),
  organization: Text(200),
  url: v.nullable(HttpUrl),
  updatedAt: IsoTime,
});

/** The synced part of the export settings. */
export type SharedSettings = v.InferOutput<typeof SharedSettingsSchema>;

/** What a device remembers of the settings document since it last read or wrote it. */
export interface SettingsSyncMeta {
  dbUrl: string;
  rev: string;
  fp: Fingerprints;
}

/** Where the device keeps its settings and what it remembers of their document. */
export interface SettingsSide {
  read: () => Promise<ExportSettings>;
  write: (settings: ExportSettings) => Promise<void>;
  meta: () => Promise<SettingsSyncMeta | null>;
  setMeta: (meta: SettingsSyncMeta) => Promise<void>;
}

const NEVER = '1970-01-01T00:00:00.000Z';

const MetaSchema = v.object({
  dbUrl: v.string(),
  rev: v.string(),
  fp: v.record(v.string(), v.string()),
});

/** What was stored of the settings document, or null when nothing valid was. */
export function settingsMetaFrom(stored: unknown): SettingsSyncMeta | null {
  const parsed = v.safeParse(MetaSchema, stored);
  return parsed.success ? parsed.output : null;
}

/** The synced part of a device's settings. */
export function sharedPart(settings: ExportSettings): SharedSettings {
  return {
    ratings: settings.ratings,
    organization: settings.reviewer.organization,
    url: settings.reviewer.url,
    updatedAt: settings.updatedAt ?? NEVER,
  };
}

/** The device's settings with the shared part another device saved. */
export function withShared(settings: ExportSettings, shared: SharedSettings): ExportSettings {
  return {
    ...settings,
    ratings: shared.ratings,
    reviewer: { ...settings.reviewer, organization: shared.organization, url: shared.url },
    updatedAt: shared.updatedAt,
  };
}

const fp = (shared: SharedSettings) => fingerprint(shared);

/** Reads, merges and writes the settings document; returns a refusal's reason, or null. */
export async function syncSettings(
  client: CouchClient,
  side: SettingsSide,
  dbUrl: string,
): Promise<string | null> {
  const local = await side.read();
  const mine = sharedPart(local);
  const storedMeta = await side.meta();
  const meta = storedMeta?.dbUrl === dbUrl ? storedMeta : null;
  const [found] = await client.read([SETTINGS_DOC_ID]);
  let theirs: SharedSettings | null = null;
  let rev: string | undefined;
  if (found && 'doc' in found) {
    const doc = found.doc as Record<string, unknown>;
    rev = typeof doc._rev === 'string' ? doc._rev : undefined;
    const { _id: _id, _rev: _rev, type: _type, ...body } = doc;
    const parsed = v.safeParse(SharedSettingsSchema, body);
    if (!parsed.success)
      return `the shared settings on the server are malformed (${parsed.issues[0].message})`;
    theirs = parsed.output;
  } else if (found && 'deleted' in found) {
    rev = found.rev;
  }
  const changedHere = !meta || !sameFingerprints(fp(mine), meta.fp);
  if (theirs && rev && (meta?.rev !== rev || !changedHere)) {
    const takeTheirs = !changedHere || theirs.updatedAt > mine.updatedAt;
    if (takeTheirs) {
      if (!sameFingerprints(fp(theirs), fp(mine))) await side.write(withShared(local, theirs));
      await side.setMeta({ dbUrl, rev, fp: fp(theirs) });
      return null;
    }
  }
  if (meta && !changedHere && meta.rev === rev) return null;
  // Nothing saved here yet and nothing on the server: the defaults need not travel.
  if (!theirs && mine.updatedAt === NEVER) return null;
  const [result] = await client.bulkDocs([
    { _id: SETTINGS_DOC_ID, type: 'settings', ...(rev ? { _rev: rev } : {}), ...mine },
  ]);
  if (result?.rev && !result.error) {
    await side.setMeta({ dbUrl, rev: result.rev, fp: fp(mine) });
    return null;
  }
  // Another device wrote in between: the next sync reads its settings and decides again.
  return result?.error === 'conflict'
    ? null
    : `the server refused the shared settings (${result?.reason ?? 'no reason given'})`;
}
