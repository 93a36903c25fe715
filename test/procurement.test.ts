// Procurement area and the recommendation (issue 3): a contract-like arrangement is not an
// IOP and is recommended for procurement; the size of the funding changes no outcome; the
// direct-award route shows the limit in force on the assessment date, with its source.
import { describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import type { Verdict } from '../src/verdict/types.js';
import { merge } from './helpers/merge.js';

const CLAUSES = [
  'parties', 'background', 'purpose-goals', 'activities', 'contributions', 'financing', 'period', 'follow-up',
  'changes', 'termination', 'disputes', 'repayment', 'knowledge-building', 'insyn',
];

/** A case that answers every core case-model fact favourably, with the city's funding as given. */
function favourableCase(fundingSek: number): Record<string, unknown> {
  return {
    organisation: {
      name: 'Föreningen Grannstöd', orgNumber: '802479-1231', legalForm: 'ideell-forening', registeredSince: '2015-03-01',
      registeredIdeburen: true, publicBenefitPurpose: true, dissolutionClause: true, publicControl: false,
      valueTransfersOutsideSector: false, democraticStructure: true, democracyConditionMet: true, genderEqualityWork: true,
      insolvent: false, taxDebtSek: 0, enforcementDebtSek: 0, bankAccountInOwnName: true, latestAnnualReportYear: 2024,
      auditReportClean: true, statutesAdopted: '2015-03-01', equitySek: 800000, annualRevenueSek: 20000000,
    },
    partnership: {
      title: 'Läxhjälp och föräldrastöd', area: 'social-services', initiatedBy: 'organisation', initialDialogueHeld: true,
      dialogueOpenToOthers: true, sharedNeed: true, jointGoal: true, generalInterest: true, benefitsMunicipalityResidents: true,
      serviceSpecifiedByCity: false, paymentPerDeliveredUnit: false, sanctionsForNonPerformance: false, marketExists: false,
      profitExpected: false, detailedSteeringByCity: false, partOfStandardGrant: false, linkedToPoliticalPlan: true,
      intendedLongTerm: true, involvesMyndighetsutovning: false, handsOverMunicipalTask: false, taskOfAnotherAuthority: false,
      methodBasis: 'evidence-based', priorityAreas: ['Förebyggande stöd för barn och unga'],
      period: { start: '2025-04-01', end: '2027-03-31' },
      cityContribution: { fundingSek, premises: false, staff: false },
      organisationContribution: { fundingSek: 150000, volunteerHours: 2500, premises: true, other: 'Administration och samordning' },
      goals: [{ description: 'Fler elever klarar godkända betyg', indicator: 'Andel deltagare med godkända betyg', target: 80 }],
      activityPlan: true, knowledgeSharing: true, handlesPersonalDataForCity: false,
      stateAid: { economicActivity: false, affectsTrade: false, route: 'none' },
    },
    agreement: {
      clauses: CLAUSES, signedOn: '2025-03-15', period: { start: '2025-04-01', end: '2027-03-31' },
      paymentPlan: [{ dueOn: '2025-04-15', amountSek: fundingSek / 2 }, { dueOn: '2026-04-15', amountSek: fundingSek / 2 }],
      noticePeriodMonths: 3,
    },
    // The report plan: the second payment waits for the report on the first year (IOP-FU-008).
    followUp: {
      reports: [
        { periodStart: '2025-04-01', periodEnd: '2026-03-31', dueOn: '2026-04-15' },
        { periodStart: '2026-04-01', periodEnd: '2027-03-31', dueOn: '2027-04-30' },
      ],
    },
  };
}

/** The Alingsås pattern: the city pays per place for a task it is responsible for, on a market. */
function alingsasLike(fundingSek: number): unknown {
  return merge(favourableCase(fundingSek), {
    organisation: { name: 'Stiftelsen Exempelgården', legalForm: 'stiftelse', democraticStructure: null },
    partnership: { title: 'Drift av vård- och omsorgsboende', area: 'elderly-care', handsOverMunicipalTask: true, paymentPerDeliveredUnit: true, marketExists: true },
  });
}

const finding = (v: Verdict, id: string) => {
  const f = v.findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`no finding ${id} on ${v.asOf}`);
  return f;
};
/** Status of every blocker and major finding: what decides the outcome. */
const gating = (v: Verdict) =>
  Object.fromEntries(v.findings.filter((f) => f.severity === 'blocker' || f.severity === 'major').map((f) => [f.ruleId, f.status]));

