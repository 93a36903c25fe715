// Known vulnerable versions of the two packages that could let a rule file run code, and pure
// functions to test resolved versions against them. `npm audit` cannot reach its endpoint on
// our machines, so `npm run check:deps` (scripts/check-deps.mjs) uses this table instead.
// Tested by test/check-deps.test.ts. See docs/security.md.

/**
 * Each entry: every version of `name` below `fixedIn` is affected. Sources: the GitHub advisories
 * GHSA-pppg-cpfq-h7wr (CVE-2024-21534: the first fixes, 10.0.7 to 10.1.0, were bypassed; some
 * trackers list 10.2.0 as the fix) and GHSA-hw8r-x6gr-5gjp (CVE-2025-1302: fixed in 10.3.0);
 * json-rules-engine moved its jsonpath-plus range to ^10.3.0 in 7.3.1.
 */
export const VULNERABLE_RANGES = Object.freeze([
  {
    name: 'jsonpath-plus',
    fixedIn: '10.2.0',
    id: 'CVE-2024-21534',
    why: 'remote code execution through a JSONPath filter expression',
  },
  {
    name: 'jsonpath-plus',
    fixedIn: '10.3.0',
    id: 'CVE-2025-1302',
    why: 'remote code execution: the fix for CVE-2024-21534 was incomplete',
  },
  {
    name: 'json-rules-engine',
    fixedIn: '7.3.1',
    id: 'CVE-2024-21534, CVE-2025-1302 (through jsonpath-plus)',
    why: 'its jsonpath-plus dependency range admits the vulnerable versions',
  },
]);

/** Packages that must be present: if they are missing, the check cannot vouch for anything. */
export const WATCHED = Object.freeze(['json-rules-engine', 'jsonpath-plus']);

const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parse `1.2.3`, `1.2.3-rc.1`, `1.2.3+build`; null for anything else (a range, a tag, a URL). */
export function parseVersion(v) {
  if (typeof v !== 'string') return null;
  const m = SEMVER.exec(v.trim());
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), pre: m[4] ? m[4].split('.') : [] };
}

function comparePre(a, b) {
  // A release sorts after its pre-releases; otherwise compare identifier by identifier (semver §11).
  if (!a.length || !b.length) return a.length === b.length ? 0 : a.length ? -1 : 1;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    const na = /^\d+$/.test(a[i]);
    const nb = /^\d+$/.test(b[i]);
    if (na && nb) {
      const d = Number(a[i]) - Number(b[i]);
      if (d) return Math.sign(d);
    } else if (na !== nb) return na ? -1 : 1;
    else if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** Semver precedence: -1, 0 or 1. Both arguments must parse. */
export function compareVersions(a, b) {
  const x = typeof a === 'string' ? parseVersion(a) : a;
  const y = typeof b === 'string' ? parseVersion(b) : b;
  if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`);
  for (const k of ['major', 'minor', 'patch']) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
  return comparePre(x.pre, y.pre);
}

/**
 * The advisories a resolved `name@version` falls under. A version that does not parse is
 * treated as vulnerable (fail closed): we cannot tell, so the check must not pass.
 */
export function advisoriesFor(name, version, ranges = VULNERABLE_RANGES) {
  const relevant = ranges.filter((r) => r.name === name);
  if (!relevant.length) return [];
  const v = parseVersion(version);
  if (!v) return [{ name, fixedIn: '?', id: 'unparseable-version', why: `cannot read version "${String(version)}"` }];
  return relevant.filter((r) => compareVersions(v, r.fixedIn) < 0);
}

/** Every watched package in a package-lock.json (v2/v3 `packages`, or v1 nested `dependencies`). */
export function packagesInLock(lock) {
  const out = [];
  for (const [path, meta] of Object.entries(lock?.packages ?? {})) {
    const name = meta?.name ?? path.split('node_modules/').pop();
    if (path && WATCHED.includes(name)) out.push({ name, version: meta?.version, where: `package-lock.json: ${path}` });
  }
  const v1 = (deps, prefix) => {
    for (const [name, meta] of Object.entries(deps ?? {})) {
      const where = `${prefix}${name}`;
      if (WATCHED.includes(name)) out.push({ name, version: meta?.version, where: `package-lock.json (v1): ${where}` });
      v1(meta?.dependencies, `${where} > `);
    }
  };
  if (!lock?.packages) v1(lock?.dependencies, '');
  return out;
}

/**
 * The overrides pin: `overrides["jsonpath-plus"]` must exist and every version it admits must
 * be ≥ 10.3.0 (a lower bound `>=10.3.0`, `^10.3.0`, `~10.3.x` or an exact version is enough).
 */
export function checkOverride(pkg) {
  const range = pkg?.overrides?.['jsonpath-plus'];
  if (typeof range !== 'string') return ['package.json: overrides["jsonpath-plus"] is missing (pin it to >=10.3.0)'];
  const floor = VULNERABLE_RANGES.filter((r) => r.name === 'jsonpath-plus').map((r) => r.fixedIn).sort((a, b) => compareVersions(b, a))[0];
  const alternatives = range.split('||').map((s) => s.trim());
  for (const alt of alternatives) {
    const m = /^(?:>=\s*|\^|~|=)?\s*v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?:\s|$)/.exec(alt);
    if (!m || compareVersions(m[1], floor) < 0) {
      return [`package.json: overrides["jsonpath-plus"] = "${range}" admits versions below ${floor}`];
    }
  }
  return [];
}

/**
 * Judge a list of resolved packages `{ name, version, where }`. Returns `problems` (each a line
 * for stderr; empty means pass) and `seen` (`name@version`, for the success line).
 */
export function judge(found) {
  const problems = [];
  for (const name of WATCHED) {
    if (!found.some((f) => f.name === name)) problems.push(`${name} not found in node_modules or the lockfile: cannot check it`);
  }
  for (const f of found) {
    for (const a of advisoriesFor(f.name, f.version)) {
      problems.push(`${f.name}@${f.version} (${f.where}) is below ${a.fixedIn}: ${a.id}, ${a.why}`);
    }
  }
  const seen = [...new Set(found.map((f) => `${f.name}@${f.version}`))];
  return { problems, seen };
}
