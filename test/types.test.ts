// Types where a caller writes a literal, permissive where the input is data. The @ts-expect-error
// lines are checked by `npm run typecheck` (tsc covers test/): each must be a compile error.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { assess, compareRuleSets, draftAgreement, listRuleSets, prepareRuleSet, safeAssess, RULE_SET_IDS, isRuleSetId, type CaseInput, type Condition, type FactValue, type Operator, type AreaStatus, type Verdict } from '../src/index.js';
import { favourableCase, mergeCase, type CasePatch } from '../src/testing/index.js';

describe('types', () => {
  it('RULE_SET_IDS is exactly the bundled rule sets', () => {
    expect([...RULE_SET_IDS].sort()).toEqual(listRuleSets().map((s) => s.id).sort());
    expect(isRuleSetId('stockholm-2023')).toBe(true);
    expect(isRuleSetId('stockholm-2099')).toBe(false);
  });

  it('a rule-set literal must be a bundled id; a string from data is accepted and checked at run time', async () => {
    const fromForm: string = 'stockholm-2099';
    await expect(assess({}, { ruleSet: fromForm, asOf: '2025-03-01' })).rejects.toThrow(/stockholm-2099/);
    if (false as boolean) {
      // @ts-expect-error not a rule set
      await assess({}, { ruleSet: 'stockholm-2099' });
    }
    expect((await assess({}, { ruleSet: 'stockholm-2023', asOf: '2025-03-01' })).ruleSet.id).toBe('stockholm-2023');
  });

  it('CaseInput catches a misspelt field in a literal', () => {
    const ok = { organisation: { name: 'Förening', insolvent: null } } satisfies CaseInput;
    // @ts-expect-error misspelt field
    const typo: CaseInput = { organisation: { nmae: 'Förening' } };
    // @ts-expect-error wrong value type
    const wrong: CaseInput = { organisation: { insolvent: 'no' } };
    expect([ok, typo, wrong]).toHaveLength(3);
  });

  it('assess checks a case written as a literal, and takes data typed unknown or any', async () => {
    if (false as boolean) {
      // @ts-expect-error misspelt field in a literal case
      await assess({ organisation: { nmae: 'Förening' } }, { asOf: '2025-03-01' });
      // @ts-expect-error wrong value type in a literal case
      await assess({ organisation: { insolvent: 'nej' } }, { asOf: '2025-03-01' });
    }
    const fromOutside: unknown = JSON.parse('{"organisation": {"nmae": "x"}}');
    await expect(assess(fromOutside, { asOf: '2025-03-01' })).rejects.toThrow(/nmae/);
    expect((await assess({ organisation: { name: 'Förening' } }, { asOf: '2025-03-01' })).outcome).toBeDefined();
  });

  it('safeAssess, compareRuleSets, draftAgreement and a prepared rule set check a literal case as assess does', async () => {
    const prepared = prepareRuleSet({ asOf: '2025-03-01', ruleSet: 'stockholm-2023' });
    if (false as boolean) {
      // @ts-expect-error misspelt field in a literal case
      await safeAssess({ organisation: { nmae: 'Förening' } });
      // @ts-expect-error misspelt field in a literal case
      await prepared.assess({ organisation: { nmae: 'Förening' } });
      // @ts-expect-error misspelt field in a literal case
      await prepared.safeAssess({ organisation: { nmae: 'Förening' } });
      // @ts-expect-error misspelt field in a literal case
      await compareRuleSets({ organisation: { nmae: 'Förening' } }, { from: 'stockholm-2017', to: 'stockholm-2023' });
      // @ts-expect-error not a rule set
      await compareRuleSets({}, { from: 'stockholm-2099', to: 'stockholm-2023' });
      // @ts-expect-error not a rule set
      prepareRuleSet({ ruleSet: 'stockholm-2099' });
      // @ts-expect-error misspelt field in a literal case
      draftAgreement({ organisation: { nmae: 'Förening' } });
      // @ts-expect-error not a rule set
      draftAgreement({}, { ruleSet: 'stockholm-2099' });
    }
    const fromOutside: unknown = JSON.parse('{"organisation": {"nmae": "x"}}');
    expect((await safeAssess(fromOutside, { asOf: '2025-03-01' })).ok).toBe(false);
    expect((await prepared.safeAssess(fromOutside)).ok).toBe(false);
    expect((await prepared.assess({ organisation: { name: 'Förening' } })).ruleSet.id).toBe('stockholm-2023');
  });

  it('mergeCase takes a typed patch: a typo is a compile error', () => {
    const base = favourableCase();
    const patch: CasePatch = { organisation: { insolvent: true } };
    expect(mergeCase(base, patch).organisation?.insolvent).toBe(true);
    // @ts-expect-error misspelt field in the patch
    mergeCase(base, { organisation: { insolvnet: true } });
  });

  it('types used by public types are exported', () => {
    expectTypeOf<FactValue>().toExtend<string | number | boolean | readonly string[]>();
    expectTypeOf<Operator>().toExtend<string>();
    expectTypeOf<AreaStatus>().toEqualTypeOf<Verdict['areas']['organisation']['status']>();
    expectTypeOf<Condition>().not.toBeAny();
  });
});
