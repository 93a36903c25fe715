import { resolve } from 'node:path';
import { defineConfig } from 'tsup';
import { esbuildCatalogue } from './scripts/catalogue-plugin.mjs';

const catalogue = esbuildCatalogue(resolve(import.meta.dirname, 'rules'));

// Shared settings. No sourcemaps: the published files are readable, unminified ES2022, and maps
// made up more than half of the unpacked package (they pointed at src/, which is not shipped).
const common = {
  sourcemap: false,
  clean: false,
  target: 'es2022',
  external: ['vitest'],
  esbuildPlugins: [catalogue],
} as const;

export default defineConfig([
  {
    // ESM: the library, its testing entry and the CLI in one build, so the rule catalogue and
    // everything else they share lives in one chunk (the CLI's code stays in cli.js alone).
    // The CLI's `#!/usr/bin/env node` line is in src/cli/bin.ts; esbuild keeps an entry's hashbang.
    ...common,
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', cli: 'src/cli/bin.ts' },
    format: ['esm'],
    splitting: true,
    // tsup 8.5 injects `baseUrl` into the dts compilerOptions; TypeScript 6 rejects it (TS5101) unless silenced.
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' }, compilerOptions: { ignoreDeprecations: '6.0' } },
  },
  {
    // CommonJS: split too, so an app that requires both `iop-rules` and `iop-rules/testing`
    // loads one catalogue and gets one IopInputError class. `npm run check:package` checks this.
    ...common,
    entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
    format: ['cjs'],
    splitting: true,
    dts: { entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' }, compilerOptions: { ignoreDeprecations: '6.0' } },
  },
]);
