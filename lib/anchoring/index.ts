/** Highlight anchoring: describe a Range as W3C selectors and find it again on a changed page. */
export { anchor, anchorInModel, DEFAULT_ANCHOR_OPTIONS } from './anchor';
export { anchorAll, type AnchorAllOptions } from './anchor-all';
export { describe, describeInModel, describeOffsets, CONTEXT_LENGTH } from './describe';
export { buildTextModel, rangeFromOffsets, offsetsFromRange, type TextModel } from './text-model';
export type * from './types';
