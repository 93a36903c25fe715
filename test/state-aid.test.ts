// State-aid area (issue 3): de minimis ceilings and windows are those in force on the grant
// date, amounts in SEK are converted with the given rate (never a guessed one), and the
// verdict lists the ceiling used with its date and source.
import { formatISO, getYear, parseISO, subYears, addDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import type { Verdict } from '../src/verdict/types.js';
import { merge } from './helpers/merge.js';

const ORG = { name: 'Föreningen Mötesplatsen', legalForm: 'ideell-forening' };

/** De minimis case: prior aid EUR 150 000 on 2022-09-01 and new aid SEK 1 200 000 at 10 SEK/EUR = EUR 120 000. */
function deMinimisCase(stateAid: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown {
  return merge(
    {
      organisation: ORG,
      partnership: {
        title: 'Mötesplats för unga',
        area: 'social-services',
        cityContribution: { fundingSek: 1_200_000 },
        stateAid: {
          economicActivity: true,
          affectsTrade: true,
          route: 'de-minimis',
          eurSekRate: 10,
          priorAid: [{ grantedOn: '2022-09-01', amountEur: 150_000, kind: 'de-minimis' }],
        },
      },
    },
    merge({ partnership: { stateAid } }, extra),
  );
}

const finding = (v: Verdict, id: string) => {
  const f = v.findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`no finding ${id} on ${v.asOf}`);
  return f;
};
const ceilingUse = (v: Verdict) => v.parameters.filter((p) => p.id === 'stateAid.deMinimisCeilingEur');

describe('the same de minimis amounts pass for aid granted in 2024 and fail for aid granted in 2023', () => {
  const asOf = '2024-06-15';

  it('granted 2023-06-01: 150 000 + 120 000 euro exceeds the ceiling of 200 000 euro', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2023-06-01' }), { asOf });
    const f = finding(v, 'IOP-AID-003');
    expect(f.status).toBe('fail');
    expect(f.explanation).toContain('200 000 euro');
    expect(f.explanation).toContain('−70 000 euro');
    expect(v.areas['state-aid'].status).toBe('fail');
    expect(v.outcome).toBe('not-eligible');
    const [use] = ceilingUse(v);
    expect(use).toMatchObject({ value: 200000, date: '2023-06-01', from: '2014-01-01', to: '2023-12-31', unit: 'EUR' });
    expect(use?.sources.map((s) => s.ref).join(' ')).toContain('1407/2013');
  });

  it('granted 2024-06-01: the same amounts are within the ceiling of 300 000 euro', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2024-06-01' }), { asOf });
    const f = finding(v, 'IOP-AID-003');
    expect(f.status).toBe('pass');
    expect(f.explanation).toContain('300 000 euro');
    expect(f.explanation).toContain('30 000 euro');
    expect(v.areas['state-aid'].status).toBe('pass');
    const [use] = ceilingUse(v);
    expect(use).toMatchObject({ value: 300000, date: '2024-06-01', from: '2024-01-01', to: '2030-12-31' });
    expect(use?.sources.map((s) => s.ref).join(' ')).toContain('2023/2831');
  });

  it('the ceiling follows the grant date, not the assessment date', async () => {
    for (const assessedOn of ['2024-01-01', '2025-03-01', '2026-06-30']) {
      const v2023 = await assess(deMinimisCase({ grantedOn: '2023-06-01' }), { asOf: assessedOn });
      const v2024 = await assess(deMinimisCase({ grantedOn: '2024-06-01' }), { asOf: assessedOn });
      expect(finding(v2023, 'IOP-AID-003').status).toBe('fail');
      expect(finding(v2024, 'IOP-AID-003').status).toBe('pass');
    }
  });
});

