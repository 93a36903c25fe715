import type { FollowUp } from '../../domain/case.js';
import type { Text } from '../../_internal/text.js';
import { UNKNOWN, type DerivedFactDef, type FactValue, type Unknown } from '../types.js';
import { addDaysIso, addMonths, formatCalendarDate, parseCalendarDate } from '../../domain/calendar.js';
import type { DeriveContext } from '../types.js';
import { round } from './helpers.js';

type Report = NonNullable<NonNullable<FollowUp['reports']>[number]>;
type Indicator = NonNullable<Report['indicators']>[number];
type Tri = boolean | Unknown;

/**
 * How the follow-up facts read a report (docs/decisions/0009-follow-up.md):
 * - A report counts as submitted on `asOf` when `submittedOn` is given and not after `asOf`.
 *   Inside a report record a missing `submittedOn` means "not submitted (yet)": the list is the
 *   register of due reports, and this is the only way it can say that a report has not come in.
 * - A report is overdue when it is not submitted and its `dueOn` is before `asOf`.
 * - Each check comes as a three-valued boolean the rules test (false as soon as one report is
 *   known to fail, unknown when a report that matters lacks a date or value) and as a count of
 *   the reports known to fail, which the explanations print.
 */
function submitted(r: Report, asOf: string): boolean {
  return typeof r.submittedOn === 'string' && r.submittedOn <= asOf;
}

/** Overdue at asOf: true, false, or unknown when the due date is missing. */
function overdue(r: Report, asOf: string): Tri {
  if (submitted(r, asOf)) return false;
  if (typeof r.dueOn !== 'string') return UNKNOWN;
  return r.dueOn < asOf;
}

/** Submitted after its due date: only asked of submitted reports. */
function late(r: Report, asOf: string): Tri {
  if (!submitted(r, asOf)) return false;
  if (typeof r.dueOn !== 'string') return UNKNOWN;
  return (r.submittedOn as string) > r.dueOn;
}

/** Delivery reported as partial or none: true/false, unknown for a submitted report that does not say. */
function undelivered(r: Report, asOf: string): Tri {
  if (r.activitiesDelivered === 'partial' || r.activitiesDelivered === 'none') return true;
  if (r.activitiesDelivered === 'full') return false;
  return submitted(r, asOf) ? UNKNOWN : false;
}

/** A report has something to say about delivery and money when it is in, or when its delivery is recorded. */
function reported(r: Report, asOf: string): boolean {
  return submitted(r, asOf) || (r.activitiesDelivered !== null && r.activitiesDelivered !== undefined);
}

function countTrue(values: readonly Tri[]): number {
  return values.filter((v) => v === true).length;
}

/** Kleene "none of them is true". */
function noneTrue(values: readonly Tri[]): Tri {
  if (values.some((v) => v === true)) return false;
  return values.some((v) => v === UNKNOWN) ? UNKNOWN : true;
}

/**
 * The report whose indicators are read: the latest one (by periodEnd) that has indicator
 * results. When any candidate lacks periodEnd, the last one in the list is taken (the list is
 * expected in time order). Undefined when no report has indicators.
 */
function latestWithIndicators(reports: readonly Report[]): Report | undefined {
  return latestOf(reports.filter((r) => Array.isArray(r.indicators) && r.indicators.length > 0));
}

/**
 * The latest of some reports: by periodEnd when every one has it, else the last in the list (the
 * list is expected in time order). Undefined for none.
 */
function latestOf(reports: readonly Report[]): Report | undefined {
  if (reports.length === 0) return undefined;
  if (reports.every((r) => typeof r.periodEnd === 'string')) {
    return reports.reduce((best, r) => ((r.periodEnd as string) >= (best.periodEnd as string) ? r : best));
  }
  return reports.at(-1);
}

/** Below target: actual < target (a higher value is better). Unknown when either is missing. */
function belowTarget(i: Indicator): Tri {
  if (typeof i.target !== 'number' || typeof i.actual !== 'number') return UNKNOWN;
  return i.actual < i.target;
}

function reportsOf(input: { followUp?: FollowUp | null | undefined }): readonly Report[] | Unknown {
  const reports = input.followUp?.reports;
  return reports === null || reports === undefined ? UNKNOWN : reports;
}

