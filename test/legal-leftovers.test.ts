// The legal leftovers of the issue 8/9 reviews (docs/decisions/0019-legal-leftovers.md), checked
// through the public API: the processor relationship as a procurement indicator, IOP-FU-008 without
// due dates, IOP-FU-006 on the final report's figure.
import { describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import { favourableCase, mergeCase } from '../src/testing/index.js';
import type { Verdict } from '../src/verdict/types.js';

const finding = (v: Verdict, id: string) => {
  const f = v.findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`no finding ${id} on ${v.asOf}`);
  return f;
};
const RULE_SETS = ['national', 'stockholm-2017', 'stockholm-2023'] as const;

describe('the organisation as the city’s processor of personal data (IOP-PROC-012)', () => {
  const processor = favourableCase({ partnership: { handlesPersonalDataForCity: true } });

  it.each(RULE_SETS)('%s: a major procurement indicator, so conditional and never plain iop', async (ruleSet) => {
    const v = await assess(processor, { ruleSet, asOf: '2025-03-01' });
    const f = finding(v, 'IOP-PROC-012');
    expect([f.status, f.severity, f.area, f.layer]).toEqual(['fail', 'major', 'procurement', 'law']);
    expect(v.areas.procurement.status).toBe('fail');
    expect(v.outcome).toBe('conditional');
    expect(v.recommendation.form).toBe('undetermined');
    expect(v.recommendation.reasons.join(' ')).toContain('IOP-PROC-012');
  });

  it('separate controllers (each party its own personuppgiftsansvarig) pass, and the case stays eligible and iop', async () => {
    const v = await assess(favourableCase({ partnership: { handlesPersonalDataForCity: false } }), { asOf: '2025-03-01' });
    expect(finding(v, 'IOP-PROC-012').status).toBe('pass');
    expect(v.outcome).toBe('eligible');
    expect(v.recommendation.form).toBe('iop');
  });

  it('unknown roles leave the rule open, never passed', async () => {
    const v = await assess(favourableCase({ partnership: { handlesPersonalDataForCity: null } }), { asOf: '2025-03-01' });
    expect(finding(v, 'IOP-PROC-012').status).toBe('unknown');
    expect(v.outcome).toBe('conditional');
    expect(v.missingFacts.find((m) => m.fact === 'partnership.handlesPersonalDataForCity')?.decisive).toBe(true);
  });

  it('is a contract feature for the recommendation: the own-activity grant row no longer applies', async () => {
    const ownActivity = { partnership: { initiatedBy: 'organisation', sharedNeed: false, jointGoal: false } } as const;
    const separate = await assess(favourableCase(ownActivity), { asOf: '2025-03-01' });
    expect(separate.recommendation.form).toBe('grant');
    const asProcessor = await assess(mergeCase(favourableCase(ownActivity), { partnership: { handlesPersonalDataForCity: true } }), { asOf: '2025-03-01' });
    expect(asProcessor.recommendation.form).toBe('undetermined');
  });

  // Decision 0019 §8: one major indicator asks for a documented assessment; it is not on its own an order.
  it('the city’s own idea with a hand-picked partner as its processor, with money: undetermined with a documented assessment, not procurement', async () => {
    const v = await assess(favourableCase({ partnership: { initiatedBy: 'city', dialogueOpenToOthers: false, handlesPersonalDataForCity: true } }), { asOf: '2025-03-01' });
    expect(v.outcome).toBe('conditional');
    expect(v.recommendation.form).toBe('undetermined');
    expect(v.recommendation.reasons.join(' ')).toContain('IOP-PROC-012');
    expect(v.recommendation.reasons.join(' ')).toContain('dokumentera');
    // A failed rule is named with its explanation (the facts), never with its title, which states
    // what passing means and read after "not met" says the opposite of the facts.
    const proc = v.findings.find((f) => f.ruleId === 'IOP-PROC-012');
    expect(v.recommendation.reasons).toContain(`IOP-PROC-012 (ej uppfyllt): ${proc?.explanation ?? '?'}`);
    expect(v.recommendation.reasons.join(' ')).not.toContain(proc?.title ?? '?');
  });

  it('the processor role is not counted on its own: with payment per unit but no specified service the form stays undetermined', async () => {
    const v = await assess(
      favourableCase({ partnership: { initiatedBy: 'city', dialogueOpenToOthers: false, handlesPersonalDataForCity: true, paymentPerDeliveredUnit: true } }),
      { asOf: '2025-03-01' },
    );
    expect(v.recommendation.form).toBe('undetermined');
    expect(v.recommendation.reasons.join(' ')).toContain('IOP-PROC-012');
  });

  it('the city contributes nothing: no contract features count, so a city idea with a processor role is not procurement', async () => {
    const v = await assess(
      favourableCase({
        partnership: {
          initiatedBy: 'city',
          dialogueOpenToOthers: false,
          handlesPersonalDataForCity: true,
          cityContribution: { fundingSek: 0, premises: false, staff: false },
        },
      }),
      { asOf: '2025-03-01' },
    );
    expect(finding(v, 'IOP-PROC-012').status).toBe('not-applicable');
    expect(v.recommendation.form).not.toBe('procurement');
    expect(v.recommendation.reasons.join(' ')).toMatch(/1 kap\. 9 § regeringsformen/);
  });

  it('an unknown contribution leaves the features open: neither procurement nor the own-activity grant', async () => {
    const unknownMoney = { fundingSek: null, premises: null, staff: null };
    const cityIdea = await assess(
      favourableCase({ partnership: { initiatedBy: 'city', dialogueOpenToOthers: false, handlesPersonalDataForCity: true, paymentPerDeliveredUnit: true, cityContribution: unknownMoney } }),
      { asOf: '2025-03-01' },
    );
    expect(cityIdea.recommendation.form).not.toBe('procurement');
    const ownActivity = await assess(
      favourableCase({ partnership: { initiatedBy: 'organisation', sharedNeed: false, jointGoal: false, handlesPersonalDataForCity: true, cityContribution: unknownMoney } }),
      { asOf: '2025-03-01' },
    );
    expect(ownActivity.recommendation.form).not.toBe('grant');
  });

  it('does not apply when the city contributes nothing (no financial terms, no contract)', async () => {
    const v = await assess(
      favourableCase({ partnership: { handlesPersonalDataForCity: true, cityContribution: { fundingSek: 0, premises: false, staff: false } } }),
      { asOf: '2025-03-01' },
    );
    expect(finding(v, 'IOP-PROC-012').status).toBe('not-applicable');
  });
});