describe('conversion and unknowns', () => {
  it('an unknown EUR/SEK rate makes the ceiling rule unknown and asks for the rate', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2024-06-01', eurSekRate: null }), { asOf: '2024-06-15' });
    expect(finding(v, 'IOP-AID-003').status).toBe('unknown');
    const q = v.missingFacts.find((m) => m.fact === 'partnership.stateAid.eurSekRate');
    expect(q?.neededBy).toContain('IOP-AID-003');
    expect(q?.decisive).toBe(true);
  });

  it('the rate given is the one used: SEK 1 200 000 at 8 SEK/EUR is 150 000 euro, exactly the 2024 ceiling with the prior aid; at 7.5 it is 160 000 euro, over it', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2024-06-01', eurSekRate: 8 }), { asOf: '2024-06-15' });
    expect(finding(v, 'IOP-AID-003').status).toBe('pass');
    const more = await assess(deMinimisCase({ grantedOn: '2024-06-01', eurSekRate: 7.5 }), { asOf: '2024-06-15' });
    expect(finding(more, 'IOP-AID-003').status).toBe('fail');
  });

  it('prior aid with an unknown date that could fall in the window keeps the rule open', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2024-06-01', priorAid: [{ amountEur: 1, kind: 'de-minimis' }] }), { asOf: '2024-06-15' });
    expect(finding(v, 'IOP-AID-003').status).toBe('unknown');
  });

  it('an empty list of prior aid is zero', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2023-06-01', priorAid: [] }), { asOf: '2024-06-15' });
    expect(finding(v, 'IOP-AID-003').status).toBe('pass');
    expect(finding(v, 'IOP-AID-003').explanation).toContain('(0 euro)');
  });
});

describe('the grant date', () => {
  it('falls back to the signing date of the agreement', async () => {
    const v = await assess(deMinimisCase({}, { agreement: { signedOn: '2023-11-30' } }), { asOf: '2024-06-15' });
    expect(ceilingUse(v)).toEqual([expect.objectContaining({ date: '2023-11-30', value: 200000 })]);
    expect(finding(v, 'IOP-AID-003').status).toBe('fail');
  });

  it('and then to the assessment date', async () => {
    const v = await assess(deMinimisCase({}), { asOf: '2024-06-15' });
    expect(ceilingUse(v)).toEqual([expect.objectContaining({ date: '2024-06-15', value: 300000 })]);
  });

  it('after 2030 no ceiling is in force, so the rule is unknown', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2031-02-01' }), { asOf: '2025-03-01' });
    expect(finding(v, 'IOP-AID-003').status).toBe('unknown');
    expect(ceilingUse(v)).toEqual([expect.objectContaining({ date: '2031-02-01', value: null })]);
  });
});

describe('windows', () => {
  it('under 1407/2013 the window is the calendar year of the grant and the two before', async () => {
    const at = (grantedOn: string) => deMinimisCase({ grantedOn, priorAid: [{ grantedOn, amountEur: 0, kind: 'de-minimis' }, { grantedOn: '2021-01-01', amountEur: 150_000, kind: 'de-minimis' }] });
    expect(finding(await assess(at('2023-12-31'), { asOf: '2025-03-01' }), 'IOP-AID-003').status).toBe('fail');
    // A 2024 grant looks back over a rolling three years, which no longer reach 2021-01-01.
    expect(finding(await assess(at('2024-01-02'), { asOf: '2025-03-01' }), 'IOP-AID-003').status).toBe('pass');
  });

  it('aid granted after the grant date does not count', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2023-06-01', priorAid: [{ grantedOn: '2023-06-02', amountEur: 150_000, kind: 'de-minimis' }] }), { asOf: '2024-06-15' });
    expect(finding(v, 'IOP-AID-003').status).toBe('pass');
  });

  it('matches an independent reading of both regulations for any grant date and prior aid', async () => {
    const day0 = parseISO('2014-01-01');
    const iso = (d: Date) => formatISO(d, { representation: 'date' });
    // Independent reading of the two regulations, for the check below.
    const expected = (grant: string, prior: ReadonlyArray<{ on: string; eur: number }>, newEur: number): boolean => {
      const g = parseISO(grant);
      const ceiling = grant < '2024-01-01' ? 200_000 : 300_000;
      const from = grant < '2024-01-01' ? `${getYear(g) - 2}-01-01` : iso(addDays(subYears(g, 3), 1));
      const sum = prior.filter((p) => p.on >= from && p.on <= grant).reduce((a, p) => a + p.eur, 0);
      return sum + newEur <= ceiling;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 6208 }), // grant day offset: 2014-01-01 .. 2030-12-31
        fc.array(fc.record({ back: fc.integer({ min: 0, max: 1900 }), eur: fc.integer({ min: 0, max: 160_000 }) }), { maxLength: 3 }),
        fc.integer({ min: 0, max: 200_000 }),
        async (offset, priorSpec, newEur) => {
          const grant = iso(addDays(day0, offset));
          const prior = priorSpec.map((p) => ({ on: iso(addDays(parseISO(grant), -p.back)), eur: p.eur }));
          const input = deMinimisCase({
            grantedOn: grant,
            eurSekRate: 10,
            priorAid: prior.map((p) => ({ grantedOn: p.on, amountEur: p.eur, kind: 'de-minimis' })),
          }, { partnership: { cityContribution: { fundingSek: newEur * 10 } } });
          const v = await assess(input, { asOf: '2025-03-01' });
          expect(finding(v, 'IOP-AID-003').status).toBe(expected(grant, prior, newEur) ? 'pass' : 'fail');
        },
      ),
      { numRuns: 60, seed: 20240601 },
    );
  });
});

