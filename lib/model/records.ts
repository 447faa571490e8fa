import * as v from 'valibot';
import { ANCHOR_STATUSES, annotationSchemas, HIGHLIGHT_COLORS } from './annotation';
import { articleSchemas, DATE_PRECISIONS, ENTITY_TYPES } from './article';
import type { ObjectMaker } from './fields';
import { pageReportSchemas } from './page-report';

// Every record as the extension itself holds it: strict schemas (a key nobody declared is
// refused), which the message protocol checks both ends against, and the types inferred from
// them. An import file reads the same records leniently (lib/exchange/schema.ts).

const strict: ObjectMaker = v.strictObject;
const article = articleSchemas(strict);
const annotation = annotationSchemas(strict);
const page = pageReportSchemas(strict, article);

/** Schema of what the detector made of a page: article or not, and why. */
export const ArticleDetectionSchema = article.ArticleDetection;
/** Schema of what a page says about itself. */
export const ArticleMetadataSchema = article.ArticleMetadata;
/** Schema of the background's reading of an article body. */
export const TextAnalysisSchema = article.TextAnalysis;
/** Schema of a stored article. */
export const ArticleRecordSchema = article.ArticleRecord;
/** Schema of a name a page declares about itself. */
export const EntityHintSchema = page.EntityHint;
/** Schema of a page's article as the content script reads it. */
export const PageArticleSchema = page.PageArticle;
/** Schema of a page report, as the content script of a tab sends it. */
export const PageReportSchema = page.PageReport;
/** Schema of what the background holds about one tab. */
export const TabStateSchema = page.TabState;
/** Schema of an annotation's W3C selectors. */
export const SelectorsSchema = annotation.Selectors;
/** Schema of an annotation's last anchoring result. */
export const AnchoringStateSchema = annotation.AnchoringState;
/** Schema of how one annotation came back on its page, as the content script reports it. */
export const AnchoringResultSchema = annotation.AnchoringResult;
/** Schema of another device's version of a note kept after a simultaneous edit. */
export const NoteConflictSchema = annotation.NoteConflict;
/** Schema of a stored annotation. */
export const AnnotationRecordSchema = annotation.AnnotationRecord;
/** Schema of what a content script may know of an annotation to draw it. */
export const AnnotationAnchorSchema = annotation.AnnotationAnchor;
/** Schema of the fields a reader edits. */
export const AnnotationFieldsSchema = annotation.AnnotationFields;
/** Schema of a selection about to be annotated. */
export const AnnotationDraftSchema = annotation.AnnotationDraft;
/** Schema of what the editor shows. */
export const EditorDataSchema = annotation.EditorData;
/** Schema of a highlight colour. */
export const HighlightColorSchema = v.picklist(HIGHLIGHT_COLORS);

/** One kind of named entity. */
export type EntityType = (typeof ENTITY_TYPES)[number];
/** How precise a resolved date is. */
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
/** Is this page an article, and why the extractor thinks so. */
export type ArticleDetection = v.InferOutput<typeof ArticleDetectionSchema>;
/** What the page says about itself; null/empty where it says nothing (never a guess). */
export type ArticleMetadata = v.InferOutput<typeof ArticleMetadataSchema>;
/** An entity of a document with its aliases merged ("Trump" into "Donald Trump"). */
export type Entity = v.InferOutput<typeof article.Entity>;
/** A date mentioned in a text, resolved against the publication date. */
export type DateMention = v.InferOutput<typeof article.DateMention>;
/** The background's reading of an article body: its entities and the dates it mentions. */
export type TextAnalysis = v.InferOutput<typeof TextAnalysisSchema>;
/** The article as stored once the reader saves or annotates it. */
export type StoredArticleFacts = v.InferOutput<typeof article.StoredArticleFacts>;
/** One saved article: the library's unit, keyed by its normalised canonical URL. */
export type ArticleRecord = v.InferOutput<typeof ArticleRecordSchema>;
/** A name the page declares about itself (JSON-LD about/mentions/author, keywords). */
export type EntityHint = v.InferOutput<typeof EntityHintSchema>;
/** What the content script learnt about a page's article: cheap DOM reads only. */
export type PageArticle = v.InferOutput<typeof PageArticleSchema>;
/** A page as the content script reports it: read from the DOM, nothing derived. */
export type PageReport = v.InferOutput<typeof PageReportSchema>;
/** What the background knows about one tab, held in session memory only. */
export type TabState = v.InferOutput<typeof TabStateSchema>;
/** What is stored for one highlight: the quote is what anchors it, the position is a hint. */
export type Selectors = v.InferOutput<typeof SelectorsSchema>;
/** W3C Web Annotation TextQuoteSelector: the passage, with a little of the text around it. */
export type TextQuoteSelector = Selectors['quote'];
/** W3C Web Annotation TextPositionSelector: offsets into the root's rendered text. */
export type TextPositionSelector = NonNullable<Selectors['position']>;
/** How a highlight last came back on its page. */
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];
/** The last anchoring result of an annotation. */
export type AnchoringState = v.InferOutput<typeof AnchoringStateSchema>;
/** One highlight or claim on an article; ids are UUIDs so libraries from two machines merge. */
export type AnnotationRecord = v.InferOutput<typeof AnnotationRecordSchema>;
/** The kinds of annotation a reader makes. */
export type AnnotationKind = AnnotationRecord['kind'];
/** One step of the claim scale. */
export type ClaimStatus = NonNullable<AnnotationRecord['status']>;
/** One highlight colour. */
export type HighlightColor = AnnotationRecord['color'];
/** Another device's version of a note kept after a simultaneous edit, until the reader settles it. */
export type NoteConflict = v.InferOutput<typeof NoteConflictSchema>;
/** What the content script needs to draw an annotation: never its note or tags. */
export type AnnotationAnchor = v.InferOutput<typeof AnnotationAnchorSchema>;
/** The fields a reader edits. */
export type AnnotationFields = v.InferOutput<typeof AnnotationFieldsSchema>;
/** A selection the reader is about to annotate: held in memory until the editor saves it. */
export type AnnotationDraft = v.InferOutput<typeof AnnotationDraftSchema>;
/** What the editor needs to show: never sent to a content script. */
export type EditorData = v.InferOutput<typeof EditorDataSchema>;
