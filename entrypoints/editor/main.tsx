import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import { decodeEditorAddress } from '@/lib/messaging/editor-address';
import { watchFrameVisibility } from '@/lib/highlight/frame-visibility';
import { EditorRoot } from './EditorRoot';
import { NotePeek } from './NotePeek';
import '@/components/editor/editor.css';
import './page.css';

const root = document.getElementById('app');
const request = createClient((message) => browser.runtime.sendMessage(message));
const address = decodeEditorAddress(location.search);
const visibility = watchFrameVisibility(document.documentElement);
const covered = () => visibility.covered();
if (root) {
  render(
    address?.view === 'peek' ? (
      <NotePeek note={address.note} request={request} />
    ) : (
      <EditorRoot target={address?.target ?? null} request={request} covered={covered} />
    ),
    root,
  );
}
