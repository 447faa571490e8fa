import { defineConfig } from 'wxt';

// Permissions are listed, with the reason for each, in README.md ("Permissions").
export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Claimmark',
    description:
      'Read the news closely: highlight passages, annotate claims, keep every note on your own machine.',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus'],
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
  }),
});
