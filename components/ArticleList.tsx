import type { ArticleRecord } from '@/lib/model';
import type { Async } from './async';
import { shortDate, siteOf } from './format';
import { StatusMessage } from './StatusMessage';

interface Props {
  articles: Async<ArticleRecord[]>;
}

/** "Library": every saved article, most recently saved first. */
export function ArticleList({ articles }: Props) {
  if (articles.status === 'loading') {
    return <StatusMessage kind="loading">Opening your library…</StatusMessage>;
  }
  if (articles.status === 'error') {
    return <StatusMessage kind="error">{articles.error}</StatusMessage>;
  }
  if (articles.value.length === 0) {
    return (
      <StatusMessage kind="empty">
        Your library is empty. Open a news article and choose “Save to library”.
      </StatusMessage>
    );
  }
  return (
    <ul class="article-list" aria-label="Saved articles">
      {articles.value.map((article) => (
        <li key={article.url} class="article-list__item">
          <a href={article.url} target="_blank" rel="noopener noreferrer">
            {article.title || article.url}
          </a>
          <span class="article-list__meta">
            {siteOf(article.url)} · saved {shortDate(article.savedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
