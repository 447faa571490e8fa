// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExchangePanel } from '@/components/library/ExchangePanel';
import type { ImportOutcome, ImportPreview } from '@/lib/exchange';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const preview = (fileName: string, change: Partial<ImportPreview> = {}): ImportPreview => ({
  fileName,
  added: 0,
  updated: 0,
  skipped: [],
  articlesAdded: 0,
  articlesUpdated: 0,
  versionsAdded: 0,
  ...change,
});

const outcome = (change: Partial<ImportOutcome> = {}): ImportOutcome => ({
  added: 0,
  updated: 0,
  skipped: 0,
  articlesAdded: 0,
  articlesUpdated: 0,
  versionsAdded: 0,
  ...change,
});

function mount(props: Partial<Parameters<typeof ExchangePanel>[0]>) {
  root = document.createElement('div');
  document.body.append(root);
  render(
    <ExchangePanel
      resultCount={null}
      currentArticle={null}
      exportAs={vi.fn(() => Promise.resolve('x.json (1 note)'))}
      previewImport={vi.fn(() => Promise.resolve(preview('a.json')))}
      applyImport={vi.fn(() => Promise.resolve(outcome()))}
      {...props}
    />,
    root,
  );
}

function choose(name: string) {
  const input = root.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [new File(['{}'], name)], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const importButton = () =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === 'Import');

describe('the export and import panel', () => {
  it('lets a file of articles alone be imported and says what it brought', async () => {
    const applyImport = vi.fn(() => Promise.resolve(outcome({ articlesAdded: 3 })));
    mount({
      previewImport: () => Promise.resolve(preview('saved.json', { articlesAdded: 3 })),
      applyImport,
    });
    choose('saved.json');
    await vi.waitFor(() => expect(root.textContent).toContain('(3 new articles)'));
    expect(importButton()?.disabled).toBe(false);
    importButton()?.click();
    await vi.waitFor(() =>
      expect(root.textContent).toContain(
        'Imported saved.json: 0 new, 0 updated, 0 skipped (3 new articles).',
      ),
    );
    expect(applyImport).toHaveBeenCalledTimes(1);
  });

  it('offers no import when the file changes nothing, and lists why records were skipped', async () => {
    mount({
      previewImport: () =>
        Promise.resolve(
          preview('old.json', {
            skipped: [
              { where: 'annotations[0]', reason: "the library's copy is newer or the same" },
            ],
          }),
        ),
    });
    choose('old.json');
    await vi.waitFor(() => expect(root.textContent).toContain('annotations[0]'));
    expect(importButton()?.disabled).toBe(true);
  });

  it('shows the preview of the file chosen last, even when an earlier one answers later', async () => {
    let finishFirst: (value: ImportPreview) => void = () => undefined;
    const previewImport = vi.fn((file: File) =>
      file.name === 'slow.json'
        ? new Promise<ImportPreview>((resolve) => (finishFirst = resolve))
        : Promise.resolve(preview('fast.json', { added: 2 })),
    );
    mount({ previewImport });
    choose('slow.json');
    choose('fast.json');
    await vi.waitFor(() => expect(root.textContent).toContain('fast.json: 2 new notes'));
    finishFirst(preview('slow.json', { added: 9 }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(root.textContent).toContain('fast.json: 2 new notes');
    expect(root.textContent).not.toContain('slow.json: 9');
  });

  it('reports a refused file as an alert', async () => {
    mount({ previewImport: () => Promise.reject(new Error('This file ends too early.')) });
    choose('cut.json');
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toBe('This file ends too early.'),
    );
  });

  it('exports the stories’ versions only when the reader ticks them, and imports a file of versions alone', async () => {
    const exportAs = vi.fn(() => Promise.resolve('x.json (1 note, 2 versions)'));
    const applyImport = vi.fn(() => Promise.resolve(outcome({ versionsAdded: 2 })));
    mount({
      exportAs,
      previewImport: () => Promise.resolve(preview('v.json', { versionsAdded: 2 })),
      applyImport,
    });
    const button = (label: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent === label);
    button('Claimmark JSON')?.click();
    await vi.waitFor(() => expect(exportAs).toHaveBeenCalledTimes(1));
    expect(exportAs).toHaveBeenLastCalledWith('all', 'claimmark', { versions: false });
    const box = [...root.querySelectorAll('label')]
      .find((l) => l.textContent.includes('stored versions'))
      ?.querySelector('input');
    if (!box) throw new Error('no versions choice');
    expect(box.checked).toBe(false);
    box.click();
    await vi.waitFor(() => expect(box.checked).toBe(true));
    await vi.waitFor(() => expect(root.textContent).toContain('Saved x.json'));
    button('Claimmark JSON')?.click();
    await vi.waitFor(() => expect(exportAs).toHaveBeenCalledTimes(2));
    expect(exportAs).toHaveBeenLastCalledWith('all', 'claimmark', { versions: true });
    choose('v.json');
    await vi.waitFor(() => expect(root.textContent).toContain('(2 new versions)'));
    expect(importButton()?.disabled).toBe(false);
    importButton()?.click();
    await vi.waitFor(() => expect(root.textContent).toContain('skipped (2 new versions).'));
  });

  it('offers first the format the reader chose in Options, and links there', async () => {
    const openOptions = vi.fn();
    mount({ preferredFormat: () => Promise.resolve('csl'), openOptions });
    await vi.waitFor(() =>
      expect(root.querySelector('.exchange__formats button')?.textContent).toBe('CSL-JSON'),
    );
    expect(root.querySelector('.exchange__formats button')?.className).toBe('primary');
    expect(root.querySelectorAll('.exchange__formats button')).toHaveLength(6);
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Options')?.click();
    expect(openOptions).toHaveBeenCalledTimes(1);
  });
});
