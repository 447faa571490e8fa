import { diffVersions } from '../anchoring/version-map';
import type { VersionContent } from '../model/version';
import { annotationsForArticle } from './annotations';
import type { ClaimmarkDatabase } from './database';
import { listVersions, readVersion, type VersionMeta } from './versions';
import type { DiffAddress } from '../versions/diff-address';
import { buildDiffView, type DiffModel, type Span } from '../versions/diff-view';

/** Everything the diff page shows. */
export interface LoadedDiff {
  versions: VersionMeta[];
  from: VersionMeta;
  to: VersionMeta;
  before: VersionContent;
  after: VersionContent;
  model: DiffModel;
}

/**
 * Loads two versions of a story and diffs them, with the reader's notes made on the older one
 * placed in both (in the newer one through the same word diff that re-anchors them). Throws a
 * sentence a reader can act on when there is nothing to compare.
 */
export async function loadDiff(db: ClaimmarkDatabase, address: DiffAddress): Promise<LoadedDiff> {
  const versions = await listVersions(db, address.articleUrl);
  if (versions.length === 0) {
    throw new Error('Claimmark has no stored version of this story yet.');
  }
  const byN = (n: number | null) => versions.find((v) => v.n === n);
  const from = byN(address.from) ?? versions[0];
  const to = byN(address.to) ?? versions.at(-1);
  if (!from || !to) throw new Error('Claimmark has no stored version of this story yet.');
  const [before, after] = await Promise.all([
    readVersion(db, address.articleUrl, from.n),
    readVersion(db, address.articleUrl, to.n),
  ]);
  if (!before || !after) throw new Error('This version of the story is no longer stored.');
  const notes = (await annotationsForArticle(db, address.articleUrl)).filter(
    (n) => n.version === from.n && n.selectors.position,
  );
  const oldMarks: Span[] = notes.flatMap((n) =>
    n.selectors.position ? [n.selectors.position] : [],
  );
  const follow = diffVersions(before.text, after.text);
  const newMarks: Span[] = follow
    ? oldMarks.flatMap((s) => {
        const m = follow.map(s.start, s.end);
        return m.kind === 'kept' || m.kind === 'changed' || m.kind === 'moved'
          ? [{ start: m.start, end: m.end }]
          : [];
      })
    : [];
  const model = buildDiffView(before.text, after.text, oldMarks, newMarks);
  return { versions, from, to, before, after, model };
}
