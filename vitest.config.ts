import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { viteCatalogue } from './scripts/catalogue-plugin.mjs';

export default defineConfig({
  plugins: [viteCatalogue(resolve(import.meta.dirname, 'rules'))],
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    coverage: { provider: 'v8', include: ['src/**/*.ts'], reporter: ['text'] },
  },
});
