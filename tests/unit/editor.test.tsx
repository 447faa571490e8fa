// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotationEditor } from '@/components/editor/AnnotationEditor';
import type { EditorProps, EditorValue } from '@/components/editor/types';

const highlight: EditorValue = {
  kind: 'highlight',
  note: '',
  status: null,
  evidence: [],
  tags: [],
  color: 'yellow',
};

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(overrides: Partial<EditorProps> = {}) {
  const props = {
    quote: 'The minister said the deficit had halved since 2021.',
    anchoring: null,
    initial: highlight,
    isNew: true,
    knownTags: ['Economy', 'Climate', 'Elections', 'Nuclear'],
    onSave: vi.fn<(value: EditorValue) => Promise<void>>(() => Promise.resolve()),
    onCancel: vi.fn(),
    onDelete: vi.fn(() => Promise.resolve()),
    onUndo: vi.fn(() => Promise.resolve()),
    ...overrides,
  };
  root = document.createElement('div');
  document.body.append(root);
  render(<AnnotationEditor {...props} />, root);
  return props;
}

/** Lets Preact render what the last event scheduled. */
const rendered = () => new Promise((resolve) => setTimeout(resolve, 0));

async function type(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  await rendered();
}

async function press(target: Element, key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  await rendered();
  return event;
}

function must<T>(found: T | null, what: string): T {
  if (found === null) throw new Error(`no ${what}`);
  return found;
}

const get = (selector: string) => must(root.querySelector(selector), selector);

function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => b.textContent === name || b.getAttribute('aria-label') === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

const note = () => must(root.querySelector('textarea'), 'note');
const tagInput = () => must(root.querySelector<HTMLInputElement>('[role=combobox]'), 'tags');
const linkInput = () => must(root.querySelector<HTMLInputElement>('input[type=url]'), 'link');
const claimToggle = () =>
  must(root.querySelector<HTMLInputElement>('input[type=checkbox]'), 'claim toggle');
const chips = () => [...root.querySelectorAll('.editor__chip span')].map((c) => c.textContent);
const options = () => [...root.querySelectorAll('[role=option]')].map((o) => o.textContent);
const radios = (legend: string) => {
  const set = [...root.querySelectorAll('fieldset')].find(
    (f) => f.querySelector('legend')?.textContent === legend,
  );
  return [...(set?.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? [])];
};

