import { anchorInModel } from './anchor';
import { buildTextModel } from './text-model';
import type { AnchorOptions, AnchorResult, Selectors, TextModelOptions } from './types';

/** Options of a whole anchoring pass. */
export interface AnchorAllOptions extends AnchorOptions, TextModelOptions {
  signal?: AbortSignal;
  /**
   * Work for about this long before yielding to the page (ms); default 20, which leaves room
   * for one slow fuzzy match (~20 ms on a long page) inside a 50 ms task.
   */
  budgetMs?: number;
}

interface Scheduler {
  yield?: () => Promise<void>;
}

/**
 * Give the event loop a turn. scheduler.yield() keeps our place in line where it exists;
 * a MessageChannel avoids the 4 ms clamp that nested setTimeout(0) gets in browsers.
 */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Anchor many highlights against one text model, in chunks of about `budgetMs` so that the
 * page stays responsive while many of them need fuzzy matching. Rejects if `signal` aborts.
 */
export async function anchorAll(
  root: Element,
  list: readonly Selectors[],
  options: AnchorAllOptions = {},
): Promise<AnchorResult[]> {
  const { signal, budgetMs = 20 } = options;
  signal?.throwIfAborted();
  let chunkStart = performance.now();
  const model = buildTextModel(root, options);
  const results: AnchorResult[] = [];
  for (const selectors of list) {
    if (performance.now() - chunkStart >= budgetMs) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
      chunkStart = performance.now();
    }
    results.push(anchorInModel(model, selectors, options));
  }
  return results;
}
