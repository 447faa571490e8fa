import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import { EditorRoot, type EditorTarget } from './EditorRoot';
import { NotePeek } from './NotePeek';
import '@/components/editor/editor.css';
import './page.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The note's article, when the page that opened the editor named it. */
function articleOf(params: URLSearchParams): string | undefined {
  const article = params.get('article');
  if (!article) return undefined;
  try {
    return /^https?:$/.test(new URL(article).protocol) ? article : undefined;
  } catch {
    return undefined;
  }
}

function peekOf(search: string): { id: string; articleUrl?: string } | null {
  const params = new URLSearchParams(search);
  const id = params.get('peek');
  if (!id || !UUID.test(id)) return null;
  const articleUrl = articleOf(params);
  return articleUrl ? { id, articleUrl } : { id };
}

function targetOf(search: string): EditorTarget | null {
  const params = new URLSearchParams(search);
  const draftId = params.get('draft');
  const id = params.get('id');
  if (draftId && UUID.test(draftId)) return { draftId };
  if (id && UUID.test(id)) {
    const articleUrl = articleOf(params);
    return articleUrl ? { id, articleUrl } : { id };
  }
  return null;
}

const root = document.getElementById('app');
const request = createClient((message) => browser.runtime.sendMessage(message));
const peek = peekOf(location.search);
if (root) {
  render(
    peek ? (
      <NotePeek note={peek} request={request} />
    ) : (
      <EditorRoot target={targetOf(location.search)} request={request} />
    ),
    root,
  );
}
