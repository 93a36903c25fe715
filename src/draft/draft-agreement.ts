import type { Locale, Text } from '../_internal/text.js';
import { parseCase, resolveOptions } from '../assess.js';
import { PRIORITY_AREA_LABELS, type ClauseId, type IopCase } from '../domain/case.js';
import { IopInputError } from '../domain/input-error.js';
import { reportPeriods } from '../facts/derived/follow-up.js';
import { FACTS } from '../facts/registry.js';
import { resolveFacts, type FactResolver } from '../facts/resolve.js';
import { UNKNOWN, type FactValue, type Unknown } from '../facts/types.js';
import { escapeMarkdownInline } from '../format/escape.js';
import { paramValueOn, type RuleSet } from '../rules/rule-set.js';
import { formatSek, formatValue, valueLabel } from '../verdict/render.js';
import type { Verdict } from '../verdict/types.js';
import { contractIndicatorsIn } from './contract-indicators.js';
import { requiredClauses, type ClauseNeed } from './required-clauses.js';
import { verdictSync } from './verdict-sync.js';

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
  /**
   * Draft even when the verdict says the case may not be signed as an IOP (outcome `not-eligible`
   * or `incomplete`, or a recommended form other than `iop`). Without it `draftAgreement` throws
   * `IopDraftRefusedError`; with it the document is headed as not to be signed, with the reasons.
   */
  draftAnyway?: boolean;
}

/** Whether the verdict lets the draft be signed as an IOP (docs/decisions/0012-draft-reads-the-verdict.md). */
export function signableAsIop(v: Pick<Verdict, 'outcome' | 'recommendation'>): boolean {
  return (v.outcome === 'eligible' || v.outcome === 'conditional') && v.recommendation.form === 'iop';
}

/**
 * Thrown by `draftAgreement` when the verdict does not allow an IOP agreement to be signed and
 * `draftAnyway` is not set. `reasons` gives the verdict's outcome, form and the failing or open
 * blockers and majors, in the draft's locale; `verdict` is the verdict itself.
 */
export class IopDraftRefusedError extends Error {
  override readonly name = 'IopDraftRefusedError';
  constructor(
    readonly verdict: Verdict,
    readonly reasons: readonly string[],
  ) {
    super(reasons.join('\n'));
  }
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
  activities: ['Verksamhet och självständighet', 'Activities and independence'],
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
  changes: ['Ändringar, tillägg och överlåtelse', 'Changes, additions and transfer'],
  termination: ['Omförhandling och uppsägning', 'Renegotiation and termination'],
  disputes: ['Oenighet', 'Disagreements'],
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
  return escapeMarkdownInline(s.replace(/\s+/g, ' ').trim());
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
  readonly verdict: Verdict;
  readonly signable: boolean;
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
    // Test emptiness on the escaped text: a value of only invisible characters is missing.
    const shown = typeof v === 'string' ? md(v) : '';
    return shown !== '' ? shown : missingFact(id);
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
  /** A SEK parameter's value on asOf, or a placeholder. */
  const sekParam = (id: string): string => {
    const p = ctx.set.parameters.get(id);
    const found = p ? paramValueOn(p, ctx.asOf) : UNKNOWN;
    return found !== UNKNOWN && typeof found.value === 'number' ? formatSek(found.value, locale) : missing(id);
  };
  return { t, get, known, missing, fill, missingFact, str, sek, dateOf, note, sekParam, input, locale, ctx };
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
      `- **${cityName(r)}**, ${r.t('genom', 'acting through')} ${r.fill(r.t('nämnd', 'board'))}, ${r.t('enligt nämndens beslut', "under the board's decision")} ${r.fill(r.t('datum och paragraf, eller delegationsbeslut', 'date and section, or delegation decision'))}, ${r.t('nedan kallad staden, och', 'hereinafter the city, and')}`,
      `- **${r.str('organisation.name')}**, ${r.t('organisationsnummer', 'organisation number')} ${orgNo}, ${form}, ${r.t('nedan kallad organisationen.', 'hereinafter the organisation.')}`,
    ].join('\n'),
    `${r.t('Parterna utser var sin kontaktperson och leder partnerskapet i en gemensam styrgrupp, där båda parter har samma inflytande. Kontaktpersoner och styrgruppens sammansättning:', 'Each party appoints a contact person, and the parties lead the partnership in a joint steering group in which both parties have the same say. Contact persons and members of the steering group:')} ${r.fill(r.t('namn och roller', 'names and roles'))}.`,
  ];
}

