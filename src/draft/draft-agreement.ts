import type { Locale } from '../_internal/text.js';
import { parseCase, resolveOptions } from '../assess.js';
import type { ClauseId, IopCase } from '../domain/case.js';
import { IopInputError } from '../domain/input-error.js';
import { FACTS } from '../facts/registry.js';
import { resolveFacts, type FactResolver } from '../facts/resolve.js';
import { UNKNOWN, type FactValue, type Unknown } from '../facts/types.js';
import { escapeMarkdown } from '../format/escape.js';
import { paramValueOn, type RuleSet } from '../rules/rule-set.js';
import { formatSek, formatValue, valueLabel } from '../verdict/render.js';
import { requiredClauses, type ClauseNeed } from './required-clauses.js';

/** Options for `draftAgreement`; the same meaning and defaults as for `assess`. */
export interface DraftOptions {
  /** The date the rule set is resolved for, `YYYY-MM-DD` or a Date. Default: today in Europe/Stockholm. */
  asOf?: string | Date;
  /** Rule-set id. Default: the newest Stockholm edition in force on `asOf`. */
  ruleSet?: string;
  /** Language of the draft. Default `sv`. */
  locale?: Locale;
  /** Overlays: bundled ids or JSON overlays `{ overlay, rules }`. */
  overlays?: unknown[];
}

/** The order clauses appear in the draft. */
const ORDER: readonly ClauseId[] = [
  'parties',
  'background',
  'purpose-goals',
  'activities',
  'contributions',
  'financing',
  'period',
  'follow-up',
  'repayment',
  'knowledge-building',
  'personal-data',
  'insyn',
  'entrustment-act',
  'insurance',
  'communication',
  'changes',
  'termination',
  'disputes',
];

const HEADINGS: Record<ClauseId, readonly [sv: string, en: string]> = {
  parties: ['Parter', 'Parties'],
  background: ['Bakgrund', 'Background'],
  'purpose-goals': ['Syfte och mål', 'Purpose and goals'],
  activities: ['Verksamhet och åtaganden', 'Activities and commitments'],
  contributions: ['Parternas insatser', "The parties' contributions"],
  financing: ['Finansiering', 'Financing'],
  period: ['Avtalsperiod och uppsägning', 'Agreement period and notice'],
  'follow-up': ['Uppföljning', 'Follow-up'],
  repayment: ['Återbetalning', 'Repayment'],
  'knowledge-building': ['Kunskapsuppbyggnad och lärande', 'Knowledge-building and learning'],
  'personal-data': ['Personuppgifter', 'Personal data'],
  insyn: ['Insyn', 'Public insight'],
  'entrustment-act': ['Uppdrag att tillhandahålla en tjänst av allmänt ekonomiskt intresse', 'Entrustment of a service of general economic interest'],
  insurance: ['Försäkring', 'Insurance'],
  communication: ['Kommunikation', 'Communication'],
  changes: ['Ändringar och tillägg', 'Changes and additions'],
  termination: ['Omförhandling, uppsägning och hävning', 'Renegotiation, termination and rescission'],
  disputes: ['Tvister', 'Disputes'],
};

/** The heading the draft gives a clause, in a locale (used by tests and callers that check a draft). */
export function clauseHeading(clause: ClauseId, locale: Locale = 'sv'): string {
  return HEADINGS[clause][locale === 'sv' ? 0 : 1];
}

const MARK = {
  missing: { sv: 'UPPGIFT SAKNAS', en: 'MISSING' },
  fill: { sv: 'FYLL I', en: 'FILL IN' },
} as const;

/** Inline text from the case, safe for Markdown (one line, punctuation escaped). */
function md(s: string): string {
  return escapeMarkdown(s.replace(/\s+/g, ' ').trim());
}

function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1]?.toLowerCase() ? (s[0]?.toLowerCase() ?? '') + s.slice(1) : s;
}

interface Ctx {
  readonly locale: Locale;
  readonly asOf: string;
  readonly input: IopCase;
  readonly facts: FactResolver;
  readonly set: RuleSet;
  readonly needs: ReadonlyMap<ClauseId, ClauseNeed>;
}

