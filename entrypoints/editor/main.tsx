import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import { EditorRoot, type EditorTarget } from './EditorRoot';
import { NotePeek } from './NotePeek';
import '@/components/editor/editor.css';
import './page.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function peekOf(search: string): string | null {
  const id = new URLSearchParams(search).get('peek');
  return id && UUID.test(id) ? id : null;
}

function targetOf(search: string): EditorTarget | null {
  const params = new URLSearchParams(search);
  const draftId = params.get('draft');
  const id = params.get('id');
  if (draftId && UUID.test(draftId)) return { draftId };
  if (id && UUID.test(id)) return { id };
  return null;
}

const root = document.getElementById('app');
const request = createClient((message) => browser.runtime.sendMessage(message));
const peek = peekOf(location.search);
if (root) {
  render(
    peek ? (
      <NotePeek id={peek} request={request} />
    ) : (
      <EditorRoot target={targetOf(location.search)} request={request} />
    ),
    root,
  );
}
