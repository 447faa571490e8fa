import * as v from 'valibot';
import { HttpUrl, IsoTime, Text } from './fields';

// What the reader sets once for the exports (issue 15): who reviews, and how each claim status
// reads in a ClaimReview. Kept in the extension's storage, carried in a Claimmark export.

/** The claim statuses a ClaimReview is made for: every one but "unverified". */
export const REVIEWED_STATUSES = ['supported', 'disputed', 'misleading', 'false'] as const;

/** A status as a ClaimReview rates it: its label and its place on the 1–5 scale. */
export const RatingSchema = v.object({
  label: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  value: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5)),
});

/** The reviewer named as a ClaimReview's author. */
export const ReviewerSchema = v.object({
  /** The person reviewing; may be empty when the organisation signs. */
  name: Text(200),
  organization: Text(200),
  url: v.nullable(HttpUrl),
});

/** The formats the popup exports to, in the order it offers them. */
export const EXPORT_FORMATS = [
  'claimmark',
  'w3c',
  'markdown',
  'csl',
  'vault',
  'claimreview',
] as const;

/** The export settings, as stored and as carried in an export. */
export const ExportSettingsSchema = v.object({
  reviewer: ReviewerSchema,
  ratings: v.object({
    supported: RatingSchema,
    disputed: RatingSchema,
    misleading: RatingSchema,
    false: RatingSchema,
  }),
  /** The format the popup offers first (settings written before it existed: Claimmark JSON). */
  defaultFormat: v.optional(v.picklist(EXPORT_FORMATS), 'claimmark'),
  /** When the reader last saved them: the later of two devices' saves wins in sync (issue 16). */
  updatedAt: v.optional(IsoTime),
});

/** A status's rating. */
export type Rating = v.InferOutput<typeof RatingSchema>;
/** The reviewer. */
export type Reviewer = v.InferOutput<typeof ReviewerSchema>;
/** The export settings. */
export type ExportSettings = v.InferOutput<typeof ExportSettingsSchema>;

/** The settings before the reader changes any: no reviewer, the statuses on a 1–5 scale. */
export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  reviewer: { name: '', organization: '', url: null },
  ratings: {
    supported: { label: 'Supported', value: 5 },
    disputed: { label: 'Disputed', value: 3 },
    misleading: { label: 'Misleading', value: 2 },
    false: { label: 'False', value: 1 },
  },
  defaultFormat: 'claimmark',
};

/** Where the settings are kept in the extension's local storage. */
export const SETTINGS_KEY = 'exportSettings';

/**
 * The settings stored under SETTINGS_KEY, validated: the defaults when none are stored or what is
 * stored is not valid (written by an older build, or damaged).
 */
export function settingsFrom(stored: unknown): ExportSettings {
  const result = v.safeParse(ExportSettingsSchema, stored);
  return result.success ? result.output : DEFAULT_EXPORT_SETTINGS;
}
