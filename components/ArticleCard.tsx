import type { Entity } from '@/lib/article/types';
import type { PageArticle, TextAnalysis } from '@/lib/model';
import type { Async } from './async';
import { DateTimeline } from './DateTimeline';
import { EntityGroups } from './EntityGroups';
import { formatPageTime } from './format';
import { StatusMessage } from './StatusMessage';

interface Props {
  article: PageArticle;
  analysis: Async<TextAnalysis | null>;
  marked: string | null;
  onMark: (entity: Entity) => void;
}

/** What Claimmark understood of an article: metadata at once, entities and dates once analysed. */
export function ArticleCard({ article, analysis, marked, onMark }: Props) {
  const meta = article.metadata;
  if (!meta) return null;
  return (
    <div class="article-card">
      <h2 class="article-card__headline">{meta.headline ?? 'Headline not found'}</h2>
      <dl class="facts">
        <dt>By</dt>
        <dd class="article-card__byline">
          {meta.byline.length > 0 ? meta.byline.join(', ') : 'no byline'}
        </dd>
        <dt>Site</dt>
        <dd>{meta.siteName ?? 'not named'}</dd>
        <dt>Published</dt>
        <dd class="article-card__published">
          {meta.published ? formatPageTime(meta.published) : 'no date given'}
        </dd>
        {meta.modified ? (
          <>
            <dt>Updated</dt>
            <dd>{formatPageTime(meta.modified)}</dd>
          </>
        ) : null}
      </dl>
      {analysis.status === 'loading' ? (
        <StatusMessage kind="loading">Reading the article…</StatusMessage>
      ) : analysis.status === 'error' ? (
        <StatusMessage kind="error">Could not read the article: {analysis.error}</StatusMessage>
      ) : analysis.value === null ? (
        <StatusMessage kind="empty">Claimmark found no article text on this page.</StatusMessage>
      ) : (
        <>
          <h3>Dates mentioned</h3>
          <DateTimeline dates={analysis.value.dates} />
          <h3>Named in the article</h3>
          <EntityGroups entities={analysis.value.entities} marked={marked} onMark={onMark} />
        </>
      )}
    </div>
  );
}
