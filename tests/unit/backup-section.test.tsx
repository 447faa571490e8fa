// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { BackupSection, type BackupControls } from '@/components/options/BackupSection';
import { DEFAULT_BACKUP_STATE, type BackupChange, type BackupState } from '@/lib/model/backup';

let root: HTMLElement;
let noise: MockInstance[];
beforeEach(() => {
  noise = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'log')];
});
afterEach(() => {
  render(null, root);
  root.remove();
  // The page says what happened in words; nothing goes to the console.
  for (const spy of noise) expect(spy).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

/** Controls over a state held here, each replaceable by a test. */
function controls(start: BackupState = DEFAULT_BACKUP_STATE, change: Partial<BackupControls> = {}) {
  let state = start;
  const all = {
    requestPermission: vi.fn(() => Promise.resolve(true)),
    state: vi.fn(() => Promise.resolve(state)),
    configure: vi.fn((c: BackupChange) => {
      state = {
        ...state,
        ...(c.enabled !== undefined ? { enabled: c.enabled } : {}),
        ...(c.everyDays !== undefined ? { everyDays: c.everyDays } : {}),
      };
      return Promise.resolve(state);
    }),
    backUpNow: vi.fn(() => Promise.resolve(state)),
    ...change,
  };
  return all;
}

function mount(c: BackupControls) {
  root = document.createElement('div');
  document.body.append(root);
  render(<BackupSection controls={c} />, root);
}

function control(label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const element = found ? document.getElementById(found.htmlFor) : null;
  if (!(element instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`);
  return element;
}

const button = () => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Back up now');
  if (!found) throw new Error('no "Back up now" button');
  return found;
};
const statusLine = () => root.querySelector('.options__backup-status')?.textContent ?? '';
const alertText = () => root.querySelector('[role=alert]')?.textContent ?? '';

function setDays(value: string) {
  const box = control('Every how many days');
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

const BACKED_UP: BackupState = {
  ...DEFAULT_BACKUP_STATE,
  enabled: true,
  // An hour ago: the next one is six days and 23 hours away, whenever the test runs.
  lastBackupAt: new Date(Date.now() - 60 * 60 * 1000).toISOString(),
  lastFile: 'claimmark-backups/claimmark-backup-2026-05-10.json',
};

describe('the backups section of the options page', () => {
  it('starts off, weekly, with no backup yet', async () => {
    mount(controls());
    expect(root.querySelector('[role=status]')?.textContent).toBe('Loading your backup settings…');
    await vi.waitFor(() => expect(statusLine()).toBe('No backup yet.'));
    expect(control('Back up automatically').checked).toBe(false);
    expect(control('Every how many days').value).toBe('7');
    // Native controls: each is reached with Tab and worked with Space or Enter.
    expect(button().type).toBe('button');
    expect(root.querySelector('legend')?.textContent).toBe('Backups');
  });

  it('asks for the downloads permission inside the click, then turns backups on', async () => {
    const c = controls();
    mount(c);
    await vi.waitFor(() => expect(statusLine()).toBe('No backup yet.'));
    control('Back up automatically').click();
    // Asked before anything was awaited, while the click still counts as the reader's gesture.
    expect(c.requestPermission).toHaveBeenCalledTimes(1);
    expect(c.configure).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(c.configure).toHaveBeenCalledWith({ enabled: true }));
    await vi.waitFor(() =>
      expect(statusLine()).toBe(
        'No backup yet. The next automatic backup is made within the hour.',
      ),
    );
    expect(control('Back up automatically').checked).toBe(true);

    control('Back up automatically').click();
    await vi.waitFor(() => expect(c.configure).toHaveBeenLastCalledWith({ enabled: false }));
    await vi.waitFor(() => expect(statusLine()).toBe('No backup yet.'));
    // Turning off asks for nothing.
    expect(c.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('stays off, and says why, when the reader refuses the permission', async () => {
    let answer: (granted: boolean) => void = () => undefined;
    const c = controls(DEFAULT_BACKUP_STATE, {
      requestPermission: vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve))),
    });
    mount(c);
    await vi.waitFor(() => expect(statusLine()).toBe('No backup yet.'));
    control('Back up automatically').click();
    // While the browser asks, the box stays as the reader left it.
    await vi.waitFor(() => expect(statusLine()).toBe('Saving…'));
    expect(control('Back up automatically').checked).toBe(true);
    answer(false);
    await vi.waitFor(() =>
      expect(alertText()).toBe(
        'Automatic backups stay off: Claimmark needs your permission to save files in your downloads folder, and it was not given.',
      ),
    );
    expect(control('Back up automatically').checked).toBe(false);
    expect(statusLine()).toBe('No backup yet.');
    expect(c.configure).not.toHaveBeenCalled();
  });

  it('backs up now, showing it is busy, then the time and file', async () => {
    let finish: (state: BackupState) => void = () => undefined;
    const c = controls(
      { ...DEFAULT_BACKUP_STATE, enabled: true },
      { backUpNow: vi.fn(() => new Promise<BackupState>((resolve) => (finish = resolve))) },
    );
    mount(c);
    await vi.waitFor(() => expect(statusLine()).toMatch(/^No backup yet/));
    button().click();
    await vi.waitFor(() => expect(statusLine()).toBe('Backing up…'));
    expect(button().getAttribute('aria-disabled')).toBe('true');
    expect(root.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    // A second press while one runs starts nothing.
    button().click();
    expect(c.backUpNow).toHaveBeenCalledTimes(1);
    expect(c.requestPermission).toHaveBeenCalledTimes(1);

    finish(BACKED_UP);
    const when = new Date(BACKED_UP.lastBackupAt ?? '').toLocaleString(undefined, {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    await vi.waitFor(() =>
      expect(statusLine()).toMatch(
        `Last backup: ${when}, saved as claimmark-backups/claimmark-backup-2026-05-10.json in your downloads folder.`,
      ),
    );
    expect(statusLine()).toMatch(/Next automatic backup: /);
    expect(button().getAttribute('aria-disabled')).toBe('false');
  });

  it('says in plain words why the last backup failed, and which one is still the last good one', async () => {
    const failed: BackupState = {
      ...BACKED_UP,
      lastError:
        'Your disk is full: the backup could not be written. Free some space and try again. Your library is unchanged, and so are earlier backups.',
    };
    mount(controls(BACKED_UP, { backUpNow: vi.fn(() => Promise.resolve(failed)) }));
    await vi.waitFor(() => expect(statusLine()).toMatch(/^Last backup: /));
    button().click();
    await vi.waitFor(() =>
      expect(statusLine()).toMatch(
        /^The last attempt failed: Your disk is full: .* Last backup: .*claimmark-backup-2026-05-10\.json/,
      ),
    );
  });

  it('makes no backup when the permission is refused, and says so', async () => {
    const c = controls(DEFAULT_BACKUP_STATE, {
      requestPermission: vi.fn(() => Promise.resolve(false)),
    });
    mount(c);
    await vi.waitFor(() => expect(statusLine()).toBe('No backup yet.'));
    button().click();
    await vi.waitFor(() => expect(alertText()).toMatch(/^No backup was made: /));
    expect(c.backUpNow).not.toHaveBeenCalled();
  });

  it('stores a whole number of days from 1 to 365, and refuses anything else', async () => {
    const c = controls();
    mount(c);
    await vi.waitFor(() => expect(statusLine()).toBe('No backup yet.'));
    for (const wrong of ['0', '366', '2.5', '']) {
      setDays(wrong);
      await vi.waitFor(() =>
        expect(alertText()).toBe('Choose a whole number of days from 1 to 365.'),
      );
    }
    expect(c.configure).not.toHaveBeenCalled();
    setDays('14');
    await vi.waitFor(() => expect(c.configure).toHaveBeenCalledWith({ everyDays: 14 }));
    await vi.waitFor(() => expect(alertText()).toBe(''));
    expect(control('Every how many days').value).toBe('14');
  });

  it('says so when the settings cannot be read or a change is not stored', async () => {
    mount(controls(DEFAULT_BACKUP_STATE, { state: () => Promise.reject(new Error('no storage')) }));
    await vi.waitFor(() =>
      expect(alertText()).toBe('Your backup settings could not be read: no storage'),
    );
    render(null, root);
    root.remove();
    mount(
      controls(DEFAULT_BACKUP_STATE, {
        configure: () => Promise.reject(new Error('The background is not answering.')),
      }),
    );
    await vi.waitFor(() => expect(statusLine()).toBe('No backup yet.'));
    control('Back up automatically').click();
    await vi.waitFor(() => expect(alertText()).toBe('Not done: The background is not answering.'));
  });
});
