/** Credit lines that sign a story anywhere in it ("Text: Jane Doe", "Von Jane Doe" at its end). */
import { isBylineLabel, opensByline, opensWithRoleLabel, parseByline } from './byline';
import { outsideStory } from './byline-dom';
import type { SiteHints } from './site';
import { collapse, textOf, tokens } from './text';
import { zoneAround } from './zone';

const FACT_LABEL =
  /^\W*(?:titel|title|originaltitel|verlag|publisher|seiten|pages|isbn|genre|preis|price|format|erschienen)\b/i;

/** True when a line sits between lines of a book's or product's fact sheet. */
function factSheet(line: Element): boolean {
  const near = [line.previousElementSibling, line.nextElementSibling];
  return near.some((el) => el !== null && FACT_LABEL.test(textOf(el)));
}

const ROLE_NOUN = /^(?:autor(?:in|en)?|authors?|verfasser(?:in)?)\s+\S/iu;
const FULL_NAME =
  /^\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:von|van|de|der|zu)\s+)?\p{Lu}[\p{L}'’.-]+){1,3}$/u;

/** True when a "Von …"/"By …" line names people by their full names and nothing else. */
function signsAsPerson(line: string, hints: SiteHints): boolean {
  const names = parseByline(line, hints);
  // Every word after the "Von" is a name's, but for the "und"s between the names.
  const words = tokens(line).length - 1;
  return (
    names.length > 0 &&
    names.every((n) => FULL_NAME.test(n)) &&
    tokens(names.join(' ')).length + names.length - 1 >= words
  );
}

/**
 * A labelled credit line anywhere in the story ("Text: Jane Doe", "Autorin: Jane Doe, Leiterin …"):
 * many pages sign the story at its end rather than under the headline. Only a short line of its
 * own counts, so a "von" inside running prose is not taken for a byline.
 */
export function labelledLineInStory(
  doc: Document,
  anchor: Element,
  scope: ParentNode,
  hints: SiteHints,
): string[] {
  const pieces = zoneAround(doc, anchor, { after: 40000, before: 0, maxNodes: 4000 }).after.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece || (scope !== doc && !scope.contains(piece.el))) continue;
    let text = piece.text;
    // A bare "Von"/"By", or a role noun without its colon ("Autoren Jane Doe und John Roe"),
    // counts only as a line of its own that holds nothing but full names.
    const roleNoun = ROLE_NOUN.test(text) && !opensByline(text);
    const bare = !opensWithRoleLabel(text) || roleNoun;
    if (bare && !roleNoun && !isBylineLabel(text) && !opensByline(text)) continue;
    if (isBylineLabel(text)) text = `${text} ${pieces[i + 1]?.text ?? ''}`;
    else if (!opensByline(text) && !roleNoun) continue;
    const line = piece.el.closest('p, li, td, dd, h2, h3, h4, h5, h6, div') ?? piece.el;
    if (bare && (textOf(line) !== collapse(text) || !signsAsPerson(text, hints))) continue;
    // An "Interview:" label names the guest, a link is a teaser of another story, and an
    // "Autorin:" between "Titel:" and "Verlag:" is a book's author in a review's fact sheet.
    if (/^\W*interview/i.test(text) || piece.el.closest('a') || factSheet(line)) continue;
    if (textOf(line).length > 90 || outsideStory(piece.el, anchor)) continue;
    const names = parseByline(text, hints);
    if (names.length > 0) return names;
  }
  return [];
}
