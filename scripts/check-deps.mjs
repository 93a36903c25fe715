// `npm run check:deps` (part of `npm test`): fails when an installed or locked json-rules-engine
// or jsonpath-plus falls in a known vulnerable range, or when package.json stops pinning
// jsonpath-plus. It fails closed: without node_modules, or when Node could not resolve the two
// packages, it cannot vouch for what would run, so it fails. The ranges and the logic are in
// scripts/dep-ranges.mjs (pure, tested), the reading of the tree in scripts/dep-tree.mjs; this
// file only puts them together. `node scripts/check-deps.mjs [ROOT]` checks another project folder.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkOverride, judge, packagesInLock, WATCHED } from './dep-ranges.mjs';
import { installedPackages, isDirectory, resolvedPackages } from './dep-tree.mjs';

const root = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('..', import.meta.url));
const problems = [];

const readJson = (rel) => {
  try {
    return JSON.parse(readFileSync(join(root, rel), 'utf8'));
  } catch (e) {
    problems.push(`${rel} cannot be read: ${e.message.split('\n')[0]}`);
    return null;
  }
};

const nodeModules = join(root, 'node_modules');
const installed = isDirectory(nodeModules) ? installedPackages(nodeModules) : [];
if (!isDirectory(nodeModules)) problems.push('node_modules not found: the installed tree cannot be checked (run npm install first)');
for (const name of WATCHED) {
  if (isDirectory(nodeModules) && !installed.some((f) => f.name === name)) problems.push(`${name} is not installed under node_modules: cannot check it`);
}
const resolved = resolvedPackages(root);
problems.push(...resolved.problems);

const lock = readJson('package-lock.json');
const pkg = readJson('package.json');
const verdict = judge([...installed, ...resolved.found, ...(lock ? packagesInLock(lock) : [])]);
problems.push(...verdict.problems);
if (pkg) problems.push(...checkOverride(pkg));

if (problems.length) {
  for (const p of problems) console.error(`check:deps: ${p}`);
  process.exit(1);
}
console.log(`check:deps: ${verdict.seen.join(', ')}: no known vulnerable version; jsonpath-plus pinned by overrides`);