function background(r: R): string[] {
  const p = r.input.partnership ?? {};
  const area = p.area ? valueLabel(p.area, r.locale) : r.missingFact('partnership.area');
  const s: string[] = [`${r.t('Partnerskapet', 'The partnership')} *${r.str('partnership.title')}* ${r.t('gäller verksamhetsområdet', 'concerns the area of')} ${area}.`];
  // The board's wording for a known id (never the machine id), else the text as written.
  const areas = (p.priorityAreas ?? []).filter((a) => a.trim() !== '').map((a) => {
    const label = Object.hasOwn(PRIORITY_AREA_LABELS, a.trim()) ? PRIORITY_AREA_LABELS[a.trim()] : undefined;
    return label ? label[r.locale] : md(a);
  });
  if (areas.length) s.push(`${r.t(areas.length > 1 ? 'Det avser nämndens prioriterade områden:' : 'Det avser nämndens prioriterade område', "It addresses the board's priority area" + (areas.length > 1 ? 's:' : ''))} ${areas.join('; ')}.`);
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
    `${r.t('Överenskommelsen bygger på initiativet till partnerskapet, en beskrivning av organisationen, organisationens budget för verksamheten och', "The agreement rests on the initiative for the partnership, a description of the organisation, the organisation's budget for the activity and")} ${report}.`,
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
  if (plan === true) out.push(r.t('Organisationen bedriver verksamheten självständigt och ansvarar för dess innehåll enligt parternas gemensamma verksamhetsplan, som bifogas överenskommelsen. Parterna verkar gemensamt för målen under Syfte och mål.', "The organisation runs the activities independently and is responsible for their content under the parties' joint activity plan, which is attached to the agreement. The parties work together towards the goals under Purpose and goals."));
  else if (plan === false) out.push(`${r.t('Organisationen bedriver verksamheten självständigt och ansvarar för dess innehåll. Parterna verkar gemensamt för målen under Syfte och mål. Det finns ännu ingen gemensam verksamhetsplan; verksamhet, målgrupp och aktiviteter:', 'The organisation runs the activities independently and is responsible for their content. The parties work together towards the goals under Purpose and goals. There is no joint activity plan yet; activities, target group and events:')} ${r.fill()}.`);
  else out.push(`${r.t('Organisationen bedriver verksamheten självständigt och ansvarar för dess innehåll. Parterna verkar gemensamt för målen under Syfte och mål. Gemensam verksamhetsplan:', 'The organisation runs the activities independently and is responsible for their content. The parties work together towards the goals under Purpose and goals. Joint activity plan:')} ${r.missingFact('partnership.activityPlan')}.`);
  const basis = r.get('partnership.methodBasis');
  if (basis === 'evidence-based') out.push(r.t('Arbetssätten är evidensbaserade.', 'The methods are evidence-based.'));
  else if (basis === 'proven-experience') out.push(r.t('Arbetssätten vilar på beprövad erfarenhet.', 'The methods rest on proven experience.'));
  else if (basis === 'none') out.push(r.t('Enligt ärendet vilar arbetssätten varken på evidens eller på beprövad erfarenhet.', 'According to the case, the methods rest neither on evidence nor on proven experience.'));
  else out.push(`${r.t('Arbetssättens grund:', 'Basis of the methods:')} ${r.missingFact('partnership.methodBasis')}.`);
  const sections = [
    out.join(' '),
    [
      `- ${r.t('Organisationens insatser i partnerskapet:', "The organisation's part in the partnership:")} ${r.fill(r.t('vad organisationen gör inom verksamhetsplanen', 'what the organisation does within the activity plan'))}.`,
      `- ${r.t('Stadens insatser utöver finansieringen:', "The city's part besides the funding:")} ${r.fill(r.t('till exempel kunskap, nätverk, lokaler', 'for example knowledge, networks, premises'))}.`,
    ].join('\n'),
    r.t(
      'Organisationen är självständig i förhållande till staden. Staden styr inte verksamheten i detalj, och organisationen behåller sin rätt att som opinionsbildare framföra synpunkter och kritik, också mot staden. Partnerskapet ger ingen av parterna rätt att kräva en viss prestation av den andra; följderna av att villkoren inte följs är de som anges under Finansiering, Återbetalning och Omförhandling och uppsägning.',
      "The organisation is independent of the city. The city does not steer the activities in detail, and the organisation keeps its right to voice opinions and criticism as an opinion-former, also of the city. The partnership gives neither party a right to demand a given performance of the other; the consequences of the conditions not being met are those set out under Financing, Repayment and Renegotiation and termination.",
    ),
  ];
  const democracy = r.get('organisation.democracyConditionMet');
  sections.push(r.t(
    'Stödet förutsätter att organisationen och de som företräder den respekterar demokratins idéer, inklusive jämställdhet och förbud mot diskriminering, och inte utövar våld, tvång eller hot eller bryter mot lagar och regler som skyddar dessa idéer (stadens demokrativillkor).',
    "The support presupposes that the organisation and those who represent it respect the ideas of democracy, including gender equality and the prohibition of discrimination, and do not use violence, coercion or threats or break laws that protect these ideas (the city's democracy condition).",
  ) + (democracy === UNKNOWN ? ` ${r.t('Prövat i ärendet:', 'Checked in the case:')} ${r.missingFact('organisation.democracyConditionMet')}.` : ''));
  if (r.input.partnership?.area === 'social-services') {
    sections.push(`${r.t('Möter organisationen i verksamheten enskilda som får insatser från socialtjänsten, kommer parterna överens om hur uppgifter om deras personliga förhållanden skyddas:', 'If the organisation meets individuals who receive social-services support, the parties agree on how information on their personal circumstances is protected:')} ${r.fill()}. ${r.t('Partnerskapet omfattar inte insatser enligt socialtjänstlagen; sådana kan inte lämnas över genom en överenskommelse om IOP. Uppgifter om enskilda lämnas från staden till organisationen bara med den enskildes samtycke.', 'The partnership does not cover support under the Social Services Act; such support cannot be handed over through an IOP agreement. Information on individuals is passed from the city to the organisation only with the individual’s consent.')}`);
  }
  // Stockholm's culture grants above 400 000 kr ask for an account of the work against threats,
  // violence, abuse and sexual harassment (docs/decisions/0013-draft-grant-type-wording.md).
  const cityFunding = r.get('partnership.cityContribution.fundingSek');
  if (r.input.partnership?.area === 'culture' && typeof cityFunding === 'number' && cityFunding > 400000) {
    sections.push(r.t(
      'Organisationen beskriver i verksamhetsplanen hur den förebygger och hanterar hot, våld, kränkningar och sexuella trakasserier i verksamheten.',
      'The organisation describes in the activity plan how it prevents and handles threats, violence, abuse and sexual harassment in the activities.',
    ));
  }
  const children = r.get('partnership.reachesChildren');
  if (children === true) {
    sections.push(r.t(
      'Verksamheten riktar sig till barn. Organisationen begär ett begränsat registerutdrag ur belastningsregistret (lag (2013:852) om registerkontroll av personer som arbetar med barn) av den som ska ha direkt och regelbunden kontakt med barn i verksamheten, innan uppdraget påbörjas.',
      'The activities are aimed at children. The organisation asks for a limited extract from the criminal records register (Act (2013:852) on register checks of persons who work with children) from anyone who will have direct and regular contact with children in the activities, before they start.',
    ));
  } else if (children === UNKNOWN) {
    sections.push(r.note(
      `Det är inte känt om verksamheten riktar sig till barn. Gör den det: ta in att organisationen begär begränsat registerutdrag (lag (2013:852)) för ledare med direkt och regelbunden kontakt med barn.`,
      `It is not known whether the activities are aimed at children. If they are: add that the organisation asks for a limited register extract (Act (2013:852)) for leaders in direct and regular contact with children.`,
    ));
  }
  return sections;
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
  const out = [`${r.t('Staden bidrar med', 'The city contributes')}:`, city.join('\n'), `${r.t('Organisationen bidrar med', 'The organisation contributes')}:`, org.join('\n')];
  // The valued own contribution (docs/decisions/0016-own-contribution-valued.md).
  const value = r.get('partnership.organisationContributionValueSek');
  const share = r.get('partnership.ownContributionShare');
  if (typeof value === 'number') {
    out.push(`${r.t('Organisationens insats värderas till', "The organisation's contribution is valued at")} ${formatSek(value, r.locale)}${typeof share === 'number' ? ` (${formatValue(share, 'ratio', r.locale)} ${r.t('av stadens medel', "of the city's funding")})` : ''}, ${r.t('med ideella timmar värderade till', 'with volunteer hours valued at')} ${r.sekParam('partnership.volunteerHourValueSek')} ${r.t('per timme', 'per hour')}.`);
  }
  if (r.get('partnership.ownContributionSufficient') === false) {
    out.push(r.note(
      'Organisationens egen insats är symbolisk i förhållande till stadens medel. I ett IOP finansierar båda parter verksamheten; dokumentera varför partnerskapet ändå är samfinansierat, eller pröva en annan form.',
      "The organisation's own contribution is a token compared with the city's funding. In an IOP both parties finance the activity; document why the partnership is still co-financed, or consider another form.",
    ));
  }
  return out;
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
    out.push([`| ${r.t('Nr', 'No.')} | ${r.t('Utbetalningsdag, tidigast', 'Payment date, at the earliest')} | ${r.t('Belopp', 'Amount')} |`, '|---:|---|---:|', ...rows, `| | **${r.t('Summa', 'Total')}** | ${totalText} |`].join('\n'));
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
    if (r.get('agreement.paymentsAfterSigning') === false) {
      out.push(r.note('Minst en utbetalning ligger före den dag överenskommelsen undertecknas. Inga medel får betalas ut innan överenskommelsen är undertecknad.', 'At least one payment falls before the day the agreement is signed. No funds may be paid before the agreement is signed.'));
    }
    if (r.get('agreement.paymentsFollowReports') === false) {
      out.push(r.note('Minst en utbetalning efter den första ligger före sista dagen för redovisningen av en tidigare period enligt ärendets rapportplan. Flytta utbetalningen till efter att redovisningen ska lämnas.', "At least one payment after the first falls before the due date of the report on an earlier period in the case's report plan. Move the payment to after the report is due."));
    }
  }
  out.push(r.t(
    'Ingen utbetalning görs innan överenskommelsen har undertecknats av båda parter. Varje utbetalning efter den första görs först när organisationens redovisning för föregående period enligt Uppföljning har kommit in och staden har godkänt den. Godkännandet avser att redovisningen är fullständig och att medlen har använts för verksamheten; att ett målvärde inte nås är inte skäl att hålla inne eller kräva tillbaka medel. Organisationen redovisar medlen skilt från sin övriga ekonomi (särredovisning).',
    "No payment is made before both parties have signed the agreement. Each payment after the first is made only when the organisation's report on the preceding period under Follow-up has come in and the city has approved it. The approval concerns whether the report is complete and the funds were used for the activity; a target that is not reached is no reason to withhold or reclaim funds. The organisation accounts for the funds separately from its other finances.",
  ));
  out.push(...deMinimisNotice(r));
  if (multiYear(r)) {
    out.push(r.t(
      'Utbetalningar för senare budgetår än det första förutsätter att nämnden tilldelas medel för ändamålet i stadens budget för det året. Tilldelas inga medel får var och en av parterna säga upp överenskommelsen att upphöra vid det årets början, utan uppsägningstid och utan krav på ersättning.',
      "Payments for budget years after the first presuppose that the board is allocated funds for the purpose in the city's budget for that year. If no funds are allocated, either party may terminate the agreement with effect from the start of that year, without notice and without claims for compensation.",
    ));
  }
  out.push(`${r.t('Samhällsvinster och kostnadseffektivitet:', 'Gains to society and cost-effectiveness:')} ${r.fill(r.t('kort analys av vad partnerskapet väntas ge i förhållande till kostnaden', 'a short analysis of what the partnership is expected to achieve for its cost'))}.`);
  return out;
}

