// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Import boundaries between processes: enforced here, not by goodwill (design/ARCHITECTURE.md). */
const nodeBuiltins = { group: ['node:*'], message: 'This layer runs without Node: no node: imports.' };
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
    files: ['src-main/core/**', 'src-main/rpc/**', 'src-main/contract/**', 'src-main/browser-host/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/src-renderer/**', '**/electron/**', '**/preload/**'],
              message: 'Core never imports the shell or the UI.',
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
    files: ['src-main/electron/**', 'src-main/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
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
                '**/src-main/core/**',
                '**/src-main/rpc/**',
                '**/src-main/electron/**',
                '**/src-main/preload/**',
                '**/src-main/browser-host/**',
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
