import type { Entity } from '@/lib/article/types';
import type { ArticleMetadata } from '@/lib/article/types';
import type { TextAnalysis } from '@/lib/model';
import type { Async } from './async';
import { BodyAnalysis } from './BodyAnalysis';
import { formatPageTime } from './format';

interface Props {
  metadata: ArticleMetadata;
  /** The body's names and dates; null until the reader asks for them on a page that may not be a story. */
  analysis: Async<TextAnalysis | null> | null;
  marked: string | null;
  onMark: (entity: Entity) => void;
  onAnalyze: () => void;
}

/** What Claimmark understood of a page: its metadata at once, names and dates once its body is read. */
export function ArticleCard({ metadata: meta, analysis, marked, onMark, onAnalyze }: Props) {
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
      <BodyNames analysis={analysis} marked={marked} onMark={onMark} onAnalyze={onAnalyze} />
    </div>
  );
}

/** The body's names and dates, or the button that asks for them. */
export function BodyNames({ analysis, marked, onMark, onAnalyze }: Omit<Props, 'metadata'>) {
  return analysis === null ? (
    <button type="button" class="secondary" onClick={onAnalyze}>
      Find names and dates
    </button>
  ) : (
    <BodyAnalysis analysis={analysis} marked={marked} onMark={onMark} />
  );
}
