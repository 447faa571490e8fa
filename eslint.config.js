import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Module boundaries (docs/ARCHITECTURE.md), checked here rather than by convention.
const EXTENSION_APIS = [
  { name: 'wxt/browser', message: 'lib/ is pure: pass data in from an entrypoint.' },
  { name: 'webextension-polyfill', message: 'lib/ is pure: pass data in from an entrypoint.' },
  { name: 'dexie', message: 'Only lib/storage talks to Dexie.' },
];
// A regex, not a glob: the globs missed relative imports such as '../storage/notes'. A file
// deeper in lib/ that climbs to a '…/storage' of its own is refused too, which costs nothing.
const STORAGE = {
  regex: '(^|/)lib/storage(/|$)|^(\\.\\./)+storage(/|$)',
  message:
    'Only lib/services and the popup touch storage: ask the background through lib/messaging.',
};
const SERVICES = {
  regex: '(^|/)lib/services(/|$)|^(\\.\\./)+services(/|$)',
  message: "lib/services is the background's application layer: only the background wires it.",
};

const ENTRYPOINTS = {
  group: ['@/entrypoints/**', '**/entrypoints/**'],
  message: 'No entrypoint imports another: move what both need to lib/ or components/.',
};
// From a file directly inside entrypoints/<name>/, "../" leaves its own entrypoint.
const ENTRYPOINT_SIBLINGS = {
  group: ['../*'],
  message: 'No entrypoint imports another: move what both need to lib/ or components/.',
};

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Leaving fields out of a copy by destructuring them away is the point of such a rest.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-globals': ['error', 'chrome'],
      // Arrow shorthands that return a void call read fine in JSX handlers and subscriptions.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Page text and notes are never parsed as HTML.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render text, never HTML.',
        },
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Use textContent or DOM nodes, never HTML strings.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Use DOM nodes, never HTML strings.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // scripts/ is the tooling (eval, bench, training); what tests and scripts share lives in
    // tests/support/ or lib/.
    files: ['tests/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/scripts/**', '**/scripts/**'],
              message: 'Tests import no scripts: move what both need to tests/support/ or lib/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Layers: lib/storage (Dexie) ← lib/services (the background's application logic) ← the
    // background entrypoint. Everything else in lib/ is pure and reaches neither.
    files: ['lib/**'],
    ignores: ['lib/storage/**', 'lib/services/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: EXTENSION_APIS, patterns: [STORAGE, SERVICES, ENTRYPOINTS] },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser'],
    },
  },
  {
    files: ['lib/services/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: EXTENSION_APIS, patterns: [ENTRYPOINTS] }],
      'no-restricted-globals': ['error', 'chrome', 'browser'],
    },
  },
  {
    files: ['lib/storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: EXTENSION_APIS.slice(0, 2), patterns: [SERVICES, ENTRYPOINTS] },
      ],
      'no-restricted-globals': ['error', 'chrome', 'browser'],
    },
  },
  {
    // Each entrypoint is its own bundle: code two of them need lives in lib/ or components/, and
    // only lib/storage talks to Dexie.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [EXTENSION_APIS[2]],
          patterns: [
            ENTRYPOINTS,
            SERVICES,
            {
              group: [
                '@/lib/messaging/**',
                '@/lib/storage/**',
                '**/lib/messaging/**',
                '**/lib/storage/**',
              ],
              allowTypeImports: true,
              message:
                'Components get data and callbacks: the entrypoint talks to the background and the database.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [EXTENSION_APIS[2]], patterns: [ENTRYPOINTS, ENTRYPOINT_SIBLINGS, SERVICES] },
      ],
    },
  },
  {
    files: ['entrypoints/background.ts', 'entrypoints/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [EXTENSION_APIS[2]], patterns: [ENTRYPOINTS, ENTRYPOINT_SIBLINGS] },
      ],
    },
  },
  {
    // The editor page talks to the background only: its notes are read and written there.
    files: ['entrypoints/editor/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [EXTENSION_APIS[2]],
          patterns: [STORAGE, SERVICES, ENTRYPOINTS, ENTRYPOINT_SIBLINGS],
        },
      ],
    },
  },
  {
    files: ['entrypoints/content.ts', 'entrypoints/content/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [EXTENSION_APIS[2]],
          patterns: [STORAGE, SERVICES, ENTRYPOINTS, ENTRYPOINT_SIBLINGS],
        },
      ],
    },
  },
);
