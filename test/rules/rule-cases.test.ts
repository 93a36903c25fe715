// Runs every rule's case file, test/rules/<RULE-ID>.cases.json, and checks that every rule
// in the catalogue has one covering pass, fail, unknown and both sides of its effective dates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/domain/calendar.js';
import { assess, safeAssess } from '../../src/index.js';
import { bundledCatalogue, type LoadedRule } from '../../src/rules/catalogue.js';
import { merge } from '../helpers/merge.js';

type Expect = 'pass' | 'fail' | 'unknown' | 'not-applicable' | 'not-in-force';
interface Case {
  name: string;
  asOf: string;
  input?: unknown;
  patch?: unknown;
  expect: Expect;
  ruleSet?: string;
  overlays?: string[];
  /** Optional: substrings the rendered Swedish explanation must contain (actual values). */
  explanationContains?: string[];
}
interface CaseFile {
  rule: string;
  base?: unknown;
  cases: Case[];
}

const dir = join(import.meta.dirname);
const files = new Map<string, CaseFile>();
for (const f of readdirSync(dir).filter((n) => n.endsWith('.cases.json'))) {
  const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CaseFile;
  files.set(f.replace('.cases.json', ''), data);
}

const cat = bundledCatalogue();
const allRules: LoadedRule[] = [
  ...cat.law,
  ...[...cat.guidelines.values()].flatMap((g) => g.rules),
  ...[...cat.overlays.values()].flatMap((o) => o.rules),
];

function defaults(rule: LoadedRule): { ruleSet?: string; overlays?: string[] } {
  if (rule.layerKind === 'overlay') return { overlays: [rule.layer.slice('overlay:'.length)] };
  if (rule.layerKind === 'guideline' && cat.guidelines.get(rule.layer)?.edition) return { ruleSet: rule.layer };
  return {};
}

const day = (d: string, n: number) => addDaysIso(d, n);

describe('every rule has a complete case file', () => {
  it.each(allRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const file = files.get(id);
    expect(file, `missing test/rules/${id}.cases.json`).toBeDefined();
    if (!file) return;
    expect(file.rule).toBe(id);
    const kinds = new Set(file.cases.map((c) => c.expect));
    for (const k of ['pass', 'fail', 'unknown'] as const) expect(kinds.has(k), `${id}: needs a "${k}" case`).toBe(true);
    const inForce = file.cases.filter((c) => c.expect !== 'not-in-force');
    expect(file.cases.some((c) => c.expect === 'not-in-force' && c.asOf < rule.effective.from), `${id}: needs a case before ${rule.effective.from}`).toBe(true);
    expect(inForce.some((c) => c.asOf === rule.effective.from), `${id}: needs a case on ${rule.effective.from}`).toBe(true);
    if (rule.effective.to !== null) {
      expect(inForce.some((c) => c.asOf === rule.effective.to), `${id}: needs a case on ${rule.effective.to}`).toBe(true);
      expect(file.cases.some((c) => c.expect === 'not-in-force' && c.asOf === day(rule.effective.to as string, 1)), `${id}: needs a case the day after ${rule.effective.to}`).toBe(true);
    }
  });
});

describe('no case file without a rule', () => {
  it.each([...files.keys()])('%s', (id) => {
    expect(allRules.some((r) => r.id === id)).toBe(true);
  });
});

for (const [id, file] of files) {
  const rule = allRules.find((r) => r.id === id);
  describe(id, () => {
    it.each(file.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const input = c.input ?? merge(file.base ?? {}, c.patch ?? {});
      const d = rule ? defaults(rule) : {};
      const ruleSet = c.ruleSet ?? d.ruleSet;
      const overlays = c.overlays ?? d.overlays;
      const options = { asOf: c.asOf, ...(ruleSet ? { ruleSet } : {}), ...(overlays ? { overlays } : {}) };
      if (c.expect === 'not-in-force') {
        // Before the earliest rule of the set there is no verdict at all: asOf is refused as not covered.
        const res = await safeAssess(input, options);
        if (!res.ok) {
          expect(res.error.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['options.asOf no_rules_in_force']);
          return;
        }
        expect(res.verdict.findings.find((f) => f.ruleId === id)).toBeUndefined();
        return;
      }
      const verdict = await assess(input, options);
      const finding = verdict.findings.find((f) => f.ruleId === id);
      expect(finding, `${id} gave no finding on ${c.asOf}`).toBeDefined();
      expect(finding?.status).toBe(c.expect);
      for (const s of c.explanationContains ?? []) expect(finding?.explanation).toContain(s);
      expect(finding?.explanation).not.toMatch(/\{[^}]*\}/);
    });
  });
}
