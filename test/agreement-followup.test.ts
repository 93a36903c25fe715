// The agreement and follow-up areas (issue 4): the Done-when sentences, the not-applicable
// behaviour without an agreement or follow-up, and the three-valued derived facts behind them.
import { describe, expect, it } from 'vitest';
import { assess, type Finding, type Verdict } from '../src/index.js';
import { parseCase } from '../src/assess.js';
import { resolveFacts } from '../src/facts/resolve.js';
import { UNKNOWN } from '../src/facts/types.js';
import { favourableCase, mergeCase } from '../src/testing/builders.js';

const AS_OF = '2025-03-01';

function finding(v: Verdict, id: string): Finding {
  const f = v.findings.find((x) => x.ruleId === id);
  if (!f) throw new Error(`no finding ${id}`);
  return f;
}

/** Facts of a case on a date, with no parameters (the facts tested here read none). */
function factsOf(input: unknown, asOf = AS_OF) {
  const parsed = parseCase(input);
  if (!parsed.ok) throw parsed.error;
  return resolveFacts(parsed.value, asOf, () => UNKNOWN);
}

const ALL_CLAUSES = favourableCase().agreement?.clauses ?? [];

describe('agreement area', () => {
  it('the favourable case passes the agreement area (so the failures below come from the change made)', async () => {
    const v = await assess(favourableCase(), { asOf: AS_OF });
    expect(v.areas.agreement.status).toBe('pass');
    expect(v.findings.filter((f) => f.area === 'agreement' && f.status === 'fail')).toEqual([]);
  });

  it('an agreement without repayment and follow-up clauses fails the agreement area, one major finding per clause', async () => {
    const input = mergeCase(favourableCase(), { agreement: { clauses: ALL_CLAUSES.filter((c) => c !== 'repayment' && c !== 'follow-up') } });
    const v = await assess(input, { asOf: AS_OF });
    expect(v.areas.agreement.status).toBe('fail');
    expect(v.outcome).toBe('conditional');
    const repayment = finding(v, 'IOP-AGR-013');
    expect([repayment.status, repayment.severity]).toEqual(['fail', 'major']);
    expect(repayment.explanation).toContain('återbetalning');
    const followUp = finding(v, 'IOP-AGR-008');
    expect([followUp.status, followUp.severity]).toEqual(['fail', 'major']);
    expect(followUp.explanation).toContain('uppföljning');
    // Nothing else in the area: the goals' indicators are tested once, in the partnership area (IOP-PART-018).
    expect(v.findings.filter((f) => f.area === 'agreement' && f.status === 'fail').map((f) => f.ruleId).sort()).toEqual(['IOP-AGR-008', 'IOP-AGR-013']);
  });

  it('in the 2017 edition a missing repayment clause is the same major rule (one id in every edition)', async () => {
    const input = mergeCase(favourableCase(), {
      partnership: { period: { start: '2020-01-01', end: '2021-12-31' }, stateAid: { grantedOn: '2019-12-10' } },
      agreement: { clauses: ALL_CLAUSES.filter((c) => c !== 'repayment'), signedOn: '2019-12-15', period: { start: '2020-01-01', end: '2021-12-31' }, paymentPlan: [{ dueOn: '2020-01-31', amountSek: 450000 }, { dueOn: '2021-01-31', amountSek: 450000 }] },
    });
    const v = await assess(input, { asOf: '2020-03-01' });
    expect(v.ruleSet.id).toBe('stockholm-2017');
    expect(finding(v, 'IOP-AGR-013')).toMatchObject({ status: 'fail', severity: 'major' });
    expect(v.findings.some((f) => f.ruleId === 'IOP-AGR-015')).toBe(false);
    expect(v.areas.agreement.status).toBe('fail');
    const national = await assess(input, { asOf: '2020-03-01', ruleSet: 'national' });
    expect(finding(national, 'IOP-AGR-013')).toMatchObject({ status: 'fail', severity: 'major' });
  });

  it('a payment plan that does not add up fails the area, with both sums in the explanation', async () => {
    const input = mergeCase(favourableCase(), {
      agreement: { paymentPlan: [{ dueOn: '2025-01-31', amountSek: 450000 }, { dueOn: '2026-01-31', amountSek: 350000 }] },
    });
    const sv = await assess(input, { asOf: AS_OF });
    expect(sv.areas.agreement.status).toBe('fail');
    const f = finding(sv, 'IOP-AGR-018');
    expect([f.status, f.severity]).toEqual(['fail', 'major']);
    expect(f.explanation).toContain('800 000 kr');
    expect(f.explanation).toContain('900 000 kr');
    const en = finding(await assess(input, { asOf: AS_OF, locale: 'en' }), 'IOP-AGR-018');
    expect(en.explanation).toMatch(/adds up to 800 000 kr.*900 000 kr/);
  });

  it('without an agreement every agreement rule is not-applicable, and so is the area', async () => {
    const v = await assess(mergeCase(favourableCase(), { agreement: null }), { asOf: AS_OF });
    const agr = v.findings.filter((f) => f.area === 'agreement');
    expect(agr.length).toBeGreaterThan(15);
    expect(agr.every((f) => f.status === 'not-applicable')).toBe(true);
    expect(v.areas.agreement.status).toBe('not-applicable');
    // Nothing about the agreement is asked for when there is none.
    expect(v.missingFacts.filter((m) => m.fact.startsWith('agreement.') && m.neededBy.some((r) => r.startsWith('IOP-AGR')))).toEqual([]);
  });

  it('an agreement whose clauses are unknown leaves the area unknown, never pass', async () => {
    const v = await assess(mergeCase(favourableCase(), { agreement: { clauses: null } }), { asOf: AS_OF });
    expect(v.areas.agreement.status).toBe('unknown');
    expect(finding(v, 'IOP-AGR-001').status).toBe('unknown');
    expect(v.missingFacts.find((m) => m.fact === 'agreement.clauses')?.decisive).toBe(true);
  });

  it('conditional clauses: personal data only when the organisation processes personal data for the city', async () => {
    const needs = mergeCase(favourableCase(), { partnership: { handlesPersonalDataForCity: true } });
    expect(finding(await assess(needs, { asOf: AS_OF }), 'IOP-AGR-016').status).toBe('fail');
    const has = mergeCase(needs, { agreement: { clauses: [...ALL_CLAUSES, 'personal-data'] } });
    expect(finding(await assess(has, { asOf: AS_OF }), 'IOP-AGR-016').status).toBe('pass');
    expect(finding(await assess(favourableCase(), { asOf: AS_OF }), 'IOP-AGR-016').status).toBe('not-applicable');
  });

  it('conditional clauses: an entrustment act only on an SGEI route', async () => {
    for (const route of ['sgei-decision', 'sgei-de-minimis'] as const) {
      const v = await assess(mergeCase(favourableCase(), { partnership: { stateAid: { route, economicActivity: true, affectsTrade: true } } }), { asOf: AS_OF });
      expect(finding(v, 'IOP-AGR-017').status, route).toBe('fail');
    }
    expect(finding(await assess(favourableCase(), { asOf: AS_OF }), 'IOP-AGR-017').status).toBe('not-applicable');
    // An SGEI route chosen for support that is not state aid: nothing to entrust.
    const notAid = await assess(mergeCase(favourableCase(), { partnership: { stateAid: { route: 'sgei-decision', economicActivity: false } } }), { asOf: AS_OF });
    expect(finding(notAid, 'IOP-AGR-017').status).toBe('not-applicable');
  });
});

