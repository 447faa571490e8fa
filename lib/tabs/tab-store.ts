import * as v from 'valibot';
import type { PageReport } from '../model';
import { PageReportSchema } from '../model';

/** The subset of a `storage.session`-like area the tab store needs. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** What one tab last reported, kept in session memory so nothing reaches the disk. */
export interface TabStore {
  get(tabId: number): Promise<PageReport | null>;
  set(tabId: number, report: PageReport): Promise<void>;
  remove(tabId: number): Promise<void>;
}

const keyOf = (tabId: number) => `tab:${tabId}`;

/** A session area held in a Map: for tests, and for browsers without `storage.session`. */
export function memoryArea(): SessionArea {
  const map = new Map<string, unknown>();
  return {
    get(key) {
      return Promise.resolve(map.has(key) ? { [key]: map.get(key) } : {});
    },
    set(items) {
      for (const [key, value] of Object.entries(items)) map.set(key, structuredClone(value));
      return Promise.resolve();
    },
    remove(key) {
      map.delete(key);
      return Promise.resolve();
    },
  };
}

/** Creates a tab store over a session area; a stored value that fails validation reads as null. */
export function createTabStore(area: SessionArea): TabStore {
  return {
    async get(tabId) {
      const key = keyOf(tabId);
      const parsed = v.safeParse(PageReportSchema, (await area.get(key))[key]);
      return parsed.success ? parsed.output : null;
    },
    async set(tabId, report) {
      await area.set({ [keyOf(tabId)]: report });
    },
    async remove(tabId) {
      await area.remove(keyOf(tabId));
    },
  };
}
