import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'app/build/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'json-rules-engine', message: 'Only src/engine/json-rules-engine.ts may import json-rules-engine.' },
          ],
        },
      ],
    },
  },
  {
    rules: {
      // `import { z } from 'zod'` pulls in the whole bundle; `import * as z from 'zod'` tree-shakes.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] ImportSpecifier",
          message: "Use `import * as z from 'zod'`.",
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/json-rules-engine.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', performance: 'readonly', setTimeout: 'readonly' } },
  },
  {
    // The benchmark runs a raw json-rules-engine Engine beside the library, to compare.
    files: ['bench/run.mjs'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
