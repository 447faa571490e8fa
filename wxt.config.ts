import { defineConfig } from 'wxt';

// Origins sync may be pointed at: each is asked for at run time, one origin at a time, when the
// reader enters a server (HTTPS anywhere, plain HTTP on loopback only).
const SYNC_ORIGINS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*', 'http://[::1]/*'];
// The end-to-end build (`--mode e2e`, in .output/*-e2e) is granted up front what a reader grants
// at a prompt no test can click: the loopback test server and downloads. Release builds never set it.
const E2E_GRANTS = ['http://127.0.0.1/*', 'downloads'];

const BASE_PERMISSIONS = ['storage', 'unlimitedStorage', 'contextMenus', 'alarms'];
const isOrigin = (permission: string) => permission.includes('/');

// Permissions are listed, with the reason for each, in README.md ("Permissions").
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, mode }) => {
    const granted = mode === 'e2e' ? E2E_GRANTS : [];
    const optional = (wanted: string[]) => wanted.filter((p) => !granted.includes(p));
    return {
      name: 'Claimmark',
      description:
        'Read the news closely: highlight passages, annotate claims, keep every note on your own machine.',
      // Firefox's MV2 manifest lists origins among the permissions; Chromium's MV3 apart.
      ...(browser === 'firefox'
        ? {
            permissions: [...BASE_PERMISSIONS, ...granted],
            optional_permissions: optional([...SYNC_ORIGINS, 'downloads']),
          }
        : {
            // offscreen: the backup's file gets its blob: address there (entrypoints/background/backup.ts).
            permissions: [...BASE_PERMISSIONS, 'offscreen', ...granted.filter((p) => !isOrigin(p))],
            optional_permissions: optional(['downloads']),
            optional_host_permissions: optional(SYNC_ORIGINS),
            host_permissions: granted.filter(isOrigin),
          }),
      // The note editor is shown in an iframe on news pages; dynamic URLs (MV3) keep pages from
      // probing for the extension with a fixed address.
      web_accessible_resources:
        browser === 'firefox'
          ? ['editor.html']
          : [
              {
                resources: ['editor.html'],
                matches: ['http://*/*', 'https://*/*'],
                use_dynamic_url: true,
              },
            ],
      commands: {
        'highlight-selection': {
          suggested_key: { default: 'Alt+Shift+H' },
          description: 'Highlight the selected text',
        },
        'claim-selection': {
          suggested_key: { default: 'Alt+Shift+C' },
          description: 'Mark the selected text as a claim',
        },
      },
      icons: {
        16: 'icon/16.png',
        32: 'icon/32.png',
        48: 'icon/48.png',
        128: 'icon/128.png',
      },
      action: { default_title: 'Claimmark' },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'claimmark@claimmark.org',
                strict_min_version: '140.0',
                data_collection_permissions: { required: ['none'] },
              },
              // Firefox for Android learned data_collection_permissions in 142.
              gecko_android: { strict_min_version: '142.0' },
            },
          }
        : {}),
    };
  },
});
