import type { ArticleMetadata, Entity } from '@/lib/article/types';
import type { AnnotationRecord, TabState, TextAnalysis } from '@/lib/model';
import { AnnotationList } from './AnnotationList';
import { ArticleCard, BodyNames } from './ArticleCard';
import type { Async } from './async';
import { siteOf } from './format';
import { StatusMessage } from './StatusMessage';
import type { StoryChange } from '@/lib/versions/changes';

interface Props {
  state: Async<TabState | null>;
  /** Null until asked for, on a page that may not be a story. */
  analysis: Async<TextAnalysis | null> | null;
  saving: boolean;
  saveError: string | null;
  marked: string | null;
  markNote: string | null;
  annotations: Async<AnnotationRecord[]>;
  /** How the story changed since the reader marked it; null when it did not. */
  change: StoryChange | null;
  /** The diff page comparing the version the reader marked with the newest. */
  diffHref: string | null;
  onReveal: (annotation: AnnotationRecord) => void;
  onSave: () => void;
  onMark: (entity: Entity) => void;
  onAnalyze: () => void;
}

/** "This story changed since you marked it (3 passages affected)." */
export function changeSentence({ affected }: StoryChange): string {
  const passages =
    affected === 0
      ? 'your passages are all still there'
      : `${String(affected)} ${affected === 1 ? 'passage' : 'passages'} affected`;
  return `This story changed since you marked it (${passages}).`;
}

/** True when a page's metadata names anything a card would show (a text file's names nothing). */
function saysSomething(meta: ArticleMetadata): boolean {
  return meta.headline !== null || meta.byline.length > 0 || meta.published !== null;
}

/** "This page": what the current tab reported, what Claimmark understood of it, and Save. */
export function PageView(props: Props) {
  const { state, analysis, saving, saveError, marked, markNote, onSave, onMark } = props;
  const { annotations, change, diffHref, onReveal, onAnalyze } = props;
  if (state.status === 'loading') {
    return <StatusMessage kind="loading">Reading this page…</StatusMessage>;
  }
  if (state.status === 'error') {
    return (
      <StatusMessage kind="error">Claimmark could not read this tab: {state.error}</StatusMessage>
    );
  }
  if (!state.value) {
    return (
      <StatusMessage kind="empty">
        Nothing to show for this tab. Claimmark works on web pages (http and https); if this is one,
        reload it.
      </StatusMessage>
    );
  }
  const { report, saved } = state.value;
  const article = report.article;
  const isArticle = article?.detection.isArticle === true;
  return (
    <article class="page-card" aria-label="This page">
      {isArticle ? null : (
        <div class="notice" role="note">
          <p>
            This page may not be a news story. Claimmark shows what the page says about itself; you
            can still find the names and dates in it, highlight and save it.
          </p>
          {article && article.detection.reasons.length > 0 ? (
            <details class="reasons">
              <summary>Why</summary>
              <ul>
                {article.detection.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      )}
      {article?.metadata && saysSomething(article.metadata) ? (
        <ArticleCard
          metadata={article.metadata}
          analysis={analysis}
          marked={marked}
          onMark={onMark}
          onAnalyze={onAnalyze}
        />
      ) : (
        <>
          <h2 class="page-card__title">{report.title || 'Untitled page'}</h2>
          {article ? (
            <BodyNames analysis={analysis} marked={marked} onMark={onMark} onAnalyze={onAnalyze} />
          ) : null}
        </>
      )}
      {markNote ? (
        <p class="mark-note" role="status">
          {markNote}
        </p>
      ) : null}
      <p class="page-card__site">{siteOf(report.url)}</p>
      <dl class="facts">
        <dt>Address</dt>
        <dd class="page-card__url">{report.url}</dd>
        <dt>Canonical</dt>
        <dd class="page-card__url">{report.canonicalUrl ?? 'none given'}</dd>
      </dl>
      <div class="page-card__actions">
        <button type="button" class="primary" onClick={onSave} disabled={saved || saving}>
          {saved ? 'Saved' : saving ? 'Saving…' : 'Save to library'}
        </button>
      </div>
      {saveError ? <StatusMessage kind="error">Could not save: {saveError}</StatusMessage> : null}
      <h3 class="section-title">Highlights and claims</h3>
      {change ? (
        <p class="notice story-changed" role="status">
          {changeSentence(change)}{' '}
          {diffHref ? (
            <a href={diffHref} target="_blank" rel="noopener noreferrer">
              See what changed
            </a>
          ) : null}
        </p>
      ) : null}
      <AnnotationList annotations={annotations} onReveal={onReveal} />
    </article>
  );
}
