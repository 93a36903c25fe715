// Avtalsperiod, uppsägning: the agreement period, the notice period and termination.
import { formatValue } from '../../verdict/render.js';
import { agreementPeriodOf } from '../../facts/derived/follow-up.js';
import { UNKNOWN } from '../../facts/types.js';
import type { R } from './context.js';

/** The agreement period (the agreement's own dates, else the partnership's: the follow-up facts' reading), or undefined when a date is unknown. */
export function periodDates(r: R): { start: string; end: string } | undefined {
  const p = agreementPeriodOf(r);
  return p === UNKNOWN ? undefined : p;
}

/** The agreement period: the agreement's own dates, else the partnership's (said so), else placeholders. */
export function periodText(r: R): { text: string; fromPartnership: boolean } {
  let fromPartnership = false;
  const end = (a: string, p: string): string => {
    const av = r.get(a);
    if (typeof av === 'string') return av;
    const pv = r.get(p);
    if (typeof pv === 'string') {
      fromPartnership = true;
      return pv;
    }
    return r.missingFact(a);
  };
  const start = end('agreement.period.start', 'partnership.period.start');
  const stop = end('agreement.period.end', 'partnership.period.end');
  return { text: r.t(`från och med ${start} till och med ${stop}`, `from ${start} to ${stop} inclusive`), fromPartnership };
}

export function noticeText(r: R): string {
  const n = r.get('agreement.noticePeriodMonths');
  return typeof n === 'number' ? formatValue(n, 'months', r.locale) : r.missingFact('agreement.noticePeriodMonths');
}

export function period(r: R): string[] {
  const p = periodText(r);
  const out = [
    `${r.t('Överenskommelsen gäller', 'The agreement runs')} ${p.text}${p.fromPartnership ? r.t(' (partnerskapets period enligt ärendet)', ' (the partnership period according to the case)') : ''}. ${r.t('Uppsägningstiden är', 'The notice period is')} ${noticeText(r)}.`,
  ];
  if (r.get('agreement.periodWithinPartnership') === false) {
    out.push(r.note('Avtalsperioden går utanför den period som partnerskapet gäller enligt ärendet.', 'The agreement period goes beyond the period the partnership covers according to the case.'));
  }
  if (r.get('agreement.signedBeforeStart') === false) {
    out.push(r.note('Enligt ärendet undertecknas överenskommelsen först efter att avtalsperioden har börjat.', 'According to the case, the agreement is signed only after the agreement period has started.'));
  }
  return out;
}

export function termination(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  return [
    `${r.t('Om förutsättningarna för partnerskapet ändras väsentligt kan vardera parten begära att överenskommelsen omförhandlas. Vardera parten får säga upp överenskommelsen med en uppsägningstid på', 'If the conditions of the partnership change significantly, either party may ask for the agreement to be renegotiated. Either party may terminate the agreement with a notice period of')} ${noticeText(r)}.`,
    r.t(
      `${k.Def} får säga upp överenskommelsen med omedelbar verkan om organisationen inte längre uppfyller förutsättningarna för stödet (till exempel om den försätts i konkurs eller likvidation, inte uppfyller demokrativillkoret eller inte redovisar enligt Uppföljning), eller om en domstol eller myndighet finner att överenskommelsen är ett offentligt kontrakt eller att stödet är olagligt statsstöd.`,
      `${e.Def} may terminate the agreement with immediate effect if the organisation no longer meets the conditions for the support (for example if it is declared bankrupt or goes into liquidation, does not meet the democracy condition or does not report under Follow-up), or if a court or authority finds that the agreement is a public contract or that the support is unlawful state aid.`,
    ),
    r.t(
      'När överenskommelsen upphör görs inga fler utbetalningar, och medel som avser tiden efter att den upphört betalas tillbaka enligt Återbetalning. Utöver detta har ingen av parterna några anspråk på den andra med anledning av att överenskommelsen upphör.',
      'When the agreement ends no further payments are made, and funds relating to the time after it ends are repaid under Repayment. Beyond this, neither party has any claim on the other because the agreement ends.',
    ),
  ];
}