describe('a contract-like arrangement', () => {
  it('an Alingsås-like elderly-care arrangement is not eligible and should be procured', async () => {
    const v = await assess(alingsasLike(5_000_000), { asOf: '2025-03-01' });
    expect(v.outcome).toBe('not-eligible');
    expect(finding(v, 'IOP-PROC-001').status).toBe('fail');
    expect(v.areas.procurement.status).toBe('fail');
    expect(v.recommendation.form).toBe('procurement');
    expect(v.recommendation.reasons.some((r) => r.startsWith('IOP-PROC-001:'))).toBe(true);
    expect(finding(v, 'IOP-PROC-001').sources.some((s) => s.ref.includes('HFD 2020 ref. 15'))).toBe(true);
    expect(finding(v, 'IOP-PROC-001').sources.some((s) => s.ref.includes('3556-18'))).toBe(true);
    expect(JSON.stringify(finding(v, 'IOP-PROC-001'))).not.toMatch(/unchecked|inte kontrollerats|okontrollerad/i);
  });

  it('funding below the direct-award limit changes no outcome', async () => {
    const small = await assess(alingsasLike(100_000), { asOf: '2025-03-01' });
    const large = await assess(alingsasLike(5_000_000), { asOf: '2025-03-01' });
    // The funding was seen: the direct-award route differs ...
    expect(finding(small, 'IOP-PROC-007').status).toBe('pass');
    expect(finding(large, 'IOP-PROC-007').status).toBe('fail');
    // ... but nothing that decides the outcome does.
    expect(small.outcome).toBe('not-eligible');
    expect(large.outcome).toBe(small.outcome);
    expect(large.recommendation.form).toBe('procurement');
    expect(small.recommendation.form).toBe('procurement');
    expect(gating(large)).toEqual(gating(small));
  });

  it('the same arrangement signed in 2016 is judged under LOU (2007:1091), as it should have been then', async () => {
    const v = await assess(alingsasLike(5_000_000), { asOf: '2016-06-30' });
    const f = finding(v, 'IOP-PROC-001');
    expect(f.status).toBe('fail');
    expect(f.sources.map((s) => s.ref).join(' ')).toContain('2007:1091');
    expect(v.recommendation.form).toBe('procurement');
  });
});

describe('an IOP without contract features', () => {
  it('gives the same outcome with SEK 100 000 and SEK 5 000 000', async () => {
    const small = await assess(favourableCase(100_000), { asOf: '2025-03-01' });
    const large = await assess(favourableCase(5_000_000), { asOf: '2025-03-01' });
    expect(small.areas.procurement.status).toBe('pass');
    expect(large.areas.procurement.status).toBe('pass');
    expect(large.outcome).toBe(small.outcome);
    expect(gating(large)).toEqual(gating(small));
    expect(large.recommendation.form).toBe(small.recommendation.form);
    expect(small.recommendation.form).not.toBe('procurement');
    // The routes do not apply to an IOP, but the limit is still shown.
    expect(finding(small, 'IOP-PROC-007').status).toBe('not-applicable');
    expect(finding(small, 'IOP-PROC-007').explanation).toContain('700 000 kr');
  });
});