const REPORTS_QUESTION: Text = {
  sv: 'Vilka uppföljningsrapporter ska lämnas, med sista datum, och vilka har lämnats och när?',
  en: 'Which follow-up reports are due, by which date, and which have been submitted and when?',
};
const DELIVERY_QUESTION: Text = {
  sv: 'Har den överenskomna verksamheten genomförts fullt ut, delvis eller inte alls enligt varje lämnad rapport?',
  en: 'According to each submitted report, were the agreed activities delivered in full, in part or not at all?',
};
const UNSPENT_QUESTION: Text = {
  sv: 'Hur stor del av kommunens medel hade organisationen inte använt vid slutet av varje rapportperiod, enligt varje lämnad rapport (kr, överfört överskott från tidigare perioder inräknat, organisationens egen medfinansiering oräknad)?',
  en: 'How much of the municipality’s funds had the organisation not used at the end of each reporting period, according to each submitted report (SEK, including any surplus carried over from earlier periods, not counting the organisation’s own co-financing)?',
};
const INDICATOR_QUESTION: Text = {
  sv: 'Vilka målvärden och utfall har indikatorerna i den senaste rapporten?',
  en: 'What targets and results do the indicators in the latest report have?',
};

/** A fact computed from the list of reports; unknown while the list itself is unknown. */
function reportFact(
  def: { id: string; type: DerivedFactDef['type']; label: Text; question?: Text },
  compute: (reports: readonly Report[], asOf: string) => FactValue | Unknown,
): DerivedFactDef {
  return {
    kind: 'derived',
    question: REPORTS_QUESTION,
    ...def,
    dependsOn: ['followUp.reports'],
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      return reports === UNKNOWN ? UNKNOWN : compute(reports, ctx.asOf);
    },
  };
}

/**
 * One per-report check as two facts: a three-valued "no report fails it" flag that rules test,
 * and the number of reports known to fail it, which explanations print.
 */
function perReportCheck(
  flag: { id: string; label: Text },
  count: { id: string; label: Text },
  question: Text,
  fails: (r: Report, asOf: string) => Tri,
): DerivedFactDef[] {
  return [
    reportFact({ ...flag, type: 'boolean', question }, (reports, asOf) => noneTrue(reports.map((r) => fails(r, asOf)))),
    reportFact({ ...count, type: 'int', question }, (reports, asOf) => countTrue(reports.map((r) => fails(r, asOf)))),
  ];
}

/** The indicator furthest below its target in the latest report with results (gap = target − actual). */
function largestShortfall(reports: readonly Report[]): { gap: number; indicator: Indicator | undefined } {
  let gap = 0;
  let indicator: Indicator | undefined;
  for (const i of latestWithIndicators(reports)?.indicators ?? []) {
    if (belowTarget(i) !== true) continue;
    const g = (i.target as number) - (i.actual as number);
    if (g > gap) {
      gap = g;
      indicator = i;
    }
  }
  return { gap, indicator };
}


/**
 * The reporting periods of an agreement period: twelve months at a time from its start, the last
 * one cut at its end (Stockholm's multi-year grants are "redovisas separat per genomfört år").
 * The draft's report schedule and IOP-FU-006's coverage test both read this one list.
 */
export function reportPeriods(start: string, end: string): Array<[from: string, to: string]> {
  const out: Array<[string, string]> = [];
  let from = start;
  // 1 200 periods is a hundred years: a bound against a runaway loop, far beyond any agreement.
  while (from <= end && out.length < 1200) {
    const next = formatCalendarDate(addMonths(parseCalendarDate(start), 12 * (out.length + 1)));
    const to = addDaysIso(next, -1);
    out.push([from, to < end ? to : end]);
    from = next;
  }
  return out;
}

/** The agreement period the follow-up is measured against: the agreement's dates, else the partnership's. */
export function agreementPeriodOf(ctx: Pick<DeriveContext, 'get'>): { start: string; end: string } | Unknown {
  const pick = (a: string, p: string): string | Unknown => {
    const av = ctx.get(a);
    if (typeof av === 'string') return av;
    const pv = ctx.get(p);
    return typeof pv === 'string' ? pv : UNKNOWN;
  };
  const start = pick('agreement.period.start', 'partnership.period.start');
  const end = pick('agreement.period.end', 'partnership.period.end');
  return start === UNKNOWN || end === UNKNOWN || start > end ? UNKNOWN : { start, end };
}