describe('IOP-FU-008: later payments need due dates', () => {
  it('two payments and no report plan: unknown, the case conditional, not eligible', async () => {
    const v = await assess(mergeCase(favourableCase(), { followUp: null }), { asOf: '2025-03-01' });
    expect(finding(v, 'IOP-FU-008').status).toBe('unknown');
    expect(v.outcome).toBe('conditional');
  });

  it('a plan with only a final report: year 2 is paid without any report on year 1, so it fails', async () => {
    const v = await assess(
      mergeCase(favourableCase(), { followUp: { reports: [{ periodStart: '2025-01-01', periodEnd: '2026-12-31', dueOn: '2027-03-31' }] } }),
      { asOf: '2025-03-01' },
    );
    expect(finding(v, 'IOP-FU-008').status).toBe('fail');
  });
});

describe('IOP-FU-006 reads the final report, so a carried-over surplus is not counted twice', () => {
  const year1 = { periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-01-31', submittedOn: '2026-01-20', activitiesDelivered: 'full', unspentFundsSek: 50000 } as const;
  const year2 = { periodStart: '2026-01-01', periodEnd: '2026-12-31', dueOn: '2027-02-28', submittedOn: '2027-02-15', activitiesDelivered: 'full', unspentFundsSek: 0 } as const;

  it('a year-1 surplus carried over and spent: passes without a decision', async () => {
    const v = await assess(mergeCase(favourableCase(), { followUp: { reports: [year1, year2], unspentFundsSettled: false } }), { asOf: '2027-03-01' });
    expect(finding(v, 'IOP-FU-006').status).toBe('pass');
    expect(v.areas['follow-up'].status).toBe('pass');
  });

  it('a surplus left in the final report, with no decision: fails with the final report’s amount', async () => {
    const v = await assess(
      mergeCase(favourableCase(), { followUp: { reports: [year1, { ...year2, unspentFundsSek: 20000 }], unspentFundsSettled: false } }),
      { asOf: '2027-03-01' },
    );
    const f = finding(v, 'IOP-FU-006');
    expect(f.status).toBe('fail');
    expect(f.explanation).toContain('20 000 kr');
    expect(f.explanation).not.toContain('70 000 kr');
    // Second independent reading: the claim rests on the agreement's repayment terms (no general statutory
    // right to reclaim a grant), and keeping the funds is new aid from the day of the decision.
    expect(f.explanation).toContain('vilar på överenskommelsens villkor om återbetalning');
    expect(f.remedy).toContain('saknar en allmän lagstadgad rätt');
    expect(f.remedy).toContain('nytt stöd från beslutsdagen');
    expect(f.remedy).toContain('2026-01-01');
  });
});

// Review of 2026-11-30, finding 5: FU-006 is derived from the dates and the payment plan.
describe('IOP-FU-006 applies once the final account is due, and only then', () => {
  it('agreement ended, 900 000 kr paid, no follow-up at all: unknown, asking for the final report (not not-applicable)', async () => {
    const v = await assess(mergeCase(favourableCase(), { followUp: null }), { asOf: '2027-03-15' });
    const f = finding(v, 'IOP-FU-006');
    expect(f.status).toBe('unknown');
    expect(f.explanation).toContain('slutrapporten');
    expect(v.missingFacts.some((m) => m.fact === 'followUp.reports' && m.neededBy.includes('IOP-FU-006'))).toBe(true);
  });

  it('period ended, all on schedule, the final report not yet due: not-applicable, and nothing "before signing" for follow-up', async () => {
    const year1 = { periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-01-31', submittedOn: '2026-01-20', activitiesDelivered: 'full', unspentFundsSek: 0 } as const;
    const plan = { followUp: { reports: [year1, { periodStart: '2026-01-01', periodEnd: '2026-12-31', dueOn: '2027-02-28' }] } };
    const before = await assess(mergeCase(favourableCase(), plan), { asOf: '2027-01-15' });
    expect(finding(before, 'IOP-FU-006').status).toBe('not-applicable');
    const after = await assess(mergeCase(favourableCase(), plan), { asOf: '2027-03-01' });
    expect(finding(after, 'IOP-FU-006').status).toBe('unknown');
    const reasons = after.recommendation.reasons.join(' ');
    expect(reasons).toContain('IOP-FU-006');
    expect(reasons).not.toMatch(/undertecknandet: [^.]*IOP-FU-006/);
  });

  it('no city money paid: not-applicable even after the period', async () => {
    const v = await assess(
      mergeCase(favourableCase(), { followUp: null, agreement: { paymentPlan: [] }, partnership: { cityContribution: { fundingSek: 0 } } }),
      { asOf: '2027-03-15' },
    );
    expect(finding(v, 'IOP-FU-006').status).toBe('not-applicable');
  });
});
