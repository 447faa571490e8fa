// Loads CoNLL-2003 (as rebuilt in ../shared/corpora) and splits it deterministically, so
// training never sees the held-out documents that eval.ts scores.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '../shared-dir.ts';
import { fileURLToPath } from 'node:url';

export type GoldType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface GoldEntity {
  s: number;
  e: number;
  t: GoldType;
  text: string;
}

export interface Doc {
  id: string;
  text: string;
  ents: GoldEntity[];
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export { sharedDir };

/** All 946 training-split documents, in file order. */
export function loadDocs(): Doc[] {
  const file = path.join(sharedDir(), 'corpora/conll2003-train/docs.json');
  if (!existsSync(file)) {
    throw new Error(
      `CoNLL-2003 corpus not found at ${file}. Put the shared folder next to the repo ` +
        `(../shared) or set CLAIMMARK_SHARED to its path.`,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Doc[];
}

/** Every 5th document (index % 5 === 4) is held out; it is never trained or tuned on. */
export function isHeldOut(index: number): boolean {
  return index % 5 === 4;
}

/** Training documents (80 %) and held-out documents (20 %). */
export function splitDocs(docs: Doc[]): { train: Doc[]; heldOut: Doc[] } {
  return {
    train: docs.filter((_, i) => !isHeldOut(i)),
    heldOut: docs.filter((_, i) => isHeldOut(i)),
  };
}
