// The JSON Schema of the export, made from the valibot schema import validates with: written by
// scripts/export-schema.ts, and compared with the committed file by a unit test.
import { resolve } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { format, resolveConfig } from 'prettier';
import { ClaimmarkExportSchema } from '../../lib/exchange/schema';
import { isHttpUrl, isRealDay, SPAN_ORDER } from '../../lib/model/fields';

/** Where the generated schema is committed. */
export const SCHEMA_PATH = resolve(
  import.meta.dirname,
  '..',
  '..',
  'docs',
  'claimmark-export.schema.json',
);

/** The JSON Schema (draft 2020-12) of the Claimmark export, as the committed file's text. */
export async function generateExportSchema(): Promise<string> {
  const schema = toJsonSchema(ClaimmarkExportSchema, {
    target: 'draft-2020-12',
    overrideAction({ valibotAction, jsonSchema }) {
      // valibot's checks are functions; JSON Schema gets what it can say and a description.
      if (valibotAction.type !== 'check') return undefined;
      const { requirement, message } = valibotAction as {
        requirement?: unknown;
        message?: unknown;
      };
      if (requirement === isHttpUrl) {
        return { ...jsonSchema, format: 'uri', pattern: '^[Hh][Tt][Tt][Pp][Ss]?://' };
      }
      if (requirement === isRealDay) {
        return { ...jsonSchema, description: 'A day that exists in the calendar.' };
      }
      if (message === SPAN_ORDER) {
        return { ...jsonSchema, description: '`start` is at most `end`.' };
      }
      return undefined;
    },
  });
  const { $schema, title, description, ...rest } = schema;
  const text = JSON.stringify({ $schema, title, description, ...rest });
  // Formatted as prettier would, so `npm run format:check` accepts the committed file as it is.
  const options = await resolveConfig(SCHEMA_PATH);
  return format(text, { ...options, filepath: SCHEMA_PATH });
}
