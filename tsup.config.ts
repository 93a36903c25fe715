import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import { esbuildCatalogue } from './scripts/catalogue-plugin.mjs';

const catalogue = esbuildCatalogue(resolve(import.meta.dirname, 'rules'));

export default defineConfig([
  {
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    // tsup 8.5 injects `baseUrl` into the dts compilerOptions; TypeScript 6 rejects it (TS5101) unless silenced.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    sourcemap: true,
    clean: false,
    target: 'es2022',
    external: ['vitest'],
    esbuildPlugins: [catalogue],
  },
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'es2022',
    banner: { js: '#!/usr/bin/env node' },
    esbuildPlugins: [catalogue],
  },
]);