/** A rendering of the draft for one case: small helpers closed over the case and locale. */
function renderer(ctx: Ctx) {
  const { locale, facts, input } = ctx;
  const t = (sv: string, en: string): string => (locale === 'sv' ? sv : en);
  const get = (id: string): FactValue | Unknown => facts.get(id);
  const known = (v: FactValue | Unknown): v is FactValue => v !== UNKNOWN;
  const missing = (what: string): string => `[${MARK.missing[locale]}: ${what}]`;
  const fill = (what?: string): string => (what ? `[${MARK.fill[locale]}: ${what}]` : `[${MARK.fill[locale]}]`);
  /** The placeholder for an unknown fact, named by the fact dictionary's label. */
  const missingFact = (id: string): string => {
    const def = FACTS.get(id);
    return missing(lowerFirst(def ? def.label[locale] : id));
  };
  const str = (id: string): string => {
    const v = get(id);
    return typeof v === 'string' && v.trim() !== '' ? md(v) : missingFact(id);
  };
  const sek = (id: string): string => {
    const v = get(id);
    return typeof v === 'number' ? formatSek(v, locale) : missingFact(id);
  };
  const dateOf = (id: string): string => {
    const v = get(id);
    return typeof v === 'string' ? v : missingFact(id);
  };
  const note = (sv: string, en: string): string => `> **${t('Obs!', 'Note:')}** ${t(sv, en)}`;
  return { t, get, known, missing, fill, missingFact, str, sek, dateOf, note, input, locale, ctx };
}
type R = ReturnType<typeof renderer>;

function cityName(r: R): string {
  return r.ctx.set.id.startsWith('stockholm') ? r.t('Stockholms stad', 'City of Stockholm') : r.fill(r.t('kommunens namn', 'name of the municipality'));
}

function parties(r: R): string[] {
  const org = r.input.organisation ?? {};
  const form = org.legalForm ? valueLabel(org.legalForm, r.locale) : r.missingFact('organisation.legalForm');
  const orgNo = r.dateOf('organisation.orgNumber');
  return [
    r.t('Denna överenskommelse om idéburet offentligt partnerskap (IOP) ingås mellan', 'This agreement on an idea-driven public partnership (IOP) is made between'),
    [
      `- **${cityName(r)}**, ${r.t('genom', 'acting through')} ${r.fill(r.t('nämnd eller bolag', 'board or company'))}, ${r.t('nedan kallad staden, och', 'hereinafter the city, and')}`,
      `- **${r.str('organisation.name')}**, ${r.t('organisationsnummer', 'organisation number')} ${orgNo}, ${form}, ${r.t('nedan kallad organisationen.', 'hereinafter the organisation.')}`,
    ].join('\n'),
    `${r.t('Parterna utser var sin kontaktperson och leder partnerskapet i en gemensam styrgrupp. Kontaktpersoner och styrgruppens sammansättning:', 'Each party appoints a contact person, and the parties lead the partnership in a joint steering group. Contact persons and members of the steering group:')} ${r.fill(r.t('namn och roller', 'names and roles'))}.`,
  ];
}

function background(r: R): string[] {
  const p = r.input.partnership ?? {};
  const area = p.area ? valueLabel(p.area, r.locale) : r.missingFact('partnership.area');
  const s: string[] = [`${r.t('Partnerskapet', 'The partnership')} *${r.str('partnership.title')}* ${r.t('gäller verksamhetsområdet', 'concerns the area of')} ${area}.`];
  const areas = (p.priorityAreas ?? []).filter((a) => a.trim() !== '').map(md);
  if (areas.length) s.push(`${r.t('Det avser nämndens prioriterade områden:', "It addresses the board's priority areas:")} ${areas.join(', ')}.`);
  const by = p.initiatedBy;
  const initiator = by === 'organisation' ? r.t('organisationen', 'the organisation') : by === 'city' ? r.t('staden', 'the city') : by === 'joint' ? r.t('parterna gemensamt', 'the parties jointly') : r.missingFact('partnership.initiatedBy');
  s.push(`${r.t('Initiativet togs av', 'The initiative was taken by')} ${initiator}.`);
  const dialogue = r.get('partnership.initialDialogueHeld');
  if (dialogue === true) {
    const open = r.get('partnership.dialogueOpenToOthers') === true;
    s.push(open
      ? r.t('Parterna har fört en inledande dialog om behov, mål och insatser, som var öppen för andra intresserade organisationer.', 'The parties have held an initial dialogue on needs, goals and contributions, open to other interested organisations.')
      : r.t('Parterna har fört en inledande dialog om behov, mål och insatser.', 'The parties have held an initial dialogue on needs, goals and contributions.'));
  } else if (dialogue === false) {
    s.push(r.t('Enligt ärendet har ingen inledande dialog hållits.', 'According to the case, no initial dialogue has been held.'));
  } else {
    s.push(`${r.t('Inledande dialog:', 'Initial dialogue:')} ${r.missingFact('partnership.initialDialogueHeld')}.`);
  }
  const year = r.get('organisation.latestAnnualReportYear');
  const report = typeof year === 'number'
    ? r.t(`organisationens årsredovisning för ${year}`, `the organisation's annual report for ${year}`)
    : `${r.t('organisationens årsredovisning för', "the organisation's annual report for")} ${r.missing(r.t('räkenskapsåret för den senaste årsredovisningen', 'the financial year of the latest annual report'))}`;
  return [
    s.join(' '),
    `${r.t('Samhällsutmaningen och det gemensamma behovet:', 'The social challenge and the shared need:')} ${r.fill(r.t('vilken samhällsutmaning partnerskapet ska möta och varför parterna behöver samverka', 'which social challenge the partnership is to meet and why the parties need to cooperate'))}.`,
    `${r.t('Överenskommelsen bygger på initiativet till partnerskapet, en beskrivning av organisationen och', 'The agreement rests on the initiative for the partnership, a description of the organisation and')} ${report}.`,
  ];
}

