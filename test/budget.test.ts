// The smallest-changes search (verdict.toEligible) works within a budget of leaf evaluations;
// when it runs out, the verdict says so instead of giving a silent partial answer.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import { TO_ELIGIBLE_BUDGET, searchChangeSets } from '../src/verdict/to-eligible.js';
import { validCase } from './properties/arbitraries.js';

const T = (s: string) => ({ sv: s, en: s });
const V = [101, 102, 103, 104];
const F = [
  'organisation.equitySek',
  'organisation.annualRevenueSek',
  'partnership.organisationContribution.fundingSek',
  'partnership.organisationContribution.volunteerHours',
  'organisation.latestAnnualReportYear',
  'partnership.stateAid.eurSekRate',
  'agreement.noticePeriodMonths',
  'partnership.cityContribution.fundingSek',
];
const rule = (n: number, area: string, conditions: unknown) => ({
  id: `IOP-DQ-${String(n).padStart(3, '0')}`, version: 1, area, severity: 'major', title: T('t'),
  explanation: { pass: T('p'), fail: T('f'), unknown: T('u') }, sources: [{ ref: 'r', title: 't' }],
  effective: { from: '2000-01-01', to: null }, conditions,
});
/**
 * The reliability trial's overlay shape: targets any one of which eight facts could settle,
 * passing rules that read those facts (re-checked for every candidate), and one rule, sorted
 * last, that every fix breaks. Before the budget, 1 000 such rules kept assess busy > 10 minutes.
 */
function explosive(targets: number, fillers: number) {
  const rules = [];
  for (let i = 0; i < targets; i++) rules.push(rule(i, 'organisation', { any: F.map((fact) => ({ fact, operator: 'in', value: V })) }));
  for (let i = targets; i < targets + fillers; i++) rules.push(rule(i, 'partnership', { all: Array.from({ length: 64 }, (_, j) => ({ fact: F[j % 8], operator: 'notIn', value: [900 + (j % 50)] })) }));
  rules.push(rule(999, 'follow-up', { all: F.map((fact) => ({ fact, operator: 'notIn', value: V })) }));
  return { overlay: { id: 'dq', title: T('d'), sources: [{ ref: 'r', title: 't' }], effective: { from: '2000-01-01', to: null }, prefix: 'DQ' }, rules };
}

const examples = join(import.meta.dirname, '../examples');
const lop: unknown = JSON.parse(readFileSync(join(examples, 'loparakademin-eligible.json'), 'utf8'));

describe('toEligible work budget', () => {
  it('an overlay built to make the search explode gets a verdict that says the search was cut short', async () => {
    const v = await assess(lop, { asOf: '2025-03-01', overlays: [explosive(200, 200)] });
    expect(v.outcome).toBe('conditional');
    expect(v.toEligibleCutShort).toEqual({ budget: TO_ELIGIBLE_BUDGET, rulesSearched: expect.any(Number) as number, rulesToSearch: 200 });
    expect(v.toEligibleCutShort?.rulesSearched).toBeLessThan(200);
    const again = searchChangeSets(v.findings);
    // The work stops within one candidate's cost past the budget (a candidate re-checks ≤ 1 000 rules of ≤ 64 leaves).
    expect(again.work).toBeLessThanOrEqual(TO_ELIGIBLE_BUDGET + 1000 * 64 * 2);
    expect(JSON.stringify(JSON.parse(JSON.stringify(v)).toEligibleCutShort)).toBe(JSON.stringify(v.toEligibleCutShort));
  }, 60_000);

  it('a smaller budget finds a subset of the sets the full search finds, and says it was cut short', async () => {
    const husby: unknown = JSON.parse(readFileSync(join(examples, 'husby-atelje-not-eligible.json'), 'utf8'));
    const v = await assess(husby, { asOf: '2025-03-01' });
    const full = searchChangeSets(v.findings);
    expect(full.cutShort).toBeUndefined();
    expect(full.sets).toEqual(v.toEligible);
    const cut = searchChangeSets(v.findings, Math.floor(full.work / 3));
    expect(cut.cutShort).toBeDefined();
    expect(cut.cutShort?.rulesSearched).toBeLessThan(cut.cutShort?.rulesToSearch ?? 0);
    const keys = new Set(full.sets.map((s) => JSON.stringify(s.changes)));
    for (const s of cut.sets) expect(keys.has(JSON.stringify(s.changes))).toBe(true);
  });

  it('the bundled rule set needs far less than the budget: every example and 200 random cases use < 1 % of it', async () => {
    const inputs: unknown[] = readdirSync(examples).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(join(examples, f), 'utf8')) as unknown);
    inputs.push({}, ...fc.sample(validCase, { seed: 20261130, numRuns: 200 }));
    for (const input of inputs) {
      const v = await assess(input, { asOf: '2025-03-01' });
      expect(v.toEligibleCutShort).toBeUndefined();
      expect(searchChangeSets(v.findings).work).toBeLessThan(TO_ELIGIBLE_BUDGET / 100);
    }
  }, 60_000);
});
