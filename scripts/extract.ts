// npm run --silent extract -- [--url URL] FILE.html…   or   -- --cases DIR
// One JSON line per page, in the contract the README documents; a failing page prints
// {"id"|"file", "error"} and the run goes on.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractPage } from '../lib/article/extract-page';
import { decodePage, parseDocument } from './metadata/corpus';

type Label = { id: string } | { file: string };

function extractionLine(label: Label, html: string, url: string): Record<string, unknown> {
  const { doc, close } = parseDocument(html, url);
  try {
    const { article, analysis } = extractPage(doc, url);
    const meta = article.metadata;
    return {
      ...label,
      isArticle: article.detection.isArticle,
      headline: meta?.headline ?? null,
      byline: meta?.byline ?? [],
      siteName: meta?.siteName ?? null,
      published: meta?.published ?? null,
      modified: meta?.modified ?? null,
      language: meta?.language ?? null,
      canonicalUrl: meta?.canonicalUrl ?? null,
      entities: (analysis?.entities ?? []).map((e) => ({
        type: e.type,
        name: e.name,
        aliases: e.aliases,
        mentions: e.mentions.length,
      })),
      dates: (analysis?.dates ?? []).map(({ text, value, start, end }) => ({
        text,
        value,
        start,
        end,
      })),
    };
  } finally {
    close();
  }
}

function emit(label: Label, work: () => Record<string, unknown>): void {
  let line: Record<string, unknown>;
  try {
    line = work();
  } catch (error) {
    line = { ...label, error: error instanceof Error ? error.message : String(error) };
  }
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function usage(): never {
  process.stderr.write('usage: extract [--url URL] FILE.html…  |  extract --cases DIR\n');
  process.exit(2);
}

const args = process.argv.slice(2);
if (args[0] === '--cases') {
  const dir = args[1];
  if (!dir || args.length > 2) usage();
  let lines: string[];
  try {
    lines = readFileSync(join(dir, 'cases.jsonl'), 'utf8').split('\n');
  } catch (error) {
    process.stderr.write(`extract: cannot read ${join(dir, 'cases.jsonl')}: ${String(error)}\n`);
    process.exit(1);
  }
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    let item: { id?: unknown; url?: unknown };
    try {
      item = JSON.parse(raw) as { id?: unknown; url?: unknown };
    } catch {
      emit({ id: raw.slice(0, 80) }, () => {
        throw new Error('cases.jsonl line is not JSON');
      });
      continue;
    }
    const id = typeof item.id === 'string' ? item.id : String(item.id);
    const url = typeof item.url === 'string' ? item.url : `https://example.invalid/${id}`;
    emit({ id }, () =>
      extractionLine({ id }, decodePage(readFileSync(join(dir, `${id}.html`))), url),
    );
  }
} else {
  let url: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--url') url = args[++i] ?? usage();
    else if (arg.startsWith('--')) usage();
    else files.push(arg);
  }
  if (files.length === 0) usage();
  for (const file of files) {
    emit({ file }, () =>
      extractionLine(
        { file },
        decodePage(readFileSync(file)),
        url ?? pathToFileURL(resolve(file)).toString(),
      ),
    );
  }
}
