import * as v from 'valibot';
import { parseHttpUrl } from '../page/normalize-url';
import { PAGE_DATE, RECORD_LIMITS, REPORT_LIMITS } from './limits';

// The field schemas every record is made of. Their messages are for developers (a refused
// message names them); lib/exchange/issues.ts words them for a reader of an import report.

/**
 * Builds an object schema from its entries. Each record is written once against this: the message
 * protocol passes `v.strictObject` (a key nobody declared is refused), an import file `v.object`
 * (a key from a newer version or another tool is ignored).
 */
export type ObjectMaker = <const TEntries extends v.ObjectEntries>(
  entries: TEntries,
) => v.GenericSchema<
  v.InferInput<v.ObjectSchema<TEntries, undefined>>,
  v.InferOutput<v.ObjectSchema<TEntries, undefined>>
>;

/** A string of at most `max` UTF-16 code units. */
export const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A non-empty string of at most `max` UTF-16 code units. */
export const FilledText = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

/** A character offset or a count. */
export const Offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** True for an absolute http(s) URL; the import report and the export's JSON Schema key on it. */
export function isHttpUrl(s: string): boolean {
  return parseHttpUrl(s) !== null;
}

/** An absolute http(s) URL. */
export const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(RECORD_LIMITS.url),
  v.check(isHttpUrl, 'must be an absolute http(s) URL'),
);

/** True when an ISO 8601 time's day exists in the calendar (no 31 February). */
export function isRealDay(s: string): boolean {
  const [y = 0, m = 0, d = 0] = s.slice(0, 10).split('-').map(Number);
  const day = new Date(0);
  // setUTCFullYear, not Date.UTC: that one reads years 0–99 as 1900–1999.
  day.setUTCFullYear(y, m - 1, d);
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** An ISO 8601 time as Claimmark writes its own (`Date#toISOString`), on a day that exists. */
export const IsoTime = v.pipe(v.string(), v.isoTimestamp(), v.check(isRealDay, 'no such day'));

// PAGE_DATE (lib/model/limits.ts) is looser than IsoTime because pages are.

/** A page's published or modified date. */
export const PageDate = v.pipe(
  v.string(),
  v.maxLength(REPORT_LIMITS.date),
  v.regex(PAGE_DATE, 'expected an ISO 8601 day or date-time'),
);

/** A UUID: annotation ids are UUIDs so libraries from two machines merge. */
export const Uuid = v.pipe(v.string(), v.uuid());

/** Why a span is refused; the export's JSON Schema keys on it. */
export const SPAN_ORDER = 'start is after end';

/** The span schema, refusing a span [start, end) whose start is after its end. */
export function ordered<TSchema extends v.GenericSchema<{ start: number; end: number }>>(
  schema: TSchema,
) {
  return v.pipe(
    schema,
    v.check((span: v.InferOutput<TSchema>) => span.start <= span.end, SPAN_ORDER),
  );
}
