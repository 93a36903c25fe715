// Finansiering and Återbetalning: payments, their conditions, the budget reservation, repayment.
import { UNKNOWN } from '../../facts/types.js';
import { formatSek } from '../../verdict/render.js';
import type { R } from './context.js';
import { periodDates } from './period.js';
import { deMinimisNotice } from './state-aid.js';

export function financing(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const out: string[] = [];
  const account = r.get('organisation.bankAccountInOwnName');
  const accountText = account === true
    ? `${r.t('till organisationens konto i eget namn,', "to the organisation's account in its own name,")} ${r.fill(r.t('bankgiro eller kontonummer', 'bank giro or account number'))},`
    : `${r.t('till organisationens konto', "to the organisation's account")} ${account === UNKNOWN ? `(${r.missingFact('organisation.bankAccountInOwnName')})` : ''}`.trimEnd() + ',';
  out.push(`${r.t(`${k.Def} finansierar partnerskapet med sammanlagt`, `${e.Def} funds the partnership with a total of`)} **${r.sek('partnership.cityContribution.fundingSek')}** ${r.t('för avtalsperioden. Medlen betalas ut', 'for the agreement period. The funds are paid')} ${accountText} ${r.t('enligt följande plan:', 'according to the following plan:')}`);
  if (account === false) out.push(r.note('Enligt ärendet har organisationen inget konto i eget namn. Medlen bör betalas till ett konto i organisationens namn.', 'According to the case, the organisation has no account in its own name. The funds should be paid to an account in the organisation\'s name.'));
  const plan = r.input.agreement?.paymentPlan;
  if (plan === null || plan === undefined) out.push(r.missing(r.t('utbetalningsplan (datum och belopp)', 'payment plan (dates and amounts)')));
  else if (plan.length === 0) out.push(r.fill(r.t('utbetalningsplan med datum och belopp', 'payment plan with dates and amounts')));
  else {
    const rows = plan.map((p, i) => {
      const n = i + 1;
      const due = p.dueOn ?? r.missing(r.t(`datum för utbetalning ${n}`, `date of payment ${n}`));
      const amount = typeof p.amountSek === 'number' ? formatSek(p.amountSek, r.locale) : r.missing(r.t(`belopp för utbetalning ${n}`, `amount of payment ${n}`));
      return `| ${n} | ${due} | ${amount} |`;
    });
    const total = r.get('agreement.paymentPlanTotalSek');
    const totalText = typeof total === 'number' ? `**${formatSek(total, r.locale)}**` : r.t('okänd', 'unknown');
    out.push([`| ${r.t('Nr', 'No.')} | ${r.t('Utbetalningsdag, tidigast', 'Payment date, at the earliest')} | ${r.t('Belopp', 'Amount')} |`, '|---:|---|---:|', ...rows, `| | **${r.t('Summa', 'Total')}** | ${totalText} |`].join('\n'));
    const funding = r.get('partnership.cityContribution.fundingSek');
    if (r.get('agreement.paymentPlanMatchesFunding') === false && typeof total === 'number' && typeof funding === 'number') {
      out.push(r.note(
        `Utbetalningsplanen summerar till ${formatSek(total, 'sv')}, men ${k.gen} medel enligt ärendet är ${formatSek(funding, 'sv')}. Stäm av planen innan överenskommelsen undertecknas.`,
        `The payment plan adds up to ${formatSek(total, 'en')}, but ${e.gen} funding according to the case is ${formatSek(funding, 'en')}. Reconcile the plan before the agreement is signed.`,
      ));
    }
    if (r.get('agreement.paymentsWithinPeriod') === false) {
      out.push(r.note('Minst en utbetalning ligger utanför avtalsperioden.', 'At least one payment falls outside the agreement period.'));
    }
    if (r.get('agreement.paymentsAfterSigning') === false) {
      out.push(r.note('Minst en utbetalning ligger före den dag överenskommelsen undertecknas. Inga medel får betalas ut innan överenskommelsen är undertecknad.', 'At least one payment falls before the day the agreement is signed. No funds may be paid before the agreement is signed.'));
    }
    if (r.get('agreement.paymentsFollowReports') === false) {
      out.push(r.note('Minst en utbetalning efter den första ligger före sista dagen för redovisningen av en tidigare period enligt ärendets rapportplan. Flytta utbetalningen till efter att redovisningen ska lämnas.', "At least one payment after the first falls before the due date of the report on an earlier period in the case's report plan. Move the payment to after the report is due."));
    }
  }
  out.push(r.t(
    `Ingen utbetalning görs innan överenskommelsen har undertecknats av båda parter. Varje utbetalning efter den första görs först när organisationens redovisning för föregående period enligt Uppföljning har kommit in och ${k.def} har godkänt den. Godkännandet avser att redovisningen är fullständig och att medlen har använts för verksamheten; att ett målvärde inte nås är inte skäl att hålla inne eller kräva tillbaka medel. Organisationen redovisar medlen skilt från sin övriga ekonomi (särredovisning).`,
    `No payment is made before both parties have signed the agreement. Each payment after the first is made only when the organisation's report on the preceding period under Follow-up has come in and ${e.def} has approved it. The approval concerns whether the report is complete and the funds were used for the activity; a target that is not reached is no reason to withhold or reclaim funds. The organisation accounts for the funds separately from its other finances.`,
  ));
  out.push(...deMinimisNotice(r));
  if (multiYear(r)) {
    out.push(r.t(
      `Utbetalningar för senare budgetår än det första förutsätter att nämnden tilldelas medel för ändamålet i ${k.gen} budget för det året. Tilldelas inga medel får var och en av parterna säga upp överenskommelsen att upphöra vid det årets början, utan uppsägningstid och utan krav på ersättning.`,
      `Payments for budget years after the first presuppose that the board is allocated funds for the purpose in ${e.gen} budget for that year. If no funds are allocated, either party may terminate the agreement with effect from the start of that year, without notice and without claims for compensation.`,
    ));
  }
  out.push(`${r.t('Samhällsvinster och kostnadseffektivitet:', 'Gains to society and cost-effectiveness:')} ${r.fill(r.t('kort analys av vad partnerskapet väntas ge i förhållande till kostnaden', 'a short analysis of what the partnership is expected to achieve for its cost'))}.`);
  return out;
}

