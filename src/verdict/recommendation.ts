import type { Locale, Text } from '../_internal/text.js';
import { UNKNOWN, type FactValue, type Unknown } from '../facts/types.js';
import type { Finding, Outcome, Recommendation } from './types.js';

/** Reads a fact's value for the case (UNKNOWN when it is not known). */
export type FactLookup = (id: string) => FactValue | Unknown;

/**
 * The facts that mark a contract rather than support (Upphandlingsmyndigheten's contract
 * indicators; LOU 1 kap. 15 §, C-451/08): a service the city specified, payment per delivered
 * unit, sanctions for non-performance, and the organisation processing personal data as the
 * city's processor, on its documented instructions under a binding contract (art. 4.8 and 28.3
 * GDPR; IOP-PROC-012, decision 0019). Any one of them that counts keeps the grant row away; the
 * procurement row reads the specified service with its binding terms (row 1).
 *
 * They count only when the city contributes money or resources (`partnership.cityContributes`,
 * the fact IOP-PROC-001 and IOP-PROC-012 read): a contract has financial terms, and without them
 * there is nothing to procure (1 kap. 15 § LOU; C-451/08). While that fact is unknown the
 * features neither point to procurement nor rule out the grant row (decision 0019 §8).
 */
const CONTRACT_FEATURES = [
  'partnership.serviceSpecifiedByCity',
  'partnership.paymentPerDeliveredUnit',
  'partnership.sanctionsForNonPerformance',
  'partnership.handlesPersonalDataForCity',
] as const;

/**
 * Which form of cooperation the case points to: `procurement`, `grant`, `iop` or
 * `undetermined`, with the reasons rendered in `locale`. The rows, top down, first that holds
 * (docs/decisions/0006-recommendation.md):
 *
 * 1. procurement: a procurement blocker fails (the arrangement is a public contract); or the
 *    city contributes money or resources and specified the service, and the organisation is
 *    bound to deliver it (sanctions for non-performance) or is paid per delivered unit: a
 *    contract's financial terms and binding obligations, whoever had the idea (1 kap. 15 § LOU;
 *    C-451/08; decision 0006 row 1c). Who took the initiative and how the partner was chosen
 *    are not part of that test: they give the objectivity note only;
 * 1b. undetermined: the organisation expects a profit on the activity. That rules out an IOP
 *    (a guideline criterion, not the law's) and raises state aid (economic activity); whether
 *    a grant with a state-aid check or a procurement fits depends on whether the city acquires
 *    a service, so the form is left to a documented assessment;
 * 2. grant: the activity is part of the organisation's general work that the standard
 *    association grant supports; or the support is for the organisation's own activity (its
 *    initiative, no shared need, no joint goal, no contract feature that counts or may count);
 * 3. iop: no blocker fails or is open (outcome eligible or conditional) and no procurement
 *    risk (a major rule of the procurement area) fails;
 * 4. undetermined: otherwise, with the rules that keep the form open.
 *
 * Only known facts count: an unknown fact never points to a form. `fact` reads facts from
 * the case; without it, the facts recorded in the findings are used.
 */
