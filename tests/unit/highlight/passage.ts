/** The Range of `quote` in the first paragraph of the (jsdom) document that holds it. */
export function passage(quote: string): Range {
  const p = [...document.querySelectorAll('p')].find((el) => el.textContent.includes(quote));
  const node = p?.firstChild as Text;
  const range = document.createRange();
  range.setStart(node, node.data.indexOf(quote));
  range.setEnd(node, node.data.indexOf(quote) + quote.length);
  return range;
}