describe('follow-up area', () => {
  const report = { periodStart: '2025-01-01', periodEnd: '2025-06-30', dueOn: '2025-08-15' };
  // The rest of the report plan, so that the plan covers the whole agreement period (IOP-FU-007).
  const rest = [
    { periodStart: '2025-07-01', periodEnd: '2025-12-31', dueOn: '2026-01-31' },
    { periodStart: '2026-01-01', periodEnd: '2026-12-31', dueOn: '2027-02-28' },
  ];

  it('reports that are not yet due keep the follow-up area passing', async () => {
    const v = await assess(mergeCase(favourableCase(), { followUp: { reports: [report, ...rest] } }), { asOf: AS_OF });
    expect(v.areas['follow-up'].status).toBe('pass');
    expect(v.outcome).toBe('eligible');
  });

  it('an undelivered activity with unspent funds fails follow-up and says repayment, with the amount', async () => {
    const input = mergeCase(favourableCase(), {
      followUp: { reports: [{ ...report, submittedOn: '2025-08-10', activitiesDelivered: 'partial', unspentFundsSek: 120000 }] },
    });
    const sv = await assess(input, { asOf: '2025-09-01' });
    expect(sv.areas['follow-up'].status).toBe('fail');
    const f = finding(sv, 'IOP-FU-004');
    expect([f.status, f.severity]).toEqual(['fail', 'major']);
    expect(f.explanation).toContain('120 000 kr');
    expect(f.explanation).toContain('återbetalning');
    expect(f.remedy).toContain('återbetalning');
    expect(f.remedy).toContain('120 000 kr');
    const en = finding(await assess(input, { asOf: '2025-09-01', locale: 'en' }), 'IOP-FU-004');
    expect(en.remedy).toMatch(/repayment of the unspent funds \(120 000 kr\)/);
  });

  it('an overdue report fails follow-up', async () => {
    const v = await assess(mergeCase(favourableCase(), { followUp: { reports: [report] } }), { asOf: '2025-09-01' });
    expect(v.areas['follow-up'].status).toBe('fail');
    const f = finding(v, 'IOP-FU-002');
    expect([f.status, f.severity]).toEqual(['fail', 'major']);
    expect(f.explanation).toContain(': 1.');
  });

  it('the same report is not overdue on its due date, nor once submitted', async () => {
    const onDue = await assess(mergeCase(favourableCase(), { followUp: { reports: [report] } }), { asOf: '2025-08-15' });
    expect(finding(onDue, 'IOP-FU-002').status).toBe('pass');
    const submitted = await assess(mergeCase(favourableCase(), { followUp: { reports: [{ ...report, submittedOn: '2025-08-20', activitiesDelivered: 'full', unspentFundsSek: 0 }, ...rest] } }), { asOf: '2025-09-01' });
    expect(finding(submitted, 'IOP-FU-002').status).toBe('pass');
    // It came in late: advice only, the area still passes.
    expect(finding(submitted, 'IOP-FU-003')).toMatchObject({ status: 'fail', severity: 'advisory' });
    expect(submitted.areas['follow-up'].status).toBe('pass');
  });

  it('indicators below target are advice with the gap in numbers', async () => {
    const v = await assess(
      mergeCase(favourableCase(), {
        followUp: { reports: [{ ...report, submittedOn: '2025-08-10', activitiesDelivered: 'full', unspentFundsSek: 0, indicators: [{ id: 'deltagare', target: 300, actual: 212 }, { id: 'andel flickor', target: 45, actual: 47 }] }, ...rest] },
      }),
      { asOf: '2025-09-01' },
    );
    const f = finding(v, 'IOP-FU-005');
    expect([f.status, f.severity]).toEqual(['fail', 'advisory']);
    expect(f.explanation).toContain('88 under');
    expect(f.explanation).toContain('deltagare');
    expect(v.areas['follow-up'].status).toBe('pass');
  });

  it('without follow-up and with one payment the area is not-applicable', async () => {
    const v = await assess(mergeCase(favourableCase(), { followUp: null, agreement: { paymentPlan: [{ dueOn: '2025-01-31', amountSek: 900000 }] } }), { asOf: AS_OF });
    expect(v.areas['follow-up'].status).toBe('not-applicable');
    expect(v.findings.filter((f) => f.area === 'follow-up').every((f) => f.status === 'not-applicable')).toBe(true);
  });

  it('two payments without a report plan: IOP-FU-008 is open, never passed, and the plan is asked for (decision 0019)', async () => {
    const v = await assess(mergeCase(favourableCase(), { followUp: null }), { asOf: AS_OF });
    expect(finding(v, 'IOP-FU-008').status).toBe('unknown');
    expect(v.areas['follow-up'].status).toBe('unknown');
    expect(v.outcome).toBe('conditional');
    expect(v.missingFacts.map((m) => m.fact)).toContain('followUp.reports');
  });

  it('the favourable case with its report plan passes follow-up before any report is due', async () => {
    const v = await assess(favourableCase(), { asOf: AS_OF });
    expect(finding(v, 'IOP-FU-008').status).toBe('pass');
    expect(v.areas['follow-up'].status).toBe('pass');
  });
});

