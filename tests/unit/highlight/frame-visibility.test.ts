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
  it('answers from the browser’s report on the moment of the click, asking it to track visibility', async () => {
    const fake = fakeApi();
    const watch = watchFrameVisibility({} as Element, fake.api);
    expect(watch.checked).toBe(true);
    expect(fake.options()).toMatchObject({ trackVisibility: true, delay: 100 });
    // Before the browser said the frame is visible, it counts as covered.
    expect(await watch.covered()).toBe(true);
    fake.see(true);
    expect(await watch.covered()).toBe(false);
    // The page covers the frame just as the reader clicks: the report comes while the check waits.
    const asked = watch.covered();
    setTimeout(() => fake.see(false), 50);
    expect(await asked).toBe(true);
    fake.see(false, true);
    expect(await watch.covered()).toBe(false);
    watch.stop();
    expect(fake.disconnected()).toBe(true);
  });

  it('says it cannot tell where the browser has no IntersectionObserver v2 (Firefox)', async () => {
    const fake = fakeApi();
    const watch = watchFrameVisibility({} as Element, { ...fake.api, entryPrototype: {} });
    expect(watch.checked).toBe(false);
    expect(await watch.covered()).toBe(false);
    const none = watchFrameVisibility({} as Element, {
      Observer: undefined,
      entryPrototype: undefined,
    });
    expect(none.checked).toBe(false);
  });
});
