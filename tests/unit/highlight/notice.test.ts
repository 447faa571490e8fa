// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { showNotice } from '@/lib/highlight/notice';

describe('showNotice', () => {
  it('shows a notice in its own host until Escape, and its text never in the page’s DOM', () => {
    const message = 'Claimmark could not save this highlight. The disk is full.';
    showNotice(document, new DOMRect(10, 10, 100, 20), message);
    const host = document.querySelector('claimmark-ui');
    expect(host).not.toBeNull();
    expect(document.documentElement.textContent).not.toContain('disk is full');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
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