function goalsTable(r: R): string {
  const goals = r.input.partnership?.goals;
  if (goals === null || goals === undefined) return r.missing(r.t('mål, indikatorer och målvärden', 'goals, indicators and targets'));
  if (goals.length === 0) return r.fill(r.t('minst ett gemensamt mål med indikator och målvärde', 'at least one shared goal with an indicator and a target'));
  const rows = goals.map((g, i) => {
    const n = i + 1;
    const desc = g.description?.trim() ? md(g.description) : r.missing(r.t(`beskrivning av mål ${n}`, `description of goal ${n}`));
    const ind = g.indicator?.trim() ? md(g.indicator) : r.missing(r.t(`indikator för mål ${n}`, `indicator for goal ${n}`));
    const target = typeof g.target === 'number' ? formatValue(g.target, 'number', r.locale) : typeof g.target === 'string' && g.target.trim() ? md(g.target) : r.missing(r.t(`målvärde för mål ${n}`, `target for goal ${n}`));
    return `| ${n} | ${desc} | ${ind} | ${target} |`;
  });
  return [`| ${r.t('Nr', 'No.')} | ${r.t('Mål', 'Goal')} | ${r.t('Indikator', 'Indicator')} | ${r.t('Målvärde', 'Target')} |`, '|---:|---|---|---|', ...rows].join('\n');
}

function purposeGoals(r: R): string[] {
  const joint = r.get('partnership.jointGoal') === true;
  return [
    `${r.t('Partnerskapets syfte:', 'The purpose of the partnership:')} ${r.fill(r.t('syftet, med parternas egna ord', "the purpose, in the parties' own words"))}.`,
    joint ? r.t('Parterna har formulerat följande mål tillsammans:', 'The parties have formulated the following goals together:') : r.t('Partnerskapet har följande mål:', 'The partnership has the following goals:'),
    goalsTable(r),
  ];
}

function activities(r: R): string[] {
  const out: string[] = [];
  const plan = r.get('partnership.activityPlan');
  if (plan === true) out.push(r.t('Organisationen genomför verksamheten enligt parternas gemensamma verksamhetsplan, som bifogas överenskommelsen.', "The organisation carries out the activities according to the parties' joint activity plan, which is attached to the agreement."));
  else if (plan === false) out.push(`${r.t('Det finns ännu ingen gemensam verksamhetsplan. Verksamhet, målgrupp och aktiviteter:', 'There is no joint activity plan yet. Activities, target group and events:')} ${r.fill()}.`);
  else out.push(`${r.t('Verksamhetsplan:', 'Activity plan:')} ${r.missingFact('partnership.activityPlan')}.`);
  const basis = r.get('partnership.methodBasis');
  if (basis === 'evidence-based') out.push(r.t('Arbetssätten är evidensbaserade.', 'The methods are evidence-based.'));
  else if (basis === 'proven-experience') out.push(r.t('Arbetssätten vilar på beprövad erfarenhet.', 'The methods rest on proven experience.'));
  else if (basis === 'none') out.push(r.t('Enligt ärendet vilar arbetssätten varken på evidens eller på beprövad erfarenhet.', 'According to the case, the methods rest neither on evidence nor on proven experience.'));
  else out.push(`${r.t('Arbetssättens grund:', 'Basis of the methods:')} ${r.missingFact('partnership.methodBasis')}.`);
  return [
    out.join(' '),
    [
      `- ${r.t('Organisationen åtar sig att', 'The organisation undertakes to')} ${r.fill(r.t('organisationens åtaganden', "the organisation's commitments"))}.`,
      `- ${r.t('Staden åtar sig att', 'The city undertakes to')} ${r.fill(r.t('stadens åtaganden utöver finansieringen', "the city's commitments besides the funding"))}.`,
    ].join('\n'),
  ];
}

