// Every ClaimReview export a test makes is checked against the committed JSON Schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

const schema = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../docs/claimreview.schema.json'), 'utf8'),
) as object;
// Formats are checked by the schema's own patterns; ajv's format plugin is not needed.
const validate = new Ajv2020({ validateFormats: false, allErrors: true }).compile(schema);

/** The document, after failing the test unless it is valid against docs/claimreview.schema.json. */
export function checkedClaimReview(doc: unknown): unknown {
  const ok = validate(doc);
  expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
  expect(ok).toBe(true);
  return doc;
}
