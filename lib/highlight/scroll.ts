/** Scrolls an element to the middle of the view: smoothly, unless the reader prefers less motion. */
export function scrollToCenter(element: Element): void {
  const win = element.ownerDocument.defaultView;
  const reduce = win?.matchMedia('(prefers-reduced-motion: reduce)').matches ?? true;
  element.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}
