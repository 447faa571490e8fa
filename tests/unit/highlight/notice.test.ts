// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { showNotice } from '@/lib/highlight/notice';

describe('showNotice', () => {
  it('shows a notice in its own host, its text never in the page’s DOM, and the page cannot dismiss it', () => {
    const message = 'Claimmark could not save this highlight. The disk is full.';
    const remove = showNotice(document, new DOMRect(10, 10, 100, 20), message);
    const host = document.querySelector('claimmark-ui');
    expect(host).not.toBeNull();
    expect(document.documentElement.textContent).not.toContain('disk is full');
    // A script's Escape is not the reader's (jsdom's dispatched events are untrusted).
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(document.querySelector('claimmark-ui')).not.toBeNull();
    remove();
    expect(document.querySelector('claimmark-ui')).toBeNull();
  });

  it('goes by itself after a while', () => {
    vi.useFakeTimers();
    try {
      showNotice(document, new DOMRect(), 'Could not save.');
      expect(document.querySelector('claimmark-ui')).not.toBeNull();
      vi.advanceTimersByTime(8_000);
      expect(document.querySelector('claimmark-ui')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
