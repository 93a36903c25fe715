import type { Locale, Text } from '../_internal/text.js';
import { UNKNOWN, type FactValue, type Unknown } from '../facts/types.js';
import type { Finding, Outcome, Recommendation } from './types.js';

/** Reads a fact's value for the case (UNKNOWN when it is not known). */
export type FactLookup = (id: string) => FactValue | Unknown;

/**
 * Which form of cooperation the case points to: `procurement`, `grant`, `iop` or
 * `undetermined`, with the reasons rendered in `locale`. The order of the tests follows
 * Malmö stad's decision table (see docs/decisions/0006-recommendation.md):
 *
 * 1. procurement: a procurement blocker fails (the arrangement is a public contract); or the
 *    organisation is expected to make a profit; or the idea is the city's own and the partner
 *    was chosen without a dialogue open to other organisations;
 * 2. grant: the activity is part of the organisation's general work that the standard
 *    association grant supports (partOfStandardGrant);
 * 3. iop: no blocker fails or is open (outcome eligible or conditional);
 * 4. undetermined: otherwise, with the blockers that fail or are open.
 *
 * Only known facts count: an unknown fact never points to a form. `fact` reads facts from
 * the case; without it, the facts recorded in the findings are used.
 */
export function recommend(findings: readonly Finding[], outcome: Outcome, locale: Locale, fact?: FactLookup): Recommendation {
  const read = fact ?? lookupFromFindings(findings);
  const t = (text: Text): string => text[locale];
  const rendered = (f: Finding): string => `${f.ruleId}: ${f.explanation}`;

  // 1. Procurement.
  const procurement: string[] = findings
    .filter((f) => f.area === 'procurement' && f.severity === 'blocker' && f.status === 'fail')
    .map(rendered);
  if (read('partnership.profitExpected') === true) procurement.push(t(REASONS.profit));
  if (read('partnership.initiatedBy') === 'city' && read('partnership.dialogueOpenToOthers') === false) {
    procurement.push(t(REASONS.cityIdeaChosenPartner));
  }
  if (procurement.length) return { form: 'procurement', reasons: procurement };

  // 2. Grant.
  if (read('partnership.partOfStandardGrant') === true) {
    return { form: 'grant', reasons: [t(REASONS.standardGrant)] };
  }

  // 3. IOP.
  if (outcome === 'eligible' || outcome === 'conditional') {
    const reasons = [t(REASONS.noBlocker)];
    const open = findings.filter((f) => f.severity === 'major' && (f.status === 'fail' || f.status === 'unknown')).map((f) => f.ruleId);
    if (open.length) reasons.push(`${t(REASONS.majorsOpen)} ${open.join(', ')}.`);
    return { form: 'iop', reasons };
  }

  // 4. Undetermined.
  const failing = findings.filter((f) => f.severity === 'blocker' && f.status === 'fail');
  const open = findings.filter((f) => f.severity === 'blocker' && f.status === 'unknown');
  const reasons: string[] = [t(failing.length ? REASONS.blocked : REASONS.open)];
  for (const f of [...failing, ...open]) reasons.push(`${f.ruleId}: ${f.title}`);
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
    sv: 'Organisationen förväntas gå med vinst på verksamheten. Enligt Malmö stads beslutstabell ska verksamheten då upphandlas i stället för att drivas som IOP.',
    en: 'The organisation is expected to make a profit on the activity. According to Malmö stad’s decision table, the activity should then be procured rather than run as an IOP.',
  },
  cityIdeaChosenPartner: {
    sv: 'Idén till verksamheten är stadens egen och partnern är vald utan en dialog som var öppen för andra organisationer. Enligt Malmö stads beslutstabell ska verksamheten då upphandlas.',
    en: 'The idea for the activity is the city’s own and the partner was chosen without a dialogue open to other organisations. According to Malmö stad’s decision table, the activity should then be procured.',
  },
  standardGrant: {
    sv: 'Verksamheten hör till organisationens allmänna verksamhet som det normerade föreningsbidraget stöder. Då är ett bidrag (verksamhetsstöd) rätt form, inte ett IOP.',
    en: 'The activity is part of the organisation’s general work that the standard association grant supports. A grant (operating support) is then the right form, not an IOP.',
  },
  noBlocker: {
    sv: 'Inget hinder för ett IOP: ingen blockerande regel i kraft är ouppfylld eller öppen.',
    en: 'No obstacle to an IOP: no blocking rule in force fails or is open.',
  },
  majorsOpen: {
    sv: 'Dessa väsentliga punkter behöver en dokumenterad bedömning före undertecknandet:',
    en: 'These major points need a documented assessment before signing:',
  },
  blocked: {
    sv: 'Ett IOP är inte möjligt i denna form, och varken upphandling eller bidrag framgår av uppgifterna. Blockerande regler:',
    en: 'An IOP is not possible in this form, and neither procurement nor a grant follows from the facts. Blocking rules:',
  },
  open: {
    sv: 'Formen kan inte avgöras ännu: blockerande regler är öppna eftersom uppgifter saknas.',
    en: 'The form cannot be decided yet: blocking rules are open because facts are missing.',
  },
} as const satisfies Record<string, Text>;

/** Facts of the decision table whose answer could still change the form. */
const SIGNALS: ReadonlyArray<readonly [string, Text]> = [
  ['partnership.profitExpected', { sv: 'Okänt: om organisationen förväntas gå med vinst (då upphandling).', en: 'Unknown: whether the organisation expects a profit (then procurement).' }],
  ['partnership.initiatedBy', { sv: 'Okänt: vem som tog initiativet (stadens egen idé med en utvald partner ger upphandling).', en: 'Unknown: who took the initiative (the city’s own idea with a chosen partner means procurement).' }],
  ['partnership.partOfStandardGrant', { sv: 'Okänt: om verksamheten hör till det normerade föreningsbidraget (då bidrag).', en: 'Unknown: whether the activity belongs to the standard association grant (then a grant).' }],
];
