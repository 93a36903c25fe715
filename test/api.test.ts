// The rest of the public API in the README: rule sets and rules, assessMany, compareRuleSets,
// parameters in the verdict, and the iop-rules/testing matchers.
import { describe, expect, it } from 'vitest';
import { assess, assessMany, compareRuleSets, IopInputError, listRules, listRuleSets } from '../src/index.js';
import { favourableCase, iopMatchers, type IopMatchers } from '../src/testing/index.js';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T> extends IopMatchers<T> {}
}
expect.extend(iopMatchers);

const AS_OF = '2025-03-01';

describe('rule sets', () => {
  it('each rule set has at least 40 rules in force on 2025-03-01, every one with a source', () => {
    for (const rs of listRuleSets()) {
      const rules = listRules(rs.id, AS_OF);
      expect(rules.length, rs.id).toBeGreaterThanOrEqual(40);
      expect(rules.every((r) => r.sources.length > 0)).toBe(true);
    }
  });

  it('every rule set includes the whole law layer', () => {
    const law = (id: string) => listRules(id, AS_OF).filter((r) => r.layer === 'law').map((r) => r.id);
    expect(law('national')).toEqual(law('stockholm-2023'));
    expect(law('stockholm-2017')).toEqual(law('stockholm-2023'));
  });

  it('listRules rejects an unknown rule set with an input error naming the option', () => {
    expect(() => listRules('nope', AS_OF)).toThrow(IopInputError);
  });
});

describe('assessMany', () => {
  it('yields a verdict or an input error per case, in order', async () => {
    async function* cases() {
      yield favourableCase();
      yield { organisation: { orgNumber: 'bad' } };
      yield favourableCase({ organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } });
    }
    const out = [];
    for await (const r of assessMany(cases(), { asOf: AS_OF })) out.push(r);
    expect(out).toHaveLength(3);
    expect(out[0]).toBeEligible();
    expect(out[1]).toBeInstanceOf(IopInputError);
    expect(out[2]).toHaveFinding('IOP-ORG-008', 'fail');
  });
});

describe('compareRuleSets', () => {
  it('shows the criteria that differ between the 2017 and 2023 editions', async () => {
    const input = favourableCase({ partnership: { initiatedBy: 'city', intendedLongTerm: false } });
    const cmp = await compareRuleSets(input, { from: 'stockholm-2017', to: 'stockholm-2023', asOf: AS_OF });
    const ids = cmp.changes.map((c) => c.ruleId);
    // The long-time criterion exists only in 2017; the city-initiative rule only in 2023.
    expect(cmp.changes.find((c) => c.ruleId === 'IOP-PART-014')).toMatchObject({ from: { status: 'fail' }, to: null });
    expect(cmp.changes.find((c) => c.ruleId === 'IOP-PART-015')).toMatchObject({ from: null, to: { status: 'pass' } });
    expect(ids).not.toContain('IOP-KL-001');
  });
});

describe('parameters in the verdict', () => {
  it('show the value in force on asOf with its source', async () => {
    const v = await assess(favourableCase({ partnership: { paymentPerDeliveredUnit: true } }), { asOf: AS_OF });
    const limit = v.parameters.find((p) => p.id === 'lou.directAwardLimitSek');
    expect(limit).toMatchObject({ value: 700000, from: '2022-02-01', date: AS_OF });
    expect(limit?.sources.length).toBeGreaterThan(0);
  });
});

describe('iop-rules/testing matchers', () => {
  it('toBeEligible and toHaveFinding explain a miss', async () => {
    const v = await assess(favourableCase({ organisation: { publicControl: true } }), { asOf: AS_OF });
    expect(v).not.toBeEligible();
    expect(v).toHaveFinding('IOP-ORG-003', 'fail');
    expect(() => expect(v).toBeEligible()).toThrow(/IOP-ORG-003/);
    expect(() => expect(v).toHaveFinding('IOP-ORG-003', 'pass')).toThrow(/is fail/);
    expect(() => expect(v).toHaveFinding('IOP-XX-999')).toThrow(/not in force/);
  });
});
