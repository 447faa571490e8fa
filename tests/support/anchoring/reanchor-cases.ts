import { JSDOM } from 'jsdom';
import { anchorInModel } from '../../../lib/anchoring/anchor';
import { contextBefore, describeInModel } from '../../../lib/anchoring/describe';
import { buildTextModel, offsetsFromRange } from '../../../lib/anchoring/text-model';
import type { AnchorResult } from '../../../lib/anchoring/types';
import { diffVersions } from '../../../lib/anchoring/version-map';
import { collapse, passageRange } from './passage';

/** One case of a re-anchoring fixture (fixtures/anchoring/*.json). */
export interface ReanchorCase {
  id: string;
  quote: string;
  before?: string;
  expect?: unknown;
}

/** What happened to one case on the updated page; the JSON line `reanchor` prints. */
export interface ReanchorOutcome {
  id: string;
  status: 'anchored' | 'orphan';
  text: string | null;
  changed: boolean | null;
  before: string | null;
}

/** Read and check a cases file's JSON; throws an Error that says what is wrong. */
export function parseCases(json: string, name = 'cases file'): ReanchorCase[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`${name}: not JSON (${(e as Error).message})`);
  }
  const cases = (data as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(cases)) throw new Error(`${name}: expected an object with a "cases" array`);
  return cases.map((c: unknown, i) => {
    const { id, quote, before } = (c ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || id === '')
      throw new Error(`${name}: case ${i} has no "id" string`);
    if (typeof quote !== 'string' || quote.trim() === '') {
      throw new Error(`${name}: case "${id}" has no "quote" string`);
    }
    if (before !== undefined && typeof before !== 'string') {
      throw new Error(`${name}: case "${id}": "before" must be a string`);
    }
    return { ...(c as ReanchorCase), id, quote, ...(before === undefined ? {} : { before }) };
  });
}

function body(html: string): HTMLElement {
  return new JSDOM(html).window.document.body;
}

/**
 * Highlight each case's passage on the original page, describe it with the real describe(),
 * and anchor it on the updated page with the real anchor(): by default knowing the original as
 * the stored version (a diff first, issue 14); `useVersion: false` is the search alone. Throws if
 * a passage is not on the original page (the fixture would be wrong, not the anchoring).
 */
export function reanchorCases(
  originalHtml: string,
  updatedHtml: string,
  cases: readonly ReanchorCase[],
  { useVersion = true }: { useVersion?: boolean } = {},
): ReanchorOutcome[] {
  const original = buildTextModel(body(originalHtml));
  const updated = buildTextModel(body(updatedHtml));
  const version = useVersion ? diffVersions(original.text, updated.text) : null;
  return cases.map((c) => {
    const range = passageRange(original, c.quote, c.before);
    if (!range) throw new Error(`case "${c.id}": passage not found on the original page`);
    const selectors = describeInModel(original, range);
    const result: AnchorResult = anchorInModel(updated, selectors, {}, version);
    if (result.status === 'orphan') {
      return { id: c.id, status: 'orphan', text: null, changed: null, before: null };
    }
    const [start] = offsetsFromRange(updated, result.range);
    return {
      id: c.id,
      status: 'anchored',
      text: collapse(result.text),
      changed: result.changed,
      before: contextBefore(updated.text, start),
    };
  });
}
