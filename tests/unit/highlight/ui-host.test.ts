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
});