/**
 * Do the reports in the register cover the whole period, without a gap, up to a report that
 * ends on (or after) the period's last day (the final report)? Unknown when a report lacks
 * its dates; false as soon as a day of the period is known to be uncovered.
 */
function covers(reports: readonly Report[], period: { start: string; end: string }): Tri {
  if (reports.some((r) => typeof r.periodStart !== 'string' || typeof r.periodEnd !== 'string')) {
    // A known gap still settles it: check the reports with dates first.
    const dated = reports.filter((r) => typeof r.periodStart === 'string' && typeof r.periodEnd === 'string');
    return covers(dated, period) === true ? true : UNKNOWN;
  }
  const sorted = [...reports].sort((a, b) => (a.periodStart as string).localeCompare(b.periodStart as string));
  let coveredTo = addDaysIso(period.start, -1);
  for (const r of sorted) {
    const from = r.periodStart as string;
    const to = r.periodEnd as string;
    if (to <= coveredTo) continue;
    if (from > addDaysIso(coveredTo, 1)) return false;
    coveredTo = to;
    if (coveredTo >= period.end) return true;
  }
  return coveredTo >= period.end;
}

/**
 * Has the city paid money under the agreement by `asOf`? A final report that is in and states
 * unspent funds above zero shows that it has. Otherwise the payment plan: true when a payment due
 * on or before `asOf` is above zero, false when every payment is later or zero. Without a payment
 * plan, the city's funding for the partnership: above zero counts as paid once the period has
 * ended (the caller asks only then; the library's choice: the funding is for the period), zero as
 * not paid. Unknown otherwise.
 */
function cityMoneyPaid(ctx: Pick<DeriveContext, 'get' | 'input' | 'asOf'>, finalIn: readonly Report[]): Tri {
  if (finalIn.some((r) => typeof r.unspentFundsSek === 'number' && r.unspentFundsSek > 0)) return true;
  const plan = ctx.input.agreement?.paymentPlan;
  if (Array.isArray(plan) && plan.length > 0) {
    const each = plan.map((p): Tri => {
      if (typeof p.dueOn !== 'string') return UNKNOWN;
      if (p.dueOn > ctx.asOf) return false;
      return typeof p.amountSek === 'number' ? p.amountSek > 0 : UNKNOWN;
    });
    if (each.some((v) => v === true)) return true;
    return each.some((v) => v === UNKNOWN) ? UNKNOWN : false;
  }
  const funding = ctx.get('partnership.cityContribution.fundingSek');
  return typeof funding === 'number' ? funding > 0 : UNKNOWN;
}

