// What the popup shows of an import: before the reader confirms it, and once it is written.

/** What an import would do, shown before the reader confirms it. */
export interface ImportPreview {
  fileName: string;
  added: number;
  updated: number;
  skipped: { where: string; reason: string }[];
  articlesAdded: number;
  articlesUpdated: number;
  /** Versions of stories' text new to the library. */
  versionsAdded: number;
}

/** The import's outcome after it was written. */
export interface ImportOutcome {
  added: number;
  updated: number;
  skipped: number;
  articlesAdded: number;
  articlesUpdated: number;
  /** Versions of stories' text new to the library. */
  versionsAdded: number;
}
