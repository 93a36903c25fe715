// The supply-chain check: the version logic behind `npm run check:deps`, fed vulnerable and safe versions.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

// The script itself on fixture trees: what npm, npm link and pnpm lay out, with a vulnerable
// jsonpath-plus where the old walker (Dirent.isDirectory, no .pnpm) did not look.
describe('check-deps.mjs on installed trees', () => {
  const script = new URL('../scripts/check-deps.mjs', import.meta.url).pathname;
  const SAFE_LOCK = {
    lockfileVersion: 3,
    packages: { '': { name: 'fx' }, 'node_modules/json-rules-engine': { version: '7.3.1' }, 'node_modules/jsonpath-plus': { version: '10.4.0' } },
  };

  function project(layout: (root: string) => void, lock: unknown = SAFE_LOCK): string {
    const root = mkdtempSync(join(tmpdir(), 'iop-deps-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'fx', version: '1.0.0', overrides: { 'jsonpath-plus': '>=10.3.0 <11' } }));
    writeFileSync(join(root, 'package-lock.json'), JSON.stringify(lock));
    layout(root);
    return root;
  }
  function pkg(dir: string, name: string, version: string): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version, main: 'index.js' }));
    writeFileSync(join(dir, 'index.js'), 'module.exports = {};\n');
  }
  function run(root: string): { code: number; out: string } {
    try {
      const out = execFileSync(process.execPath, [script, root], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { code: 0, out };
    } catch (e) {
      const err = e as { status: number; stderr: string };
      return { code: err.status, out: err.stderr };
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }

  it('passes a plain npm tree with safe versions (positive control)', () => {
    const res = run(project((r) => {
      pkg(join(r, 'node_modules/json-rules-engine'), 'json-rules-engine', '7.3.1');
      pkg(join(r, 'node_modules/jsonpath-plus'), 'jsonpath-plus', '10.4.0');
    }));
    expect(res.out).toContain('no known vulnerable version');
    expect(res.code).toBe(0);
  });

  it('fails on a symlinked jsonpath-plus 10.0.0 (npm link, file:, workspaces)', () => {
    const res = run(project((r) => {
      pkg(join(r, 'node_modules/json-rules-engine'), 'json-rules-engine', '7.3.1');
      pkg(join(r, 'vendor/jsonpath-plus'), 'jsonpath-plus', '10.0.0');
      symlinkSync(join(r, 'vendor/jsonpath-plus'), join(r, 'node_modules/jsonpath-plus'), 'dir');
    }));
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/jsonpath-plus@10\.0\.0 .*CVE-2024-21534/);
  });

  it('fails on a pnpm layout whose store holds jsonpath-plus 10.0.0', () => {
    const res = run(project((r) => {
      const store = join(r, 'node_modules/.pnpm');
      pkg(join(store, 'json-rules-engine@7.3.1/node_modules/json-rules-engine'), 'json-rules-engine', '7.3.1');
      pkg(join(store, 'jsonpath-plus@10.0.0/node_modules/jsonpath-plus'), 'jsonpath-plus', '10.0.0');
      symlinkSync(join(store, 'jsonpath-plus@10.0.0/node_modules/jsonpath-plus'), join(store, 'json-rules-engine@7.3.1/node_modules/jsonpath-plus'), 'dir');
      symlinkSync(join(store, 'json-rules-engine@7.3.1/node_modules/json-rules-engine'), join(r, 'node_modules/json-rules-engine'), 'dir');
    }));
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/jsonpath-plus@10\.0\.0 .*\(resolved\)/);
  });

  it('fails when node_modules is missing, even with a safe lockfile', () => {
    const res = run(project(() => undefined));
    expect(res.code).toBe(1);
    expect(res.out).toContain('node_modules not found');
  });

  it('fails when jsonpath-plus is not installed at all', () => {
    const res = run(project((r) => pkg(join(r, 'node_modules/json-rules-engine'), 'json-rules-engine', '7.3.1')));
    expect(res.code).toBe(1);
    expect(res.out).toContain('jsonpath-plus is not installed');
  });

  it('fails on a nested real copy 9.0.0 under another package, and survives a symlink loop', () => {
    const res = run(project((r) => {
      pkg(join(r, 'node_modules/json-rules-engine'), 'json-rules-engine', '7.3.1');
      pkg(join(r, 'node_modules/jsonpath-plus'), 'jsonpath-plus', '10.4.0');
      pkg(join(r, 'node_modules/other/node_modules/jsonpath-plus'), 'jsonpath-plus', '9.0.0');
      symlinkSync(join(r, 'node_modules'), join(r, 'node_modules/other/node_modules/loop'), 'dir');
    }));
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/jsonpath-plus@9\.0\.0/);
  });
});