export function recommend(findings: readonly Finding[], outcome: Outcome, locale: Locale, fact?: FactLookup): Recommendation {
  const read = fact ?? lookupFromFindings(findings);
  const t = (text: Text): string => text[locale];
  const rendered = (f: Finding): string => `${f.ruleId}: ${f.explanation}`;
  // Contract features count only with financial terms; an unknown contribution leaves them open.
  const cityContributes = read('partnership.cityContributes');
  // A feature that counts, or may count (the contribution unknown), keeps the grant row away.
  const contractFeatureMayCount = cityContributes !== false && CONTRACT_FEATURES.some((id) => read(id) === true);
  const cityChosePartner = read('partnership.initiatedBy') === 'city' && read('partnership.dialogueOpenToOthers') === false;
  // A contract's terms: a service the city specified, which the organisation is bound to deliver
  // (sanctions) or is paid for per unit. The processor role is not counted on its own: the city
  // deciding the purposes and means of the processing is part of its specifying the service.
  const specifiedAndBound =
    cityContributes === true &&
    read('partnership.serviceSpecifiedByCity') === true &&
    (read('partnership.sanctionsForNonPerformance') === true || read('partnership.paymentPerDeliveredUnit') === true);

  // 1. Procurement.
  const procurement: string[] = findings
    .filter((f) => f.area === 'procurement' && f.severity === 'blocker' && f.status === 'fail')
    .map(rendered);
  if (specifiedAndBound) procurement.push(t(REASONS.specifiedAndBound));
  if (procurement.length) return { form: 'procurement', reasons: cityChosePartner ? [...procurement, t(REASONS.objectivity)] : procurement };

  // 1b. A profit on the activity: not an IOP, and which other form fits needs an assessment.
  const failing = findings.filter((f) => f.severity === 'blocker' && f.status === 'fail');
  const open = findings.filter((f) => f.severity === 'blocker' && f.status === 'unknown');
  // A failed rule is named with its explanation (what the facts are): its title states what
  // passing means, and read after "not met" it reads as the opposite of the facts. An open rule
  // is named with its title, the question still to answer.
  const withStatus = (f: Finding): string =>
    f.status === 'fail' ? `${f.ruleId} (${t(STATUS.fail)}): ${f.explanation}` : `${f.ruleId} (${t(STATUS.open)}): ${f.title}`;
  if (read('partnership.profitExpected') === true) {
    const reasons = [t(REASONS.profit), ...failing.map(withStatus)];
    if (cityChosePartner) reasons.push(t(REASONS.objectivity));
    return { form: 'undetermined', reasons };
  }

  // 2. Grant.
  if (read('partnership.partOfStandardGrant') === true) {
    return { form: 'grant', reasons: [t(REASONS.standardGrant)] };
  }
  if (
    read('partnership.initiatedBy') === 'organisation' &&
    read('partnership.sharedNeed') === false &&
    read('partnership.jointGoal') === false &&
    !contractFeatureMayCount
  ) {
    return { form: 'grant', reasons: [t(REASONS.ownActivity)] };
  }

  // 3. IOP, unless a procurement risk fails.
  const procurementRisks = findings.filter((f) => f.area === 'procurement' && f.severity === 'major' && f.status === 'fail');
  if ((outcome === 'eligible' || outcome === 'conditional') && procurementRisks.length === 0) {
    const reasons = [t(REASONS.noBlocker)];
    // Follow-up points concern an agreement already running: they ask for action and a record,
    // not an assessment "before signing".
    const openMajors = findings.filter((f) => f.severity === 'major' && (f.status === 'fail' || f.status === 'unknown'));
    const open = openMajors.filter((f) => f.area !== 'follow-up').map((f) => f.ruleId);
    const openFollowUp = openMajors.filter((f) => f.area === 'follow-up').map((f) => f.ruleId);
    if (open.length) reasons.push(`${t(REASONS.majorsOpen)} ${open.join(', ')}.`);
    if (openFollowUp.length) reasons.push(`${t(REASONS.followUpOpen)} ${openFollowUp.join(', ')}.`);
    if (cityChosePartner) reasons.push(t(REASONS.objectivity));
    return { form: 'iop', reasons };
  }

  // 4. Undetermined.
  const reasons: string[] = [t(failing.length ? REASONS.blocked : open.length ? REASONS.open : REASONS.procurementRisk)];
  for (const f of [...failing, ...open, ...procurementRisks]) reasons.push(withStatus(f));
  if (cityChosePartner) reasons.push(t(REASONS.objectivity));
  for (const [id, text] of SIGNALS) if (read(id) === UNKNOWN) reasons.push(t(text));
  return { form: 'undetermined', reasons };
}

/** The facts as the findings recorded them: the fallback when no fact lookup is given. */
function lookupFromFindings(findings: readonly Finding[]): FactLookup {
  const known = new Map<string, FactValue>();
  for (const f of findings) for (const use of f.facts) if (use.known && use.value !== null) known.set(use.id, use.value);
  return (id) => known.get(id) ?? UNKNOWN;
}

