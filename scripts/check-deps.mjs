// Fails when an installed json-rules-engine or jsonpath-plus falls in a known vulnerable range.
// `npm audit` cannot reach its endpoint on our machines, so the ranges are kept here:
//   jsonpath-plus < 10.3.0: CVE-2024-21534 (fixed fully in 10.2.0) and CVE-2025-1302 (fixed in 10.3.0),
//     remote code execution through a JSONPath expression.
//   json-rules-engine < 7.3.1: depends on a jsonpath-plus range that admits the versions above.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const RULES = [
  { name: 'jsonpath-plus', min: [10, 3, 0], why: 'CVE-2024-21534, CVE-2025-1302 (RCE via JSONPath)' },
  { name: 'json-rules-engine', min: [7, 3, 1], why: 'depends on a vulnerable jsonpath-plus range' },
];

const parse = (v) => v.split(/[.+-]/).slice(0, 3).map(Number);
const below = (v, min) => {
  const p = parse(v);
  for (let i = 0; i < 3; i++) if ((p[i] ?? 0) !== min[i]) return (p[i] ?? 0) < min[i];
  return false;
};

const found = [];
function walk(dir, depth) {
  if (depth > 12 || !existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = join(dir, entry.name);
    if (entry.name.startsWith('@')) { walk(full, depth); continue; }
    const pkgFile = join(full, 'package.json');
    if (existsSync(pkgFile)) {
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
      if (RULES.some((r) => r.name === pkg.name)) found.push({ name: pkg.name, version: pkg.version, where: full });
    }
    const nested = join(full, 'node_modules');
    if (existsSync(nested)) walk(nested, depth + 1);
  }
}
walk(new URL('../node_modules', import.meta.url).pathname, 0);

const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
for (const [path, meta] of Object.entries(lock.packages ?? {})) {
  const name = path.split('node_modules/').pop();
  if (RULES.some((r) => r.name === name)) found.push({ name, version: meta.version, where: `package-lock.json: ${path}` });
}

let bad = 0;
for (const r of RULES) {
  const hits = found.filter((f) => f.name === r.name);
  if (!hits.length) {
    console.error(`check:deps: ${r.name} not found in node_modules or the lockfile`);
    bad++;
  }
  for (const h of hits) {
    if (below(h.version, r.min)) {
      console.error(`check:deps: ${h.name}@${h.version} (${h.where}) is below ${r.min.join('.')}: ${r.why}`);
      bad++;
    }
  }
}
if (bad) process.exit(1);
console.log(`check:deps: ${found.map((f) => `${f.name}@${f.version}`).filter((v, i, a) => a.indexOf(v) === i).join(', ')} — no known vulnerable version`);