describe('the direct-award route shows the limit in force', () => {
  it('700 000 kr on 2025-03-01', async () => {
    const v = await assess(alingsasLike(500_000), { asOf: '2025-03-01' });
    expect(finding(v, 'IOP-PROC-007').explanation).toContain('700 000 kr');
    const p = v.parameters.find((x) => x.id === 'lou.directAwardLimitSek');
    expect(p).toMatchObject({ value: 700000, from: '2022-02-01', date: '2025-03-01' });
    expect(p?.sources.length).toBeGreaterThan(0);
  });

  it('534 890 kr on 2016-06-01 under the 2017 rule set', async () => {
    const v = await assess(alingsasLike(500_000), { asOf: '2016-06-01', ruleSet: 'stockholm-2017' });
    const f = finding(v, 'IOP-PROC-007');
    expect(f.status).toBe('pass');
    expect(f.explanation).toContain('534 890 kr');
    expect(f.explanation).not.toContain('700 000 kr');
    const p = v.parameters.find((x) => x.id === 'lou.directAwardLimitSek');
    expect(p).toMatchObject({ value: 534890, from: '2016-01-01', to: '2017-12-31' });
    expect(p?.sources.map((s) => s.ref).join(' ')).toContain('Sjöbo');
  });

  it('in English the limit is written the same way', async () => {
    const v = await assess(alingsasLike(500_000), { asOf: '2025-03-01', locale: 'en' });
    expect(finding(v, 'IOP-PROC-007').explanation).toMatch(/^If the arrangement is a contract/);
    expect(finding(v, 'IOP-PROC-007').explanation).toContain('700 000 kr');
  });

  it('the social-services threshold is unknown from 2026, when its value in kronor is not known', async () => {
    const v2025 = await assess(alingsasLike(500_000), { asOf: '2025-12-31' });
    const v2026 = await assess(alingsasLike(500_000), { asOf: '2026-01-01' });
    expect(finding(v2025, 'IOP-PROC-008').status).toBe('pass');
    expect(finding(v2026, 'IOP-PROC-008').status).toBe('unknown');
    expect(finding(v2026, 'IOP-PROC-007').status).toBe('pass');
  });
});

describe('recommendation', () => {
  const base = favourableCase(400_000);
  const withPartnership = (p: Record<string, unknown>) => merge(base, { partnership: p });

  it('profit expected: not an IOP, and the form is left to an assessment (grant with a state-aid check, or procurement)', async () => {
    const v = await assess(withPartnership({ profitExpected: true }), { asOf: '2025-03-01' });
    expect(v.recommendation.form).toBe('undetermined');
    expect(v.recommendation.reasons.join(' ')).toMatch(/vinst[\s\S]*statsstöd/);
  });

  // A second independent reading: who took the initiative and whether the dialogue was open are
  // not part of the contract test (1 kap. 15 § LOU; C-451/08); the terms are.
  it.each([
    ['the organisation’s idea (the Alingsås pattern)', { initiatedBy: 'organisation' }],
    ['the city’s idea, open dialogue', { initiatedBy: 'city', dialogueOpenToOthers: true }],
    ['the city’s idea, hand-picked partner', { initiatedBy: 'city', dialogueOpenToOthers: false }],
  ])('a specified service paid per unit with city money is procurement whoever had the idea: %s', async (_name, who) => {
    const v = await assess(withPartnership({ ...who, serviceSpecifiedByCity: true, paymentPerDeliveredUnit: true }), { asOf: '2025-03-01' });
    expect(v.recommendation.form).toBe('procurement');
  });

  it('a specified service with the processor role but no binding terms is not procurement on the processor role: undetermined', async () => {
    const v = await assess(withPartnership({ initiatedBy: 'city', dialogueOpenToOthers: false, serviceSpecifiedByCity: true, handlesPersonalDataForCity: true }), { asOf: '2025-03-01' });
    expect(v.recommendation.form).toBe('undetermined');
  });

  it("the city's own idea with a partner chosen without an open dialogue, no contract feature: iop, with an objectivity note", async () => {
    const v = await assess(withPartnership({ initiatedBy: 'city', dialogueOpenToOthers: false }), { asOf: '2025-03-01' });
    expect(v.recommendation.form).toBe('iop');
    expect(v.recommendation.reasons.join(' ')).toMatch(/1 kap\. 9 § regeringsformen/);
  });

  it("the city's own idea with a chosen partner and one contract feature: undetermined, the indicator assessed and documented (decision 0019)", async () => {
    const v = await assess(withPartnership({ initiatedBy: 'city', dialogueOpenToOthers: false, paymentPerDeliveredUnit: true }), { asOf: '2025-03-01' });
    expect(v.recommendation.form).toBe('undetermined');
    expect(v.recommendation.reasons.join(' ')).toMatch(/IOP-PROC-003/);
  });

  it("the city's own idea with a chosen partner and two contract features: procurement", async () => {
    const v = await assess(
      withPartnership({ initiatedBy: 'city', dialogueOpenToOthers: false, paymentPerDeliveredUnit: true, serviceSpecifiedByCity: true }),
      { asOf: '2025-03-01' },
    );
    expect(v.recommendation.form).toBe('procurement');
  });

  it("the city's own idea after a dialogue open to others: not procurement", async () => {
    const v = await assess(withPartnership({ initiatedBy: 'city', dialogueOpenToOthers: true }), { asOf: '2025-03-01' });
    expect(v.recommendation.form).not.toBe('procurement');
  });

  it("support for the organisation's general work: grant", async () => {
    const v = await assess(withPartnership({ partOfStandardGrant: true }), { asOf: '2025-03-01', locale: 'en' });
    expect(v.recommendation.form).toBe('grant');
    expect(v.recommendation.reasons[0]).toContain('grant');
  });

  it('every core case-model fact answered favourably: eligible, and iop', async () => {
    const v = await assess(base, { asOf: '2025-03-01' });
    expect(v.outcome).toBe('eligible');
    expect(v.recommendation.form).toBe('iop');
  });

  it('an almost empty case: undetermined, and the open questions of the table are named', async () => {
    const v = await assess({ organisation: { name: 'Okänd förening' } }, { asOf: '2025-03-01' });
    expect(v.outcome).toBe('incomplete');
    expect(v.recommendation.form).toBe('undetermined');
    expect(v.recommendation.reasons.some((r) => r.startsWith('Okänt: om organisationen förväntas gå med vinst'))).toBe(true);
  });

  it('an unknown fact never points to a form', async () => {
    const v = await assess(withPartnership({ profitExpected: null, partOfStandardGrant: null }), { asOf: '2025-03-01' });
    expect(v.recommendation.form).not.toBe('procurement');
    expect(v.recommendation.form).not.toBe('grant');
  });
});

