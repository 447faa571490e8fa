import { useEffect, useState } from 'preact/hooks';
import { CLAIM_STATUS_LABELS, STATUS_COLORS } from '@/components/editor/palette';
import type { Client } from '@/lib/messaging/client';
import type { EditorData } from '@/lib/model';

interface Props {
  /** The note, and its article when the page named it. */
  note: { id: string; articleUrl?: string };
  request: Client;
}

/** What hovering a highlight shows: the claim's status and the first line of its note. */
export function NotePeek({ note, request }: Props) {
  const [data, setData] = useState<EditorData | null>(null);
  useEffect(() => {
    request('editor.load', note).then(setData, () => setData(null));
  }, [note, request]);
  if (!data) return null;
  const { status, note: text } = data.value;
  const line = text.split('\n', 1)[0]?.trim() || 'No note. Click the highlight to write one.';
  return (
    <div class="peek" role="tooltip">
      {status ? (
        <strong class="peek__status" style={{ color: STATUS_COLORS[status] }}>
          {CLAIM_STATUS_LABELS[status]}
        </strong>
      ) : null}
      <span class="peek__note">{line}</span>
    </div>
  );
}
