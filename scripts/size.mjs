// Gzip sizes of what a browser downloads: the web app's JavaScript and a bundle of the package's main entry,
// with the inputs that dominate each. `npm run size` prints them; test/size.test.ts holds them to the
// budgets in docs/performance.md.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { esbuildCatalogue } from './catalogue-plugin.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Budgets in bytes (gzip -9), set after measuring; see docs/performance.md. */
export const BUDGETS = { app: 220_000, main: 212_000 };

function group(path) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (m) return m[1];
  if (path.includes('iop-catalogue')) return 'rules catalogue (rules/**/*.json: texts sv+en, sources, parameters)';
  const src = /^src\/([^/]+)\//.exec(path);
  if (src) return `src/${src[1]}/`;
  if (path.startsWith('examples/')) return 'examples (bundled into the app)';
  if (path.startsWith('app/')) return 'app code';
  return 'iop-rules code';
}

async function measure(entry, alias, plugins = []) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    metafile: true,
    outdir: '/tmp/iop-size',
    alias,
    plugins,
    logLevel: 'silent',
  });
  const file = out.outputFiles.find((f) => f.path.endsWith('.js'));
  const code = file.contents;
  const byGroup = new Map();
  for (const output of Object.values(out.metafile.outputs)) {
    for (const [path, info] of Object.entries(output.inputs)) byGroup.set(group(path), (byGroup.get(group(path)) ?? 0) + info.bytesInOutput);
  }
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, parts: [...byGroup].sort((a, b) => b[1] - a[1]) };
}

/** Measure the app (app/main.ts with the library from dist/) and the main entry (dist/index.js). */
export async function sizes() {
  const dist = join(root, 'dist', 'index.js');
  const [app, main] = await Promise.all([measure(join(root, 'app', 'main.ts'), { 'iop-rules': dist }), measure(dist)]);
  return { app, main };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = await sizes();
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  // What dominates the library: the same bundle built from src/, by folder, with the catalogue as one part.
  const fromSrc = await measure(join(root, 'src', 'index.ts'), {}, [esbuildCatalogue(join(root, 'rules'))]);
  for (const [name, r] of Object.entries(s)) {
    console.log(`${name === 'app' ? 'web app JavaScript' : 'main entry bundle'}: ${kb(r.gzip)} gzip (${kb(r.minified)} minified); budget ${kb(BUDGETS[name])} gzip`);
    for (const [part, bytes] of r.parts.slice(0, 8)) console.log(`  ${kb(bytes).padStart(9)} minified  ${part}`);
  }
  console.log(`main entry built from src/ (for the breakdown): ${kb(fromSrc.gzip)} gzip`);
  for (const [part, bytes] of fromSrc.parts.slice(0, 10)) console.log(`  ${kb(bytes).padStart(9)} minified  ${part}`);
  const over = Object.entries(s).filter(([name, r]) => r.gzip > BUDGETS[name]);
  if (over.length) {
    console.error(`over budget: ${over.map(([n]) => n).join(', ')}`);
    process.exit(1);
  }
}