/** The period spans more than one calendar (budget) year; unknown periods count as multi-year (the sentence is harmless). */
export function multiYear(r: R): boolean {
  const p = periodDates(r);
  return !p || p.start.slice(0, 4) !== p.end.slice(0, 4);
}

export function repayment(r: R): string[] {
  const { sv: k, en: e } = r.mun;
  const out = [
    `${r.t(
      `Om verksamheten inte bedrivs enligt överenskommelsen, helt eller delvis, betalar organisationen tillbaka den del av ${k.gen} medel som inte har använts för verksamheten. ${k.Gen} medel som återstår när överenskommelsen upphör betalas tillbaka, om inte nämnden genom ett nytt beslut om stöd har bestämt att organisationen får behålla dem för ett angivet ändamål. Organisationens egna medel omfattas inte. ${k.Def} får kräva tillbaka medel som har använts i strid med överenskommelsen eller betalats ut på grund av felaktiga eller ofullständiga uppgifter från organisationen. Återbetalning sker inom`,
      `If the activities are not run in accordance with the agreement, in whole or in part, the organisation repays the part of ${e.gen} funds not used for the activities. ${e.Gen} funds remaining when the agreement ends are repaid, unless the board, by a new decision on support, has decided that the organisation may keep them for a stated purpose. The organisation's own funds are not affected. ${e.Def} may reclaim funds used contrary to the agreement or paid on the basis of incorrect or incomplete information from the organisation. Repayment is made within`,
    )} ${r.fill(r.t('antal', 'number of'))} ${r.t(`dagar från ${k.gen} skriftliga begäran.`, `days of ${e.gen} written request.`)}`,
    r.t(
      `Så länge en redovisning saknas eller en återbetalning inte har gjorts får ${k.def} skjuta upp kommande utbetalningar och avräkna det som ska betalas tillbaka mot dem.`,
      `While a report is missing or a repayment has not been made, ${e.def} may withhold later payments and set off the amount to be repaid against them.`,
    ),
  ];
  const route = r.get('partnership.stateAid.route');
  if (route === 'de-minimis' || route === 'sgei-de-minimis' || route === 'sgei-decision' || route === 'notified') {
    out.push(r.t(
      'Stöd som har lämnats i strid med EU:s statsstödsregler återkrävs med ränta enligt lagen (2013:388) om tillämpning av Europeiska unionens statsstödsregler.',
      "Aid granted contrary to the EU state-aid rules is recovered with interest under the Act (2013:388) on the application of the European Union's state-aid rules.",
    ));
  }
  if (r.get('followUp.allActivitiesDelivered') === false) {
    const unspent = r.get('followUp.unspentFundsSek');
    const amount = typeof unspent === 'number' ? formatSek(unspent, r.locale) : r.missingFact('followUp.unspentFundsSek');
    out.push(r.note(`Enligt uppföljningen har verksamheten inte genomförts fullt ut. Outnyttjade medel enligt den senaste rapporten: ${amount}.`, `According to the follow-up, the activities have not been delivered in full. Unspent funds according to the latest report: ${amount}.`));
  }
  return out;
}
