// npx tsx scripts/export-schema.ts: writes docs/claimmark-export.schema.json from the valibot
// schema import validates with, so the documented format cannot drift from the code.
import { writeFileSync } from 'node:fs';
import { generateExportSchema, SCHEMA_PATH } from '../tests/support/export-schema';

writeFileSync(SCHEMA_PATH, await generateExportSchema());
console.log(`Wrote ${SCHEMA_PATH}`);
