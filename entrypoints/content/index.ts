import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createClient } from '@/lib/messaging/client';
import { readPageInfo } from '@/lib/page/page-info';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const request = createClient((message) => browser.runtime.sendMessage(message));
    const report = () => {
      if (ctx.isInvalid) return;
      const info = readPageInfo(document, location.href);
      if (!info) return;
      // A failed report (extension reloaded, background restarting) only means the popup shows
      // less for this tab; the page must never see an error from us.
      request('page.report', info).catch(() => undefined);
    };
    report();
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});
