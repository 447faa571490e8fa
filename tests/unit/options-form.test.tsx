// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsForm, type SettingsStore } from '@/components/options/OptionsForm';
import { DEFAULT_EXPORT_SETTINGS, settingsFrom, type ExportSettings } from '@/lib/model/settings';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(store: SettingsStore) {
  root = document.createElement('div');
  document.body.append(root);
  render(<OptionsForm store={store} />, root);
}

/** The form control labelled `label` (labels are plain, so any test can find them). */
function control(label: string): HTMLElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const element = found ? document.getElementById(found.htmlFor) : null;
  if (!element) throw new Error(`no field labelled ${label}`);
  return element;
}

const input = (label: string) => control(label) as HTMLInputElement;
const select = (label: string) => control(label) as HTMLSelectElement;

function type(label: string, value: string) {
  const box = input(label);
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

const button = (text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === text);

describe('the options page', () => {
  it('shows the stored settings, and saves what the reader changes', async () => {
    const save = vi.fn<(settings: ExportSettings) => Promise<void>>(() => Promise.resolve());
    mount({ load: () => Promise.resolve(DEFAULT_EXPORT_SETTINGS), save });
    await vi.waitFor(() => expect(input('Label for False').value).toBe('False'));
    type('Your name', '  Anna Roe ');
    type('Organisation', 'Factcheck Desk');
    type('Your site', 'https://factchecker.org/');
    type('Label for Misleading', 'Needs context');
    const scale = select('Rating of Misleading');
    scale.value = '3';
    scale.dispatchEvent(new Event('change', { bubbles: true }));
    const format = select('Default export format');
    format.value = 'claimreview';
    format.dispatchEvent(new Event('change', { bubbles: true }));
    button('Save')?.click();
    await vi.waitFor(() => expect(root.querySelector('[role=status]')?.textContent).toBe('Saved.'));
    expect(save).toHaveBeenCalledWith({
      reviewer: {
        name: 'Anna Roe',
        organization: 'Factcheck Desk',
        url: 'https://factchecker.org/',
      },
      ratings: {
        ...DEFAULT_EXPORT_SETTINGS.ratings,
        misleading: { label: 'Needs context', value: 3 },
      },
      defaultFormat: 'claimreview',
      // Stamped with the save's time: of two devices' saves, sync keeps the later.
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) as unknown,
    });
  });

  it('refuses what the exports could not use, says why, and saves nothing', async () => {
    const save = vi.fn(() => Promise.resolve());
    mount({ load: () => Promise.resolve(DEFAULT_EXPORT_SETTINGS), save });
    await vi.waitFor(() => expect(button('Save')).toBeDefined());
    type('Your site', 'javascript:alert(1)');
    button('Save')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toMatch(/full web address/),
    );
    type('Your site', '');
    type('Label for Supported', '   ');
    button('Save')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toMatch(/needs a label/),
    );
    expect(save).not.toHaveBeenCalled();
    // The defaults come back with one click.
    button('Restore the defaults')?.click();
    await vi.waitFor(() => expect(input('Label for Supported').value).toBe('Supported'));
  });

  it('says so when the options cannot be read or saved', async () => {
    mount({
      load: () => Promise.reject(new Error('storage is off')),
      save: () => Promise.resolve(),
    });
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toBe(
        'Your options could not be read: storage is off',
      ),
    );
    render(null, root);
    root.remove();
    mount({
      load: () => Promise.resolve(DEFAULT_EXPORT_SETTINGS),
      save: () => Promise.reject(new Error('disk full')),
    });
    await vi.waitFor(() => expect(button('Save')).toBeDefined());
    button('Save')?.click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role=alert]')?.textContent).toBe('Not saved: disk full'),
    );
  });

  it('reads stored settings leniently: anything invalid gives the defaults', () => {
    expect(settingsFrom(undefined)).toEqual(DEFAULT_EXPORT_SETTINGS);
    expect(settingsFrom({ reviewer: 'me' })).toEqual(DEFAULT_EXPORT_SETTINGS);
    const mine = {
      ...DEFAULT_EXPORT_SETTINGS,
      reviewer: { name: 'A', organization: '', url: null },
    };
    expect(settingsFrom(mine)).toEqual(mine);
  });
});
