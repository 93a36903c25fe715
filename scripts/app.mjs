// The case officer's web app: build it into app/build/ with esbuild from the package's own ESM entry
// (dist/index.js, so run `npm run build` first; `npm run app` does both), and serve it on 127.0.0.1.
//   node scripts/app.mjs            build, serve, print the URL (PORT=8080 to choose the port)
//   node scripts/app.mjs --build    build only
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const APP_DIR = join(root, 'app');
export const BUILD_DIR = join(APP_DIR, 'build');

/** Bundle app/main.ts (with the library from dist/index.js) and copy the static files. */
export async function buildApp({ minify = true } = {}) {
  const entry = join(root, 'dist', 'index.js');
  if (!existsSync(entry)) throw new Error('dist/index.js is missing: run `npm run build` first (or `npm run app`, which does).');
  mkdirSync(BUILD_DIR, { recursive: true });
  await build({
    entryPoints: [join(APP_DIR, 'main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    legalComments: 'none',
    outfile: join(BUILD_DIR, 'app.js'),
    alias: { 'iop-rules': entry },
    logLevel: 'warning',
  });
  for (const f of ['index.html', 'style.css']) copyFileSync(join(APP_DIR, f), join(BUILD_DIR, f));
  return BUILD_DIR;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png' };

/** Serve app/build/ on 127.0.0.1 (port 0 = any free port). Resolves to { server, url }. */
export function serveApp({ port = 0 } = {}) {
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(BUILD_DIR, path));
    if (!file.startsWith(BUILD_DIR + sep) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}/` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildApp();
  if (!process.argv.includes('--build')) {
    const { url } = await serveApp({ port: Number(process.env.PORT ?? 5178) });
    console.log(`IOP app: ${url}  (Ctrl+C to stop)`);
  } else console.log(`built ${BUILD_DIR}`);
}