const REASONS = {
  profit: {
    sv: 'Organisationen förväntas gå med vinst på verksamheten. Det utesluter ett IOP (ett kriterium i kommunala riktlinjer för IOP, inte i lagen) och gör verksamheten ekonomisk, så att statsstödsreglerna behöver prövas. Om rätt form då är ett bidrag (med statsstödsprövning) eller en upphandling beror på om kommunen köper en tjänst: bedöm och dokumentera det.',
    en: 'The organisation is expected to make a profit on the activity. That rules out an IOP (a criterion of municipal IOP guidelines, not of the law) and makes the activity economic, so the state-aid rules need to be checked. Whether the right form is then a grant (with a state-aid check) or a procurement depends on whether the municipality buys a service: assess and document it.',
  },
  specifiedAndBound: {
    sv: 'Kommunen bidrar med pengar eller resurser, har specificerat tjänsten, och organisationen är bunden att leverera den (sanktioner) eller får betalt per levererad enhet. Det är villkoren i ett kontrakt, oavsett vem som tog initiativet (1 kap. 15 § LOU; EU-domstolen C-451/08): upphandla.',
    en: 'The municipality contributes money or resources, has specified the service, and the organisation is bound to deliver it (sanctions) or is paid per delivered unit. Those are a contract’s terms, whoever took the initiative (ch. 1 s. 15 LOU; CJEU C-451/08): procure.',
  },
  standardGrant: {
    sv: 'Verksamheten hör till organisationens allmänna verksamhet som det normerade föreningsbidraget stöder. Då är ett bidrag (verksamhetsstöd) rätt form, inte ett IOP.',
    en: 'The activity is part of the organisation’s general work that the standard association grant supports. A grant (operating support) is then the right form, not an IOP.',
  },
  ownActivity: {
    sv: 'Organisationen söker stöd till sin egen verksamhet: initiativet är dess eget, och det finns varken ett gemensamt behov eller ett gemensamt mål. Det talar för ett bidrag, inte ett IOP (Upphandlingsmyndighetens indikatorer för bidrag).',
    en: 'The organisation seeks support for its own activity: the initiative is its own, and there is neither a shared need nor a joint goal. That points to a grant, not an IOP (Upphandlingsmyndigheten’s grant indicators).',
  },
  noBlocker: {
    sv: 'Inget hinder för ett IOP: ingen blockerande regel i kraft är ouppfylld eller öppen.',
    en: 'No obstacle to an IOP: no blocking rule in force fails or is open.',
  },
  majorsOpen: {
    sv: 'Dessa väsentliga punkter behöver en dokumenterad bedömning före undertecknandet:',
    en: 'These major points need a documented assessment before signing:',
  },
  followUpOpen: {
    sv: 'Dessa väsentliga punkter i uppföljningen av överenskommelsen behöver åtgärdas, och nämndens bedömning dokumenteras:',
    en: 'These major points in the follow-up of the agreement need action, and the board’s assessment recorded:',
  },
  objectivity: {
    sv: 'Kommunen tog initiativet och valde partnern utan en dialog som var öppen för andra. Det gör inte upplägget till en upphandling, men dokumentera varför just denna organisation valdes (saklighet och opartiskhet, 1 kap. 9 § regeringsformen; likabehandling, 2 kap. 3 § kommunallagen).',
    en: 'The municipality took the initiative and chose the partner without a dialogue open to others. That does not make the arrangement a procurement, but document why this organisation was chosen (objectivity and impartiality, ch. 1 s. 9 of the Instrument of Government; equal treatment, ch. 2 s. 3 of the Local Government Act).',
  },
  blocked: {
    sv: 'Ett IOP är inte möjligt i denna form, och varken upphandling eller bidrag framgår av uppgifterna. Blockerande regler:',
    en: 'An IOP is not possible in this form, and neither procurement nor a grant follows from the facts. Blocking rules:',
  },
  open: {
    sv: 'Formen kan inte avgöras ännu: blockerande regler är öppna eftersom uppgifter saknas.',
    en: 'The form cannot be decided yet: blocking rules are open because facts are missing.',
  },
  procurementRisk: {
    sv: 'Formen kan inte avgöras förrän upphandlingsriskerna är bedömda: upplägget har drag av ett kontrakt. Bedöm och dokumentera om det är ett köp som ska upphandlas innan ett IOP ingås:',
    en: 'The form cannot be decided until the procurement risks are assessed: the arrangement has features of a contract. Assess, and document, whether it is a purchase that must be procured before an IOP is entered:',
  },
} as const satisfies Record<string, Text>;

const STATUS = {
  fail: { sv: 'ej uppfyllt', en: 'not met' },
  open: { sv: 'öppen', en: 'open' },
} as const satisfies Record<string, Text>;

/** Facts of the decision table whose answer could still change the form. */
const SIGNALS: ReadonlyArray<readonly [string, Text]> = [
  ['partnership.profitExpected', { sv: 'Okänt: om organisationen förväntas gå med vinst (då inget IOP).', en: 'Unknown: whether the organisation expects a profit (then no IOP).' }],
  ['partnership.initiatedBy', { sv: 'Okänt: vem som tog initiativet (organisationens eget initiativ utan gemensamt behov och mål talar för bidrag).', en: 'Unknown: who took the initiative (the organisation’s own initiative without a shared need and goal points to a grant).' }],
  ['partnership.partOfStandardGrant', { sv: 'Okänt: om verksamheten hör till det normerade föreningsbidraget (då bidrag).', en: 'Unknown: whether the activity belongs to the standard association grant (then a grant).' }],
];
