/** Articles as DOM, the way pages mark them up: indented paragraphs, some inline links. */
import type { Para } from './edits';
import type { Rng } from './rng';

/** An article rendered into `doc`, with where each paragraph's text starts in its text model. */
export interface Rendered {
  root: HTMLElement;
  starts: Map<number, number>;
}

/** Append a paragraph's text, wrapping a few random words in inline markup now and then. */
function fill(doc: Document, p: HTMLElement, text: string, rng: Rng): void {
  const spaces = [...text.matchAll(/ /g)].map((m) => m.index);
  if (rng.next() > 0.3 || spaces.length < 4) {
    p.append(doc.createTextNode(text));
    return;
  }
  const i = rng.int(0, spaces.length - 3);
  const from = (spaces[i] as number) + 1;
  const to = spaces[i + rng.int(1, 2)] as number;
  const inline = doc.createElement(rng.pick(['a', 'em', 'strong']));
  inline.append(doc.createTextNode(text.slice(from, to)));
  p.append(doc.createTextNode(text.slice(0, from)), inline, doc.createTextNode(text.slice(to)));
}

/** Render paragraphs into a fresh <article> that replaces the body's content. */
export function renderArticle(doc: Document, paras: readonly Para[], rng: Rng): Rendered {
  const root = doc.createElement('article');
  const starts = new Map<number, number>();
  let offset = 0;
  for (const para of paras) {
    const indent = '\n    ';
    root.append(doc.createTextNode(indent));
    offset += indent.length;
    const p = doc.createElement('p');
    fill(doc, p, para.text, rng);
    root.append(p);
    starts.set(para.id, offset);
    offset += para.text.length;
  }
  root.append(doc.createTextNode('\n'));
  doc.body.replaceChildren(root);
  return { root, starts };
}
