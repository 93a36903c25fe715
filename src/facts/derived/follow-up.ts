import type { FollowUp } from '../../domain/case.js';
import { UNKNOWN, type DerivedFactDef, type Unknown } from '../types.js';
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
  const candidates = reports.filter((r) => Array.isArray(r.indicators) && r.indicators.length > 0);
  if (candidates.length === 0) return undefined;
  if (candidates.every((r) => typeof r.periodEnd === 'string')) {
    return candidates.reduce((best, r) => ((r.periodEnd as string) >= (best.periodEnd as string) ? r : best));
  }
  return candidates.at(-1);
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

const REPORTS_QUESTION = {
  sv: 'Vilka uppföljningsrapporter ska lämnas, med sista datum, och vilka har lämnats och när?',
  en: 'Which follow-up reports are due, by which date, and which have been submitted and when?',
};

/** Facts about the follow-up of a running partnership (DESIGN §3 `followUp`). */
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
  {
    kind: 'derived',
    id: 'followUp.noOverdueReports',
    type: 'boolean',
    label: { sv: 'Inga rapporter är försenade', en: 'No report is overdue' },
    question: REPORTS_QUESTION,
    dependsOn: ['followUp.reports'],
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      return noneTrue(reports.map((r) => overdue(r, ctx.asOf)));
    },
  },
  {
    kind: 'derived',
    id: 'followUp.overdueReports',
    type: 'int',
    label: {
      sv: 'Rapporter som passerat sista datum utan att ha lämnats',
      en: 'Reports past their due date and not submitted',
    },
    question: REPORTS_QUESTION,
    dependsOn: ['followUp.reports'],
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      return countTrue(reports.map((r) => overdue(r, ctx.asOf)));
    },
  },
  {
    kind: 'derived',
    id: 'followUp.allReportsOnTime',
    type: 'boolean',
    label: { sv: 'Lämnade rapporter kom in i tid', en: 'Submitted reports came in on time' },
    question: REPORTS_QUESTION,
    dependsOn: ['followUp.reports'],
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      return noneTrue(reports.map((r) => late(r, ctx.asOf)));
    },
  },
  {
    kind: 'derived',
    id: 'followUp.lateReports',
    type: 'int',
    label: { sv: 'Rapporter som lämnats efter sista datum', en: 'Reports submitted after their due date' },
    question: REPORTS_QUESTION,
    dependsOn: ['followUp.reports'],
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      return countTrue(reports.map((r) => late(r, ctx.asOf)));
    },
  },
  {
    kind: 'derived',
    id: 'followUp.allActivitiesDelivered',
    type: 'boolean',
    label: {
      sv: 'Den överenskomna verksamheten har genomförts fullt ut',
      en: 'The agreed activities have been delivered in full',
    },
    question: {
      sv: 'Har den överenskomna verksamheten genomförts fullt ut, delvis eller inte alls enligt varje lämnad rapport?',
      en: 'According to each submitted report, were the agreed activities delivered in full, in part or not at all?',
    },
    dependsOn: ['followUp.reports'],
    // True when no report records partial or no delivery (also when none is in yet: missing
    // reports are the overdue rule's concern); unknown when a submitted report does not say.
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      return noneTrue(reports.map((r) => undelivered(r, ctx.asOf)));
    },
  },
  {
    kind: 'derived',
    id: 'followUp.undeliveredReports',
    type: 'int',
    label: {
      sv: 'Rapporter där verksamheten inte genomförts fullt ut',
      en: 'Reports where the activities were not delivered in full',
    },
    question: {
      sv: 'Har den överenskomna verksamheten genomförts fullt ut, delvis eller inte alls enligt varje lämnad rapport?',
      en: 'According to each submitted report, were the agreed activities delivered in full, in part or not at all?',
    },
    dependsOn: ['followUp.reports'],
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      return countTrue(reports.map((r) => undelivered(r, ctx.asOf)));
    },
  },
  {
    kind: 'derived',
    id: 'followUp.unspentFundsSek',
    type: 'sek',
    label: { sv: 'Outnyttjade medel', en: 'Unspent funds' },
    question: {
      sv: 'Hur stora medel har organisationen inte använt, enligt varje lämnad rapport (kr)?',
      en: 'How much of the funds has the organisation not used, according to each submitted report (SEK)?',
    },
    dependsOn: ['followUp.reports'],
    // Sum over the reports that are in (or whose delivery is recorded); each report states the
    // unspent funds of its own period. Unknown when one of those reports lacks the figure.
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      let sum = 0;
      for (const r of reports) {
        if (!reported(r, ctx.asOf)) continue;
        if (typeof r.unspentFundsSek !== 'number') return UNKNOWN;
        sum += r.unspentFundsSek;
      }
      return round(sum, 2);
    },
  },
  {
    kind: 'derived',
    id: 'followUp.allIndicatorsMet',
    type: 'boolean',
    label: {
      sv: 'Indikatorerna når sina målvärden',
      en: 'The indicators reach their targets',
    },
    question: {
      sv: 'Vilka målvärden och utfall har indikatorerna i den senaste rapporten?',
      en: 'What targets and results do the indicators in the latest report have?',
    },
    dependsOn: ['followUp.reports'],
    // Read from the latest report with indicator results; true when no report has any yet.
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      const latest = latestWithIndicators(reports);
      if (!latest) return true;
      return noneTrue((latest.indicators ?? []).map(belowTarget));
    },
  },
  {
    kind: 'derived',
    id: 'followUp.indicatorsBelowTarget',
    type: 'int',
    label: { sv: 'Indikatorer under målvärdet', en: 'Indicators below target' },
    question: {
      sv: 'Vilka målvärden och utfall har indikatorerna i den senaste rapporten?',
      en: 'What targets and results do the indicators in the latest report have?',
    },
    dependsOn: ['followUp.reports'],
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      const latest = latestWithIndicators(reports);
      return latest ? countTrue((latest.indicators ?? []).map(belowTarget)) : 0;
    },
  },
  {
    kind: 'derived',
    id: 'followUp.largestIndicatorGap',
    type: 'number',
    label: { sv: 'Största avvikelse från målvärde', en: 'Largest shortfall against a target' },
    question: {
      sv: 'Vilka målvärden och utfall har indikatorerna i den senaste rapporten?',
      en: 'What targets and results do the indicators in the latest report have?',
    },
    dependsOn: ['followUp.reports'],
    // Target minus actual for the indicator furthest below its target, among those with both
    // values; 0 when none is below target.
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      const latest = latestWithIndicators(reports);
      let gap = 0;
      for (const i of latest?.indicators ?? []) {
        if (belowTarget(i) === true) gap = Math.max(gap, (i.target as number) - (i.actual as number));
      }
      return round(gap);
    },
  },
  {
    kind: 'derived',
    id: 'followUp.largestGapIndicator',
    type: 'text',
    label: { sv: 'Indikatorn längst från sitt målvärde', en: 'The indicator furthest below its target' },
    question: {
      sv: 'Vad heter indikatorerna i den senaste rapporten, och vilka målvärden och utfall har de?',
      en: 'What are the indicators in the latest report called, and what are their targets and results?',
    },
    dependsOn: ['followUp.reports'],
    // Unknown when no indicator is below target or the one furthest below has no id.
    compute: (ctx) => {
      const reports = reportsOf(ctx.input);
      if (reports === UNKNOWN) return UNKNOWN;
      const latest = latestWithIndicators(reports);
      let best: Indicator | undefined;
      let gap = 0;
      for (const i of latest?.indicators ?? []) {
        if (belowTarget(i) !== true) continue;
        const g = (i.target as number) - (i.actual as number);
        if (g > gap) {
          gap = g;
          best = i;
        }
      }
      return typeof best?.id === 'string' && best.id.trim() !== '' ? best.id : UNKNOWN;
    },
  },
];
