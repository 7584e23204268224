// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries between processes: enforced here, not by goodwill (design/ARCHITECTURE.md). */
const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node: no node: imports.' };
/** Outside the core, only its public surface (src-main/core/index.ts) may be imported. */
const coreInternals = {
  regex: String.raw`^(\.\./)+core/(?!index$).+`,
  message: 'Import the core through its public surface (src-main/core/index.ts), not its internals.',
};
/** The sandbox is started by the hosts (src-main/host), never by the core or its adapters. */
const nodeOnlyCore = {
  regex: String.raw`(^|/)src-(sandbox|renderer)/`,
  message: 'The core and the RPC layer import neither the sandbox (the hosts start it) nor the UI.',
};
const noElectron = {
  name: 'electron',
  message: 'Only src-main/electron and src-main/preload may import electron.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // With noUncheckedIndexedAccess every indexed read may be undefined; `!` marks reads whose
      // index was just checked (a bounded loop, a regex group that matched).
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['src-shared/**'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'react', message: 'src-shared is UI-free.' }],
          patterns: [
            nodeBuiltins,
            {
              group: ['**/src-main/**', '**/src-sandbox/**', '**/src-renderer/**'],
              message: 'src-shared imports nothing but itself.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'The sandbox is independent of the console.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              regex: String.raw`^(?!zod$)(?!\./)(?!(\.\./)+src-shared/)`,
              message: 'The contract imports only zod, src-shared and itself: the renderer loads it too.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeOnlyCore,
            {
              regex: String.raw`^(\.\./)+(rpc|browser-host|host|electron|preload)(/|$)`,
              message:
                'The core knows no transport and no host: it exposes services and events, src-main/rpc adapts them, and the hosts pass the sandbox in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/rpc/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            coreInternals,
            nodeOnlyCore,
            {
              regex: String.raw`^(\.\./)+(browser-host|host|electron|preload)(/|$)`,
              message:
                'src-main/rpc adapts the core to the contract; transports and hosts import it, not the other way.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/browser-host/**', 'src-main/host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            coreInternals,
            {
              regex: String.raw`^(\.\./)+(electron|preload)(/|$)|(^|/)src-renderer/`,
              message: 'Hosts never import the Electron shell or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**'],
    rules: {
      // Tests and benchmarks read arbitrary JSON bodies from servers under test.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // The only code that imports `electron`.
    files: ['src-main/electron/**', 'src-main/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            coreInternals,
            {
              regex: String.raw`^(\.\./)+browser-host(/|$)|(^|/)src-(sandbox|renderer)/`,
              message:
                'The Electron shell is a thin transport: it starts the console through src-main/host and never imports the browser host, the sandbox or the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            nodeBuiltins,
            {
              group: [
                '**/src-main/core',
                '**/src-main/core/**',
                '**/src-main/rpc/**',
                '**/src-main/electron/**',
                '**/src-main/preload/**',
                '**/src-main/browser-host/**',
                '**/src-main/host/**',
                '**/src-sandbox/**',
              ],
              message: 'The renderer may import src-shared and src-main/contract only.',
            },
          ],
        },
      ],
    },
  },
);
