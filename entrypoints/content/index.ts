import { browser, type Browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { readArticle } from '@/lib/article/read-article';
import { extractBody } from '@/lib/article/body';
import { createClient } from '@/lib/messaging/client';
import { MAX_BODY_CHARS } from '@/lib/messaging/protocol';
import { createRouter } from '@/lib/messaging/router';
import { classifySender } from '@/lib/messaging/sender';
import { readPageInfo } from '@/lib/page/page-info';
import { markTerms } from './mark-terms';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const request = createClient((message) => browser.runtime.sendMessage(message));
    const report = () => {
      if (ctx.isInvalid) return;
      const basics = readPageInfo(document, location.href);
      if (!basics) return;
      const article = readArticle(document, basics.url);
      // A failed report (extension reloaded, background restarting) only means the popup shows
      // less for this tab; the page must never see an error from us.
      request('page.report', { ...basics, article }).catch(() => undefined);
    };

    // Only the extension itself can reach this listener (runtime messaging); the router still
    // checks the sender and every payload, and the content script never listens to the page.
    const route = createRouter('content', {
      'page.body': () => {
        const body = extractBody(document, location.href);
        return Promise.resolve(body ? { text: body.text.slice(0, MAX_BODY_CHARS) } : null);
      },
      'page.mark': ({ terms }) => Promise.resolve({ marked: markTerms(document, terms) }),
    });
    const extensionBase = browser.runtime.getURL('/');
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) =>
      route(message, classifySender(sender, browser.runtime.id, extensionBase));
    // webextension-polyfill sends the resolved value of a returned promise as the reply.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    browser.runtime.onMessage.addListener(onMessage);
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    report();
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});
