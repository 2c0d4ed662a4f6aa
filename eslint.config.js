// Lint, including the layering rules of ARCHITECTURE.md: a wrong import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** no-restricted-imports for one layer: banned module names and path patterns, with the reason. */
function layer(files, { modules = [], patterns = [] }, why) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: modules.map((name) => ({ name, message: why })),
          patterns: [{ group: patterns, message: why }],
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'playwright-report/', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  layer(
    ['shared/**/*.ts'],
    { modules: [...nodeBuiltins, 'electron', 'react', 'react-dom'], patterns: ['node:*', '**/electron/**', '**/renderer/**', '@mui/*', 'electron/*'] },
    'shared/ is pure TypeScript: no Node built-ins, no DOM libraries, no electron, no imports from electron/ or renderer/.',
  ),
  layer(
    ['renderer/**/*.{ts,tsx}'],
    { modules: [...nodeBuiltins, 'electron'], patterns: ['node:*', '**/electron/**', 'electron/*'] },
    'renderer/ runs in a browser page: talk to the host through the Studio API (shared/api), never node:* or electron.',
  ),
  layer(
    ['electron/**/*.ts'],
    { modules: ['electron', 'react', 'react-dom'], patterns: ['**/renderer/**', '@mui/*', 'electron/*'] },
    'Only electron/main.ts and electron/preload.ts may import electron; host code never imports UI code.',
  ),
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**', '@mui/*'], message: 'The main process never imports UI code.' }] }] },
  },
  {
    files: ['**/*.test.ts', 'e2e/**/*.ts', 'scripts/**', 'bin/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
