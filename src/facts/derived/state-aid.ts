import { addDays, addMonths, formatCalendarDate, parseCalendarDate } from '../../domain/calendar.js';
import { UNKNOWN, type DeriveContext, type DerivedFactDef, type FactValue, type Unknown } from '../types.js';
import { date, num, perYear, round } from './helpers.js';

/*
 * State-aid facts: the grant date, the aid in euro, and the de minimis windows and ceilings
 * in force on the grant date. Choices (see docs/decisions/0007-procurement-and-state-aid.md):
 * - grant date = stateAid.grantedOn, else agreement.signedOn, else asOf (the aid counts as
 *   granted when the legal right to it arises; the signing is the best stand-in we have).
 *   The asOf fallback is the rule and is not monotone: see the decision note;
 * - under (EU) 1407/2013 and 360/2012 the window is the fiscal year of the grant and the two
 *   before it; we take fiscal year = calendar year, because the case has no fiscal-year field;
 * - under (EU) 2023/2831 and 2023/2832 the window is rolling: the three years up to and
 *   including the grant date (aid granted after grantDate − 3 years);
 * - which of the two windows applies is read from the parameters
 *   stateAid.deMinimisRollingWindow and stateAid.sgeiDeMinimisRollingWindow on the grant date;
 * - general de minimis aid counts towards the SGEI de minimis ceiling, not the other way round.
 * Every value is UNKNOWN when an input it needs is unknown: never a guess.
 */

const GRANT_DATE = 'partnership.stateAid.grantDate';

type PriorKind = 'de-minimis' | 'sgei-de-minimis' | 'other';

/** The grant date: grantedOn, else the agreement's signing date, else the evaluation date. */
function grantDate(ctx: DeriveContext): string {
  const granted = date(ctx.get('partnership.stateAid.grantedOn'));
  if (granted !== UNKNOWN) return granted;
  const signed = date(ctx.get('agreement.signedOn'));
  return signed !== UNKNOWN ? signed : ctx.asOf;
}

/** The aid of this partnership in euro: the city's funding converted at the given rate. */
function amountEur(ctx: DeriveContext): number | Unknown {
  const sek = num(ctx.get('partnership.cityContribution.fundingSek'));
  const rate = num(ctx.get('partnership.stateAid.eurSekRate'));
  if (sek === UNKNOWN || rate === UNKNOWN || rate <= 0) return UNKNOWN;
  return round(sek / rate, 2);
}

/**
 * First day of the de minimis window that ends on the grant date, by the regime the
 * `rollingParam` says is in force on that date; UNKNOWN when no regime is in force then.
 */
function windowStart(ctx: DeriveContext, rollingParam: string): string | Unknown {
  const grant = date(ctx.get(GRANT_DATE));
  if (grant === UNKNOWN) return UNKNOWN;
  const rolling = ctx.param(rollingParam, grant);
  if (typeof rolling !== 'boolean') return UNKNOWN;
  const g = parseCalendarDate(grant);
  // Rolling: the three years up to and including the grant date (29 February less three years is 28 February).
  if (rolling) return formatCalendarDate(addDays(addMonths(g, -36), 1));
  // Fiscal years (= calendar years): the grant's year and the two before it.
  return `${String(g.year - 2).padStart(4, '0')}-01-01`;
}

/**
 * Sum in euro of prior aid of the given kinds granted inside [start, grant date]. UNKNOWN
 * when the list is unknown, or when an entry that could count has an unknown date, amount or
 * kind. An empty list is 0.
 */
function priorInWindow(ctx: DeriveContext, start: string | Unknown, kinds: readonly PriorKind[]): number | Unknown {
  const list = ctx.input.partnership?.stateAid?.priorAid;
  if (list == null || start === UNKNOWN) return UNKNOWN;
  const end = date(ctx.get(GRANT_DATE));
  if (end === UNKNOWN) return UNKNOWN;
  let sum = 0;
  let open = false;
  for (const entry of list) {
    const kind = entry.kind ?? null;
    if (kind !== null && !kinds.includes(kind)) continue;
    const on = entry.grantedOn ?? null;
    if (on !== null && (on < start || on > end)) continue;
    const amount = entry.amountEur ?? null;
    // The entry counts, or could count: every unknown part of it leaves the sum open.
    if (kind === null || on === null || amount === null) {
      open = true;
      continue;
    }
    sum += amount;
  }
  return open ? UNKNOWN : round(sum, 2);
}

