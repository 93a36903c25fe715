// The supply-chain check: the version logic behind `npm run check:deps`, fed vulnerable and safe versions.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations; its functions are checked here.
import * as ranges from '../scripts/dep-ranges.mjs';

interface Found {
  name: string;
  version: string;
  where: string;
}
interface Advisory {
  id: string;
  fixedIn: string;
}
const dep = ranges as {
  parseVersion(v: unknown): { major: number; minor: number; patch: number; pre: string[] } | null;
  compareVersions(a: string, b: string): number;
  advisoriesFor(name: string, version: string): Advisory[];
  packagesInLock(lock: unknown): Found[];
  checkOverride(pkg: unknown): string[];
  judge(found: Found[]): { problems: string[]; seen: string[] };
};

const ids = (name: string, v: string) => dep.advisoriesFor(name, v).map((a) => a.id);
const at = (name: string, version: string): Found => ({ name, version, where: 'test' });

describe('version comparison', () => {
  it('orders by semver precedence, pre-releases below their release', () => {
    expect(dep.compareVersions('10.2.0', '10.3.0')).toBe(-1);
    expect(dep.compareVersions('10.10.0', '10.9.9')).toBe(1);
    expect(dep.compareVersions('10.3.0', '10.3.0+build.7')).toBe(0);
    expect(dep.compareVersions('10.3.0-rc.1', '10.3.0')).toBe(-1);
    expect(dep.compareVersions('10.3.0-rc.2', '10.3.0-rc.10')).toBe(-1);
    expect(dep.compareVersions('10.3.0-alpha', '10.3.0-1')).toBe(1);
  });

  it('reads only real versions', () => {
    expect(dep.parseVersion('10.4.0')).toEqual({ major: 10, minor: 4, patch: 0, pre: [] });
    for (const bad of ['', 'latest', '^10.3.0', '10.3', '10.3.0.1', 'file:../x', 'git+https://x', undefined, 10]) expect(dep.parseVersion(bad)).toBeNull();
  });
});

describe('jsonpath-plus', () => {
  it('flags every version below 10.2.0 for both CVEs', () => {
    for (const v of ['0.20.0', '7.2.0', '10.0.0', '10.0.7', '10.1.0', '10.1.99']) expect(ids('jsonpath-plus', v), v).toEqual(['CVE-2024-21534', 'CVE-2025-1302']);
  });
  it('flags 10.2.x and 10.3.0 pre-releases for CVE-2025-1302 only', () => {
    for (const v of ['10.2.0', '10.2.5', '10.3.0-rc.1', '10.3.0-beta']) expect(ids('jsonpath-plus', v), v).toEqual(['CVE-2025-1302']);
  });
  it('passes 10.3.0 and later', () => {
    for (const v of ['10.3.0', '10.3.1', '10.4.0', '11.3.0', '10.3.0+build']) expect(ids('jsonpath-plus', v), v).toEqual([]);
  });
  it('fails closed on a version it cannot read', () => {
    expect(ids('jsonpath-plus', 'latest')).toEqual(['unparseable-version']);
  });
});

describe('json-rules-engine', () => {
  it('flags versions whose jsonpath-plus range admits the vulnerable ones', () => {
    for (const v of ['6.5.0', '7.0.0', '7.1.0', '7.3.0', '7.3.1-rc.0']) expect(ids('json-rules-engine', v).length, v).toBe(1);
  });
  it('passes 7.3.1 and later', () => {
    for (const v of ['7.3.1', '7.3.2', '8.0.0']) expect(ids('json-rules-engine', v), v).toEqual([]);
  });
  it('ignores packages it does not watch', () => {
    expect(ids('left-pad', '0.0.1')).toEqual([]);
  });
});

describe('judging what is installed', () => {
  it('passes safe versions and lists them', () => {
    const res = dep.judge([at('json-rules-engine', '7.3.1'), at('jsonpath-plus', '10.4.0'), at('jsonpath-plus', '10.4.0')]);
    expect(res.problems).toEqual([]);
    expect(res.seen).toEqual(['json-rules-engine@7.3.1', 'jsonpath-plus@10.4.0']);
  });
  it('fails on one vulnerable copy among safe ones (e.g. a nested node_modules)', () => {
    const res = dep.judge([at('json-rules-engine', '7.3.1'), at('jsonpath-plus', '10.4.0'), { name: 'jsonpath-plus', version: '10.1.0', where: 'node_modules/x/node_modules/jsonpath-plus' }]);
    expect(res.problems).toHaveLength(2);
    expect(res.problems.join('\n')).toMatch(/jsonpath-plus@10\.1\.0 \(node_modules\/x\/node_modules\/jsonpath-plus\) is below 10\.2\.0: CVE-2024-21534/);
  });
  it('fails when a watched package cannot be found at all', () => {
    expect(dep.judge([at('jsonpath-plus', '10.4.0')]).problems).toEqual(['json-rules-engine not found in node_modules or the lockfile: cannot check it']);
  });
  it('reads lockfiles v2/v3 and v1', () => {
    const v3 = { packages: { '': { name: 'iop-rules' }, 'node_modules/json-rules-engine': { version: '7.3.1' }, 'node_modules/a/node_modules/jsonpath-plus': { version: '10.0.7' } } };
    expect(dep.packagesInLock(v3).map((f) => `${f.name}@${f.version}`)).toEqual(['json-rules-engine@7.3.1', 'jsonpath-plus@10.0.7']);
    const v1 = { dependencies: { 'json-rules-engine': { version: '6.1.0', dependencies: { 'jsonpath-plus': { version: '7.2.0' } } } } };
    expect(dep.packagesInLock(v1).map((f) => `${f.name}@${f.version}`)).toEqual(['json-rules-engine@6.1.0', 'jsonpath-plus@7.2.0']);
    expect(dep.judge(dep.packagesInLock(v1)).problems).toHaveLength(3);
  });
});

describe('the overrides pin', () => {
  it('accepts pins whose floor is 10.3.0 or more', () => {
    for (const r of ['>=10.3.0 <11', '^10.3.0', '10.4.0', '~10.3.1', '>=10.3.0']) expect(dep.checkOverride({ overrides: { 'jsonpath-plus': r } }), r).toEqual([]);
  });
  it('refuses a missing pin or one that admits vulnerable versions', () => {
    expect(dep.checkOverride({})).toHaveLength(1);
    for (const r of ['^10.0.0', '>=10.2.0', '*', '<11', '10.x', '^10.3.0 || ^10.1.0']) expect(dep.checkOverride({ overrides: { 'jsonpath-plus': r } }), r).toHaveLength(1);
  });
});

describe('this repository', () => {
  it('pins jsonpath-plus, commits its lockfile, and resolves only safe versions', () => {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(dep.checkOverride(pkg)).toEqual([]);
    const lock: unknown = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
    const found = dep.packagesInLock(lock);
    expect(found.map((f) => f.name).sort()).toEqual(expect.arrayContaining(['json-rules-engine', 'jsonpath-plus']));
    expect(dep.judge(found).problems).toEqual([]);
    const tracked = execFileSync('git', ['ls-files', 'package-lock.json'], { cwd: new URL('..', import.meta.url).pathname, encoding: 'utf8' });
    expect(tracked.trim()).toBe('package-lock.json');
  });

  it('npm run check:deps is part of npm test', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['check:deps']).toBe('node scripts/check-deps.mjs');
    expect(pkg.scripts.test).toContain('npm run check:deps');
  });
});
