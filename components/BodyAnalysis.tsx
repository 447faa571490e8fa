import type { Entity } from '@/lib/article/types';
import type { TextAnalysis } from '@/lib/model';
import { ANALYSED_LANGUAGES } from '@/lib/article/language/analysed';
import type { Async } from './async';
import { DateTimeline } from './DateTimeline';
import { EntityGroups } from './EntityGroups';
import { languageName } from './format';
import { StatusMessage } from './StatusMessage';

interface Props {
  analysis: Async<TextAnalysis | null>;
  marked: string | null;
  onMark: (entity: Entity) => void;
}

/** The names and dates of a page's body, or why there are none. */
export function BodyAnalysis({ analysis, marked, onMark }: Props) {
  if (analysis.status === 'loading') {
    return <StatusMessage kind="loading">Reading the article…</StatusMessage>;
  }
  if (analysis.status === 'error') {
    return <StatusMessage kind="error">Could not read the article: {analysis.error}</StatusMessage>;
  }
  const value = analysis.value;
  if (value === null) {
    return (
      <StatusMessage kind="empty">Claimmark found no article text on this page.</StatusMessage>
    );
  }
  // Analyses stored before languages were told apart were all English.
  const language = value.language ?? 'en';
  if (!ANALYSED_LANGUAGES.includes(language)) {
    const name = languageName(language);
    return (
      <p class="notice notice--language">
        {name
          ? `This story seems to be in ${name}. `
          : 'Claimmark could not tell what language this text is in. '}
        Names are recognised in English stories for now, and so are dates in the text.
      </p>
    );
  }
  return (
    <>
      <h3>Dates mentioned</h3>
      <DateTimeline dates={value.dates} />
      <h3>Named in the article</h3>
      <EntityGroups entities={value.entities} marked={marked} onMark={onMark} />
    </>
  );
}
