// Runs every rule's case file, test/rules/<RULE-ID>.cases.json, through the public case-file
// runner (the same one as `iop-rules test`), and checks that every rule in the catalogue has a
// file covering pass, fail, unknown and both sides of its effective dates.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDaysIso } from '../../src/domain/calendar.js';
import { describe, expect, it } from 'vitest';
import { bundledCatalogue, type LoadedRule } from '../../src/rules/catalogue.js';
import { CaseFileSchema, runCase, type CaseFile } from '../../src/testing/case-file.js';

const dir = join(import.meta.dirname);
const files = new Map<string, CaseFile>();
for (const f of readdirSync(dir).filter((n) => n.endsWith('.cases.json'))) {
  const parsed = CaseFileSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  if (!parsed.success) throw new Error(`test/rules/${f} is not a valid case file: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  files.set(f.replace('.cases.json', ''), parsed.data);
}

const cat = bundledCatalogue();
const allRules: LoadedRule[] = [
  ...cat.law,
  ...[...cat.guidelines.values()].flatMap((g) => g.rules),
  ...[...cat.overlays.values()].flatMap((o) => o.rules),
];

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
  describe(id, () => {
    it.each(file.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const res = await runCase(c, file);
      expect(res.problems).toEqual([]);
      // A placeholder left in a rendered explanation is a defect in the rule, whatever the case expects.
      const finding = res.verdict?.findings.find((f) => f.ruleId === id);
      expect(finding?.explanation ?? '').not.toMatch(/\{[^}]*\}/);
    });
  });
}
