import { anchorAllInModel } from '../anchoring/anchor-all';
import { buildTextModel } from '../anchoring/text-model';
import { hintDiff, type VersionHint } from '../anchoring/version-hint';
import type { AnchorResult } from '../anchoring/types';
import { canPaintHighlights, ensureHighlightStyle, paintRanges } from './paint';
import { wrapRange, type Wrapped } from './wrap';
import { createPaintNames, type PaintNames } from './paint-names';
import { paintStyle } from './palette';
import { scrollToCenter } from './scroll';
import type { AnchorStatus, AnnotationAnchor } from '../model';
import { VERSION_TEXT_LIMIT } from '../model/version';
import { isOwnUi } from './ui-host';

interface Drawn {
  anchor: AnnotationAnchor;
  range: Range | null;
  status: AnchorStatus;
  /** The page text the range covered when drawn, to notice a page rewriting it. */
  text: string | null;
}

/** How one annotation came back on the page, as reported to the background. */
export interface AnchoringReport {
  id: string;
  status: AnchorStatus;
  text: string | null;
}

function statusOf(result: AnchorResult): {
  status: AnchorStatus;
  text: string | null;
  range: Range | null;
} {
  if (result.status === 'orphan') return { status: 'orphan', text: null, range: null };
  return {
    status: result.changed ? 'changed' : 'anchored',
    text: result.changed ? result.text : null,
    range: result.range,
  };
}

/** What was last reported for an annotation, to report only what changed. */
function reportKey(status: AnchorStatus, text: string | null): string {
  return `${status}:${text ?? ''}`;
}

function sameSelectors(a: AnnotationAnchor, b: AnnotationAnchor): boolean {
  return JSON.stringify(a.selectors) === JSON.stringify(b.selectors);
}

/**
 * The page's highlights: anchors what is not drawn yet (or no longer fits the page), paints
 * them with the CSS Custom Highlight API, and reports how each came back.
 */
