import { UNKNOWN, type DerivedFactDef, type Unknown } from '../types.js';
import { agreementPeriodOf, reportPeriods } from './follow-up.js';
import { date, num, periodLengthMonths, round } from './helpers.js';

type Tri = boolean | Unknown;

/** Kleene AND: false if any is false, unknown if any is unknown, else true (true for none). */
function allTrue(values: readonly Tri[]): Tri {
  if (values.some((v) => v === false)) return false;
  return values.some((v) => v === UNKNOWN) ? UNKNOWN : true;
}

/** `a <= b` for two ISO dates, unknown when either is unknown. */
function onOrBefore(a: string | Unknown, b: string | Unknown): Tri {
  return a === UNKNOWN || b === UNKNOWN ? UNKNOWN : a <= b;
}

/** Amounts are summed to the öre; a difference below half an öre is rounding, not a mismatch. */
const ORE = 0.005;

/**
 * Facts about the draft överenskommelse (`agreement` in docs/input.md).
 * See docs/decisions/0008-agreement-clauses.md for the choices behind each one.
 */
export const AGREEMENT_DERIVED: readonly DerivedFactDef[] = [
  {
    kind: 'derived',
    id: 'agreement.provided',
    type: 'boolean',
    label: { sv: 'Överenskommelse finns i ärendet', en: 'The case includes an agreement' },
    question: {
      sv: 'Finns det ett utkast till överenskommelse att granska?',
      en: 'Is there a draft agreement to review?',
    },
    // Never unknown: the case either carries an `agreement` object or it does not. Rules of the
    // agreement area use it in `appliesTo`, so that a case without an agreement is not-applicable
    // there rather than unknown (the agreement is reviewed when there is one).
    dependsOn: [],
    compute: (ctx) => {
      const a = ctx.input.agreement;
      return a !== null && a !== undefined && typeof a === 'object';
    },
  },
  {
    kind: 'derived',
    id: 'agreement.paymentPlanTotalSek',
    type: 'sek',
    label: { sv: 'Utbetalningsplanens summa', en: 'Total of the payment plan' },
    question: {
      sv: 'Vilka utbetalningar (datum och belopp) innehåller överenskommelsens utbetalningsplan?',
      en: "Which payments (dates and amounts) does the agreement's payment plan contain?",
    },
    dependsOn: ['agreement.paymentPlan'],
    // Unknown if the plan, or the amount of any payment in it, is unknown. An empty plan sums to 0 kr.
    compute: (ctx) => {
      const plan = ctx.input.agreement?.paymentPlan;
      if (plan === null || plan === undefined) return UNKNOWN;
      let sum = 0;
      for (const p of plan) {
        if (p.amountSek === null || p.amountSek === undefined) return UNKNOWN;
        sum += p.amountSek;
      }
      return round(sum, 2);
    },
  },
  {
    kind: 'derived',
    id: 'agreement.paymentPlanMatchesFunding',
    type: 'boolean',
    label: {
      sv: 'Utbetalningsplanen motsvarar kommunens medel',
      en: "The payment plan matches the municipality's funding",
    },
    question: {
      sv: 'Vilka utbetalningar innehåller utbetalningsplanen, och hur mycket bidrar kommunen med under hela perioden?',
      en: 'Which payments does the payment plan contain, and how much does the municipality contribute over the whole period?',
    },
    dependsOn: ['agreement.paymentPlan', 'partnership.cityContribution.fundingSek'],
    compute: (ctx) => {
      const total = num(ctx.get('agreement.paymentPlanTotalSek'));
      const funding = num(ctx.get('partnership.cityContribution.fundingSek'));
      if (total === UNKNOWN || funding === UNKNOWN) return UNKNOWN;
      return Math.abs(total - funding) < ORE;
    },
  },
  {
    kind: 'derived',
    id: 'agreement.signedBeforeStart',
    type: 'boolean',
    label: {
      sv: 'Undertecknad senast när avtalsperioden börjar',
      en: 'Signed no later than the start of the agreement period',
    },
    question: {
      sv: 'När undertecknas överenskommelsen, och när börjar avtalsperioden?',
      en: 'When is the agreement signed, and when does the agreement period start?',
    },
    dependsOn: ['agreement.signedOn', 'agreement.period.start'],
    // Signing on the first day of the period counts as in time.
    compute: (ctx) => onOrBefore(date(ctx.get('agreement.signedOn')), date(ctx.get('agreement.period.start'))),
  },
  {
    kind: 'derived',
    id: 'agreement.periodWithinPartnership',
    type: 'boolean',
    label: {
      sv: 'Avtalsperioden ligger inom partnerskapets period',
      en: 'The agreement period lies within the partnership period',
    },
    question: {
      sv: 'Vilken period gäller överenskommelsen, och vilken period gäller partnerskapet?',
      en: 'What period does the agreement cover, and what period does the partnership cover?',
    },
    dependsOn: ['agreement.period.start', 'agreement.period.end', 'partnership.period.start', 'partnership.period.end'],
    // Kleene AND of the two ends: an agreement known to start before the partnership is
    // outside it even when the end dates are not known.
    compute: (ctx) =>
      allTrue([
        onOrBefore(date(ctx.get('partnership.period.start')), date(ctx.get('agreement.period.start'))),
        onOrBefore(date(ctx.get('agreement.period.end')), date(ctx.get('partnership.period.end'))),
      ]),
  },
  {
    kind: 'derived',
    id: 'agreement.paymentsWithinPeriod',
    type: 'boolean',
    label: {
      sv: 'Utbetalningarna ligger inom avtalsperioden',
      en: 'The payments fall within the agreement period',
    },
    question: {
      sv: 'Vilka datum har utbetalningarna i utbetalningsplanen, och vilken period gäller överenskommelsen?',
      en: 'On which dates do the payments in the payment plan fall, and what period does the agreement cover?',
    },
    dependsOn: ['agreement.paymentPlan', 'agreement.period.start', 'agreement.period.end'],
    // Kleene AND over every payment; a payment known to fall outside settles it as false.
    compute: (ctx) => {
      const plan = ctx.input.agreement?.paymentPlan;
      if (plan === null || plan === undefined) return UNKNOWN;
      const start = date(ctx.get('agreement.period.start'));
      const end = date(ctx.get('agreement.period.end'));
      return allTrue(
        plan.map((p) => {
          const due = p.dueOn ?? UNKNOWN;
          return allTrue([onOrBefore(start, due), onOrBefore(due, end)]);
        }),
      );
    },
  },
  {
    kind: 'derived',
    id: 'agreement.lengthMonths',
    type: 'months',
    label: { sv: 'Avtalsperiodens längd', en: 'Length of the agreement period' },
    question: {
      sv: 'Vilken period gäller överenskommelsen (start- och slutdatum)?',
      en: 'What period does the agreement cover (start and end date)?',
    },
    dependsOn: ['agreement.period.start', 'agreement.period.end'],
    // Both dates count: 2025-01-01 to 2034-12-31 is 120 months (whole calendar months).
    compute: (ctx) => periodLengthMonths(ctx, 'agreement.period'),
  },
  {
    kind: 'derived',
    id: 'agreement.paymentsAfterSigning',
    type: 'boolean',
    label: { sv: 'Ingen utbetalning före undertecknandet', en: 'No payment before signing' },
    question: {
      sv: 'När undertecknas överenskommelsen, och vilka datum har utbetalningarna?',
      en: 'When is the agreement signed, and on which dates do the payments fall?',
    },
    dependsOn: ['agreement.signedOn', 'agreement.paymentPlan'],
    // Kleene AND: a payment known to fall before the signing date settles it as false.
    compute: (ctx) => {
      const plan = ctx.input.agreement?.paymentPlan;
      if (plan === null || plan === undefined) return UNKNOWN;
      const signed = date(ctx.get('agreement.signedOn'));
      return allTrue(plan.map((p) => onOrBefore(signed, p.dueOn ?? UNKNOWN)));
    },
  },
  {
    kind: 'derived',
    id: 'agreement.paymentsFollowReports',
    type: 'boolean',
    label: {
      sv: 'Varje utbetalning efter den första kommer efter redovisningen av föregående period',
      en: 'Each payment after the first comes after the report on the preceding period',
    },
    question: {
      sv: 'Vilka datum har utbetalningarna, vilken period gäller överenskommelsen, och när ska rapporterna lämnas?',
      en: 'On which dates do the payments fall, what period does the agreement cover, and when are the reports due?',
    },
    dependsOn: ['agreement.paymentPlan', 'followUp.reports', 'agreement.period.start', 'agreement.period.end'],
    // docs/decisions/0014-follow-up-covers-the-money.md and 0019-legal-leftovers.md: every report
    // in the report plan whose period has ended before a payment (after the first) must be due on
    // or before that payment, and when a reporting period of the agreement (twelve months from its
    // start, `reportPeriods`) has ended before the payment, at least one report must end before it.
    // Instalments within one reporting period are not held back. Without a report plan, or with an
    // empty one, the due dates are not known: unknown, never true (0019).
    compute: (ctx) => {
      const plan = ctx.input.agreement?.paymentPlan;
      const register = ctx.input.followUp?.reports;
      if (plan === null || plan === undefined) return UNKNOWN;
      if (plan.length <= 1) return true;
      if (register === null || register === undefined || register.length === 0) return UNKNOWN;
      if (plan.some((p) => typeof p.dueOn !== 'string')) return UNKNOWN;
      const dates = plan.map((p) => p.dueOn as string).sort();
      const period = agreementPeriodOf(ctx);
      const periods = period === UNKNOWN ? UNKNOWN : reportPeriods(period.start, period.end);
      const checks = dates.slice(1).flatMap((d): Tri[] => {
        const dueInTime = register.map((r): Tri => {
          if (typeof r.periodEnd !== 'string') return UNKNOWN;
          if (r.periodEnd >= d) return true;
          return typeof r.dueOn === 'string' ? r.dueOn <= d : UNKNOWN;
        });
        // A reporting period ended before the payment: some report must end before it too.
        const periodEnded: Tri = periods === UNKNOWN ? UNKNOWN : periods.some(([, to]) => to < d);
        const reportEnded: Tri = register.some((r) => typeof r.periodEnd === 'string' && r.periodEnd < d)
          ? true
          : register.some((r) => typeof r.periodEnd !== 'string')
            ? UNKNOWN
            : false;
        const reported: Tri =
          periodEnded === false || reportEnded === true ? true : periodEnded === UNKNOWN || reportEnded === UNKNOWN ? UNKNOWN : false;
        return [...dueInTime, reported];
      });
      return allTrue(checks);
    },
  },
];
