// Imports follow the layers, bottom to top:
//   _internal, version → domain → facts → rules → engine → verdict → format/assess (and the other public entry functions) → draft/testing → cli/index.
// A module may import from its own layer or any layer below it, never from one above.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');

const LAYERS: ReadonlyArray<readonly string[]> = [
  ['_internal', 'version.ts'],
  ['domain'],
  ['facts'],
  ['rules'],
  ['engine'],
  ['verdict'],
  ['format', 'assess.ts', 'prepare.ts', 'case-json-schema.ts', 'validate-case.ts', 'fact-info.ts'],
  ['draft', 'testing'],
  ['cli', 'index.ts'],
];

/** The layer of a file under src/ (path relative to src/, forward slashes). */
function layerOf(file: string): number {
  const top = file.split('/')[0] ?? '';
  const i = LAYERS.findIndex((names) => names.includes(top));
  if (i < 0) throw new Error(`src/${file} is in no layer: add its folder to LAYERS in test/layers.test.ts`);
  return i;
}

/** Relative module specifiers imported or re-exported by a source text (static and dynamic). */
function importsOf(source: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (spec?.startsWith('.')) out.push(spec);
  }
  return out;
}

/** Every import against the layer order in one file: `from → to`. */
function violations(file: string, source: string): string[] {
  const from = layerOf(file);
  const out: string[] = [];
  for (const spec of importsOf(source)) {
    const target = relative(SRC, resolve(SRC, dirname(file), spec)).split('\\').join('/').replace(/\.js$/, '.ts');
    if (target.startsWith('..')) continue; // outside src/ (none today)
    const to = layerOf(target);
    if (to > from) out.push(`src/${file} (layer ${from}) imports src/${target} (layer ${to})`);
  }
  return out;
}

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    if (e.isDirectory()) sources(full, out);
    else if (e.name.endsWith('.ts')) out.push(relative(SRC, full).split('\\').join('/'));
  }
  return out;
}

describe('layer order', () => {
  it('no module under src/ imports from a layer above its own', () => {
    const files = sources(SRC);
    expect(files.length).toBeGreaterThan(30);
    const bad = files.flatMap((f) => violations(f, readFileSync(join(SRC, f), 'utf8')));
    expect(bad).toEqual([]);
  });

  it('the check fails on an import from domain/ into rules/ (static, type-only, re-export and dynamic)', () => {
    expect(violations('domain/limits.ts', "import { LeafSchema } from '../rules/rule-schema.js';\n")).toHaveLength(1);
    expect(violations('domain/x.ts', "import type { Operator } from '../rules/operators.js';\n")).toHaveLength(1);
    expect(violations('domain/x.ts', "export { OPERATORS } from '../rules/operators.js';\n")).toHaveLength(1);
    expect(violations('domain/x.ts', "const m = await import('../rules/rule-set.js');\n")).toHaveLength(1);
    expect(violations('domain/x.ts', "import {\n  a,\n  b,\n} from '../rules/operators.js';\n")).toHaveLength(1);
    expect(violations('rules/x.ts', "import { isIsoDate } from '../domain/primitives.js';\n")).toEqual([]);
  });
});
