import { anchorInModel } from './anchor';
import { buildTextModel, type TextModel } from './text-model';
import type { VersionDiff } from './version-hint';
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
export function anchorAll(
  root: Element,
  list: readonly Selectors[],
  options: AnchorAllOptions = {},
): Promise<AnchorResult[]> {
  options.signal?.throwIfAborted();
  return anchorAllInModel(buildTextModel(root, options), list, options);
}

/**
 * The same, in a text model already built; `versions[i]`, where given, follows highlight i
 * through the diff from the version it was made on before any search.
 */
export async function anchorAllInModel(
  model: TextModel,
  list: readonly Selectors[],
  options: AnchorAllOptions = {},
  versions: readonly (VersionDiff | null)[] = [],
): Promise<AnchorResult[]> {
  const { signal, budgetMs = 20 } = options;
  signal?.throwIfAborted();
  let chunkStart = performance.now();
  const results: AnchorResult[] = [];
  for (const [i, selectors] of list.entries()) {
    if (performance.now() - chunkStart >= budgetMs) {
      await yieldToEventLoop();
      signal?.throwIfAborted();
      chunkStart = performance.now();
    }
    results.push(anchorInModel(model, selectors, options, versions[i] ?? null));
  }
  return results;
}
