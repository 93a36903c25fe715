// `npm run check:deps` (part of `npm test`): fails when an installed or locked json-rules-engine
// or jsonpath-plus falls in a known vulnerable range, or when package.json stops pinning
// jsonpath-plus. The ranges and the logic are in scripts/dep-ranges.mjs (pure, tested); this
// file only reads node_modules, package-lock.json and package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkOverride, judge, packagesInLock, WATCHED } from './dep-ranges.mjs';

const root = new URL('..', import.meta.url);

/** Every watched package installed under node_modules, nested ones included. */
function installed(dir, depth = 0, out = []) {
  if (depth > 12 || !existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      installed(full, depth, out);
      continue;
    }
    const pkgFile = join(full, 'package.json');
    if (existsSync(pkgFile)) {
      try {
        const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
        if (WATCHED.includes(pkg.name)) out.push({ name: pkg.name, version: pkg.version, where: full });
      } catch {
        // An unreadable package.json is not one of ours to judge.
      }
    }
    const nested = join(full, 'node_modules');
    if (existsSync(nested)) installed(nested, depth + 1, out);
  }
  return out;
}

const readJson = (rel) => JSON.parse(readFileSync(new URL(rel, root), 'utf8'));

const found = [...installed(new URL('node_modules', root).pathname), ...packagesInLock(readJson('package-lock.json'))];
const { problems, seen } = judge(found);
problems.push(...checkOverride(readJson('package.json')));

if (problems.length) {
  for (const p of problems) console.error(`check:deps: ${p}`);
  process.exit(1);
}
console.log(`check:deps: ${seen.join(', ')}: no known vulnerable version; jsonpath-plus pinned by overrides`);
