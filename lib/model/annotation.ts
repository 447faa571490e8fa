import * as v from 'valibot';
import {
  FilledText,
  HttpUrl,
  IsoTime,
  type ObjectMaker,
  Offset,
  ordered,
  PageDate,
  Text,
  Uuid,
} from './fields';
import { VersionNumber } from './version';
import { RECORD_LIMITS as R } from './limits';

/** The kinds of annotation a reader makes. */
export const ANNOTATION_KINDS = ['highlight', 'claim'] as const;

/** A claim's standing, from not yet checked to shown wrong; the order is the scale's. */
export const CLAIM_STATUSES = [
  'unverified',
  'supported',
  'disputed',
  'misleading',
  'false',
] as const;

/** The colours a reader can give a highlight. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** How a highlight last came back on its page: as it was, on edited text, or not at all. */
export const ANCHOR_STATUSES = ['anchored', 'changed', 'orphan'] as const;

const Kind = v.picklist(ANNOTATION_KINDS);
/** Claims only; null for plain highlights. */
const Status = v.nullable(v.picklist(CLAIM_STATUSES));
const Color = v.picklist(HIGHLIGHT_COLORS);
const Quote = FilledText(R.quote);
const Note = Text(R.note);
/** Links to evidence (http(s) URLs). */
const Evidence = v.pipe(v.array(HttpUrl), v.maxLength(R.evidence));
const Tag = FilledText(R.tag);

/**
 * The schemas of an annotation and of its parts as they travel (a draft, an anchor, the edited
 * fields), built with `object` (strict for messages, lenient for import files).
 */
export function annotationSchemas(object: ObjectMaker) {
  // What is stored for one highlight: the quote is what anchors it, the position is a hint
  // (W3C Web Annotation TextQuoteSelector and TextPositionSelector).
  const Selectors = object({
    quote: object({
      type: v.literal('TextQuoteSelector'),
      /** The passage exactly as it was on the page. */
      exact: Quote,
      /** The text right before the passage (white space runs collapsed to one space). */
      prefix: Text(R.context),
      /** The text right after the passage (white space runs collapsed to one space). */
      suffix: Text(R.context),
    }),
    /** Offsets into the root's rendered text (lib/anchoring/text-model.ts). */
    position: v.optional(
      ordered(object({ type: v.literal('TextPositionSelector'), start: Offset, end: Offset })),
    ),
  });

  const seen = {
    status: v.picklist(ANCHOR_STATUSES),
    /** The text it landed on, when that differs from the quote; null otherwise. */
    text: v.nullable(Text(R.quote)),
  };

  // The last anchoring result of an annotation.
  const AnchoringState = object({
    ...seen,
    /** When a page last showed this result (renewed at most daily while it stays the same). */
    checkedAt: IsoTime,
  });

  // How one annotation came back on its page, as the content script reports it.
  const AnchoringResult = object({ id: Uuid, ...seen });

  // The reader's fields of a note as another device had them when both were edited at once
  // (issue 16): kept on the note until the reader settles which stands.
  const NoteConflict = object({
    /** When that other edit was made. */
    at: IsoTime,
    /** Who made it, when the note is signed. */
    author: v.optional(Text(R.author)),
    fields: object({
      kind: Kind,
      note: Note,
      status: Status,
      evidence: Evidence,
      tags: v.pipe(v.array(Tag), v.maxLength(R.tags)),
      color: Color,
    }),
  });

  // One highlight or claim on an article; ids are UUIDs so libraries from two machines merge.
  const AnnotationRecord = object({
    id: Uuid,
    articleUrl: HttpUrl,
    kind: Kind,
    selectors: Selectors,
    /** The passage as it was when the reader selected it. */
    quote: Quote,
    note: Note,
    status: Status,
    evidence: Evidence,
    tags: v.pipe(v.array(Tag), v.maxLength(R.tags)),
    color: Color,
    createdAt: IsoTime,
    modifiedAt: IsoTime,
    /** The article's modified date when the passage was selected (W3C TimeState sourceDate). */
    articleModified: v.nullable(PageDate),
    anchoring: v.nullable(AnchoringState),
    /** The stored version of the article's text the passage was selected on (issue 14). */
    version: v.optional(VersionNumber),
    /** Who made it, in a library shared through sync; absent for a reader's own unsigned notes. */
    author: v.optional(Text(R.author)),
    /** Other devices' versions of it that lost a simultaneous edit, until the reader settles them. */
    conflicts: v.optional(v.pipe(v.array(NoteConflict), v.maxLength(R.conflicts))),
  });

  // What the content script needs to draw an annotation: never its note or tags.
  const AnnotationAnchor = object({
    id: Uuid,
    /** The article it is stored under (the page's own article key). */
    articleUrl: HttpUrl,
    kind: Kind,
    status: Status,
    color: Color,
    selectors: Selectors,
    /** The version of the text its selectors were made on, when one is stored. */
    version: v.optional(VersionNumber),
  });

  // The fields a reader edits; notes are plain text, evidence http(s) links.
  const AnnotationFields = object({
    kind: Kind,
    note: Note,
    status: Status,
    evidence: Evidence,
    // A tag typed with spaces around it is the same tag.
    tags: v.pipe(v.array(v.pipe(v.string(), v.trim(), Tag)), v.maxLength(R.tags)),
    color: Color,
  });

  // A selection the reader is about to annotate: held in memory until the editor saves it.
  const AnnotationDraft = object({ kind: Kind, selectors: Selectors, quote: Quote });

  // What the editor needs to show: never sent to a content script.
  const EditorData = object({
    quote: Quote,
    anchoring: v.nullable(object(seen)),
    value: AnnotationFields,
    isNew: v.boolean(),
    knownTags: v.array(Tag),
    /** Who made it, when that is not the reader: such a note is shown, never edited (issue 16). */
    author: v.optional(Text(R.author)),
    /** Other devices' versions of an own note, for the reader to settle (issue 16). */
    conflicts: v.optional(v.pipe(v.array(NoteConflict), v.maxLength(R.conflicts))),
  });

  return {
    Selectors,
    AnchoringState,
    AnchoringResult,
    NoteConflict,
    AnnotationRecord,
    AnnotationAnchor,
    AnnotationFields,
    AnnotationDraft,
    EditorData,
  };
}

/** The annotation schemas built by annotationSchemas. */
export type AnnotationSchemas = ReturnType<typeof annotationSchemas>;