/** A bullet for a yes/no contribution: shown when yes, a placeholder when unknown, left out when no. */
function boolItem(r: R, id: string, sv: string, en: string): string | undefined {
  const v = r.get(id);
  if (v === true) return `- ${r.t(sv, en)}`;
  if (v === false) return undefined;
  return `- ${r.t(sv, en)}: ${r.missingFact(id)}`;
}

function contributions(r: R): string[] {
  const funding = r.get('partnership.cityContribution.fundingSek');
  const city = [
    typeof funding === 'number'
      ? `- ${formatSek(funding, r.locale)} ${r.t('för hela avtalsperioden (se Finansiering)', 'for the whole agreement period (see Financing)')}`
      : `- ${r.t('medel', 'funding')}: ${r.missingFact('partnership.cityContribution.fundingSek')}`,
    boolItem(r, 'partnership.cityContribution.premises', 'lokaler', 'premises'),
    boolItem(r, 'partnership.cityContribution.staff', 'personal', 'staff'),
  ].filter((x): x is string => x !== undefined);
  const orgFunding = r.get('partnership.organisationContribution.fundingSek');
  const hours = r.get('partnership.organisationContribution.volunteerHours');
  const other = r.input.partnership?.organisationContribution?.other;
  const org = [
    typeof orgFunding === 'number'
      ? orgFunding > 0 ? `- ${r.t('egna medel', 'own funds')}, ${formatSek(orgFunding, r.locale)}` : undefined
      : `- ${r.t('egna medel', 'own funds')}: ${r.missingFact('partnership.organisationContribution.fundingSek')}`,
    typeof hours === 'number'
      ? hours > 0 ? `- ${r.t('ideellt arbete', 'voluntary work')}, ${formatValue(hours, 'number', r.locale)} ${r.t('timmar', 'hours')}` : undefined
      : `- ${r.t('ideellt arbete', 'voluntary work')}: ${r.missingFact('partnership.organisationContribution.volunteerHours')}`,
    boolItem(r, 'partnership.organisationContribution.premises', 'lokaler', 'premises'),
    typeof other === 'string' && other.trim() ? `- ${md(other)}` : undefined,
  ].filter((x): x is string => x !== undefined);
  if (org.length === 0) org.push(`- ${r.t('Ärendet anger inga egna insatser från organisationen.', 'The case states no contributions of its own from the organisation.')} ${r.fill(r.t('organisationens insatser', "the organisation's contributions"))}`);
  return [`${r.t('Staden bidrar med', 'The city contributes')}:`, city.join('\n'), `${r.t('Organisationen bidrar med', 'The organisation contributes')}:`, org.join('\n')];
}

function financing(r: R): string[] {
  const out: string[] = [];
  const account = r.get('organisation.bankAccountInOwnName');
  const accountText = account === true
    ? `${r.t('till organisationens konto i eget namn,', "to the organisation's account in its own name,")} ${r.fill(r.t('bankgiro eller kontonummer', 'bank giro or account number'))},`
    : `${r.t('till organisationens konto', "to the organisation's account")} ${account === UNKNOWN ? `(${r.missingFact('organisation.bankAccountInOwnName')})` : ''}`.trimEnd() + ',';
  out.push(`${r.t('Staden finansierar partnerskapet med sammanlagt', 'The city funds the partnership with a total of')} **${r.sek('partnership.cityContribution.fundingSek')}** ${r.t('för avtalsperioden. Medlen betalas ut', 'for the agreement period. The funds are paid')} ${accountText} ${r.t('enligt följande plan:', 'according to the following plan:')}`);
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
    out.push([`| ${r.t('Nr', 'No.')} | ${r.t('Utbetalningsdag', 'Payment date')} | ${r.t('Belopp', 'Amount')} |`, '|---:|---|---:|', ...rows, `| | **${r.t('Summa', 'Total')}** | ${totalText} |`].join('\n'));
    const funding = r.get('partnership.cityContribution.fundingSek');
    if (r.get('agreement.paymentPlanMatchesFunding') === false && typeof total === 'number' && typeof funding === 'number') {
      out.push(r.note(
        `Utbetalningsplanen summerar till ${formatSek(total, 'sv')}, men stadens medel enligt ärendet är ${formatSek(funding, 'sv')}. Stäm av planen innan överenskommelsen undertecknas.`,
        `The payment plan adds up to ${formatSek(total, 'en')}, but the city's funding according to the case is ${formatSek(funding, 'en')}. Reconcile the plan before the agreement is signed.`,
      ));
    }
    if (r.get('agreement.paymentsWithinPeriod') === false) {
      out.push(r.note('Minst en utbetalning ligger utanför avtalsperioden.', 'At least one payment falls outside the agreement period.'));
    }
  }
  out.push(`${r.t('Samhällsvinster och kostnadseffektivitet:', 'Gains to society and cost-effectiveness:')} ${r.fill(r.t('kort analys av vad partnerskapet väntas ge i förhållande till kostnaden', 'a short analysis of what the partnership is expected to achieve for its cost'))}.`);
  return out;
}

