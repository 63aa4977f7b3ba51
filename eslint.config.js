// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Where code runs decides what it may import; these rules keep the processes apart. */
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'this code also runs in the browser: no Node modules' })) };
const noElectron = { name: 'electron', message: 'only electron/main and electron/preload may import electron' };
const nativeModules = ['better-sqlite3', 'pino', 'pino-roll', 'fastify', 'ws', 'pg', '@electric-sql/pglite', '@node-rs/jieba'];

export default defineConfig(
  { ignores: ['dist/', 'release/', '.tsbuild/', 'node_modules/', 'test-results/', 'playwright-report/', 'eslint.config.js', '.dependency-cruiser.cjs', 'scripts/*.mjs'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, paths: [...noNode.paths, noElectron, ...nativeModules.map((name) => ({ name, message: 'shared/ is pure: no I/O' })), { name: 'react', message: 'shared/ is pure: no UI' }], patterns: [{ group: ['**/electron/**', '**/server/**', '**/renderer/**', '**/test/**', '../../*'], message: 'shared/ depends on nothing outside itself' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/webhost/**/*.ts', 'server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/renderer/**', '**/electron/main/**'], message: 'services never reach into main or the renderer' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [...noNode.paths, noElectron, ...nativeModules.map((name) => ({ name, message: 'the renderer reaches services only through DeskApi' }))], patterns: [{ group: ['**/electron/**', '**/server/**'], message: 'the renderer reaches services only through DeskApi' }] }],
      // i18n keys are written out or looked up in a typed Record<Code, TKey>, never glued together (renderer/src/i18n/README.md).
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='t'] > TemplateLiteral.arguments:first-child", message: 'Build no i18n key from a template: map the code to its key with a typed Record<Code, TKey>.' },
        { selector: "CallExpression[callee.property.name='t'] > TemplateLiteral.arguments:first-child", message: 'Build no i18n key from a template: map the code to its key with a typed Record<Code, TKey>.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
