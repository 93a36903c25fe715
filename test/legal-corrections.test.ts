// The verdicts a kommunjurist would overturn, corrected (docs/decisions/0010): each "done when"
// of the legal review, checked through the public API on the library's own favourable case.
import { describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import { favourableCase } from '../src/testing/index.js';
import type { Verdict } from '../src/verdict/types.js';

const status = (v: Verdict, id: string) => v.findings.find((f) => f.ruleId === id)?.status;
const RULE_SETS = ['national', 'stockholm-2017', 'stockholm-2023'] as const;

/** A care home run for the city on a market, paid a fixed sum a year, as in Alingsås. */
const lumpSumCareHome = favourableCase({
  organisation: { name: 'Stiftelsen Exempelgården', legalForm: 'stiftelse' },
  partnership: {
    title: 'Drift av vård- och omsorgsboende', area: 'elderly-care',
    handsOverMunicipalTask: true, marketExists: true, paymentPerDeliveredUnit: false,
  },
});

/** A service the city specified, backed by penalties, paid as a lump sum. */
const specifiedUnderSanctions = favourableCase({
  partnership: { serviceSpecifiedByCity: true, sanctionsForNonPerformance: true, paymentPerDeliveredUnit: false },
});

describe('the contract test does not depend on the form of payment', () => {
  for (const [name, input, rule] of [
    ['a lump sum for a municipal task on a market', lumpSumCareHome, 'IOP-PROC-001'],
    ['a lump sum for a city-specified service under sanctions', specifiedUnderSanctions, 'IOP-PROC-002'],
  ] as const) {
    it.each(RULE_SETS.flatMap((ruleSet) => ['2019-05-08', '2025-03-01'].map((asOf) => [ruleSet, asOf] as const)))(
      `${name}: not eligible and procurement (%s, %s)`,
      async (ruleSet, asOf) => {
        const v = await assess(input, { ruleSet, asOf });
        expect(status(v, rule)).toBe('fail');
        expect(v.outcome).toBe('not-eligible');
        expect(v.recommendation.form).toBe('procurement');
      },
    );

    it(`${name}: also under the old LOU (2007:1091), in 2016`, async () => {
      const v = await assess(input, { asOf: '2016-06-30' });
      expect(status(v, rule)).toBe('fail');
      expect(v.outcome).toBe('not-eligible');
      expect(v.recommendation.form).toBe('procurement');
      expect(v.findings.find((f) => f.ruleId === rule)?.sources.map((s) => s.ref).join(' ')).toMatch(/2007:1091/);
    });
  }

  it('payment per unit alone is a major indicator, never a procurement recommendation of iop', async () => {
    const v = await assess(favourableCase({ partnership: { paymentPerDeliveredUnit: true } }), { asOf: '2025-03-01' });
    expect(status(v, 'IOP-PROC-003')).toBe('fail');
    expect(v.outcome).toBe('conditional');
    expect(v.recommendation.form).toBe('undetermined');
    expect(v.recommendation.reasons.join(' ')).toMatch(/IOP-PROC-003/);
  });
});

describe('organisation: registration conditions are not IOP conditions', () => {
  it('a member-benefit association with open activities for residents is eligible', async () => {
    const v = await assess(favourableCase({ organisation: { publicBenefitPurpose: false, registeredIdeburen: false }, partnership: { openToNonMembers: true } }), { asOf: '2025-03-01' });
    expect(status(v, 'IOP-ORG-002')).toBe('pass');
    expect(v.outcome).toBe('eligible');
  });

  it('a member-benefit association whose activity is for members only is conditional, never not-eligible on purpose alone', async () => {
    const v = await assess(favourableCase({ organisation: { publicBenefitPurpose: false }, partnership: { openToNonMembers: false } }), { asOf: '2025-03-01' });
    expect(status(v, 'IOP-ORG-002')).toBe('fail');
    expect(v.outcome).toBe('conditional');
  });

  it('an association without a dissolution clause can be eligible', async () => {
    const v = await assess(favourableCase({ organisation: { dissolutionClause: false, registeredIdeburen: false } }), { asOf: '2025-03-01' });
    expect(status(v, 'IOP-ORG-004')).toBe('fail');
    expect(v.outcome).toBe('eligible');
  });

  it('bankruptcy blocks, reconstruction needs a documented assessment', async () => {
    const bankrupt = await assess(favourableCase({ organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } }), { asOf: '2025-03-01' });
    const reconstruction = await assess(favourableCase({ organisation: { insolvent: true, insolvencyProceeding: 'reconstruction' } }), { asOf: '2025-03-01' });
    expect(bankrupt.outcome).toBe('not-eligible');
    expect(reconstruction.outcome).toBe('conditional');
    expect(status(reconstruction, 'IOP-ORG-023')).toBe('fail');
  });

  it('a proceeding beside insolvent: false is refused, naming the field', async () => {
    await expect(assess(favourableCase({ organisation: { insolvent: false, insolvencyProceeding: 'bankruptcy' } }), { asOf: '2025-03-01' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'organisation.insolvencyProceeding', code: 'contradicts_field' })],
    });
  });

  it('value-transfer limits bind registered organisations only', async () => {
    const unregistered = await assess(favourableCase({ organisation: { registeredIdeburen: false, valueTransfersOutsideSector: true } }), { asOf: '2025-03-01' });
    expect(status(unregistered, 'IOP-ORG-005')).toBe('not-applicable');
    const registered = await assess(favourableCase({ organisation: { registeredIdeburen: true, valueTransfersOutsideSector: true } }), { asOf: '2025-03-01' });
    expect(status(registered, 'IOP-ORG-005')).toBe('fail');
  });
});

