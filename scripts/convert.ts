/**
 * Converts a Claimmark JSON export into another format, with the extension's own functions.
 *   npm run --silent convert -- --to claimreview|csl|markdown|vault|w3c EXPORT.json [--out FILE]
 * Writes the result to stdout (or FILE; the vault, a zip, only to FILE) and what was left out to
 * stderr; exit status 1 with a sentence on stderr when the file cannot be read or converted.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { CONVERT_FORMATS, convertExport, type ConvertFormat } from '../lib/exchange/convert';
import { checkImportSize } from '../lib/exchange/parse-import';

const USAGE = `usage: convert --to ${CONVERT_FORMATS.join('|')} EXPORT.json [--out FILE]`;

function fail(message: string): never {
  process.stderr.write(`convert: ${message}\n`);
  process.exit(1);
}

function main(argv: string[]): void {
  let to: string | null = null;
  let out: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--to') to = argv[++i] ?? null;
    else if (arg === '--out') out = argv[++i] ?? null;
    else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else files.push(arg);
  }
  if (to === null || files.length !== 1) fail(USAGE);
  if (!(CONVERT_FORMATS as readonly string[]).includes(to)) {
    fail(`unknown format "${to}"\n${USAGE}`);
  }
  if (to === 'vault' && out === null) fail('the vault is a zip file: name it with --out FILE.zip');
  const file = files[0] as string;
  let text: string;
  try {
    const tooLarge = checkImportSize(statSync(file).size);
    if (tooLarge) fail(tooLarge);
    // A byte-order mark is not JSON; the popup's File.text() drops it too.
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  const result = convertExport(text, to as ConvertFormat);
  if (!result.ok) fail(result.error);
  for (const note of result.notes) process.stderr.write(`convert: ${note}\n`);
  if (out === null) process.stdout.write(result.output);
  else {
    try {
      writeFileSync(out, result.output);
    } catch (e) {
      fail(`cannot write ${out}: ${(e as Error).message}`);
    }
  }
}

main(process.argv.slice(2));
