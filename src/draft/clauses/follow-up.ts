// Uppföljning and Kunskapsuppbyggnad: the report schedule and what a report contains.
import { reportPeriods } from '../../facts/derived/follow-up.js';
import { UNKNOWN } from '../../facts/types.js';
import { md, type R } from './context.js';
import { periodDates } from './period.js';

export function followUp(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const out = [
    r.t(
      'Parterna följer gemensamt upp partnerskapet mot målen och indikatorerna under Syfte och mål, utvärderar det tillsammans och fattar gemensamma beslut om hur arbetet ska utvecklas.',
      'The parties jointly follow up the partnership against the goals and indicators under Purpose and goals, evaluate it together and take joint decisions on how the work is to develop.',
    ),
  ];
  const goals = r.input.partnership?.goals ?? [];
  const indicators = goals.map((g) => g.indicator?.trim()).filter((x): x is string => !!x).map(md);
  if (indicators.length) out.push(`${r.t('Gemensamma indikatorer:', 'Shared indicators:')} ${indicators.join('; ')}.`);
  // "Unused" means the municipality's funds: the organisation's own co-financing is not the
  // municipality's to reclaim.
  out.push(r.t(
    `Organisationen redovisar varje period nedan för sig, och hela avtalsperioden i en slutredovisning. En redovisning innehåller en verksamhetsberättelse med utfallet för indikatorerna, en ekonomisk redovisning av hur ${k.gen} medel har använts och hur mycket av dem som inte har använts, granskad av organisationens revisor, samt organisationens årsredovisning eller årsbokslut när den finns. Redovisningarna innehåller inga personuppgifter om deltagarna.`,
    `The organisation reports on each period below separately, and on the whole agreement period in a final report. A report contains an activity report with the results for the indicators, a financial account of how ${e.gen} funds have been used and how much of them has not been used, reviewed by the organisation's auditor, and the organisation's annual report or annual accounts when available. The reports contain no personal data on the participants.`,
  ));
  const schedule = reportSchedule(r);
  if (schedule) out.push(schedule, ...sameDayPayments(r));
  else out.push(`${r.t('Redovisningsperioder:', 'Reporting periods:')} ${r.missing(r.t('avtalsperiodens start och slut', 'the start and end of the agreement period'))}.`);
  out.push(r.t(
    `${k.Def} har rätt att ta del av organisationens räkenskaper och underlag som rör medlen i partnerskapet.`,
    `${e.Def} has the right to see the organisation's accounts and records concerning the funds of the partnership.`,
  ));
  const overdue = r.get('followUp.overdueReports');
  if (typeof overdue === 'number' && overdue > 0) {
    out.push(r.note(`Per ${r.ctx.asOf} har ${overdue} av rapporterna i ärendets uppföljning passerat sitt sista datum utan att ha lämnats.`, `As of ${r.ctx.asOf}, ${overdue} of the reports in the case's follow-up have passed their due date without being submitted.`));
  }
  out.push(`${r.t('Parterna möts för gemensam uppföljning', 'The parties meet for joint follow-up')} ${r.fill(r.t('hur ofta', 'how often'))}.`);
  return out;
}

/**
 * The draft's report schedule, built from the agreement period (not from the register of reports
 * received): one report per twelve months from the start, the last one together with the final
 * report on the whole period. A due date is taken from the case's report register when a report
 * there covers exactly the same period; otherwise the case officer fills it in.
 */
export function reportSchedule(r: R): string | undefined {
  const p = periodDates(r);
  if (!p) return undefined;
  const periods = reportPeriods(p.start, p.end);
  const dueFor = (from: string, to: string): string =>
    registeredDue(r, from, to) ?? r.fill(r.t('datum, med tid för revisorns granskning efter periodens slut och före nästa utbetalning', "date, leaving time for the auditor's review after the period ends, and before the next payment"));
  const rows = periods.map(([from, to], i) => {
    const last = i === periods.length - 1;
    const kind = last ? (periods.length > 1 ? r.t('redovisning och slutredovisning', 'report and final report') : r.t('slutredovisning', 'final report')) : r.t('redovisning', 'report');
    return `| ${i + 1} | ${kind} | ${from} – ${to}${last && periods.length > 1 ? r.t(` (slutredovisningen: ${p.start} – ${to})`, ` (final report: ${p.start} – ${to})`) : ''} | ${dueFor(from, to)} |`;
  });
  return [`| ${r.t('Nr', 'No.')} | ${r.t('Redovisning', 'Report')} | ${r.t('Period', 'Period')} | ${r.t('Lämnas senast', 'Due by')} |`, '|---:|---|---|---|', ...rows].join('\n');
}

/** The due date the case's report register gives for exactly this period, if any. */
function registeredDue(r: R, from: string, to: string): string | undefined {
  const due = (r.input.followUp?.reports ?? []).find((x) => x.periodStart === from && x.periodEnd === to && typeof x.dueOn === 'string')?.dueOn;
  return typeof due === 'string' ? due : undefined;
}

/**
 * A report due on the very day of the next payment: the payment waits for the report to come in
 * and be approved (Finansiering), so the same day leaves no time for either. A payment before the
 * due date is noted under Financing (agreement.paymentsFollowReports).
 */
function sameDayPayments(r: R): string[] {
  const p = periodDates(r);
  if (!p) return [];
  const payments = (r.input.agreement?.paymentPlan ?? []).map((x) => x.dueOn).filter((d): d is string => typeof d === 'string').sort();
  const out: string[] = [];
  for (const [from, to] of reportPeriods(p.start, p.end)) {
    const due = registeredDue(r, from, to);
    const next = payments.find((d) => d > to);
    if (due !== undefined && next === due) {
      out.push(r.note(
        `Redovisningen för ${from} – ${to} ska lämnas senast ${due}, samma dag som nästa utbetalning görs tidigast. Utbetalningen görs först när redovisningen har kommit in och godkänts: sätt sista dagen för redovisningen en rimlig tid efter periodens slut, med tid för revisorns granskning, och utbetalningen en tid efter den.`,
        `The report on ${from} – ${to} is due by ${due}, the same day as the earliest date of the next payment. The payment is made only when the report has come in and been approved: set the report's due date a reasonable time after the period ends, leaving time for the auditor's review, and the payment some time after that.`,
      ));
    }
  }
  return out;
}

export function knowledge(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const v = r.get('partnership.knowledgeSharing');
  const out = [
    `${r.t('Parterna tar tillvara och sprider den kunskap som byggs upp i partnerskapet:', 'The parties capture and share the knowledge built up in the partnership:')} ${r.fill(r.t(`hur, till exempel gemensamma lärandemål, erfarenhetsseminarier eller en slutrapport som delas inom ${k.def}`, `how, for example shared learning goals, seminars or a final report shared within ${e.def}`))}.`,
  ];
  if (v === false) out.push(r.note('Enligt ärendet är det ännu inte beskrivet hur kunskapen ska tas tillvara.', 'According to the case, it is not yet described how the knowledge will be captured.'));
  else if (v === UNKNOWN) out.push(`${r.t('Beskrivet i ärendet:', 'Described in the case:')} ${r.missingFact('partnership.knowledgeSharing')}.`);
  return out;
}
