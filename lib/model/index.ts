// The domain model: every record defined once (see docs/ARCHITECTURE.md, "The model").
export {
  ANCHOR_STATUSES,
  ANNOTATION_KINDS,
  annotationSchemas,
  CLAIM_STATUSES,
  HIGHLIGHT_COLORS,
} from './annotation';
export { articleSchemas, DATE_PRECISIONS, ENTITY_TYPES } from './article';
export type { ObjectMaker } from './fields';
export { RECORD_LIMITS, REPORT_LIMITS } from './limits';
export { pageReportSchemas } from './page-report';
export { keepSeenAt } from './seen-at';
export * from './records';
