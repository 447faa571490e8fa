// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncSection, type SyncStore } from '@/components/options/SyncSection';
import {
  DEFAULT_SYNC_SETTINGS,
  SYNC_STATUS_OFF,
  type SyncSettings,
  type SyncStatus,
} from '@/lib/model/sync-settings';

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

const IDLE: SyncStatus = {
  state: 'idle',
  lastSyncedAt: '2026-12-07T10:00:00.000Z',
  pending: 0,
  lastError: null,
  refused: 0,
};

function fakeStore(over: Partial<SyncStore> = {}, settings = DEFAULT_SYNC_SETTINGS) {
  let listener: ((s: SyncStatus) => void) | null = null;
  const store: SyncStore = {
    load: () => Promise.resolve({ settings, status: SYNC_STATUS_OFF }),
    save: vi.fn<(s: SyncSettings) => Promise<void>>(() => Promise.resolve()),
    allow: vi.fn<(p: string) => Promise<boolean>>(() => Promise.resolve(true)),
    disallow: vi.fn<(p: string) => Promise<void>>(() => Promise.resolve()),
    seal: vi.fn<(p: string) => Promise<string>>((p) => Promise.resolve(`sealed:v1:${p}`)),
    syncNow: vi.fn<() => Promise<SyncStatus>>(() => Promise.resolve(IDLE)),
    watchStatus: (l) => {
      listener = l;
      return () => (listener = null);
    },
    ...over,
  };
  return { store, push: (s: SyncStatus) => listener?.(s) };
}

function mount(store: SyncStore) {
  root = document.createElement('div');
  document.body.append(root);
  render(<SyncSection store={store} />, root);
}

function input(label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent === label);
  const element = found ? document.getElementById(found.htmlFor) : null;
  if (!(element instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`);
  return element;
}

function type(label: string, value: string) {
  const box = input(label);
  box.value = value;
  box.dispatchEvent(new Event('input', { bubbles: true }));
}

const button = (text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === text);
const statusLine = () => root.querySelector('[aria-live="polite"]')?.textContent ?? '';
const alertText = () => root.querySelector('[role=alert]')?.textContent ?? '';

describe('the options page’s sync section', () => {
  it('asks the browser for the server’s origin only, then saves and syncs', async () => {
    const { store } = fakeStore();
    mount(store);
    await vi.waitFor(() => expect(statusLine()).toContain('Sync is off'));
    type('Server URL', ' https://couch.example.org/claimmark/ ');
    type('User name', 'ana');
    type('Password', 'secret');
    type('Your name on notes', ' Ana ');
    button('Sync now')?.click();
    await vi.waitFor(() => expect(statusLine()).toContain('Syncing continuously'));
    expect(store.allow).toHaveBeenCalledWith('https://couch.example.org/*');
    expect(store.save).toHaveBeenCalledWith({
      enabled: true,
      url: 'https://couch.example.org/claimmark',
      username: 'ana',
      // Sealed by the background before it is stored: never kept in the clear.
      password: 'sealed:v1:secret',
      author: 'Ana',
    });
    expect(store.seal).toHaveBeenCalledWith('secret');
    expect(store.syncNow).toHaveBeenCalledOnce();
    expect(input('Password').value).toBe('');
    expect(button('Stop syncing')).toBeDefined();
  });

  it('refuses plain HTTP to another computer before asking the browser anything', async () => {
    const { store } = fakeStore();
    mount(store);
    await vi.waitFor(() => expect(button('Sync now')).toBeDefined());
    type('Server URL', 'http://couch.example.org/claimmark');
    button('Sync now')?.click();
    await vi.waitFor(() => expect(alertText()).toContain('must use HTTPS'));
    expect(store.allow).not.toHaveBeenCalled();
    expect(store.save).not.toHaveBeenCalled();
  });

  it('stays off, saying so, when the reader does not allow the server', async () => {
    const { store } = fakeStore({ allow: vi.fn(() => Promise.resolve(false)) });
    mount(store);
    await vi.waitFor(() => expect(button('Sync now')).toBeDefined());
    type('Server URL', 'http://127.0.0.1:5984/claimmark');
    button('Sync now')?.click();
    await vi.waitFor(() =>
      expect(alertText()).toBe(
        'Claimmark was not allowed to reach 127.0.0.1:5984, so sync stays off.',
      ),
    );
    expect(store.save).not.toHaveBeenCalled();
    expect(statusLine()).toContain('Sync is off');
  });

  it('shows the background’s last error in plain words, and what is waiting', async () => {
    const settings = {
      ...DEFAULT_SYNC_SETTINGS,
      enabled: true,
      url: 'https://couch.example.org/db',
    };
    const { store, push } = fakeStore({}, settings);
    mount(store);
    await vi.waitFor(() => expect(button('Stop syncing')).toBeDefined());
    push({
      ...IDLE,
      state: 'error',
      pending: 3,
      lastError: 'The server refused the user name or password.',
    });
    await vi.waitFor(() =>
      expect(alertText()).toBe('The server refused the user name or password.'),
    );
    expect(statusLine()).toContain('3 articles have changes waiting to be sent.');
  });

  it('turns sync off and keeps the fields', async () => {
    const settings: SyncSettings = {
      enabled: true,
      url: 'https://couch.example.org/db',
      username: 'ana',
      password: 'pw',
      author: 'Ana',
    };
    const { store } = fakeStore({}, settings);
    mount(store);
    await vi.waitFor(() => expect(button('Stop syncing')).toBeDefined());
    button('Stop syncing')?.click();
    await vi.waitFor(() => expect(statusLine()).toContain('Sync is off'));
    expect(store.save).toHaveBeenCalledWith({ ...settings, enabled: false });
    expect(store.disallow).toHaveBeenCalledWith('https://couch.example.org/*');
    expect(input('Server URL').value).toBe('https://couch.example.org/db');
  });

  it('never shows the saved password, and keeps it when the field is left empty', async () => {
    const settings: SyncSettings = {
      enabled: true,
      url: 'https://couch.example.org/db',
      username: 'ana',
      password: 'sealed:v1:old',
      author: 'Ana',
    };
    const { store } = fakeStore({}, settings);
    mount(store);
    await vi.waitFor(() => expect(button('Sync now')).toBeDefined());
    expect(input('Password').value).toBe('');
    expect(input('Password').placeholder).toBe('Saved; type a new one to replace it');
    button('Sync now')?.click();
    await vi.waitFor(() => expect(store.syncNow).toHaveBeenCalled());
    expect(store.seal).not.toHaveBeenCalled();
    expect(store.save).toHaveBeenCalledWith(settings);
  });

  it('says so when the settings cannot be read', async () => {
    const { store } = fakeStore({ load: () => Promise.reject(new Error('storage broken')) });
    mount(store);
    await vi.waitFor(() =>
      expect(alertText()).toBe('Sync settings could not be read: storage broken'),
    );
  });
});
