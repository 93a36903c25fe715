// Bundles every JSON file under rules/ into the virtual module `virtual:iop-catalogue`,
// for esbuild (tsup) and for vite (vitest). Adding a rule is adding a JSON file: nothing
// else is edited or generated. The library validates the files when it first loads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

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

/** The catalogue as module source: a sorted list of { path, json }. */
export function catalogueSource(rulesDir) {
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
  return { code: `export default ${JSON.stringify(files)};\n`, files: files.map((f) => join(rulesDir, f.path)) };
}

/** esbuild plugin (tsup). */
export function esbuildCatalogue(rulesDir) {
  return {
    name: 'iop-catalogue',
    setup(build) {
      build.onResolve({ filter: /^virtual:iop-catalogue$/ }, () => ({ path: CATALOGUE_ID, namespace: 'iop-catalogue' }));
      build.onLoad({ filter: /.*/, namespace: 'iop-catalogue' }, () => {
        const { code, files } = catalogueSource(rulesDir);
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
    load(id) {
      if (id !== RESOLVED) return null;
      const { code, files } = catalogueSource(rulesDir);
      for (const f of files) this.addWatchFile(f);
      return code;
    },
  };
}
