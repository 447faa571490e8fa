import { useId } from 'preact/hooks';
import { CLAIM_STATUSES } from '@/lib/model';
import { CLAIM_STATUS_LABELS, STATUS_COLORS } from './palette';
import type { ClaimStatus } from './types';

interface Props {
  value: ClaimStatus;
  onChange: (status: ClaimStatus) => void;
}

/** A claim's status as native radios (arrow keys move), each with its colour. */
export function StatusPicker({ value, onChange }: Props) {
  const name = useId();
  return (
    <fieldset class="editor__field editor__statuses">
      <legend>Status</legend>
      {CLAIM_STATUSES.map((status) => (
        <label key={status} class="editor__status">
          <input
            type="radio"
            name={name}
            value={status}
            checked={value === status}
            onChange={() => onChange(status)}
          />
          <span class="editor__swatch" style={{ background: STATUS_COLORS[status] }} />
          {CLAIM_STATUS_LABELS[status]}
        </label>
      ))}
    </fieldset>
  );
}
