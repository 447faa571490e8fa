import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractBody } from '@/lib/article/body';
import { readArticle } from '@/lib/article/read-article';
import { buildTextModel } from '@/lib/anchoring/text-model';
import { VERSION_TEXT_LIMIT } from '@/lib/model/version';
import { createClient } from '@/lib/messaging/client';
import { MAX_BODY_CHARS } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/sender';
import { readPageInfo } from '@/lib/page/page-info';
import { Annotator } from '@/lib/highlight/annotator';
import { HighlightLayer } from '@/lib/highlight/highlight-layer';
import { markTerms } from '@/lib/highlight/mark-terms';
import { showNotice } from '@/lib/highlight/notice';
import { createPaintNames } from '@/lib/highlight/paint-names';
import { isOwnUi } from '@/lib/highlight/ui-host';
import { showToolbar } from './toolbar';

const SHORTCUTS: Record<string, 'highlight' | 'claim'> = { KeyH: 'highlight', KeyC: 'claim' };

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT would also announce each start to the page by postMessage, naming the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // WXT stops a content script when a newer copy of it announces its start with a DOM event,
    // and a page can dispatch that event too. A newer copy only matters after an update, and
    // then this copy's runtime is gone: stop for that, never for the event alone. (A capture
    // listener on window runs before WXT's on document.)
    const started = `${browser.runtime.id}:content:wxt:content-script-started`;
    const onStarted = (event: Event) => {
      event.stopImmediatePropagation();
      if ((browser.runtime as { id?: string } | undefined)?.id == null) ctx.notifyInvalidated();
    };
    window.addEventListener(started, onStarted, { capture: true });
    ctx.onInvalidated(() => window.removeEventListener(started, onStarted, { capture: true }));

    const request = createClient((message) => browser.runtime.sendMessage(message));
    const quietly = (work: Promise<unknown>) => void work.catch(() => undefined);

    const names = createPaintNames();
    const layer = new HighlightLayer(
      document,
      () => request('annotations.forPage', {}),
      async (results) => {
        await request('annotations.anchored', { results });
      },
      names,
      async (text) => (await request('annotations.remap', { text })).hints,
    );
    const annotator = new Annotator({
      doc: document,
      request,
      layer,
      editorUrl: (query) => `${browser.runtime.getURL('/editor.html')}?${query}`,
      showToolbar,
      notify: (message, rect) => void showNotice(document, rect, message),
    });

    // Set by any change to the page outside Claimmark's own UI since the last report: a story
    // rendered late is read again when the popup opens, a page that never changes costs nothing.
    let changed = false;
    let reportedUrl: string | null = null;
    const report = async () => {
      changed = false;
      if (ctx.isInvalid) return;
      const basics = readPageInfo(document, location.href);
      if (!basics) return;
      const article = readArticle(document, basics.url);
      // A failed report (extension reloaded, background restarting) only means the popup shows
      // less for this tab; the page must never see an error from us. It is tried again on the
      // next refresh.
      const { saved } = await request('page.report', { ...basics, article }).catch(
        (error: unknown) => {
          changed = true;
          throw error;
        },
      );
      reportedUrl = basics.url;
      // Annotating saves the article, so a page not in the library has nothing to draw: most
      // pages cost no annotation query. (After a single-page navigation, old marks are cleared.)
      if (saved || !layer.isEmpty) await layer.refresh();
    };

    // Only the extension itself can reach this listener (runtime messaging); the router still
    // checks the sender and every payload, and the content script never listens to the page.
    const route = createRouter('content', {
      'page.refresh': async () => {
        if (!changed) return { reread: false };
        await report();
        return { reread: true };
      },
      'page.body': () => {
        const body = extractBody(document, location.href);
        return Promise.resolve(body ? { text: body.text.slice(0, MAX_BODY_CHARS) } : null);
      },
      'page.text': () => {
        const text = buildTextModel(document.body, { exclude: isOwnUi }).text;
        return Promise.resolve({ text: text.slice(0, VERSION_TEXT_LIMIT) });
      },
      'page.mark': ({ terms }) =>
        Promise.resolve({ marked: markTerms(document, terms, names.nameFor('entity')) }),
      'page.annotationsChanged': async () => {
        await layer.refresh();
        return { drawn: layer.drawnCount };
      },
      'page.closeEditor': ({ editor }) =>
        Promise.resolve({ closed: annotator.closeEditorFrame(editor) }),
      'page.act': async ({ action }) => ({ done: await annotator.act(action) }),
      'page.reveal': ({ id }) => Promise.resolve({ revealed: layer.reveal(id) }),
    });
    const extensionBase = browser.runtime.getURL('/');
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) =>
      route(message, classifySender(sender, browser.runtime.id, extensionBase));
    // webextension-polyfill sends the resolved value of a returned promise as the reply.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    browser.runtime.onMessage.addListener(onMessage);
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // The reader's gestures. Nothing here reads or changes the page's own behaviour: links,
    // selection and copy work as before. A page's scripts can dispatch any of these events, so
    // only those the browser marks as the reader's own (isTrusted) act.
    ctx.addEventListener(document, 'mouseup', (event) => {
      if (!event.isTrusted || event.button !== 0 || isOwnUi(event.target as Node)) return;
      // A drag's selection is final now, so a shortcut pressed at once acts on it; a click may
      // still collapse it, so the toolbar waits for the click to update the selection.
      annotator.rememberSelection();
      ctx.setTimeout(() => annotator.onSelectionEnd(), 0);
    });
    ctx.addEventListener(document, 'keyup', (event) => {
      if (!event.isTrusted) return;
      // Shift ends a keyboard selection (the toolbar); any other key may have selected too
      // (select all), and the shortcut acts only on what the reader selected.
      if (event.shiftKey && !event.altKey) annotator.onSelectionEnd();
      else annotator.rememberSelection();
    });
    // A right click may select a word first (on some systems): the context menu's "Highlight"
    // then acts on what the reader right-clicked.
    ctx.addEventListener(document, 'contextmenu', (event) => {
      if (event.isTrusted) annotator.rememberSelection();
    });
    ctx.addEventListener(document, 'keydown', (event) => {
      const action = SHORTCUTS[event.code];
      if (
        !event.isTrusted ||
        !action ||
        !event.altKey ||
        !event.shiftKey ||
        event.ctrlKey ||
        event.metaKey
      )
        return;
      quietly(
        annotator.act(action).then((done) => {
          if (done) event.preventDefault();
        }),
      );
    });
    ctx.addEventListener(document, 'click', (event) => {
      if (!event.isTrusted || event.button !== 0 || !document.getSelection()?.isCollapsed) return;
      const target = event.target as Element | null;
      // A highlighted link is still a link.
      if (target?.closest('a[href], button, input, textarea, select, label')) return;
      const id = layer.hitTest(event.clientX, event.clientY);
      if (id) quietly(annotator.edit(id, new DOMRect(event.clientX, event.clientY, 0, 0)));
    });

    // Hovering a highlight shows its note's first line (in an extension frame: the page never
    // gets the text). Hit-testing waits for the pointer to rest.
    let hover: number | null = null;
    ctx.addEventListener(document, 'mousemove', (event) => {
      if (!event.isTrusted) return;
      if (hover !== null) clearTimeout(hover);
      const { clientX: x, clientY: y } = event;
      hover = ctx.setTimeout(() => {
        hover = null;
        if (isOwnUi(event.target as Node)) return;
        annotator.peekAt(layer.hitTest(x, y), x, y);
      }, 250);
    });

    // Late content (lazy article bodies, "read more") and pages that rewrite themselves:
    // re-anchor only what lost its place, at most every half second.
    let pending: number | null = null;
    const observer = new MutationObserver((records) => {
      if (records.every((r) => isOwnUi(r.target))) return;
      changed = true;
      if (pending !== null) return;
      pending = ctx.setTimeout(() => {
        pending = null;
        if (layer.needsRefresh()) quietly(layer.refresh());
      }, 500);
    });
    // XML documents have no body (whatever the typings say): nothing to watch there.
    const body = document.body as HTMLElement | null;
    if (body) observer.observe(body, { childList: true, subtree: true, characterData: true });
    ctx.onInvalidated(() => observer.disconnect());

    quietly(report());
    // Page scripts can dispatch this event too: only an address that really changed is read.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      if (readPageInfo(document, location.href)?.url !== reportedUrl) quietly(report());
    });
  },
});
