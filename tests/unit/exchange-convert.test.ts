import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedClaimReview } from '../support/claimreview-schema';
import { ANNOTATIONS, ARTICLES } from './exchange-fixtures';
import { buildClaimmarkExport, serializeClaimmarkExport } from '@/lib/exchange/claimmark-json';
import { convertExport, type ConvertFormat } from '@/lib/exchange/convert';
import { DEFAULT_EXPORT_SETTINGS } from '@/lib/model/settings';

const NOW = new Date('2026-11-26T10:00:00Z');
const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'claimmark-convert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withReviewer = serializeClaimmarkExport({
  ...buildClaimmarkExport(ARTICLES, ANNOTATIONS, { kind: 'all' }, NOW),
  settings: {
    ...DEFAULT_EXPORT_SETTINGS,
    reviewer: { name: '', organization: 'Factcheck Desk', url: null },
  },
});

const run = promisify(execFile);

/** Runs `npm run --silent convert -- …` as a reader would, with its exit status. */
async function convert(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/convert.ts', ...args], {
      cwd: ROOT,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** The converted text; fails the test on an error or bytes. */
function textOf(format: ConvertFormat, file = withReviewer): string {
  const result = convertExport(file, format, NOW);
  if (!result.ok) throw new Error(result.error);
  if (typeof result.output !== 'string') throw new Error('expected text');
  return result.output;
}

describe('the converter', () => {
  it('writes each format from a Claimmark export, with the settings the file carries', () => {
    const doc = checkedClaimReview(JSON.parse(textOf('claimreview'))) as {
      '@graph': { author: unknown }[];
    };
    // One claim has a verdict (disputed); the unverified one is no review.
    expect(doc['@graph']).toHaveLength(1);
    expect(doc['@graph'][0]?.author).toEqual({ '@type': 'Organization', name: 'Factcheck Desk' });
    expect((JSON.parse(textOf('csl')) as unknown[]).length).toBe(ARTICLES.length);
    expect(textOf('markdown')).toMatch(/^# Claimmark export/);
    expect(textOf('w3c')).toContain('"AnnotationCollection"');
    // Without a reviewer, the claim is left out and the reader is told why.
    const bare = convertExport(
      serializeClaimmarkExport(buildClaimmarkExport(ARTICLES, ANNOTATIONS, { kind: 'all' }, NOW)),
      'claimreview',
      NOW,
    );
    expect(bare.ok && bare.notes.join('\n')).toMatch(
      /left out claim .*: no author[\s\S]*names no reviewer/,
    );
  });

  it('runs from the command line: stdout or --out, and exit status 1 with a sentence on a bad file', async () => {
    const file = join(dir, 'export.json');
    writeFileSync(file, withReviewer);
    const ok = await convert('--to', 'csl', file);
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { id: string }[]).map((i) => i.id)).toEqual(
      ARTICLES.map((a) => a.url),
    );
    const out = join(dir, 'reviews.jsonld');
    const written = await convert('--to', 'claimreview', file, '--out', out);
    expect(written).toMatchObject({ code: 0, stdout: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      '@context': 'https://schema.org',
    });
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, withReviewer.slice(0, 300));
    const refused = await convert('--to', 'csl', broken);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^convert: This file ends too early/);
    const zip = join(dir, 'vault.zip');
    expect(await convert('--to', 'vault', file, '--out', zip)).toMatchObject({ code: 0 });
    expect(Object.keys(unzipSync(readFileSync(zip)))).toHaveLength(ARTICLES.length);
    expect((await convert('--to', 'vault', file)).stderr).toMatch(/--out FILE\.zip/);
    expect(await convert('--to', 'pdf', file)).toMatchObject({ code: 1 });
    expect((await convert('--to', 'pdf', file)).stderr).toMatch(/unknown format "pdf"/);
  }, 60_000);
});