// Second independent kommunjurist reading (case e1b): a contract has financial terms (1 kap. 15 § LOU,
// C-451/08), so the contract tests PROC-002…005 apply only when the city contributes, as PROC-012 does.
describe('a specified service under sanctions without any city money', () => {
  const specifiedWithSanctions = (fundingSek: number) =>
    merge(favourableCase(fundingSek), {
      partnership: { serviceSpecifiedByCity: true, sanctionsForNonPerformance: true, paymentPerDeliveredUnit: true },
      agreement: { paymentPlan: [] },
    });

  it('the city contributes nothing: PROC-002…005 do not apply and PROC-001 passes, so the form is not procurement', async () => {
    const v = await assess(specifiedWithSanctions(0), { asOf: '2025-03-01' });
    for (const id of ['IOP-PROC-002', 'IOP-PROC-003', 'IOP-PROC-004', 'IOP-PROC-005']) {
      expect(finding(v, id).status, id).toBe('not-applicable');
      expect(finding(v, id).explanation, id).toContain('koncession');
    }
    expect(finding(v, 'IOP-PROC-001').status).toBe('pass');
    expect(v.recommendation.form).not.toBe('procurement');
  });

  it('the same with city money: the blocker fails and the form is procurement', async () => {
    const v = await assess(specifiedWithSanctions(600000), { asOf: '2025-03-01' });
    expect(finding(v, 'IOP-PROC-002').status).toBe('fail');
    expect(v.outcome).toBe('not-eligible');
    expect(v.recommendation.form).toBe('procurement');
  });

  it('what the city contributes is unknown: the contract tests are unknown, never not-applicable', async () => {
    const v = await assess(merge(specifiedWithSanctions(0), { partnership: { cityContribution: null } }), { asOf: '2025-03-01' });
    for (const id of ['IOP-PROC-002', 'IOP-PROC-003', 'IOP-PROC-004', 'IOP-PROC-005']) expect(finding(v, id).status, id).toBe('unknown');
  });
});
