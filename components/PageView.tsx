import type { TabState } from '@/lib/model';
import type { Async } from './async';
import { siteOf } from './format';
import { StatusMessage } from './StatusMessage';

interface Props {
  state: Async<TabState | null>;
  saving: boolean;
  saveError: string | null;
  onSave: () => void;
}

/** "This page": what the current tab reported, and the action that saves it. */
export function PageView({ state, saving, saveError, onSave }: Props) {
  if (state.status === 'loading')
    return <StatusMessage kind="loading">Reading this page…</StatusMessage>;
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
  return (
    <article class="page-card" aria-label="This page">
      <h2 class="page-card__title">{report.title || 'Untitled page'}</h2>
      <p class="page-card__site">{siteOf(report.url)}</p>
      <dl class="page-card__facts">
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
    </article>
  );
}
