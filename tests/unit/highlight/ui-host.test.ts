// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createUiHost } from '@/lib/highlight/ui-host';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createUiHost', () => {
  it('undoes what a page does to the host’s own attributes', async () => {
    const ui = createUiHost(document, '');
    ui.place(120, 40);
    const ours = ui.host.getAttribute('style');
    expect(ours).toContain('top: 120px !important');
    // A page fades the host to put its own buttons over the editor, or hides it.
    ui.host.style.opacity = '0.01';
    ui.host.setAttribute('hidden', '');
    ui.host.setAttribute('class', 'faded');
    await settled();
    expect(ui.host.getAttribute('style')).toBe(ours);
    expect(ui.host.getAttributeNames()).toEqual(['style']);
    ui.remove();
    expect(document.querySelector('claimmark-ui')).toBeNull();
  });

  it('leaves a page that keeps changing the host after every undo, rather than fight it', async () => {
    const ui = createUiHost(document, '', () => 0);
    // The page's own observer fades the host again whenever Claimmark puts it back.
    const page = new MutationObserver(() => {
      if (ui.host.style.opacity !== '0.01') ui.host.style.opacity = '0.01';
    });
    page.observe(ui.host, { attributes: true });
    ui.host.style.opacity = '0.01';
    for (let i = 0; i < 200 && ui.host.isConnected; i++) await settled();
    page.disconnect();
    expect(ui.host.isConnected).toBe(false);
    expect(document.querySelector('claimmark-ui')).toBeNull();
  });

  it('keeps undoing a page that touches the host now and then', async () => {
    let t = 0;
    const ui = createUiHost(document, '', () => t);
    for (let i = 0; i < 120; i++) {
      t += 100;
      ui.host.setAttribute('class', `x${String(i)}`);
      await settled();
    }
    expect(ui.host.isConnected).toBe(true);
    expect(ui.host.getAttributeNames()).toEqual(['style']);
    ui.remove();
  });
});
