import type { EntityType } from '../model';

// The records an article reading produces are defined once, with their schemas, in lib/model;
// type-only, so the content script gains no code from it.
export type {
  ArticleDetection,
  ArticleMetadata,
  DateMention,
  DatePrecision,
  Entity,
  EntityHint,
  EntityType,
} from '../model';

/** One occurrence of an entity in a text: character offsets [start, end) into that text. */
export interface EntityMention {
  type: EntityType;
  /** The text as written, e.g. "Zelensky's" trimmed to "Zelensky". */
  text: string;
  start: number;
  end: number;
}
