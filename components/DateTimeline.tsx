import type { DateMention } from '@/lib/article/types';
import { formatDateValue } from './format';

interface Props {
  dates: DateMention[];
}

/** The dates an article mentions, earliest first, each with the words the text used. */
export function DateTimeline({ dates }: Props) {
  const byValue = new Map<string, Set<string>>();
  for (const date of dates) {
    const texts = byValue.get(date.value) ?? new Set<string>();
    texts.add(date.text);
    byValue.set(date.value, texts);
  }
  // ISO values at mixed precision sort correctly as strings ("2025" < "2025-04" < "2025-04-02").
  const entries = [...byValue.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <p class="muted">No dates mentioned.</p>;
  return (
    <ol class="timeline" aria-label="Dates mentioned">
      {entries.map(([value, texts]) => (
        <li key={value}>
          <time dateTime={value}>{formatDateValue(value)}</time>
          <span class="timeline__text">{[...texts].map((t) => `“${t}”`).join(', ')}</span>
        </li>
      ))}
    </ol>
  );
}