/** The agreement period: the agreement's own dates, else the partnership's (said so), else placeholders. */
function periodText(r: R): { text: string; fromPartnership: boolean } {
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

function noticeText(r: R): string {
  const n = r.get('agreement.noticePeriodMonths');
  return typeof n === 'number' ? formatValue(n, 'months', r.locale) : r.missingFact('agreement.noticePeriodMonths');
}

function period(r: R): string[] {
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

function followUp(r: R): string[] {
  const out = [
    r.t(
      'Parterna följer gemensamt upp partnerskapet mot målen och indikatorerna under Syfte och mål, utvärderar det tillsammans och fattar gemensamma beslut om hur arbetet ska utvecklas. Organisationen lämnar skriftliga rapporter om genomförd verksamhet, måluppfyllelse och hur medlen har använts.',
      'The parties jointly follow up the partnership against the goals and indicators under Purpose and goals, evaluate it together and take joint decisions on how the work is to develop. The organisation submits written reports on the activities delivered, the results against the goals and how the funds have been used.',
    ),
  ];
  const goals = r.input.partnership?.goals ?? [];
  const indicators = goals.map((g) => g.indicator?.trim()).filter((x): x is string => !!x).map(md);
  if (indicators.length) out.push(`${r.t('Gemensamma indikatorer:', 'Shared indicators:')} ${indicators.join('; ')}.`);
  const reports = r.input.followUp?.reports;
  if (reports && reports.length) {
    const rows = reports.map((rep, i) => {
      const n = i + 1;
      const from = rep.periodStart ?? r.missing(r.t('periodens start', 'start of the period'));
      const to = rep.periodEnd ?? r.missing(r.t('periodens slut', 'end of the period'));
      const due = rep.dueOn ?? r.missing(r.t(`sista dag för rapport ${n}`, `due date of report ${n}`));
      return `| ${n} | ${from} – ${to} | ${due} |`;
    });
    out.push([`| ${r.t('Rapport', 'Report')} | ${r.t('Period', 'Period')} | ${r.t('Lämnas senast', 'Due by')} |`, '|---:|---|---|', ...rows].join('\n'));
    const overdue = r.get('followUp.overdueReports');
    if (typeof overdue === 'number' && overdue > 0) {
      out.push(r.note(`Per ${r.ctx.asOf} har ${overdue} av rapporterna passerat sitt sista datum utan att ha lämnats.`, `As of ${r.ctx.asOf}, ${overdue} of the reports have passed their due date without being submitted.`));
    }
  } else {
    out.push(`${r.t('Rapporter lämnas', 'Reports are submitted')} ${r.fill(r.t('för vilka perioder och senast när', 'for which periods and by when'))}.`);
  }
  out.push(`${r.t('Parterna möts för gemensam uppföljning', 'The parties meet for joint follow-up')} ${r.fill(r.t('hur ofta', 'how often'))}.`);
  return out;
}

function repayment(r: R): string[] {
  const out = [
    `${r.t(
      'Om den överenskomna verksamheten inte genomförs, helt eller delvis, betalar organisationen tillbaka de medel som inte har använts för verksamheten. Medel som återstår när överenskommelsen upphör betalas också tillbaka. Staden får kräva tillbaka medel som har använts i strid med överenskommelsen. Återbetalning sker inom',
      'If the agreed activities are not delivered, in whole or in part, the organisation repays the funds not used for the activities. Funds remaining when the agreement ends are also repaid. The city may reclaim funds used contrary to the agreement. Repayment is made within',
    )} ${r.fill(r.t('antal', 'number of'))} ${r.t('dagar från stadens skriftliga begäran.', "days of the city's written request.")}`,
  ];
  if (r.get('followUp.allActivitiesDelivered') === false) {
    const unspent = r.get('followUp.unspentFundsSek');
    const amount = typeof unspent === 'number' ? formatSek(unspent, r.locale) : r.missingFact('followUp.unspentFundsSek');
    out.push(r.note(`Enligt uppföljningen har verksamheten inte genomförts fullt ut. Outnyttjade medel enligt rapporterna: ${amount}.`, `According to the follow-up, the activities have not been delivered in full. Unspent funds according to the reports: ${amount}.`));
  }
  return out;
}

function knowledge(r: R): string[] {
  const v = r.get('partnership.knowledgeSharing');
  const out = [
    `${r.t('Parterna tar tillvara och sprider den kunskap som byggs upp i partnerskapet:', 'The parties capture and share the knowledge built up in the partnership:')} ${r.fill(r.t('hur, till exempel gemensamma lärandemål, erfarenhetsseminarier eller en slutrapport som delas inom staden', 'how, for example shared learning goals, seminars or a final report shared within the city'))}.`,
  ];
  if (v === false) out.push(r.note('Enligt ärendet är det ännu inte beskrivet hur kunskapen ska tas tillvara.', 'According to the case, it is not yet described how the knowledge will be captured.'));
  else if (v === UNKNOWN) out.push(`${r.t('Beskrivet i ärendet:', 'Described in the case:')} ${r.missingFact('partnership.knowledgeSharing')}.`);
  return out;
}

function personalData(r: R): string[] {
  return [
    r.t(
      'Organisationen behandlar personuppgifter för stadens räkning. Staden är personuppgiftsansvarig och organisationen personuppgiftsbiträde. Parterna ingår ett personuppgiftsbiträdesavtal enligt artikel 28 i dataskyddsförordningen (EU) 2016/679, som bifogas överenskommelsen.',
      "The organisation processes personal data on the city's behalf. The city is the controller and the organisation the processor. The parties enter into a processor agreement under Article 28 of the General Data Protection Regulation (EU) 2016/679, which is attached to the agreement.",
    ),
  ];
}

function insyn(r: R): string[] {
  return [
    `${r.t(
      'Organisationen sköter en kommunal angelägenhet för stadens räkning. Staden kontrollerar och följer upp verksamheten, och organisationen lämnar den information som behövs för det och för att allmänheten ska få insyn i hur verksamheten sköts (10 kap. kommunallagen). Vilken information som lämnas och när:',
      'The organisation runs a municipal matter on the city\'s behalf. The city controls and follows up the activity, and the organisation provides the information needed for that and for the public to gain insight into how the activity is run (chapter 10 of the Local Government Act). Which information is provided and when:',
    )} ${r.fill()}.`,
  ];
}

function entrustment(r: R): string[] {
  const route = r.get('partnership.stateAid.route');
  const basis =
    route === 'sgei-decision'
      ? r.t('Denna punkt är uppdragsakt enligt kommissionens beslut 2012/21/EU (SGEI-beslutet).', 'This clause is the entrustment act under Commission Decision 2012/21/EU (the SGEI Decision).')
      : route === 'sgei-de-minimis'
        ? r.ctx.asOf >= '2024-01-01'
          ? r.t('Genom denna punkt anförtros organisationen tjänsten enligt kommissionens förordning (EU) 2023/2832 om stöd av mindre betydelse för tjänster av allmänt ekonomiskt intresse.', 'By this clause the service is entrusted to the organisation under Commission Regulation (EU) 2023/2832 on de minimis aid for services of general economic interest.')
          : r.t('Genom denna punkt anförtros organisationen tjänsten enligt kommissionens förordning (EU) nr 360/2012 om stöd av mindre betydelse för tjänster av allmänt ekonomiskt intresse.', 'By this clause the service is entrusted to the organisation under Commission Regulation (EU) No 360/2012 on de minimis aid for services of general economic interest.')
        : `${r.t('Statsstödsgrund:', 'State-aid route:')} ${r.missingFact('partnership.stateAid.route')}.`;
  return [
    `${r.t('Staden ger organisationen i uppdrag att tillhandahålla en tjänst av allmänt ekonomiskt intresse, och organisationen åtar sig att tillhandahålla den.', 'The city entrusts the organisation with providing a service of general economic interest, and the organisation undertakes to provide it.')} ${basis} ${r.t('Uppdraget bör ange:', 'The entrustment should state:')}`,
    [
      `- ${r.t('tjänstens innehåll och varaktighet', 'the content and duration of the service')}: ${r.fill()}`,
      `- ${r.t('område', 'territory')}: ${r.fill()}`,
      `- ${r.t('eventuella ensamrätter eller särskilda rättigheter', 'any exclusive or special rights')}: ${r.fill()}`,
      `- ${r.t('hur ersättningen beräknas, kontrolleras och ses över', 'how the compensation is calculated, monitored and reviewed')}: ${r.fill()}`,
      `- ${r.t('hur överkompensation undviks och återkrävs', 'how overcompensation is avoided and recovered')}: ${r.fill()}`,
    ].join('\n'),
  ];
}

function insurance(r: R): string[] {
  return [`${r.t('Organisationen har de försäkringar som verksamheten kräver:', 'The organisation holds the insurance the activities require:')} ${r.fill(r.t('vilka försäkringar', 'which insurance'))}.`];
}

function communication(r: R): string[] {
  return [`${r.t('Parterna kommer överens om hur partnerskapet beskrivs utåt och hur parternas namn och logotyper används:', "The parties agree on how the partnership is presented and how the parties' names and logos are used:")} ${r.fill()}.`];
}

function changes(r: R): string[] {
  return [r.t('Ändringar och tillägg till överenskommelsen görs skriftligen och undertecknas av båda parter.', 'Changes and additions to the agreement are made in writing and signed by both parties.')];
}

function termination(r: R): string[] {
  return [
    `${r.t('Om förutsättningarna för partnerskapet ändras väsentligt kan vardera parten begära att överenskommelsen omförhandlas. Vardera parten får säga upp överenskommelsen med en uppsägningstid på', 'If the conditions of the partnership change significantly, either party may ask for the agreement to be renegotiated. Either party may terminate the agreement with a notice period of')} ${noticeText(r)}. ${r.t('En part får häva överenskommelsen med omedelbar verkan om den andra parten väsentligt bryter mot den och inte har rättat sig inom', 'A party may rescind the agreement with immediate effect if the other party is in material breach of it and has not remedied the breach within')} ${r.fill(r.t('antal', 'number of'))} ${r.t('dagar efter skriftlig anmaning.', 'days of a written notice.')}`,
  ];
}

function disputes(r: R): string[] {
  return [r.t('Tvister om hur överenskommelsen ska tolkas eller tillämpas löses i första hand genom samråd mellan parterna. Kan parterna inte enas avgörs tvisten av allmän domstol.', 'Disputes on how the agreement is to be interpreted or applied are settled first by consultation between the parties. If the parties cannot agree, the dispute is decided by a court of general jurisdiction.')];
}

const SECTIONS: Record<ClauseId, (r: R) => string[]> = {
  parties,
  background,
  'purpose-goals': purposeGoals,
  activities,
  contributions,
  financing,
  period,
  'follow-up': followUp,
  repayment,
  'knowledge-building': knowledge,
  'personal-data': personalData,
  insyn,
  'entrustment-act': entrustment,
  insurance,
  communication,
  changes,
  termination,
  disputes,
};

/** Notes under a heading: recommended rather than required, or not known to be needed. */
function clauseNotes(r: R, need: ClauseNeed | undefined): string[] {
  if (!need) return [`*${r.t('Punkten finns i ärendets överenskommelse; regeluppsättningen kräver den inte.', "The clause is in the case's agreement; the rule set does not require it.")}*`];
  const out: string[] = [];
  if (!need.required) out.push(`*${r.t('Rekommenderad punkt, inget krav.', 'Recommended clause, not a requirement.')}*`);
  if (need.open) {
    const questions = need.openFacts.map((f) => FACTS.get(f)?.question[r.locale] ?? f);
    out.push(r.note(`Det är inte känt om punkten behövs. ${questions.join(' ')} Stryk punkten om svaret är nej.`, `It is not known whether the clause is needed. ${questions.join(' ')} Delete the clause if the answer is no.`));
  }
  return out;
}

function signatures(r: R): string[] {
  const signed = r.get('agreement.signedOn');
  const place = r.ctx.set.id.startsWith('stockholm') ? 'Stockholm ' : '';
  const d = typeof signed === 'string' ? `${place}${signed}` : '';
  return [
    r.t('Överenskommelsen har upprättats i två likalydande exemplar, av vilka parterna har tagit var sitt.', 'The agreement has been drawn up in two identical copies, of which each party has taken one.'),
    [
      `| | ${r.t('För staden', 'For the city')} | ${r.t('För organisationen', 'For the organisation')} |`,
      '|---|---|---|',
      `| ${r.t('Ort och datum', 'Place and date')} | ${d} | ${d} |`,
      `| ${r.t('Underskrift', 'Signature')} | | |`,
      `| ${r.t('Namnförtydligande', 'Name in print')} | | |`,
    ].join('\n'),
  ];
}

function attachments(r: R, clauses: readonly ClauseId[]): string[] {
  const list: string[] = [];
  if (clauses.includes('activities') && r.get('partnership.activityPlan') === true) list.push(r.t('Gemensam verksamhetsplan', 'Joint activity plan'));
  if (clauses.includes('personal-data')) {
    const open = r.ctx.needs.get('personal-data')?.open === true;
    list.push(r.t('Personuppgiftsbiträdesavtal', 'Processor agreement') + (open ? r.t(' (om punkten Personuppgifter behövs)', ' (if the Personal data clause is needed)') : ''));
  }
  return list.map((x, i) => `${i + 1}. ${x}`);
}

const UNESCAPED_MISSING = { sv: /(?<!\\)\[UPPGIFT SAKNAS:/g, en: /(?<!\\)\[MISSING:/g };
const UNESCAPED_FILL = { sv: /(?<!\\)\[FYLL I[:\]]/g, en: /(?<!\\)\[FILL IN[:\]]/g };

function render(ctx: Ctx): string {
  const r = renderer(ctx);
  const listed = (ctx.input.agreement?.clauses ?? []) as readonly ClauseId[];
  const clauses = ORDER.filter((c) => c === 'parties' || ctx.needs.has(c) || listed.includes(c));
  const body: string[] = [];
  clauses.forEach((c, i) => {
    body.push(`## ${i + 1}. ${clauseHeading(c, ctx.locale)}`, ...clauseNotes(r, ctx.needs.get(c) ?? (c === 'parties' ? { clause: c, required: true, open: false, openFacts: [], rules: [] } : undefined)), ...SECTIONS[c](r));
  });
  const att = attachments(r, clauses);
  if (att.length) body.push(`## ${r.t('Bilagor', 'Attachments')}`, att.join('\n'));
  body.push(`## ${r.t('Underskrifter', 'Signatures')}`, ...signatures(r));
  const text = body.join('\n\n');
  const nMissing = text.match(UNESCAPED_MISSING[ctx.locale])?.length ?? 0;
  const nFill = text.match(UNESCAPED_FILL[ctx.locale])?.length ?? 0;
  const title = r.input.partnership?.title?.trim() ? md(r.input.partnership.title) : r.missingFact('partnership.title');
  const head = [
    `# ${r.t('Överenskommelse om idéburet offentligt partnerskap', 'Agreement on an idea-driven public partnership')}`,
    `**${title}**`,
    [
      `> **${r.t('Utkast', 'Draft')}** ${r.t('från iop-rules enligt', 'from iop-rules under')} *${ctx.set.title[ctx.locale]}* (${ctx.set.id}), ${r.t('per', 'as of')} ${ctx.asOf}.`,
      `> ${r.t('Rubrikerna är de punkter regeluppsättningen kräver eller rekommenderar i detta ärende, och de punkter som redan finns i ärendets överenskommelse.', "The headings are the clauses the rule set requires or recommends for this case, and the clauses already in the case's agreement.")}`,
      `> ${r.t(
        `Hakparenteser visar vad som återstår: UPPGIFT SAKNAS där ärendet saknar en uppgift (${nMissing} st.), FYLL I där handläggaren skriver texten (${nFill} st.).`,
        `Square brackets show what remains: MISSING where the case lacks a fact (${nMissing}), FILL IN where the case officer writes the text (${nFill}).`,
      )}`,
    ].join('\n'),
  ];
  return `${[...head, text].join('\n\n')}\n`;
}

/**
 * A Markdown draft of the överenskommelse for a case: a heading for every clause the rule set
 * requires (or recommends) for this case, filled from the case (parties with organisation
 * numbers, period, amounts, payment plan, goals and indicators), with `[UPPGIFT SAKNAS: …]` /
 * `[MISSING: …]` for each fact the case does not give and `[FYLL I: …]` / `[FILL IN: …]` where the
 * case officer writes the text. Synchronous; throws `IopInputError` on bad input or options.
 *
 * @example
 * const md = draftAgreement(caseJson, { asOf: '2025-03-01' });
 */
export function draftAgreement(input: unknown, options?: DraftOptions): string {
  const opts = resolveOptions(options);
  const parsed = parseCase(input);
  if (!opts.ok || !parsed.ok) {
    throw new IopInputError([...(opts.ok ? [] : opts.issues), ...(parsed.ok ? [] : parsed.error.issues)]);
  }
  const { asOf, locale, set } = opts.value;
  const facts = resolveFacts(parsed.value, asOf, (id, date) => {
    const p = set.parameters.get(id);
    if (!p) throw new Error(`iop-rules: derived fact reads unknown parameter ${id}`);
    const found = paramValueOn(p, date);
    return found === UNKNOWN ? UNKNOWN : found.value;
  });
  const needs = requiredClauses(set, facts, asOf);
  return render({ locale, asOf, input: parsed.value, facts, set, needs });
}