describe('SGEI de minimis', () => {
  const sgei = (grantedOn: string, priorAid: unknown[]) =>
    deMinimisCase({ route: 'sgei-de-minimis', grantedOn, priorAid }, { partnership: { cityContribution: { fundingSek: 3_000_000 } } });

  it('general de minimis aid counts towards the SGEI ceiling: 150 000 + 100 000 + 300 000 euro is over 500 000 in 2023 and within 750 000 in 2024', async () => {
    const prior = [
      { grantedOn: '2022-09-01', amountEur: 150_000, kind: 'de-minimis' },
      { grantedOn: '2023-02-01', amountEur: 100_000, kind: 'sgei-de-minimis' },
    ];
    const v2023 = await assess(sgei('2023-06-01', prior), { asOf: '2024-06-15' });
    const v2024 = await assess(sgei('2024-06-01', prior), { asOf: '2024-06-15' });
    expect(finding(v2023, 'IOP-AID-004').status).toBe('fail');
    expect(finding(v2024, 'IOP-AID-004').status).toBe('pass');
    expect(v2023.parameters.find((p) => p.id === 'stateAid.sgeiDeMinimisCeilingEur')).toMatchObject({ value: 500000, date: '2023-06-01' });
    expect(v2024.parameters.find((p) => p.id === 'stateAid.sgeiDeMinimisCeilingEur')).toMatchObject({ value: 750000, date: '2024-06-01' });
  });

  it('SGEI de minimis aid does not count towards the general ceiling', async () => {
    const v = await assess(deMinimisCase({ grantedOn: '2023-06-01', priorAid: [{ grantedOn: '2022-09-01', amountEur: 150_000, kind: 'sgei-de-minimis' }] }), { asOf: '2024-06-15' });
    expect(finding(v, 'IOP-AID-003').status).toBe('pass');
  });
});

describe('routes', () => {
  it('no economic activity: no state aid, and no route is needed', async () => {
    const v = await assess(deMinimisCase({ economicActivity: false, route: 'none' }), { asOf: '2025-03-01' });
    expect(finding(v, 'IOP-AID-001').status).toBe('pass');
    expect(finding(v, 'IOP-AID-002').status).toBe('not-applicable');
    expect(v.areas['state-aid'].status).toBe('pass');
  });

  it('economic activity affecting trade with route none is a blocker', async () => {
    const v = await assess(deMinimisCase({ route: 'none' }), { asOf: '2025-03-01' });
    expect(finding(v, 'IOP-AID-002').status).toBe('fail');
    expect(v.outcome).toBe('not-eligible');
  });

  it('the SGEI Decision needs an entrustment act', async () => {
    const without = await assess(deMinimisCase({ route: 'sgei-decision', entrustmentAct: false }, { agreement: { clauses: ['parties', 'repayment'] } }), { asOf: '2025-03-01' });
    const separate = await assess(deMinimisCase({ route: 'sgei-decision', entrustmentAct: true }, { agreement: { clauses: ['parties', 'repayment'] } }), { asOf: '2025-03-01' });
    expect(finding(separate, 'IOP-AID-005').status).toBe('pass');
    const withAct = await assess(deMinimisCase({ route: 'sgei-decision' }, { agreement: { clauses: ['parties', 'repayment', 'entrustment-act'] } }), { asOf: '2025-03-01' });
    expect(finding(without, 'IOP-AID-005').status).toBe('fail');
    expect(finding(withAct, 'IOP-AID-005').status).toBe('pass');
  });

  it('the register duty applies to de minimis aid granted from 2026-01-01', async () => {
    const before = await assess(deMinimisCase({ grantedOn: '2025-12-31', registeredInCentralRegister: false }), { asOf: '2025-03-01' });
    const after = await assess(deMinimisCase({ grantedOn: '2026-01-01', registeredInCentralRegister: false }), { asOf: '2025-03-01' });
    expect(finding(before, 'IOP-AID-008').status).toBe('not-applicable');
    expect(finding(after, 'IOP-AID-008').status).toBe('fail');
    expect(after.parameters.find((p) => p.id === 'stateAid.registerDutyFrom')).toMatchObject({ value: '2026-01-01' });
  });
});