/** ceiling − prior − new, or UNKNOWN when any part is unknown. */
function headroom(ceiling: FactValue | Unknown, prior: FactValue | Unknown, amount: FactValue | Unknown): number | Unknown {
  const c = num(ceiling);
  const p = num(prior);
  const a = num(amount);
  if (c === UNKNOWN || p === UNKNOWN || a === UNKNOWN) return UNKNOWN;
  return round(c - p - a, 2);
}

const GRANT_INPUTS = ['partnership.stateAid.grantedOn', 'agreement.signedOn'] as const;
const AMOUNT_INPUTS = ['partnership.cityContribution.fundingSek', 'partnership.stateAid.eurSekRate'] as const;
// The window and the ceiling depend on the grant date, so its inputs are listed too.
const PRIOR_INPUTS = ['partnership.stateAid.priorAid', ...GRANT_INPUTS] as const;

const ASK_GRANT = {
  sv: 'Vilket datum uppstår organisationens rätt till stödet (beslutsdatum), eller när undertecknas överenskommelsen?',
  en: "On what date does the organisation's right to the aid arise (decision date), or when is the agreement signed?",
};
const ASK_AMOUNT = {
  sv: 'Hur mycket bidrar kommunen med (kr), och vilken växelkurs EUR/SEK gällde när stödet beviljades (InforEuro)?',
  en: 'How much does the municipality contribute (SEK), and what EUR/SEK rate applied when the aid was granted (InforEuro)?',
};
const ASK_PRIOR = {
  sv: 'Vilket stöd av mindre betydelse (vanligt och för tjänster av allmänt ekonomiskt intresse) har organisationen fått under de senaste tre åren, med datum och belopp i euro?',
  en: 'What de minimis aid (general and for services of general economic interest) has the organisation received in the last three years, with dates and amounts in EUR?',
};

/** Derived facts for the state-aid area. */
/** A ceiling parameter in force on the aid's grant date (so the verdict lists that value and date). */
function ceilingOnGrantDate(ctx: DeriveContext, paramId: string): number | Unknown {
  const grant = date(ctx.get(GRANT_DATE));
  if (grant === UNKNOWN) return UNKNOWN;
  const v = ctx.param(paramId, grant);
  return typeof v === 'number' ? v : UNKNOWN;
}

