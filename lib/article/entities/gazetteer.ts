// Phrase lists are shipped as text grouped by category mask: "mask\tphrase|phrase|...".
import type { Gazetteer } from './features.ts';

/** Reads the shipped gazetteer text. */
export function parseGazetteer(data: string): Gazetteer {
  const gaz: Gazetteer = new Map();
  for (const line of data.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const mask = Number(line.slice(0, tab));
    for (const phrase of line.slice(tab + 1).split('|')) if (phrase) gaz.set(phrase, mask);
  }
  return gaz;
}

/** Writes a gazetteer in the shipped text form (used by the training script). */
export function serializeGazetteer(gaz: Gazetteer): string {
  const byMask = new Map<number, string[]>();
  for (const [phrase, mask] of gaz) {
    const list = byMask.get(mask) ?? [];
    list.push(phrase);
    byMask.set(mask, list);
  }
  return [...byMask.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([mask, list]) => `${mask}\t${list.sort().join('|')}`)
    .join('\n');
}
