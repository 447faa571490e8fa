import { describe, expect, it } from 'vitest';
import { watchFrameVisibility, type VisibilityApi } from '@/lib/highlight/frame-visibility';

/** A stand-in for IntersectionObserver v2 that the test drives. */
function fakeApi() {
  let report: ((entries: { isVisible: boolean }[]) => void) | null = null;
  let options: unknown = null;
  let disconnected = false;
  class Observer {
    constructor(callback: (entries: { isVisible: boolean }[]) => void, init: unknown) {
      report = callback;
      options = init;
    }
    observe() {}
    disconnect() {
      disconnected = true;
    }
  }
  const api = {
    Observer: Observer as unknown as typeof IntersectionObserver,
    entryPrototype: { isVisible: false },
  } satisfies VisibilityApi;
  return {
    api,
    see: (...visible: boolean[]) => report?.(visible.map((isVisible) => ({ isVisible }))),
    options: () => options,
    disconnected: () => disconnected,
  };
}

describe('whether the page covers the editor frame', () => {
  it('follows the browser’s latest report, asking it to track visibility', () => {
    const fake = fakeApi();
    const watch = watchFrameVisibility({} as Element, fake.api);
    expect(watch.checked).toBe(true);
    expect(fake.options()).toMatchObject({ trackVisibility: true, delay: 100 });
    // Before the first report the reader's click is not refused.
    expect(watch.covered()).toBe(false);
    fake.see(false);
    expect(watch.covered()).toBe(true);
    fake.see(false, true);
    expect(watch.covered()).toBe(false);
    watch.stop();
    expect(fake.disconnected()).toBe(true);
  });

  it('says it cannot tell where the browser has no IntersectionObserver v2 (Firefox)', () => {
    const fake = fakeApi();
    const watch = watchFrameVisibility({} as Element, { ...fake.api, entryPrototype: {} });
    expect(watch.checked).toBe(false);
    expect(watch.covered()).toBe(false);
    expect(
      watchFrameVisibility({} as Element, { Observer: undefined, entryPrototype: undefined })
        .checked,
    ).toBe(false);
  });
});