describe('derived facts', () => {
  it('agreement.provided and followUp.provided are never unknown', () => {
    expect(factsOf({}).get('agreement.provided')).toBe(false);
    expect(factsOf({ agreement: null }).get('agreement.provided')).toBe(false);
    expect(factsOf({ agreement: {} }).get('agreement.provided')).toBe(true);
    expect(factsOf({}).get('followUp.provided')).toBe(false);
    expect(factsOf({ followUp: {} }).get('followUp.provided')).toBe(true);
  });

  it('the payment plan total is unknown when one amount is, and 0 kr for an empty plan', () => {
    expect(factsOf({ agreement: { paymentPlan: [{ amountSek: 100 }, { dueOn: '2025-01-01' }] } }).get('agreement.paymentPlanTotalSek')).toBe(UNKNOWN);
    expect(factsOf({ agreement: { paymentPlan: [] } }).get('agreement.paymentPlanTotalSek')).toBe(0);
    expect(factsOf({ agreement: { paymentPlan: [{ amountSek: 0.1 }, { amountSek: 0.2 }] }, partnership: { cityContribution: { fundingSek: 0.3 } } }).get('agreement.paymentPlanMatchesFunding')).toBe(true);
  });

  it('period checks are three-valued: a known breach settles them, a missing date leaves them open', () => {
    const f = (agreement: unknown, partnership: unknown = { period: { start: '2025-01-01', end: '2025-12-31' } }) => factsOf({ agreement, partnership });
    expect(f({ period: { start: '2024-12-01' } }).get('agreement.periodWithinPartnership')).toBe(false);
    expect(f({ period: { start: '2025-01-01' } }).get('agreement.periodWithinPartnership')).toBe(UNKNOWN);
    expect(f({ period: { start: '2025-01-01', end: '2025-12-31' } }).get('agreement.periodWithinPartnership')).toBe(true);
    expect(f({ period: { start: '2025-01-01' }, paymentPlan: [{ dueOn: '2024-12-31' }] }).get('agreement.paymentsWithinPeriod')).toBe(false);
    expect(f({ period: { start: '2025-01-01' }, paymentPlan: [{ dueOn: '2025-06-30' }] }).get('agreement.paymentsWithinPeriod')).toBe(UNKNOWN);
    expect(f({ signedOn: '2025-01-01', period: { start: '2025-01-01' } }).get('agreement.signedBeforeStart')).toBe(true);
    expect(f({ signedOn: '2025-01-02', period: { start: '2025-01-01' } }).get('agreement.signedBeforeStart')).toBe(false);
  });

  it('agreement.lengthMonths counts both the first and the last day', () => {
    expect(factsOf({ agreement: { period: { start: '2025-01-01', end: '2034-12-31' } } }).get('agreement.lengthMonths')).toBe(120);
    expect(factsOf({ agreement: { period: { start: '2025-01-01', end: '2035-01-30' } } }).get('agreement.lengthMonths')).toBe(120);
    expect(factsOf({ agreement: { period: { start: '2025-01-01', end: '2035-01-31' } } }).get('agreement.lengthMonths')).toBe(121);
  });

  it('overdue: a known overdue report settles it even when another lacks a due date; a report submitted after asOf was not in on asOf', () => {
    const reports = (rs: unknown[]) => factsOf({ followUp: { reports: rs } }, '2025-09-01');
    const mixed = reports([{ dueOn: '2025-08-15' }, {}]);
    expect(mixed.get('followUp.noOverdueReports')).toBe(false);
    expect(mixed.get('followUp.overdueReports')).toBe(1);
    expect(reports([{ dueOn: '2025-10-15' }, {}]).get('followUp.noOverdueReports')).toBe(UNKNOWN);
    expect(reports([{ dueOn: '2025-08-15', submittedOn: '2025-09-10' }]).get('followUp.overdueReports')).toBe(1);
    expect(reports([]).get('followUp.noOverdueReports')).toBe(true);
  });

  it("unspent funds are the latest report's balance, never a sum; a latest report without the figure makes it unknown (decision 0019)", () => {
    const reports = (rs: unknown[]) => factsOf({ followUp: { reports: rs } }, '2025-09-01');
    expect(reports([{ periodEnd: '2025-06-30', submittedOn: '2025-08-01', unspentFundsSek: 1000 }, { periodEnd: '2025-07-31', submittedOn: '2025-08-20', unspentFundsSek: 500 }, { dueOn: '2026-02-15' }]).get('followUp.unspentFundsSek')).toBe(500);
    expect(reports([{ submittedOn: '2025-08-01', unspentFundsSek: 1000 }, { submittedOn: '2025-08-20' }]).get('followUp.unspentFundsSek')).toBe(UNKNOWN);
    expect(reports([{ dueOn: '2026-02-15' }]).get('followUp.unspentFundsSek')).toBe(0);
  });

  it("unspent funds at the end are the final report's figure, unknown until the final report is in", () => {
    const at = (rs: unknown[], asOf = '2027-03-01') => factsOf({ agreement: { period: { start: '2025-01-01', end: '2026-12-31' } }, followUp: { reports: rs } }, asOf);
    const y1 = { periodStart: '2025-01-01', periodEnd: '2025-12-31', submittedOn: '2026-02-20', unspentFundsSek: 50000 };
    const y2 = { periodStart: '2026-01-01', periodEnd: '2026-12-31', submittedOn: '2027-02-15', unspentFundsSek: 0 };
    // A year-1 surplus carried over and spent in year 2 is not counted again.
    expect(at([y1, y2]).get('followUp.unspentFundsAtEndSek')).toBe(0);
    expect(at([y1, { ...y2, unspentFundsSek: 20000 }]).get('followUp.unspentFundsAtEndSek')).toBe(20000);
    // The final report not yet in: unknown, whatever year 1 said.
    expect(at([y1, { ...y2, submittedOn: null }]).get('followUp.unspentFundsAtEndSek')).toBe(UNKNOWN);
    expect(at([y1, y2], '2027-02-01').get('followUp.unspentFundsAtEndSek')).toBe(UNKNOWN);
    expect(at([y1]).get('followUp.unspentFundsAtEndSek')).toBe(UNKNOWN);
    expect(at([y1, { ...y2, unspentFundsSek: null }]).get('followUp.unspentFundsAtEndSek')).toBe(UNKNOWN);
  });

  it('payments follow reports: unknown without due dates, false when a year ended and no report ends before the payment (decision 0019)', () => {
    const agreement = { period: { start: '2025-01-01', end: '2026-12-31' }, paymentPlan: [{ dueOn: '2025-01-31' }, { dueOn: '2026-01-31' }] };
    const f = (followUp: unknown, a: unknown = agreement) => factsOf({ agreement: a, followUp }).get('agreement.paymentsFollowReports');
    expect(f(null)).toBe(UNKNOWN);
    expect(f({ reports: [] })).toBe(UNKNOWN);
    expect(f({ reports: [{ periodStart: '2025-01-01', periodEnd: '2026-12-31', dueOn: '2027-03-31' }] })).toBe(false);
    expect(f({ reports: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-01-31' }] })).toBe(true);
    expect(f({ reports: [{ periodStart: '2025-01-01', dueOn: '2027-03-31' }] })).toBe(UNKNOWN);
    // Instalments within the first reporting period need no report before them.
    expect(f({ reports: [] }, { ...agreement, paymentPlan: [{ dueOn: '2025-01-31' }] })).toBe(true);
    expect(f({ reports: [{ periodStart: '2025-01-01', periodEnd: '2026-12-31', dueOn: '2027-03-31' }] }, { ...agreement, paymentPlan: [{ dueOn: '2025-01-31' }, { dueOn: '2025-07-01' }] })).toBe(true);
  });

  it('indicators are read from the latest report with results', () => {
    const f = factsOf({
      followUp: {
        reports: [
          { periodEnd: '2025-12-31', indicators: [{ id: 'a', target: 10, actual: 12 }] },
          { periodEnd: '2025-06-30', indicators: [{ id: 'a', target: 10, actual: 4 }, { id: 'b', target: 5, actual: 1 }] },
        ],
      },
    });
    expect(f.get('followUp.allIndicatorsMet')).toBe(true);
    const g = factsOf({ followUp: { reports: [{ periodEnd: '2025-06-30', indicators: [{ id: 'a', target: 10, actual: 4 }, { id: 'b', target: 5, actual: 1 }] }] } });
    expect(g.get('followUp.indicatorsBelowTarget')).toBe(2);
    expect(g.get('followUp.largestIndicatorGap')).toBe(6);
    expect(g.get('followUp.largestGapIndicator')).toBe('a');
  });
});

// Issue 9, done-when: follow-up covers the money (docs/decisions/0014-follow-up-covers-the-money.md).
describe('follow-up covers the money (issue 9)', () => {
  const base = favourableCase();
  const year1 = { periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-02-28', submittedOn: '2026-02-20', activitiesDelivered: 'full', unspentFundsSek: 0 } as const;
  const year2 = { periodStart: '2026-01-01', periodEnd: '2026-12-31', dueOn: '2027-02-28', submittedOn: '2027-02-15', activitiesDelivered: 'full', unspentFundsSek: 0 } as const;
  const afterYear1Report = { agreement: { paymentPlan: [{ dueOn: '2025-01-31', amountSek: 450000 }, { dueOn: '2026-03-15', amountSek: 450000 }] } };

  it('a two-year agreement reported on both years, paid after each report, nothing left: follow-up passes', async () => {
    const v = await assess(mergeCase(base, { ...afterYear1Report, followUp: { reports: [year1, year2] } }), { asOf: '2027-03-01' });
    expect(v.areas['follow-up'].status).toBe('pass');
  });

  it('the last year never reported: follow-up fails (IOP-FU-007)', async () => {
    const v = await assess(mergeCase(base, { ...afterYear1Report, followUp: { reports: [year1] } }), { asOf: '2026-06-01' });
    expect(finding(v, 'IOP-FU-007').status).toBe('fail');
    expect(v.areas['follow-up'].status).toBe('fail');
  });

  it('year 2 paid before the report on year 1 is due: follow-up fails (IOP-FU-008)', async () => {
    const v = await assess(mergeCase(base, { followUp: { reports: [year1, year2] } }), { asOf: '2026-03-01' });
    // The base plan pays year 2 on 2026-01-31; the report on 2025 is due 2026-02-28.
    expect(finding(v, 'IOP-FU-008').status).toBe('fail');
    expect(v.areas['follow-up'].status).toBe('fail');
  });

  it('ended with unspent funds and no decision: follow-up fails (IOP-FU-006); with a decision it passes', async () => {
    const left = { ...afterYear1Report, followUp: { reports: [year1, { ...year2, unspentFundsSek: 120000 }], unspentFundsSettled: false } };
    const v = await assess(mergeCase(base, left), { asOf: '2027-03-01' });
    expect(finding(v, 'IOP-FU-006').status).toBe('fail');
    expect(finding(v, 'IOP-FU-006').explanation).toContain('120 000 kr');
    expect(v.areas['follow-up'].status).toBe('fail');
    const decided = await assess(mergeCase(base, { ...left, followUp: { ...left.followUp, unspentFundsSettled: true } }), { asOf: '2027-03-01' });
    expect(finding(decided, 'IOP-FU-006').status).toBe('pass');
  });

  it('a payment before signing fails IOP-AGR-025 (major)', async () => {
    const v = await assess(mergeCase(base, { agreement: { signedOn: '2025-02-15' } }), { asOf: AS_OF });
    const f = finding(v, 'IOP-AGR-025');
    expect(f.status).toBe('fail');
    expect(f.severity).toBe('major');
  });
});
