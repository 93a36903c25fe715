import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**'] },
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
            { name: 'zod', importNames: ['z'], message: "Use `import * as z from 'zod'` (named import pulls the whole bundle)." },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/json-rules-engine.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
