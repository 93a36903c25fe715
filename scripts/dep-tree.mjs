// What is installed, read from disk for `npm run check:deps` (scripts/check-deps.mjs). Two views:
// every copy of a watched package anywhere under node_modules (symlinks followed: npm link,
// workspaces, `file:` dependencies; pnpm's .pnpm/<name>@<version>/node_modules store entered),
// and the copy Node would actually load (json-rules-engine from the project, jsonpath-plus from
// json-rules-engine's own folder). Tested by test/check-deps.test.ts on fixture trees.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { WATCHED } from './dep-ranges.mjs';

/** A directory, following symlinks; false for a broken link or anything else. */
export function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readPackage(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  } catch {
    return null;
  }
}

/** Every watched package under a node_modules folder, nested, symlinked and pnpm-stored ones included. */
export function installedPackages(nodeModules) {
  const out = [];
  const seen = new Set();
  const walk = (dir, depth) => {
    if (depth > 16 || !isDirectory(dir)) return;
    let real;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (seen.has(real)) return; // a symlink loop, or a folder reached twice
    seen.add(real);
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (!isDirectory(full)) continue;
      if (name === '.pnpm') {
        // pnpm keeps every package at .pnpm/<name>@<version>/node_modules/<name>.
        for (const entry of readdirSync(full)) walk(join(full, entry, 'node_modules'), depth + 1);
        walk(join(full, 'node_modules'), depth + 1);
        continue;
      }
      if (name.startsWith('.')) continue; // .bin, .cache
      if (name.startsWith('@')) {
        walk(full, depth); // a scope folder holds packages like node_modules does
        continue;
      }
      const pkg = readPackage(full);
      if (pkg && WATCHED.includes(pkg.name)) out.push({ name: pkg.name, version: pkg.version, where: full });
      walk(join(full, 'node_modules'), depth + 1);
    }
  };
  walk(nodeModules, 0);
  return out;
}

/** The folder and version of the package `name` that contains `file` (walking up). */
function packageOf(file, name) {
  let dir = dirname(file);
  while (dir !== dirname(dir)) {
    const pkg = existsSync(join(dir, 'package.json')) ? readPackage(dir) : null;
    if (pkg && pkg.name === name) return { name, version: pkg.version, where: `${dir} (resolved)` };
    dir = dirname(dir);
  }
  return null;
}

/**
 * The copies Node loads: json-rules-engine as the project resolves it, and jsonpath-plus as
 * json-rules-engine resolves it. Returns them and a problem for each that cannot be resolved.
 */
export function resolvedPackages(root) {
  const found = [];
  const problems = [];
  let engineDir;
  try {
    const engine = packageOf(createRequire(join(root, 'package.json')).resolve('json-rules-engine'), 'json-rules-engine');
    if (!engine) throw new Error('no package.json');
    found.push(engine);
    engineDir = engine.where.replace(/ \(resolved\)$/, '');
  } catch (e) {
    problems.push(`json-rules-engine cannot be resolved from ${root}: ${e.message.split('\n')[0]} (is it installed?)`);
    return { found, problems };
  }
  try {
    const jp = packageOf(createRequire(join(engineDir, 'package.json')).resolve('jsonpath-plus'), 'jsonpath-plus');
    if (!jp) throw new Error('no package.json');
    found.push(jp);
  } catch (e) {
    problems.push(`jsonpath-plus cannot be resolved from json-rules-engine (${engineDir}): ${e.message.split('\n')[0]}`);
  }
  return { found, problems };
}
