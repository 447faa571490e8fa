import type { AnchorStatus, AnnotationFields, ClaimStatus, HighlightColor } from '@/lib/model';

// One definition of the scales: lib/model.ts is what the database stores.
export type { ClaimStatus, HighlightColor };

/** The fields of one annotation that the editor changes (status is null for highlights). */
export type EditorValue = AnnotationFields;

/** The annotation editor's inputs; mount it with `key={annotation id}` to edit another one. */
export interface EditorProps {
  /** The passage as the reader selected it. */
  quote: string;
  /** How the passage last anchored on the page, or null when it was never checked. */
  anchoring: { status: AnchorStatus; text: string | null } | null;
  initial: EditorValue;
  /** New annotations have no Delete. */
  isNew: boolean;
  /** Tags already used in the library, offered as completions. */
  knownTags: string[];
  onSave(value: EditorValue): Promise<void>;
  onCancel(): void;
  onDelete(): Promise<void>;
  onUndo(): Promise<void>;
}