export class HighlightLayer {
  private drawn = new Map<string, Drawn>();
  private reported = new Map<string, string>();
  private painted = new Set<string>();
  private wrapped = new Map<string, { name: string; wrap: Wrapped }>();
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly doc: Document,
    private readonly fetchAnchors: () => Promise<AnnotationAnchor[]>,
    private readonly report: (results: AnchoringReport[]) => Promise<void>,
    private readonly names: PaintNames = createPaintNames(),
    /** Where notes made on a stored version went in the page's text now (the background diffs). */
    private readonly remap: (text: string) => Promise<readonly VersionHint[]> = () =>
      Promise.resolve([]),
  ) {}

  /** Re-reads the page's annotations and anchors what needs it; concurrent calls coalesce. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.running;
  }

  /**
   * Draws a highlight the reader just made from the Range in hand: it sits where the reader
   * selected, and the background stored it as anchored, so nothing is fetched, anchored or
   * reported.
   */
  add(anchor: AnnotationAnchor, range: Range, selected: string): void {
    // The page may have rewritten the passage while the note was stored (a live range follows
    // the DOM, and can collapse): then it is anchored from its selectors like any other.
    const intact =
      !range.collapsed && range.startContainer.isConnected && range.toString() === selected;
    if (!intact) {
      void this.refresh();
      return;
    }
    this.drawn.set(anchor.id, { anchor, range, status: 'anchored', text: selected });
    this.reported.set(anchor.id, reportKey('anchored', null));
    this.paint();
    // A refresh under way fetched the annotations before this one existed: run it again.
    if (this.running) this.again = true;
  }

  /** True when a drawn highlight no longer sits on the text it was drawn on, or some are orphans. */
  needsRefresh(): boolean {
    for (const d of this.drawn.values()) {
      if (d.status === 'orphan' || !d.range || !this.stillDrawn(d)) return true;
    }
    return false;
  }

  private stillDrawn(d: Drawn): boolean {
    const range = d.range;
    if (!range) return false;
    return (
      range.startContainer.isConnected &&
      range.endContainer.isConnected &&
      (d.text === null || range.toString() === d.text)
    );
  }

  private async run(): Promise<void> {
    const anchors = await this.fetchAnchors();
    const ids = new Set(anchors.map((a) => a.id));
    for (const id of [...this.drawn.keys()]) if (!ids.has(id)) this.drawn.delete(id);
    const todo = anchors.filter((a) => {
      const d = this.drawn.get(a.id);
      if (d && sameSelectors(d.anchor, a) && d.status !== 'orphan' && this.stillDrawn(d)) {
        d.anchor = a; // colour or status may have changed: repaint without re-anchoring
        return false;
      }
      return true;
    });
    const body = this.doc.body as HTMLElement | null;
    if (todo.length > 0 && body) {
      const options = { exclude: (el: Element) => isOwnUi(el) };
      const model = buildTextModel(body, options);
      // Notes made on a stored version of the story follow it through the diff first: only
      // then does the search guess. A failure leaves the search alone, as before versions.
      const hints = todo.some((a) => a.version !== undefined)
        ? await this.remap(model.text.slice(0, VERSION_TEXT_LIMIT)).catch(() => [])
        : [];
      const byId = new Map(hints.map((h) => [h.id, h]));
      const results = await anchorAllInModel(
        model,
        todo.map((a) => a.selectors),
        options,
        todo.map((a) => {
          const hint = byId.get(a.id);
          return hint ? hintDiff(hint) : null;
        }),
      );
      todo.forEach((anchor, i) => {
        const result = results[i];
        if (!result) return;
        const { status, text, range } = statusOf(result);
        this.drawn.set(anchor.id, { anchor, range, status, text: range ? range.toString() : text });
      });
    }
    this.paint();
    const changed: AnchoringReport[] = [];
    for (const [id, d] of this.drawn) {
      const text = d.status === 'changed' ? d.text : null;
      const key = reportKey(d.status, text);
      if (this.reported.get(id) === key) continue;
      this.reported.set(id, key);
      changed.push({ id, status: d.status, text });
    }
    if (changed.length > 0) await this.report(changed);
  }

  private paint(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    if (!canPaintHighlights(win)) {
      this.wrapAll();
      return;
    }
    const groups = new Map<string, Range[]>();
    for (const d of this.drawn.values()) {
      if (!d.range) continue;
      const { look, css } = paintStyle(d.anchor.kind, d.anchor.color, d.anchor.status);
      const name = this.names.nameFor(look);
      ensureHighlightStyle(this.doc, name, css);
      const list = groups.get(name) ?? [];
      list.push(d.range);
      groups.set(name, list);
    }
    for (const name of this.painted) if (!groups.has(name)) paintRanges(win, name, []);
    for (const [name, ranges] of groups) paintRanges(win, name, ranges);
    this.painted = new Set(groups.keys());
  }

  /** The fallback: wrap new highlights, restyle changed ones, unwrap removed ones. */
  private wrapAll(): void {
    for (const [id, held] of this.wrapped) {
      if (!this.drawn.get(id)?.range) {
        held.wrap.unwrap();
        this.wrapped.delete(id);
      }
    }
    for (const [id, d] of this.drawn) {
      if (!d.range) continue;
      const { look: name, css } = paintStyle(d.anchor.kind, d.anchor.color, d.anchor.status);
      const held = this.wrapped.get(id);
      if (!held) this.wrapped.set(id, { name, wrap: wrapRange(d.range, css) });
      else if (held.name !== name) {
        held.wrap.restyle(css);
        held.name = name;
      }
    }
  }

  /** The article a drawn annotation is stored under, or null when it is not drawn. */
  articleOf(id: string): string | null {
    return this.drawn.get(id)?.anchor.articleUrl ?? null;
  }

  /** The annotation drawn under the point, if any (the last drawn wins where they overlap). */
  hitTest(x: number, y: number): string | null {
    let hit: string | null = null;
    for (const [id, d] of this.drawn) {
      if (!d.range) continue;
      for (const rect of d.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) hit = id;
      }
    }
    return hit;
  }

  /** Scrolls an annotation into view and flashes it; false when it has no place on the page. */
  reveal(id: string): boolean {
    const range = this.drawn.get(id)?.range;
    const win = this.doc.defaultView;
    if (!range || !win) return false;
    const element = range.startContainer.parentElement;
    if (element) scrollToCenter(element);
    const flash = this.names.nameFor('flash');
    ensureHighlightStyle(
      this.doc,
      flash,
      'background-color: rgba(255, 140, 0, 0.75); color: inherit;',
    );
    paintRanges(win, flash, [range]);
    win.setTimeout(() => paintRanges(win, flash, []), 1600);
    return true;
  }

  /** True when the layer holds no annotation at all, drawn or orphaned. */
  get isEmpty(): boolean {
    return this.drawn.size === 0;
  }

  /** How many annotations are painted on the page now. */
  get drawnCount(): number {
    let n = 0;
    for (const d of this.drawn.values()) if (d.range) n++;
    return n;
  }
}