export const STATE_AID_DERIVED: readonly DerivedFactDef[] = [
  {
    kind: 'derived',
    id: GRANT_DATE,
    type: 'date',
    label: { sv: 'Datum då stödet beviljas', en: 'Date the aid is granted' },
    question: ASK_GRANT,
    dependsOn: GRANT_INPUTS,
    compute: grantDate,
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.amountEur',
    type: 'eur',
    label: { sv: 'Stödet i euro', en: 'The aid in euro' },
    question: ASK_AMOUNT,
    dependsOn: AMOUNT_INPUTS,
    compute: amountEur,
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.amountPerYearEur',
    type: 'eur',
    label: { sv: 'Ersättningen per år i euro', en: 'The compensation per year in euro' },
    question: {
      sv: 'Hur mycket bidrar kommunen med (kr), under vilken period, och vilken växelkurs EUR/SEK gäller (InforEuro)?',
      en: 'How much does the municipality contribute (SEK), over what period, and what EUR/SEK rate applies (InforEuro)?',
    },
    dependsOn: [...AMOUNT_INPUTS, 'partnership.period.start', 'partnership.period.end'],
    compute: (ctx) => {
      const perYearEur = perYear(amountEur(ctx), ctx.get('partnership.period.start'), ctx.get('partnership.period.end'));
      return perYearEur === UNKNOWN ? UNKNOWN : round(perYearEur, 2);
    },
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.deMinimisCeilingEur',
    type: 'eur',
    label: { sv: 'Tak för stöd av mindre betydelse på beviljandedagen', en: 'De minimis ceiling on the grant date' },
    question: ASK_GRANT,
    dependsOn: GRANT_INPUTS,
    params: ['stateAid.deMinimisCeilingEur'],
    compute: (ctx) => ceilingOnGrantDate(ctx, 'stateAid.deMinimisCeilingEur'),
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.deMinimisWindowStart',
    type: 'date',
    label: { sv: 'Första dagen i perioden för stöd av mindre betydelse', en: 'First day of the de minimis period' },
    question: ASK_GRANT,
    dependsOn: GRANT_INPUTS,
    params: ['stateAid.deMinimisRollingWindow'],
    compute: (ctx) => windowStart(ctx, 'stateAid.deMinimisRollingWindow'),
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.priorDeMinimisInWindowEur',
    type: 'eur',
    label: { sv: 'Tidigare stöd av mindre betydelse i perioden', en: 'Prior de minimis aid in the period' },
    question: ASK_PRIOR,
    dependsOn: PRIOR_INPUTS,
    compute: (ctx) => priorInWindow(ctx, date(ctx.get('partnership.stateAid.deMinimisWindowStart')), ['de-minimis']),
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.deMinimisHeadroomEur',
    type: 'eur',
    label: { sv: 'Utrymme kvar under taket för stöd av mindre betydelse', en: 'Headroom left under the de minimis ceiling' },
    question: ASK_AMOUNT,
    dependsOn: [...AMOUNT_INPUTS, ...PRIOR_INPUTS],
    compute: (ctx) =>
      headroom(
        ctx.get('partnership.stateAid.deMinimisCeilingEur'),
        ctx.get('partnership.stateAid.priorDeMinimisInWindowEur'),
        ctx.get('partnership.stateAid.amountEur'),
      ),
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.sgeiDeMinimisCeilingEur',
    type: 'eur',
    label: {
      sv: 'Tak för stöd av mindre betydelse för tjänster av allmänt ekonomiskt intresse på beviljandedagen',
      en: 'SGEI de minimis ceiling on the grant date',
    },
    question: ASK_GRANT,
    dependsOn: GRANT_INPUTS,
    params: ['stateAid.sgeiDeMinimisCeilingEur'],
    compute: (ctx) => ceilingOnGrantDate(ctx, 'stateAid.sgeiDeMinimisCeilingEur'),
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.sgeiDeMinimisWindowStart',
    type: 'date',
    label: {
      sv: 'Första dagen i perioden för stöd av mindre betydelse för tjänster av allmänt ekonomiskt intresse',
      en: 'First day of the SGEI de minimis period',
    },
    question: ASK_GRANT,
    dependsOn: GRANT_INPUTS,
    params: ['stateAid.sgeiDeMinimisRollingWindow'],
    compute: (ctx) => windowStart(ctx, 'stateAid.sgeiDeMinimisRollingWindow'),
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.priorSgeiDeMinimisInWindowEur',
    type: 'eur',
    label: {
      sv: 'Tidigare stöd av mindre betydelse (båda slagen) i perioden',
      en: 'Prior de minimis aid (both kinds) in the period',
    },
    question: ASK_PRIOR,
    dependsOn: PRIOR_INPUTS,
    // General de minimis aid counts towards the SGEI ceiling (docs/decisions/0007-procurement-and-state-aid.md).
    compute: (ctx) =>
      priorInWindow(ctx, date(ctx.get('partnership.stateAid.sgeiDeMinimisWindowStart')), ['de-minimis', 'sgei-de-minimis']),
  },
  {
    kind: 'derived',
    id: 'partnership.stateAid.sgeiDeMinimisHeadroomEur',
    type: 'eur',
    label: {
      sv: 'Utrymme kvar under taket för stöd av mindre betydelse för tjänster av allmänt ekonomiskt intresse',
      en: 'Headroom left under the SGEI de minimis ceiling',
    },
    question: ASK_AMOUNT,
    dependsOn: [...AMOUNT_INPUTS, ...PRIOR_INPUTS],
    compute: (ctx) =>
      headroom(
        ctx.get('partnership.stateAid.sgeiDeMinimisCeilingEur'),
        ctx.get('partnership.stateAid.priorSgeiDeMinimisInWindowEur'),
        ctx.get('partnership.stateAid.amountEur'),
      ),
  },
];