describe('Kommunallagen', () => {
  it('a task only the region may handle is not eligible in the local-government area', async () => {
    const v = await assess(favourableCase({ partnership: { taskOfAnotherAuthority: true } }), { asOf: '2025-03-01' });
    expect(v.outcome).toBe('not-eligible');
    expect(v.areas['local-government'].status).toBe('fail');
  });

  it('economic activity alone is not support to a business (KL 2:8)', async () => {
    const v = await assess(favourableCase({ partnership: { stateAid: { economicActivity: true, affectsTrade: false }, supportsBusinessActivity: false } }), { asOf: '2025-03-01' });
    expect(status(v, 'IOP-KL-003')).toBe('pass');
    expect(v.outcome).toBe('eligible');
  });
});

describe('the SGEI Decision’s scope blocks', () => {
  const sgei = (over: object) =>
    favourableCase({
      organisation: { legalForm: 'stiftelse' },
      partnership: { supportsBusinessActivity: false, stateAid: { economicActivity: true, affectsTrade: true, route: 'sgei-decision' }, ...over },
    });

  it('an entrustment of 12 years without an investment is not conditional', async () => {
    const input = sgei({ area: 'social-services', period: { start: '2025-01-01', end: '2036-12-31' }, stateAid: { economicActivity: true, affectsTrade: true, route: 'sgei-decision', significantInvestment: false } });
    const v = await assess({ ...input, agreement: { ...input.agreement, period: { start: '2025-01-01', end: '2036-12-31' } } }, { asOf: '2025-03-01' });
    expect(status(v, 'IOP-AGR-023')).toBe('fail');
    expect(v.outcome).toBe('not-eligible');
  });

  it('EUR 17 m a year for culture is not conditional', async () => {
    const v = await assess(sgei({ area: 'culture', period: { start: '2025-01-01', end: '2025-12-31' }, cityContribution: { fundingSek: 187_000_000 }, stateAid: { economicActivity: true, affectsTrade: true, route: 'sgei-decision', eurSekRate: 11, socialNeedsService: false } }), { asOf: '2025-03-01' });
    expect(status(v, 'IOP-AID-006')).toBe('fail');
    expect(v.outcome).toBe('not-eligible');
  });
});

describe('the recommendation follows the verdict and the law', () => {
  it('a city initiative after an open dialogue, with no contract features, is iop', async () => {
    const v = await assess(favourableCase({ partnership: { initiatedBy: 'city', initialDialogueHeld: true, dialogueOpenToOthers: true } }), { asOf: '2025-03-01' });
    expect(v.outcome).toBe('eligible');
    expect(v.recommendation.form).toBe('iop');
  });

  it('support for an organisation’s own activity without a shared need or a joint goal is a grant', async () => {
    const v = await assess(favourableCase({ partnership: { initiatedBy: 'organisation', sharedNeed: false, jointGoal: false } }), { asOf: '2025-03-01', locale: 'en' });
    expect(v.recommendation.form).toBe('grant');
    expect(v.recommendation.reasons[0]).toMatch(/own activity/);
  });

  it('no reason cites another city’s table to Stockholm’s officers', async () => {
    const v = await assess(favourableCase({ partnership: { profitExpected: true } }), { asOf: '2025-03-01' });
    expect(v.recommendation.form).toBe('undetermined');
    expect(v.recommendation.reasons.join(' ')).not.toMatch(/Malmö/);
  });
});