/** The agreement period (the agreement's own dates, else the partnership's), or undefined when a date is unknown. */
function periodDates(r: R): { start: string; end: string } | undefined {
  const pick = (a: string, p: string): string | undefined => {
    const av = r.get(a);
    if (typeof av === 'string') return av;
    const pv = r.get(p);
    return typeof pv === 'string' ? pv : undefined;
  };
  const start = pick('agreement.period.start', 'partnership.period.start');
  const end = pick('agreement.period.end', 'partnership.period.end');
  return start && end && start <= end ? { start, end } : undefined;
}

/**
 * The written de minimis notice (Regulation 1407/2013 art. 6.1; from 2024-01-01 Regulation
 * 2023/2831): the amount, its de minimis character with a reference to the regulation, and the
 * organisation's declaration of other de minimis aid. Only when the case's route is `de-minimis`.
 */
function deMinimisNotice(r: R): string[] {
  if (r.get('partnership.stateAid.route') !== 'de-minimis') return [];
  const granted = r.get('partnership.stateAid.grantedOn');
  const day = typeof granted === 'string' ? granted : r.ctx.asOf;
  const [reg, period] = day >= '2024-01-01'
    ? [r.t('kommissionens förordning (EU) 2023/2831', 'Commission Regulation (EU) 2023/2831'), r.t('de senaste tre åren', 'the last three years')]
    : [r.t('kommissionens förordning (EU) nr 1407/2013', 'Commission Regulation (EU) No 1407/2013'), r.t('de två föregående beskattningsåren och det pågående beskattningsåret', 'the two previous fiscal years and the current fiscal year')];
  return [
    `${r.t('Stödet är stöd av mindre betydelse enligt', 'The support is de minimis aid under')} ${reg}. ${r.t('Stödets belopp är', 'The amount of the aid is')} ${r.sek('partnership.cityContribution.fundingSek')} (${r.t('bruttobidragsekvivalent', 'gross grant equivalent')}). ${r.t('Organisationen har före beslutet skriftligen uppgett vilket annat stöd av mindre betydelse den har fått under', 'Before the decision, the organisation declared in writing which other de minimis aid it has received during')} ${period}.`,
  ];
}