/** Facts about the follow-up of a running partnership (`followUp` in docs/input.md). */
export const FOLLOW_UP_DERIVED: readonly DerivedFactDef[] = [
  {
    kind: 'derived',
    id: 'followUp.provided',
    type: 'boolean',
    label: { sv: 'Uppföljning finns i ärendet', en: 'The case includes follow-up' },
    question: {
      sv: 'Finns det uppgifter om uppföljningen av ett pågående partnerskap?',
      en: 'Is there information on the follow-up of a running partnership?',
    },
    // Never unknown: the case either carries a `followUp` object or it does not.
    dependsOn: [],
    compute: (ctx) => {
      const f = ctx.input.followUp;
      return f !== null && f !== undefined && typeof f === 'object';
    },
  },
  ...perReportCheck(
    { id: 'followUp.noOverdueReports', label: { sv: 'Inga rapporter är försenade', en: 'No report is overdue' } },
    {
      id: 'followUp.overdueReports',
      label: { sv: 'Rapporter som passerat sista datum utan att ha lämnats', en: 'Reports past their due date and not submitted' },
    },
    REPORTS_QUESTION,
    overdue,
  ),
  ...perReportCheck(
    { id: 'followUp.allReportsOnTime', label: { sv: 'Lämnade rapporter kom in i tid', en: 'Submitted reports came in on time' } },
    { id: 'followUp.lateReports', label: { sv: 'Rapporter som lämnats efter sista datum', en: 'Reports submitted after their due date' } },
    REPORTS_QUESTION,
    late,
  ),
  // "All delivered" is true when no report records partial or no delivery (also when none is in
  // yet: missing reports are the overdue rule's concern); unknown when a submitted report does not say.
  ...perReportCheck(
    {
      id: 'followUp.allActivitiesDelivered',
      label: { sv: 'Den överenskomna verksamheten har genomförts fullt ut', en: 'The agreed activities have been delivered in full' },
    },
    {
      id: 'followUp.undeliveredReports',
      label: { sv: 'Rapporter där verksamheten inte genomförts fullt ut', en: 'Reports where the activities were not delivered in full' },
    },
    DELIVERY_QUESTION,
    undelivered,
  ),
  // Each report states the funds unspent at the end of its period, of everything paid so far
  // (a surplus carried over from an earlier period included): a balance, not a figure for its
  // own period alone, so figures are never summed (docs/decisions/0019-legal-leftovers.md).
  // This is the latest report that is in (or whose delivery is recorded); 0 when none is in yet.
  reportFact(
    {
      id: 'followUp.unspentFundsSek',
      type: 'sek',
      label: { sv: 'Outnyttjade medel enligt den senaste rapporten', en: 'Unspent funds according to the latest report' },
      question: UNSPENT_QUESTION,
    },
    (reports, asOf) => {
      const latest = latestOf(reports.filter((r) => reported(r, asOf)));
      if (latest === undefined) return 0;
      return typeof latest.unspentFundsSek === 'number' ? latest.unspentFundsSek : UNKNOWN;
    },
  ),
  {
    kind: 'derived',
    id: 'followUp.unspentFundsAtEndSek',
    type: 'sek',
    label: { sv: 'Outnyttjade medel enligt slutrapporten', en: 'Unspent funds according to the final report' },
    question: {
      sv: 'Har slutrapporten kommit in, och hur stor del av kommunens medel hade organisationen enligt den inte använt vid avtalsperiodens slut (kr, organisationens egen medfinansiering oräknad)?',
      en: 'Has the final report come in, and how much of the municipality’s funds had the organisation, according to it, not used at the end of the agreement period (SEK, not counting the organisation’s own co-financing)?',
    },
    dependsOn: ['followUp.reports', 'agreement.period.end'],
    // The final report is a report that is in and whose period ends on or after the agreement
    // period's last day (the latest such one). Until it is in, the figure at the end is unknown:
    // an earlier report's surplus may have been spent since.
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      const period = agreementPeriodOf(ctx);
      if (reports === UNKNOWN || period === UNKNOWN) return UNKNOWN;
      const finals = reports.filter((r) => reported(r, ctx.asOf) && typeof r.periodEnd === 'string' && r.periodEnd >= period.end);
      const final = latestOf(finals);
      return final !== undefined && typeof final.unspentFundsSek === 'number' ? final.unspentFundsSek : UNKNOWN;
    },
  },
  // Indicators are read from the latest report with results; with none yet, they are met.
  reportFact(
    {
      id: 'followUp.allIndicatorsMet',
      type: 'boolean',
      label: { sv: 'Indikatorerna når sina målvärden', en: 'The indicators reach their targets' },
      question: INDICATOR_QUESTION,
    },
    (reports) => {
      const latest = latestWithIndicators(reports);
      return latest ? noneTrue((latest.indicators ?? []).map(belowTarget)) : true;
    },
  ),
  reportFact(
    { id: 'followUp.indicatorsBelowTarget', type: 'int', label: { sv: 'Indikatorer under målvärdet', en: 'Indicators below target' }, question: INDICATOR_QUESTION },
    (reports) => {
      const latest = latestWithIndicators(reports);
      return latest ? countTrue((latest.indicators ?? []).map(belowTarget)) : 0;
    },
  ),
  // Target minus actual for the indicator furthest below its target; 0 when none is below.
  reportFact(
    {
      id: 'followUp.largestIndicatorGap',
      type: 'number',
      label: { sv: 'Största avvikelse från målvärde', en: 'Largest shortfall against a target' },
      question: INDICATOR_QUESTION,
    },
    (reports) => round(largestShortfall(reports).gap),
  ),
  // Unknown when no indicator is below target or the one furthest below has no id.
  reportFact(
    {
      id: 'followUp.largestGapIndicator',
      type: 'text',
      label: { sv: 'Indikatorn längst från sitt målvärde', en: 'The indicator furthest below its target' },
      question: {
        sv: 'Vad heter indikatorerna i den senaste rapporten, och vilka målvärden och utfall har de?',
        en: 'What are the indicators in the latest report called, and what are their targets and results?',
      },
    },
    (reports) => {
      const id = largestShortfall(reports).indicator?.id;
      return typeof id === 'string' && id.trim() !== '' ? id : UNKNOWN;
    },
  ),
  {
    kind: 'derived',
    id: 'followUp.coversAgreementPeriod',
    type: 'boolean',
    label: { sv: 'Rapporterna täcker hela avtalsperioden', en: 'The reports cover the whole agreement period' },
    question: {
      sv: 'Vilka perioder avser uppföljningsrapporterna (alla planerade, också de som inte lämnats än), och vilken period gäller överenskommelsen?',
      en: 'Which periods do the follow-up reports cover (every planned report, also those not yet submitted), and what period does the agreement cover?',
    },
    dependsOn: ['followUp.reports', 'agreement.period.start', 'agreement.period.end'],
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      const period = agreementPeriodOf(ctx);
      if (reports === UNKNOWN || period === UNKNOWN) return UNKNOWN;
      return covers(reports, period);
    },
  },
  {
    kind: 'derived',
    id: 'followUp.finalAccountDue',
    type: 'boolean',
    label: {
      sv: 'Slutredovisningen av kommunens medel ska ha lämnats',
      en: 'The final account of the municipality’s funds is due',
    },
    question: {
      sv: 'När slutar avtalsperioden, när ska slutrapporten lämnas, och vilka utbetalningar har kommunen gjort (datum och belopp)?',
      en: 'When does the agreement period end, when is the final report due, and which payments has the municipality made (dates and amounts)?',
    },
    dependsOn: ['agreement.period.end', 'followUp.reports', 'agreement.paymentPlan', 'partnership.cityContribution.fundingSek'],
    // IOP-FU-006 (docs/decisions/0019-legal-leftovers.md §9): the amount left at the end must be
    // accounted for once the agreement period has ended, the city has paid money, and the final
    // report is due (or in). Derived from the dates and the payment plan, so a case with no
    // follow-up at all is asked for the final report rather than left not-applicable.
    // A case with neither an agreement nor follow-up is a proposal: nothing has been paid under it.
    compute: (ctx) => {
      const { agreement, followUp } = ctx.input;
      if ((agreement === null || agreement === undefined) && (followUp === null || followUp === undefined)) return false;
      const period = agreementPeriodOf(ctx);
      if (period === UNKNOWN) return UNKNOWN;
      if (period.end >= ctx.asOf) return false;
      const reports = reportsOf(ctx.input);
      const known = reports === UNKNOWN ? [] : reports;
      const finals = known.filter((r) => typeof r.periodEnd === 'string' && r.periodEnd >= period.end);
      const finalIn = finals.filter((r) => reported(r, ctx.asOf));
      const paid = cityMoneyPaid(ctx, finalIn);
      if (paid === false) return false;
      // The final report is in: there is something to read, whatever its due date.
      if (finalIn.length > 0) return paid;
      // The plan holds a final report: due after its due date (overdue, as FU-002 reads it).
      // No final report in the plan (or no plan): the account is owed from the end of the period.
      let due: Tri = true;
      if (finals.length > 0) {
        const dates = finals.map((r) => r.dueOn).filter((d): d is string => typeof d === 'string');
        due = dates.length === 0 ? UNKNOWN : dates.some((d) => d < ctx.asOf);
      }
      if (due === false) return false;
      return paid === true && due === true ? true : UNKNOWN;
    },
  },
  {
    kind: 'derived',
    id: 'followUp.agreementPeriodEnded',
    type: 'boolean',
    label: { sv: 'Avtalsperioden har löpt ut', en: 'The agreement period has ended' },
    question: { sv: 'När slutar avtalsperioden?', en: 'When does the agreement period end?' },
    dependsOn: ['agreement.period.end'],
    compute: (ctx) => {
      const period = agreementPeriodOf(ctx);
      return period === UNKNOWN ? UNKNOWN : period.end < ctx.asOf;
    },
  },
];
