// Bundles every JSON file under rules/ into the virtual module `virtual:iop-catalogue`,
// for esbuild (tsup) and for vite (vitest). Adding a rule is adding a JSON file: nothing
// else is edited or generated. At build time the files are validated by the library's own
// loader (src/rules/build-catalogue.ts, bundled and run here) and every bundled rule set is
// hashed, so the package does neither at start-up; a broken rule file fails the build.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CATALOGUE_ID = 'virtual:iop-catalogue';
const RESOLVED = '\0' + CATALOGUE_ID;

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.name.endsWith('.json') && !entry.name.endsWith('.schema.json')) out.push(full);
  }
  return out;
}

/** Every rule file: a sorted list of { path, json }. */
function readCatalogue(rulesDir) {
  const files = walk(rulesDir).map((full) => {
    const path = relative(rulesDir, full).split(sep).join('/');
    let json;
    try {
      json = JSON.parse(readFileSync(full, 'utf8'));
    } catch (e) {
      throw new Error(`rules/${path} is not valid JSON: ${e.message}`, { cause: e });
    }
    return { path, json };
  });
  return { files };
}

/** The catalogue as module source without build-time preparation (the library then validates at first use). */
export function catalogueSource(rulesDir) {
  const { files } = readCatalogue(rulesDir);
  return { code: `export default ${JSON.stringify(files)};\nexport const prepared = undefined;\n`, files: files.map((f) => join(rulesDir, f.path)) };
}

let builds = 0;

/**
 * The validated catalogue and the bundled rule sets' hashes, computed by src/rules/build-catalogue.ts
 * (bundled with esbuild into node_modules/.cache and imported). Throws on a broken rule file.
 */
export async function prepareCatalogue(rulesDir, files) {
  const root = dirname(rulesDir);
  const { build } = await import('esbuild');
  const out = join(root, 'node_modules/.cache/iop-catalogue', `build-${process.pid}-${++builds}.mjs`);
  mkdirSync(dirname(out), { recursive: true });
  await build({
    entryPoints: [join(root, 'src/rules/build-catalogue.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: out,
    packages: 'external',
    logLevel: 'error',
    // The loader module imports the catalogue it is about to prepare: give it an empty one here.
    plugins: [{ name: 'empty-catalogue', setup(b) {
      b.onResolve({ filter: /^virtual:iop-catalogue$/ }, () => ({ path: 'empty', namespace: 'empty-catalogue' }));
      b.onLoad({ filter: /.*/, namespace: 'empty-catalogue' }, () => ({ contents: 'export default []; export const prepared = undefined;', loader: 'js' }));
    } }],
  });
  try {
    const mod = await import(pathToFileURL(out).href);
    return mod.prepareCatalogue(files);
  } finally {
    rmSync(out, { force: true });
  }
}

/** The module source with the build-time validated catalogue. */
export async function preparedSource(rulesDir) {
  const { files } = readCatalogue(rulesDir);
  const prepared = await prepareCatalogue(rulesDir, files);
  return {
    // Only the prepared catalogue ships: the raw files are not needed once validated. JSON.parse of
    // a string literal starts faster than the same data as an object literal.
    code: `export default [];\nexport const prepared = JSON.parse(${JSON.stringify(JSON.stringify(prepared))});\n`,
    files: files.map((f) => join(rulesDir, f.path)),
  };
}

/** esbuild plugin (tsup). */
export function esbuildCatalogue(rulesDir) {
  return {
    name: 'iop-catalogue',
    setup(build) {
      build.onResolve({ filter: /^virtual:iop-catalogue$/ }, () => ({ path: CATALOGUE_ID, namespace: 'iop-catalogue' }));
      build.onLoad({ filter: /.*/, namespace: 'iop-catalogue' }, async () => {
        const { code, files } = await preparedSource(rulesDir);
        return { contents: code, loader: 'js', watchFiles: files };
      });
    },
  };
}

/** vite plugin (vitest). */
export function viteCatalogue(rulesDir) {
  return {
    name: 'iop-catalogue',
    resolveId(id) {
      return id === CATALOGUE_ID ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const { code, files } = await preparedSource(rulesDir);
      for (const f of files) this.addWatchFile(f);
      return code;
    },
  };
}
