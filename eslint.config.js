// Lint keeps the layers apart (VS Code's habit: the layer is in the path, and lint checks it):
// shared/ is pure (no electron/, renderer/, Node or DOM), the renderer reaches the host only through
// renderer/host.ts, and the CLI never imports electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto', 'stream', 'util', 'events'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'coverage/**', 'test/fixtures/**', 'samples/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', '**/renderer/**', 'electron', 'electron/*'], message: 'shared/ must not depend on electron/ or renderer/.' },
          { group: ['node:*', ...nodeBuiltins], message: 'shared/ runs in the browser and workers too: no Node built-ins.' },
          { group: ['react', 'react-dom', 'react/*'], message: 'shared/ has no UI.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/host.ts', 'renderer/host/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', 'electron', 'electron/*'], message: 'The renderer reaches the host only through renderer/host.ts.' },
          { group: ['node:*', ...nodeBuiltins], message: 'The renderer is sandboxed: no Node built-ins.' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'window', property: 'host', message: 'Use renderer/host.ts.' }],
    },
  },
  {
    files: ['electron/cli/**/*.ts', 'electron/node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'electron/*', '**/renderer/**'], message: 'The CLI and node/ helpers run in plain Node.' }],
      }],
    },
  },
);
