/** Whether the reader can see a frame whole, as the browser judges it. */
export interface FrameVisibility {
  /**
   * True when something covers or fades the frame: asked when the reader acts, it waits until
   * the browser has reported on the moment of the click (reports come at most every 100 ms).
   */
  covered(): Promise<boolean>;
  /** True when this browser can tell (IntersectionObserver v2); false where it cannot. */
  readonly checked: boolean;
  stop(): void;
}

// IntersectionObserver v2 (Chromium): not in TypeScript's DOM types yet.
interface VisibilityInit extends IntersectionObserverInit {
  trackVisibility: boolean;
  delay: number;
}
interface VisibilityEntry extends IntersectionObserverEntry {
  readonly isVisible: boolean;
}

/** The shortest delay the API allows between reports, in milliseconds. */
const DELAY_MS = 100;
/** A rendering frame or so more, for the report to arrive. */
const SETTLE_MS = 60;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The browser's observer and its entry type; injected in tests. */
export interface VisibilityApi {
  Observer: typeof IntersectionObserver | undefined;
  entryPrototype: object | undefined;
}

const browserApi = (): VisibilityApi => ({
  Observer: globalThis.IntersectionObserver,
  entryPrototype: (
    globalThis.IntersectionObserverEntry as typeof IntersectionObserverEntry | undefined
  )?.prototype,
});

/**
 * Watches, from inside an extension frame, whether the page that embeds it covers it with its own
 * element or fades, filters or skews it (the page's own elements over ours, to have the reader
 * click Delete unseen). The browser computes this: the page cannot tell it otherwise.
 */
export function watchFrameVisibility(
  target: Element,
  { Observer, entryPrototype }: VisibilityApi = browserApi(),
): FrameVisibility {
  if (!Observer || !entryPrototype || !('isVisible' in entryPrototype)) {
    return { covered: () => Promise.resolve(false), checked: false, stop: () => undefined };
  }
  // Nothing is known before the first report: a frame the browser never said was visible counts
  // as covered.
  let visible = false;
  const init: VisibilityInit = { trackVisibility: true, delay: DELAY_MS, threshold: [0, 1] };
  const observer = new Observer((entries) => {
    const last = entries.at(-1) as VisibilityEntry | undefined;
    if (last) visible = last.isVisible;
  }, init);
  observer.observe(target);
  return {
    async covered() {
      // A page that covers the frame just before the click is reported within DELAY_MS.
      await wait(DELAY_MS + SETTLE_MS);
      return !visible;
    },
    checked: true,
    stop: () => observer.disconnect(),
  };
}

/** What the editor says when it refuses to act while covered. */
export const COVERED_MESSAGE =
  'The page is covering or fading Claimmark’s editor, so nothing was changed. Scroll until the editor is fully in view and try again, or edit the note in the toolbar popup’s Library.';