/** The period spans more than one calendar (budget) year; unknown periods count as multi-year (the sentence is harmless). */
function multiYear(r: R): boolean {
  const p = periodDates(r);
  return !p || p.start.slice(0, 4) !== p.end.slice(0, 4);
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
      'Parterna följer gemensamt upp partnerskapet mot målen och indikatorerna under Syfte och mål, utvärderar det tillsammans och fattar gemensamma beslut om hur arbetet ska utvecklas.',
      'The parties jointly follow up the partnership against the goals and indicators under Purpose and goals, evaluate it together and take joint decisions on how the work is to develop.',
    ),
  ];
  const goals = r.input.partnership?.goals ?? [];
  const indicators = goals.map((g) => g.indicator?.trim()).filter((x): x is string => !!x).map(md);
  if (indicators.length) out.push(`${r.t('Gemensamma indikatorer:', 'Shared indicators:')} ${indicators.join('; ')}.`);
  out.push(r.t(
    'Organisationen redovisar varje period nedan för sig, och hela avtalsperioden i en slutredovisning. En redovisning innehåller en verksamhetsberättelse med utfallet för indikatorerna, en ekonomisk redovisning av hur medlen har använts och hur mycket som inte har använts, granskad av organisationens revisor, samt organisationens årsredovisning eller årsbokslut när den finns. Redovisningarna innehåller inga personuppgifter om deltagarna.',
    "The organisation reports on each period below separately, and on the whole agreement period in a final report. A report contains an activity report with the results for the indicators, a financial account of how the funds have been used and how much has not been used, reviewed by the organisation's auditor, and the organisation's annual report or annual accounts when available. The reports contain no personal data on the participants.",
  ));
  const schedule = reportSchedule(r);
  if (schedule) out.push(schedule);
  else out.push(`${r.t('Redovisningsperioder:', 'Reporting periods:')} ${r.missing(r.t('avtalsperiodens start och slut', 'the start and end of the agreement period'))}.`);
  out.push(r.t(
    'Staden har rätt att ta del av organisationens räkenskaper och underlag som rör medlen i partnerskapet.',
    "The city has the right to see the organisation's accounts and records concerning the funds of the partnership.",
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
function reportSchedule(r: R): string | undefined {
  const p = periodDates(r);
  if (!p) return undefined;
  const periods = reportPeriods(p.start, p.end);
  const register = r.input.followUp?.reports ?? [];
  const dueFor = (from: string, to: string): string =>
    register.find((x) => x.periodStart === from && x.periodEnd === to && typeof x.dueOn === 'string')?.dueOn ?? r.fill(r.t('datum', 'date'));
  const rows = periods.map(([from, to], i) => {
    const last = i === periods.length - 1;
    const kind = last ? (periods.length > 1 ? r.t('redovisning och slutredovisning', 'report and final report') : r.t('slutredovisning', 'final report')) : r.t('redovisning', 'report');
    return `| ${i + 1} | ${kind} | ${from} – ${to}${last && periods.length > 1 ? r.t(` (slutredovisningen: ${p.start} – ${to})`, ` (final report: ${p.start} – ${to})`) : ''} | ${dueFor(from, to)} |`;
  });
  return [`| ${r.t('Nr', 'No.')} | ${r.t('Redovisning', 'Report')} | ${r.t('Period', 'Period')} | ${r.t('Lämnas senast', 'Due by')} |`, '|---:|---|---|---|', ...rows].join('\n');
}

function repayment(r: R): string[] {
  const out = [
    `${r.t(
      'Om verksamheten inte bedrivs enligt överenskommelsen, helt eller delvis, betalar organisationen tillbaka de medel som inte har använts för verksamheten. Medel som återstår när överenskommelsen upphör betalas tillbaka, om inte nämnden har beslutat att organisationen får behålla dem. Staden får kräva tillbaka medel som har använts i strid med överenskommelsen eller betalats ut på grund av felaktiga eller ofullständiga uppgifter från organisationen. Återbetalning sker inom',
      'If the activities are not run in accordance with the agreement, in whole or in part, the organisation repays the funds not used for the activities. Funds remaining when the agreement ends are repaid, unless the board has decided that the organisation may keep them. The city may reclaim funds used contrary to the agreement or paid on the basis of incorrect or incomplete information from the organisation. Repayment is made within',
    )} ${r.fill(r.t('antal', 'number of'))} ${r.t('dagar från stadens skriftliga begäran.', "days of the city's written request.")}`,
    r.t(
      'Så länge en redovisning saknas eller en återbetalning inte har gjorts får staden skjuta upp kommande utbetalningar och avräkna det som ska betalas tillbaka mot dem.',
      'While a report is missing or a repayment has not been made, the city may withhold later payments and set off the amount to be repaid against them.',
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
  const forCity = r.get('partnership.handlesPersonalDataForCity');
  const law = processorLaw(r);
  if (forCity === true) {
    return [r.t(
      `Organisationen behandlar personuppgifter för stadens räkning. Staden är personuppgiftsansvarig och organisationen personuppgiftsbiträde. Parterna ingår ett personuppgiftsbiträdesavtal enligt ${law.sv}, som bifogas överenskommelsen.`,
      `The organisation processes personal data on the city's behalf. The city is the controller and the organisation the processor. The parties enter into a processor agreement under ${law.en}, which is attached to the agreement.`,
    ),
    r.note(
      'Att organisationen behandlar personuppgifter för stadens räkning och på stadens instruktioner tyder på att den utför en uppgift åt staden. Bekräfta att partnerskapet ändå inte är ett offentligt kontrakt (upphandlingsreglerna) och att rollerna stämmer med hur uppgifterna faktiskt behandlas.',
      "That the organisation processes personal data on the city's behalf and on its instructions suggests that it performs a task for the city. Confirm that the partnership is still not a public contract (the procurement rules) and that the roles match how the data is actually processed.",
    )];
  }
  if (forCity === false) {
    return [r.t(
      'Organisationen behandlar inte personuppgifter för stadens räkning. Var och en av parterna är personuppgiftsansvarig för de personuppgifter den själv behandlar; organisationen för uppgifter om sina deltagare, medlemmar och ideella ledare. Redovisningar och annat underlag som organisationen lämnar till staden innehåller inga personuppgifter om deltagarna.',
      'The organisation does not process personal data on the city\'s behalf. Each party is the controller of the personal data it processes itself; the organisation of the data on its participants, members and volunteer leaders. Reports and other material the organisation gives the city contain no personal data on the participants.',
    )];
  }
  return [
    `${r.t('Vem som är personuppgiftsansvarig:', 'Who is the controller:')} ${r.missingFact('partnership.handlesPersonalDataForCity')}.`,
    r.note(
      `Ta ställning till rollerna innan överenskommelsen undertecknas. Behandlar organisationen personuppgifter för stadens räkning är den personuppgiftsbiträde och parterna ska ingå ett personuppgiftsbiträdesavtal enligt ${law.sv}. Annars är var och en av parterna personuppgiftsansvarig för sin egen behandling, och redovisningarna till staden ska inte innehålla personuppgifter.`,
      `Settle the roles before the agreement is signed. If the organisation processes personal data on the city's behalf it is a processor and the parties must enter into a processor agreement under ${law.en}. Otherwise each party is the controller of its own processing, and the reports to the city should contain no personal data.`,
    ),
  ];
}

/** The law on processor agreements on the day the agreement is signed (or asOf): 30 § PUL up to 2018-05-24, art. 28 GDPR from 2018-05-25. */
function processorLaw(r: R): Text {
  const signed = r.get('agreement.signedOn');
  const day = typeof signed === 'string' ? signed : r.ctx.asOf;
  return day < '2018-05-25'
    ? { sv: '30 § personuppgiftslagen (1998:204)', en: 'section 30 of the Personal Data Act (1998:204)' }
    : { sv: 'artikel 28 i dataskyddsförordningen (EU) 2016/679', en: 'Article 28 of the General Data Protection Regulation (EU) 2016/679' };
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
    `${r.t('Staden anförtror organisationen en tjänst av allmänt ekonomiskt intresse.', 'The city entrusts the organisation with a service of general economic interest.')} ${basis} ${r.t('Uppdraget bör ange:', 'The entrustment should state:')}`,
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
  const out = [`${r.t('Organisationen har de försäkringar som verksamheten behöver:', 'The organisation holds the insurance the activities need:')} ${r.fill(r.t('vilka försäkringar', 'which insurance'))}.`];
  if (r.get('partnership.reachesChildren') === true || r.input.partnership?.area === 'sports') {
    out.push(r.t('För verksamhet med barn eller fysisk aktivitet rekommenderas ansvarsförsäkring och olycksfallsförsäkring för deltagarna.', 'For activities with children or physical activity, liability insurance and accident insurance for the participants are recommended.'));
  }
  return out;
}

function communication(r: R): string[] {
  return [`${r.t('Parterna kommer överens om hur partnerskapet beskrivs utåt och hur parternas namn och logotyper används:', "The parties agree on how the partnership is presented and how the parties' names and logos are used:")} ${r.fill()}.`];
}

function changes(r: R): string[] {
  return [r.t('Ändringar och tillägg till överenskommelsen görs skriftligen och undertecknas av båda parter. Överenskommelsen får inte överlåtas.', 'Changes and additions to the agreement are made in writing and signed by both parties. The agreement may not be transferred.')];
}

function termination(r: R): string[] {
  return [
    `${r.t('Om förutsättningarna för partnerskapet ändras väsentligt kan vardera parten begära att överenskommelsen omförhandlas. Vardera parten får säga upp överenskommelsen med en uppsägningstid på', 'If the conditions of the partnership change significantly, either party may ask for the agreement to be renegotiated. Either party may terminate the agreement with a notice period of')} ${noticeText(r)}.`,
    r.t(
      'Staden får säga upp överenskommelsen med omedelbar verkan om organisationen inte längre uppfyller förutsättningarna för stödet (till exempel om den försätts i konkurs eller likvidation, inte uppfyller demokrativillkoret eller inte redovisar enligt Uppföljning), eller om en domstol eller myndighet finner att överenskommelsen är ett offentligt kontrakt eller att stödet är olagligt statsstöd.',
      'The city may terminate the agreement with immediate effect if the organisation no longer meets the conditions for the support (for example if it is declared bankrupt or goes into liquidation, does not meet the democracy condition or does not report under Follow-up), or if a court or authority finds that the agreement is a public contract or that the support is unlawful state aid.',
    ),
    r.t(
      'När överenskommelsen upphör görs inga fler utbetalningar, och medel som avser tiden efter att den upphört betalas tillbaka enligt Återbetalning. Utöver detta har ingen av parterna några anspråk på den andra med anledning av att överenskommelsen upphör.',
      'When the agreement ends no further payments are made, and funds relating to the time after it ends are repaid under Repayment. Beyond this, neither party has any claim on the other because the agreement ends.',
    ),
  ];
}

function disputes(r: R): string[] {
  return [r.t(
    'Frågor om hur överenskommelsen ska tolkas eller tillämpas tas upp i dialog i den gemensamma styrgruppen. Enas parterna inte där, förs frågan vidare till parternas ledningar: för staden förvaltningens ledning, för organisationen dess styrelse. Leder inte heller det till enighet kan vardera parten säga upp överenskommelsen enligt Omförhandling och uppsägning.',
    "Questions on how the agreement is to be interpreted or applied are raised in dialogue in the joint steering group. If the parties do not agree there, the question is taken to the parties' leadership: for the city the administration's management, for the organisation its board. If that does not lead to agreement either, either party may terminate the agreement under Renegotiation and termination.",
  )];
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
    r.t('Överenskommelsen har upprättats i två likalydande exemplar, av vilka parterna har tagit var sitt. Den som undertecknar för organisationen är firmatecknare enligt registreringsbevis eller styrelsebeslut; den som undertecknar för staden har behörighet enligt nämndens delegationsordning.', 'The agreement has been drawn up in two identical copies, of which each party has taken one. The signatory for the organisation is an authorised signatory under its registration certificate or a board decision; the signatory for the city is authorised under the board\'s delegation rules.'),
    [
      `| | ${r.t('För staden', 'For the city')} | ${r.t('För organisationen', 'For the organisation')} |`,
      '|---|---|---|',
      `| ${r.t('Ort och datum', 'Place and date')} | ${d} | ${d} |`,
      `| ${r.t('Underskrift', 'Signature')} | | |`,
      `| ${r.t('Namnförtydligande', 'Name in print')} | | |`,
      `| ${r.t('Befattning och behörighet', 'Position and authority')} | | |`,
    ].join('\n'),
  ];
}

function attachments(r: R, clauses: readonly ClauseId[]): string[] {
  const list: string[] = [];
  if (clauses.includes('activities') && r.get('partnership.activityPlan') === true) list.push(r.t('Gemensam verksamhetsplan', 'Joint activity plan'));
  // A processor agreement is attached only when the organisation is a processor (or may be one).
  const forCity = r.get('partnership.handlesPersonalDataForCity');
  if (clauses.includes('personal-data') && forCity !== false) {
    const open = forCity === UNKNOWN || r.ctx.needs.get('personal-data')?.open === true;
    list.push(r.t('Personuppgiftsbiträdesavtal', 'Processor agreement') + (open ? r.t(' (om organisationen behandlar personuppgifter för stadens räkning)', " (if the organisation processes personal data on the city's behalf)") : ''));
  }
  return list.map((x, i) => `${i + 1}. ${x}`);
}

const UNESCAPED_MISSING = { sv: /(?<!\\)\[UPPGIFT SAKNAS:/g, en: /(?<!\\)\[MISSING:/g };
const UNESCAPED_FILL = { sv: /(?<!\\)\[FYLL I[:\]]/g, en: /(?<!\\)\[FILL IN[:\]]/g };

const OUTCOME: Record<Verdict['outcome'], Text> = {
  eligible: { sv: 'uppfyller villkoren', en: 'eligible' },
  conditional: { sv: 'villkorat – kräver dokumenterad bedömning', en: 'conditional – needs a documented assessment' },
  incomplete: { sv: 'ofullständigt underlag', en: 'incomplete information' },
  'not-eligible': { sv: 'uppfyller inte villkoren', en: 'not eligible' },
};
const FORM: Record<Verdict['recommendation']['form'], Text> = {
  iop: { sv: 'IOP', en: 'IOP' },
  procurement: { sv: 'upphandling', en: 'procurement' },
  grant: { sv: 'bidrag', en: 'grant' },
  undetermined: { sv: 'ej avgjord', en: 'undetermined' },
};

/** The blockers and majors that fail or are open, as `ID (severity, status): title` lines. */
function openGating(v: Verdict, locale: Locale): string[] {
  const sev: Record<string, Text> = { blocker: { sv: 'hinder', en: 'blocker' }, major: { sv: 'väsentligt', en: 'major' } };
  const st: Record<string, Text> = { fail: { sv: 'ej uppfyllt', en: 'fails' }, unknown: { sv: 'okänt', en: 'open' } };
  return v.findings
    .filter((f) => (f.severity === 'blocker' || f.severity === 'major') && (f.status === 'fail' || f.status === 'unknown'))
    .sort((a, b) => (a.severity === b.severity ? a.ruleId.localeCompare(b.ruleId) : a.severity === 'blocker' ? -1 : 1))
    .map((f) => `${f.ruleId} (${sev[f.severity]?.[locale] ?? f.severity}, ${st[f.status]?.[locale] ?? f.status}): ${f.title}`);
}

/** The verdict the draft rests on, for the preamble (and the refusal). */
export function verdictSummary(v: Verdict, locale: Locale): string[] {
  const t = (x: Text): string => x[locale];
  return [
    `${locale === 'sv' ? 'Bedömning' : 'Verdict'}: ${t(OUTCOME[v.outcome])}; ${locale === 'sv' ? 'rekommenderad form' : 'recommended form'}: ${t(FORM[v.recommendation.form])}.`,
    ...v.recommendation.reasons,
    ...openGating(v, locale),
  ];
}

function verdictBox(r: R, ctx: Ctx): string {
  const v = ctx.verdict;
  const lead = ctx.signable
    ? v.outcome === 'eligible'
      ? r.t('Ärendet uppfyller villkoren för IOP enligt regeluppsättningen.', 'The case meets the conditions for an IOP under the rule set.')
      : r.t('Innan överenskommelsen tecknas ska bedömningarna nedan dokumenteras i ärendet.', 'Before the agreement is signed, the assessments below must be documented in the case.')
    : r.t('Detta utkast får inte tecknas som en IOP. Att teckna det kan vara en otillåten direktupphandling. Utkastet är framtaget på begäran trots bedömningen.', 'This draft must not be signed as an IOP. Signing it may be an unlawful direct award. It was produced on request despite the verdict.');
  const [first, ...rest] = verdictSummary(v, ctx.locale);
  return [
    `> **${first ? md(first) : ''}** ${lead}`,
    ...rest.map((x) => `> - ${md(x)}`),
  ].join('\n');
}

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
  const shownTitle = md(r.input.partnership?.title ?? '');
  const title = shownTitle !== '' ? shownTitle : r.missingFact('partnership.title');
  const heading = ctx.signable
    ? r.t('Överenskommelse om idéburet offentligt partnerskap', 'Agreement on an idea-driven public partnership')
    : r.t('FÅR INTE TECKNAS SOM IOP – utkast till överenskommelse om idéburet offentligt partnerskap', 'NOT TO BE SIGNED AS AN IOP – draft agreement on an idea-driven public partnership');
  const flagged = contractIndicatorsIn(text);
  const head = [
    `# ${heading}`,
    `**${title}**`,
    [
      `> **${r.t('Utkast', 'Draft')}** ${r.t('från iop-rules enligt', 'from iop-rules under')} *${ctx.set.title[ctx.locale]}* (${ctx.set.id}), ${r.t('per', 'as of')} ${ctx.asOf}.`,
      `> ${r.t('Rubrikerna är de punkter regeluppsättningen kräver eller rekommenderar i detta ärende, och de punkter som redan finns i ärendets överenskommelse.', "The headings are the clauses the rule set requires or recommends for this case, and the clauses already in the case's agreement.")}`,
      `> ${r.t('Rutorna överst, anteckningarna i kursiv stil och alla Obs! tas bort innan överenskommelsen undertecknas.', 'The boxes at the top, the notes in italics and every note marked Note: are removed before the agreement is signed.')}`,
      `> ${r.t(
        `Hakparenteser visar vad som återstår: UPPGIFT SAKNAS där ärendet saknar en uppgift (${nMissing} st.), FYLL I där handläggaren skriver texten (${nFill} st.).`,
        `Square brackets show what remains: MISSING where the case lacks a fact (${nMissing}), FILL IN where the case officer writes the text (${nFill}).`,
      )}`,
    ].join('\n'),
    verdictBox(r, ctx),
    ...(flagged.length
      ? [r.note(
          `Texten innehåller formuleringar som tyder på ömsesidigt bindande åtaganden (${flagged.map((c) => c.why.sv).join('; ')}). Sådana formuleringar kan göra överenskommelsen till ett offentligt kontrakt; stryk dem innan överenskommelsen tecknas.`,
          `The text contains wording that points to mutually binding obligations (${flagged.map((c) => c.why.en).join('; ')}). Such wording can make the agreement a public contract; remove it before the agreement is signed.`,
        )]
      : []),
  ];
  return `${[...head, text].join('\n\n')}\n`;
}

/**
 * A Markdown draft of the överenskommelse for a case. It first reads the verdict (the same one
 * `assess` gives, computed synchronously: docs/decisions/0012-draft-reads-the-verdict.md) and puts
 * the outcome, the recommended form and every failing or open blocker and major in its preamble.
 * When the verdict does not let the case be signed as an IOP (outcome `not-eligible` or
 * `incomplete`, or a form other than `iop`) it throws `IopDraftRefusedError` with the reasons,
 * unless `draftAnyway` is set; the document is then headed "FÅR INTE TECKNAS SOM IOP".
 *
 * The draft has a heading for every clause the rule set
 * requires (or recommends) for this case, filled from the case (parties with organisation
 * numbers, period, amounts, payment plan, goals and indicators), with `[UPPGIFT SAKNAS: …]` /
 * `[MISSING: …]` for each fact the case does not give and `[FYLL I: …]` / `[FILL IN: …]` where the
 * case officer writes the text. Synchronous; throws `IopInputError` on bad input or options.
 * The wording is grant-type, not contract-type (no undertakings, sanctions, rescission or court
 * clause: src/draft/contract-indicators.ts).
 *
 * @example
 * const md = draftAgreement(caseJson, { asOf: '2025-03-01' });
 */
export function draftAgreement(input: unknown, options?: DraftOptions): string {
  const opts = resolveOptions(options);
  const parsed = parseCase(input);
  const anyway = (options as { draftAnyway?: unknown } | null | undefined)?.draftAnyway;
  const own = anyway === undefined || typeof anyway === 'boolean'
    ? []
    : [{ path: 'options.draftAnyway', code: 'invalid_option' as const, message: { sv: 'ska vara true eller false', en: 'must be true or false' } }];
  if (!opts.ok || !parsed.ok || own.length) {
    throw new IopInputError([...(opts.ok ? [] : opts.issues), ...own, ...(parsed.ok ? [] : parsed.error.issues)]);
  }
  const { asOf, locale, set } = opts.value;
  const facts = resolveFacts(parsed.value, asOf, (id, date) => {
    const p = set.parameters.get(id);
    if (!p) throw new Error(`iop-rules: derived fact reads unknown parameter ${id}`);
    const found = paramValueOn(p, date);
    return found === UNKNOWN ? UNKNOWN : found.value;
  });
  const needs = requiredClauses(set, facts, asOf);
  const verdict = verdictSync(set, facts, asOf, locale);
  const signable = signableAsIop(verdict);
  if (!signable && anyway !== true) {
    const intro = locale === 'sv'
      ? 'Ingen IOP-överenskommelse tas fram: enligt bedömningen får ärendet inte tecknas som en IOP. Ange draftAnyway (CLI: --draft-anyway) för ett utkast märkt FÅR INTE TECKNAS SOM IOP.'
      : 'No IOP agreement is drafted: under the verdict the case may not be signed as an IOP. Set draftAnyway (CLI: --draft-anyway) for a draft marked NOT TO BE SIGNED AS AN IOP.';
    throw new IopDraftRefusedError(verdict, [intro, ...verdictSummary(verdict, locale)]);
  }
  return render({ locale, asOf, input: parsed.value, facts, set, needs, verdict, signable });
}
