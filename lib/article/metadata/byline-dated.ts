import { isDesk, isNameLike, parseByline } from './byline';
import type { SiteHints } from './site';

// A date or a time as printed on a byline line: "11.12.2019", "2020-02-18", "3. Februar 2022",
// "Feb 18, 2020", "13:10 Uhr".
const MONTH = '(?:jan|feb|mär|mar|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz])[\\p{L}]*\\.?';
const DATE = new RegExp(
  `\\d{1,2}\\.\\s?\\d{1,2}\\.\\s?\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4}|${MONTH}\\s+\\d{1,2},?\\s+\\d{4}|\\b\\d{1,2}:\\d{2}\\b`,
  'iu',
);
const ONLY_DATE = new RegExp(
  `^(?:am|on|le|el|vom|published|veröffentlicht)?\\s*(?:${DATE.source})(?:[\\s,|/-]+(?:${DATE.source}|uhr|[ap]\\.?m\\.?|gmt|mez|cet))*\\s*(?:uhr)?$`,
  'iu',
);
const SEPARATOR = /^[|•·∙,–—-]$/u;
// A date with a name after it in the same piece: "11.12.2019 - Jane Doe", "04.02.2022 | 13:10 Uhr | Jane Doe".
const DATE_THEN_NAME = new RegExp(
  `^(?:.{0,20}?)(?:${DATE.source})(?:\\s*uhr)?\\s*[|–—-]\\s*([^|\\d]{3,40})$`,
  'iu',
);
// A date and then "by"/"von" and the name: "Posted on May 3, 2020 by jdoe", "06.11.2023 13:30 von Olga".
const DATE_THEN_BY = new RegExp(
  `^(.{0,40}?(?:${DATE.source}).{0,12}?)\\s(?:by|von|par|por)\\s+(\\S.{1,50})$`,
  'iu',
);
const PIECES_AFTER = 12;

/** True when a piece of text is only a date, a time or both. */
function isDatePiece(text: string): boolean {
  return text.length <= 40 && ONLY_DATE.test(text);
}

/** A person's full name as printed: two to four capitalised words ("Jane Doe", "Boris T. Kaiser"). */
function isFullName(text: string, hints: SiteHints): boolean {
  const words = text.split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 4 &&
    words.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w)) &&
    isNameLike(text, hints)
  );
}

/** A user name as printed on forums and blogs: "jdoe", "fri.juli", "JaneDoe" (not "Politik"). */
function isHandle(text: string, hints: SiteHints): boolean {
  return (
    text.length >= 4 &&
    text.length <= 25 &&
    (/^\p{Ll}[\p{Ll}\d._-]*$/u.test(text) || /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+\d*$/u.test(text)) &&
    isNameLike(text, hints)
  );
}

/**
 * Names on the date line right under the headline, where many sites print the author without a
 * "By": a full name or a newsroom next to the date ("Jane Doe · 3. Mai 2024"), or after it
 * ("11.12.2019 - Jane Doe", "Posted on May 3, 2020 by jdoe").
 */
export function bylineByDate(after: { text: string }[], hints: SiteHints): string[] {
  const pieces = after.slice(0, PIECES_AFTER);
  for (let i = 0; i < pieces.length; i++) {
    const text = pieces[i]?.text ?? '';
    // A piece that spans lines is layout, not one printed line.
    if (text.length > 90 || text.includes('\n')) continue;
    const by = DATE_THEN_BY.exec(text);
    if (by?.[2]) {
      const names = parseByline(`By ${by[2]}`, hints);
      if (names.length > 0) return names;
    }
    const then = DATE_THEN_NAME.exec(text);
    const tail = then?.[1]?.trim();
    if (tail && (isFullName(tail, hints) || isDesk(tail))) return [tail];
    if (!isDatePiece(text)) continue;
    // The pieces on either side of the date, over a separator.
    for (const step of [1, -1]) {
      let j = i + step;
      while (SEPARATOR.test(pieces[j]?.text ?? '')) j += step;
      const near = pieces[j]?.text.replace(/[,|]$/, '').trim();
      if (
        near &&
        !near.includes('\n') &&
        (isFullName(near, hints) || isDesk(near) || isHandle(near, hints))
      )
        return [near];
    }
  }
  return [];
}