describe('annotation editor', () => {
  it('focuses the note and saves what was typed with Ctrl+Enter, once, showing progress', async () => {
    let finish: () => void = () => undefined;
    const props = mount({
      onSave: vi.fn(() => new Promise<void>((resolve) => (finish = resolve))),
    });
    expect(document.activeElement).toBe(note());
    await type(note(), 'Halved? The budget office says it fell by a third.');
    await press(note(), 'Enter', { ctrlKey: true });
    expect(props.onSave).toHaveBeenCalledWith({
      ...highlight,
      note: 'Halved? The budget office says it fell by a third.',
    });
    expect(button('Saving…').getAttribute('aria-disabled')).toBe('true');
    expect(get('.editor').getAttribute('aria-busy')).toBe('true');
    // A second shortcut while saving does not save twice.
    await press(note(), 'Enter', { metaKey: true });
    expect(props.onSave).toHaveBeenCalledTimes(1);
    finish();
    await vi.waitFor(() => {
      expect(get('.editor__saved').textContent).toBe('Saved.');
    });
    expect(button('Save')).toBeDefined();
  });

  it('saves with Cmd+Enter from any field, and a plain Enter in the note is a new line', async () => {
    const props = mount();
    await press(note(), 'Enter');
    expect(props.onSave).not.toHaveBeenCalled();
    await press(linkInput(), 'Enter', { metaKey: true });
    expect(props.onSave).toHaveBeenCalledWith(highlight);
  });

  it('cancels with Esc, but an open tag list closes first', async () => {
    const props = mount();
    await type(tagInput(), 'e');
    expect(options().length).toBeGreaterThan(0);
    await press(tagInput(), 'Escape');
    expect(options()).toEqual([]);
    expect(props.onCancel).not.toHaveBeenCalled();
    await press(tagInput(), 'Escape');
    expect(props.onCancel).toHaveBeenCalledTimes(1);
    button('Cancel').click();
    expect(props.onCancel).toHaveBeenCalledTimes(2);
  });

  it('keeps HTML in notes, quotes, tags and links as text', async () => {
    const html = '<img src=x onerror=alert(1)>';
    const props = mount({
      quote: `Quote ${html}`,
      anchoring: { status: 'changed', text: `Now ${html}` },
      initial: { ...highlight, tags: [html], evidence: ['javascript:alert(1)'] },
      isNew: false,
    });
    await type(note(), html);
    await press(note(), 'Enter', { ctrlKey: true });
    expect(props.onSave).toHaveBeenCalledWith(expect.objectContaining({ note: html }));
    expect(document.querySelector('img')).toBeNull();
    expect(note().value).toBe(html);
    expect(get('blockquote').textContent).toBe(`Quote ${html}`);
    expect(chips()).toEqual([html]);
    // A stored link that is not a web address is shown, never followed.
    expect(root.querySelector('.editor__links a')).toBeNull();
    expect(get('.editor__bad-link').textContent).toBe('javascript:alert(1)');
  });

  it('completes tags from the library, without duplicates, and edits them from the keyboard', async () => {
    const props = mount();
    await type(tagInput(), 'cl');
    // Prefix matches first, then matches inside the word.
    expect(options()).toEqual(['Climate', 'Nuclear']);
    await press(tagInput(), 'ArrowDown');
    expect(tagInput().getAttribute('aria-activedescendant')).toBe(
      root.querySelector('[role=option]')?.id,
    );
    await press(tagInput(), 'Enter');
    expect(chips()).toEqual(['Climate']);
    expect(tagInput().value).toBe('');

    await type(tagInput(), 'CLIMATE');
    await press(tagInput(), 'Enter');
    expect(chips()).toEqual(['Climate']);
    expect(root.textContent).toContain('Climate is already a tag.');

    // Added tags are no longer offered; a typed known tag takes the library's spelling.
    await type(tagInput(), 'c');
    expect(options()).not.toContain('Climate');
    await type(tagInput(), 'economy');
    await press(tagInput(), ',');
    await type(tagInput(), '  fact   check  ');
    await press(tagInput(), 'Enter');
    await type(tagInput(), 'x'.repeat(50));
    await press(tagInput(), 'Enter');
    expect(chips()).toEqual(['Climate', 'Economy', 'fact check', 'x'.repeat(40)]);

    await press(tagInput(), 'Backspace');
    expect(chips()).toEqual(['Climate', 'Economy', 'fact check']);
    button('Remove tag Economy').click();
    await rendered();
    expect(chips()).toEqual(['Climate', 'fact check']);

    // Pasted "a, b, c" adds a and b; a half-typed tag is kept on Save.
    await type(tagInput(), 'Elections, budget, deficit');
    expect(tagInput().value).toBe(' deficit');
    await press(tagInput(), 'Enter', { ctrlKey: true });
    expect(props.onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        tags: ['Climate', 'fact check', 'Elections', 'budget', 'deficit'],
      }),
    );
  });

  it('refuses a link that is not http(s), with an error, and adds and removes real ones', async () => {
    const props = mount();
    for (const bad of ['javascript:alert(1)', 'example.com', 'ftp://example.com/file']) {
      await type(linkInput(), bad);
      await press(linkInput(), 'Enter');
      expect(get('.editor__field-error').textContent).toMatch(/not a web link/);
      expect(linkInput().getAttribute('aria-invalid')).toBe('true');
      expect(root.querySelectorAll('.editor__links li')).toHaveLength(0);
    }
    // Saving with a bad link still typed stops and says why, rather than dropping it.
    await press(linkInput(), 'Enter', { ctrlKey: true });
    expect(props.onSave).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(linkInput());

    await type(linkInput(), ' https://budget.example.org/report?page=2 ');
    expect(root.querySelector('.editor__field-error')).toBeNull();
    button('Add').click();
    await rendered();
    const link = must(root.querySelector<HTMLAnchorElement>('.editor__links a'), 'link');
    expect(link.href).toBe('https://budget.example.org/report?page=2');
    expect(link.textContent).toBe('https://budget.example.org/report?page=2');
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');

    await type(linkInput(), 'https://budget.example.org/report?page=2');
    await press(linkInput(), 'Enter');
    expect(get('.editor__field-error').textContent).toMatch(/already in the list/);
    expect(root.querySelectorAll('.editor__links li')).toHaveLength(1);

    button('Remove link https://budget.example.org/report?page=2').click();
    await rendered();
    expect(root.querySelectorAll('.editor__links li')).toHaveLength(0);
  });

  it('deletes, offers Undo, and comes back to the editor as it was', async () => {
    const props = mount({ isNew: false, initial: { ...highlight, note: 'Keep me' } });
    button('Delete').click();
    await vi.waitFor(() => {
      expect(get('.editor__deleted').textContent).toContain('Deleted.');
    });
    expect(props.onDelete).toHaveBeenCalledTimes(1);
    expect(root.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button('Undo'));
    button('Undo').click();
    await vi.waitFor(() => {
      expect(root.querySelector('textarea')?.value).toBe('Keep me');
    });
    expect(props.onUndo).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(note());
  });

  it('has no Delete for a new annotation', () => {
    mount({ isNew: true });
    expect(() => button('Delete')).toThrow();
  });

  it('shows a failed save and keeps everything typed; a retry can succeed', async () => {
    const onSave = vi
      .fn<(value: EditorValue) => Promise<void>>()
      .mockRejectedValueOnce(new Error('Your disk is full. Free some space and try again.'))
      .mockResolvedValueOnce(undefined);
    mount({ onSave });
    await type(note(), 'A note I do not want to lose');
    await type(tagInput(), 'Economy');
    await press(tagInput(), 'Enter');
    button('Save').click();
    await vi.waitFor(() => {
      expect(get('[role=alert]').textContent).toBe(
        'Could not save: Your disk is full. Free some space and try again.',
      );
    });
    expect(note().value).toBe('A note I do not want to lose');
    expect(chips()).toEqual(['Economy']);
    expect(button('Save').getAttribute('aria-disabled')).toBe('false');
    button('Save').click();
    await vi.waitFor(() => {
      expect(root.querySelector('[role=alert]')).toBeNull();
    });
    expect(onSave).toHaveBeenLastCalledWith(
      expect.objectContaining({ note: 'A note I do not want to lose', tags: ['Economy'] }),
    );
  });

  it('shows a failed delete and stays in the editor', async () => {
    mount({ isNew: false, onDelete: () => Promise.reject(new Error('The library is locked.')) });
    button('Delete').click();
    await vi.waitFor(() => {
      expect(get('[role=alert]').textContent).toBe('Could not delete: The library is locked.');
    });
    expect(root.querySelector('textarea')).not.toBeNull();
  });

  it('shows the status picker for claims and the colour picker for highlights', async () => {
    const props = mount({ initial: { ...highlight, color: 'blue' } });
    expect(radios('Status')).toHaveLength(0);
    expect(radios('Colour').map((r) => r.value)).toEqual([
      'yellow',
      'green',
      'blue',
      'pink',
      'purple',
    ]);
    expect(radios('Colour').find((r) => r.checked)?.value).toBe('blue');
    radios('Colour')[3]?.click();
    await rendered();

    claimToggle().click();
    await rendered();
    expect(radios('Colour')).toHaveLength(0);
    expect(radios('Status').map((r) => r.value)).toEqual([
      'unverified',
      'supported',
      'disputed',
      'misleading',
      'false',
    ]);
    expect(radios('Status').find((r) => r.checked)?.value).toBe('unverified');
    radios('Status')[2]?.click();
    await rendered();
    button('Save').click();
    await rendered();
    expect(props.onSave).toHaveBeenLastCalledWith({
      ...highlight,
      kind: 'claim',
      status: 'disputed',
      color: 'pink',
    });

    // Back to a highlight: the colour picker returns and the status is not saved.
    claimToggle().click();
    await rendered();
    expect(radios('Status')).toHaveLength(0);
    expect(radios('Colour').find((r) => r.checked)?.value).toBe('pink');
    button('Save').click();
    await rendered();
    expect(props.onSave).toHaveBeenLastCalledWith({ ...highlight, color: 'pink' });
  });

  it('says what became of the passage on the page', () => {
    mount({ anchoring: { status: 'changed', text: 'the deficit fell by a third' } });
    expect(get('.editor__anchoring').textContent).toBe(
      'The page now reads: the deficit fell by a third',
    );
    render(null, root);
    root.remove();
    mount({ anchoring: { status: 'orphan', text: null } });
    expect(get('.editor__anchoring').textContent).toBe('This passage is no longer on the page.');
    render(null, root);
    root.remove();
    mount({ anchoring: { status: 'anchored', text: null } });
    expect(root.querySelector('.editor__anchoring')).toBeNull();
  });
});
