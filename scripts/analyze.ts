// npm run --silent analyze -- FILE.jsonl
// Reads lines {"id", "text", "published"?, "language"?} and prints per line
// {"id", "language", "entities": [{type, name, start, end}] (one per mention), "dates": [{text, value, start, end}]}
// with spans into the given text. A bad line prints {"id", "error"} and the run goes on.
// "language" is what the page would declare (default "en"): a hint only, for texts too short or
// too tabular to tell; a text plainly in another language gets no names and no dates, as in the
// extension.
import { readFileSync } from 'node:fs';
import { analyzeText } from '../lib/article/analyze';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  process.stderr.write('usage: analyze FILE.jsonl\n');
  process.exit(2);
}

let input: string;
try {
  input = readFileSync(file, 'utf8');
} catch (error) {
  process.stderr.write(`analyze: cannot read ${file}: ${String(error)}\n`);
  process.exit(1);
}

for (const raw of input.split('\n')) {
  if (raw.trim() === '') continue;
  let id: unknown = null;
  let line: Record<string, unknown>;
  try {
    const item = JSON.parse(raw) as {
      id?: unknown;
      text?: unknown;
      published?: unknown;
      language?: unknown;
    };
    id = item.id ?? null;
    if (typeof item.text !== 'string') throw new Error('"text" must be a string');
    const published = typeof item.published === 'string' ? item.published : null;
    const declared = typeof item.language === 'string' ? item.language : 'en';
    const { entities, dates, language } = analyzeText(item.text, published, [], declared);
    line = {
      id,
      language,
      entities: entities
        .flatMap((e) =>
          e.mentions.map(({ start, end }) => ({ type: e.type, name: e.name, start, end })),
        )
        .sort((a, b) => a.start - b.start),
      dates: dates.map(({ text, value, start, end }) => ({ text, value, start, end })),
    };
  } catch (error) {
    line = { id, error: error instanceof Error ? error.message : String(error) };
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
