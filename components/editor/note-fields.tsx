import type { AnnotationFields } from '@/lib/model';
import { CLAIM_STATUS_LABELS, HIGHLIGHT_COLOR_LABELS } from './palette';
import './note-fields.css';

/** One version of a note's reader fields as a list of terms, for reading (never editing). */
export function NoteFieldList({ fields }: { fields: AnnotationFields }) {
  const claim = fields.kind === 'claim';
  return (
    <dl class="note-fields">
      <dt>Kind</dt>
      <dd>
        {claim
          ? `Claim: ${CLAIM_STATUS_LABELS[fields.status ?? 'unverified']}`
          : `Highlight (${HIGHLIGHT_COLOR_LABELS[fields.color].toLowerCase()})`}
      </dd>
      <dt>Note</dt>
      <dd class="note-fields__note">{fields.note === '' ? '—' : fields.note}</dd>
      <dt>Tags</dt>
      <dd>{fields.tags.length > 0 ? fields.tags.map((t) => `#${t}`).join(' ') : '—'}</dd>
      <dt>Evidence</dt>
      <dd>
        {fields.evidence.length > 0 ? (
          <ul>
            {fields.evidence.map((link) => (
              <li key={link}>
                <a href={link} target="_blank" rel="noopener noreferrer">
                  {link}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          '—'
        )}
      </dd>
    </dl>
  );
}
