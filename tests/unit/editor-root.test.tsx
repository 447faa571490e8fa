// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorRoot } from '@/entrypoints/editor/EditorRoot';
import type { Client } from '@/lib/messaging/client';
import type { EditorData } from '@/lib/model';

const NOTE = {
  id: '0b0f6d8e-58c5-4a3f-9f43-3a7c3f1f2a10',
  articleUrl: 'https://news.example.com/a',
};
const DATA: EditorData = {
  quote: 'The bridge would open in spring.',
  anchoring: null,
  value: {
    kind: 'claim',
    note: 'Check it',
    status: 'unverified',
    evidence: [],
    tags: [],
    color: 'yellow',
  },
  isNew: false,
  knownTags: [],
};

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const settled = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

/** The editor frame's root over a background that records what it was asked. */
async function mount(covered: boolean) {
  const asked: string[] = [];
  const request = ((type: string) => {
    asked.push(type);
    if (type === 'editor.load') return Promise.resolve(DATA);
    if (type === 'annotation.save') return Promise.resolve({ ...DATA.value, ...NOTE });
    return Promise.resolve({ deleted: true, closed: true });
  }) as unknown as Client;
  root = document.createElement('div');
  document.body.append(root);
  render(
    <EditorRoot target={NOTE} request={request} covered={() => Promise.resolve(covered)} />,
    root,
  );
  // The note arrives from the background first.
  for (let i = 0; i < 200 && !root.textContent.includes('Save'); i++) await settled(10);
  return asked;
}

function click(name: string): void {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  found.click();
}

describe('the editor frame while the page covers it', () => {
  it('refuses Save and Delete, says why, and sends nothing', async () => {
    const asked = await mount(true);
    const refusal = 'The page is covering or fading Claimmark’s editor';
    click('Save');
    for (let i = 0; i < 100 && !root.textContent.includes(refusal); i++) await settled(10);
    expect(root.textContent).toContain(refusal);
    click('Delete');
    await settled(50);
    expect(root.textContent).toContain(`Could not delete: ${refusal}`);
    expect(asked).toEqual(['editor.load']);
  });

  it('saves as usual when it is not covered', async () => {
    const asked = await mount(false);
    click('Save');
    for (let i = 0; i < 100 && !asked.includes('annotation.save'); i++) await settled(10);
    expect(asked).toContain('annotation.save');
  });
});
