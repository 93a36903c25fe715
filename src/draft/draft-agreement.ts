import type { Locale, Text } from '../_internal/text.js';
import { parseCase, resolveOptions } from '../assess.js';
import type { ClauseId } from '../domain/case.js';
import type { CheckedCase } from '../domain/case-input.js';
import type { KnownRuleSet } from '../rules/rule-set-ids.js';
import { IopInputError } from '../domain/input-error.js';
import { FACTS } from '../facts/registry.js';
import { resolveFacts } from '../facts/resolve.js';
import { UNKNOWN } from '../facts/types.js';
import { paramValueOn } from '../rules/rule-set.js';
import type { Verdict } from '../verdict/types.js';
import { attachments, signatures } from './clauses/closing.js';
import { md, renderer, type Ctx, type R } from './clauses/context.js';
import { SECTIONS } from './clauses/index.js';
import { contractIndicatorsIn } from './contract-indicators.js';
import { requiredClauses, type ClauseNeed } from './required-clauses.js';
import { verdictSync } from './verdict-sync.js';

/** Options for `draftAgreement`; the same meaning and defaults as for `assess`. */
export interface DraftOptions<R extends string = string> {
  /** The date the rule set is resolved for, `YYYY-MM-DD` or a Date. Default: today in Europe/Stockholm. */
  asOf?: string | Date;
  /** Rule-set id. Default: the newest Stockholm edition in force on `asOf`. */
  ruleSet?: KnownRuleSet<R>;
  /** Language of the draft. Default `sv`. */
  locale?: Locale;
  /** Overlays: bundled ids or JSON overlays `{ overlay, rules }`. */
  overlays?: unknown[];
  /**
   * Draft even when the verdict says the case may not be signed as an IOP (outcome `not-eligible`
   * or `incomplete`, or a recommended form `procurement` or `grant`). Without it `draftAgreement`
   * throws `IopDraftRefusedError`; with it the document is headed as not to be signed, with the
   * reasons. Not needed for a `held` draft (form `undetermined` on an eligible or conditional
   * outcome: see `draftStanding`), which is headed as not to be signed until the procurement
   * question has been assessed and documented.
   */
  draftAnyway?: boolean;
}

/** Whether the verdict lets the draft be signed as an IOP (docs/decisions/0012-draft-reads-the-verdict.md). */
export function signableAsIop(v: Pick<Verdict, 'outcome' | 'recommendation'>): boolean {
  return (v.outcome === 'eligible' || v.outcome === 'conditional') && v.recommendation.form === 'iop';
}

/**
 * Where a verdict leaves the draft (docs/decisions/0012-draft-reads-the-verdict.md, 0020):
 * - `signable`: outcome eligible or conditional and form `iop` (conditional: after the
 *   documented assessments the preamble lists);
 * - `held`: outcome eligible or conditional (no blocker fails or is open) but the form is
 *   `undetermined`, because a major procurement indicator keeps it open. Drafted without
 *   `draftAnyway`, under a heading that it must not be signed until that question has been
 *   assessed and documented: the assessment is made on the agreement's own terms, so the officer
 *   needs the draft to make it;
 * - `refused`: every other verdict (not-eligible, incomplete, form `procurement` or `grant`);
 *   drafted only with `draftAnyway`.
 */
export type DraftStanding = 'signable' | 'held' | 'refused';

export function draftStanding(v: Pick<Verdict, 'outcome' | 'recommendation'>): DraftStanding {
  if (signableAsIop(v)) return 'signable';
  if ((v.outcome === 'eligible' || v.outcome === 'conditional') && v.recommendation.form === 'undetermined') return 'held';
  return 'refused';
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

/** Notes under a heading: recommended rather than required, or not known to be needed. */
function clauseNotes(r: R, clause: ClauseId, need: ClauseNeed | undefined): string[] {
  if (clause === 'personal-data' && !need && r.get('partnership.handlesPersonalDataForCity') === false) {
    return [`*${r.t('Rekommenderad punkt: organisationen behandlar personuppgifter om sina deltagare, medlemmar och ideella ledare, och överenskommelsen säger vem som ansvarar för dem.', 'Recommended clause: the organisation processes personal data on its participants, members and volunteer leaders, and the agreement says who is responsible for it.')}*`];
  }
  if (!need) return [`*${r.t('Punkten finns i ärendets överenskommelse; regeluppsättningen kräver den inte.', "The clause is in the case's agreement; the rule set does not require it.")}*`];
  const out: string[] = [];
  if (!need.required) out.push(`*${r.t('Rekommenderad punkt, inget krav.', 'Recommended clause, not a requirement.')}*`);
  // The personal-data clause stays whatever the answer (separate controllers when it is no);
  // its own note says what to settle.
  if (need.open && clause !== 'personal-data') {
    const questions = need.openFacts.map((f) => FACTS.get(f)?.question[r.locale] ?? f);
    out.push(r.note(`Det är inte känt om punkten behövs. ${questions.join(' ')} Stryk punkten om svaret är nej.`, `It is not known whether the clause is needed. ${questions.join(' ')} Delete the clause if the answer is no.`));
  }
  return out;
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

const SEVERITY: Record<string, Text> = { blocker: { sv: 'hinder', en: 'blocker' }, major: { sv: 'väsentligt', en: 'major' }, advisory: { sv: 'råd', en: 'advisory' }, info: { sv: 'information', en: 'info' } };
const STATUS: Record<string, Text> = { fail: { sv: 'ej uppfyllt', en: 'fails' }, unknown: { sv: 'okänt', en: 'open' }, pass: { sv: 'uppfyllt', en: 'passes' }, 'not-applicable': { sv: 'ej tillämpligt', en: 'not applicable' } };

/**
 * A finding as the preamble prints it: `ID (severity, status): explanation`. The explanation
 * states the case's facts for that status; a rule's title states what passing means and would
 * read as the opposite of the facts where the rule fails.
 */
function findingLine(f: Verdict['findings'][number], locale: Locale): string {
  return `${f.ruleId} (${SEVERITY[f.severity]?.[locale] ?? f.severity}, ${STATUS[f.status]?.[locale] ?? f.status}): ${f.explanation}`;
}

/** The blockers and majors that fail or are open, blockers first, by id. */
function openGating(v: Verdict): Verdict['findings'][number][] {
  return v.findings
    .filter((f) => (f.severity === 'blocker' || f.severity === 'major') && (f.status === 'fail' || f.status === 'unknown'))
    .sort((a, b) => (a.severity === b.severity ? a.ruleId.localeCompare(b.ruleId) : a.severity === 'blocker' ? -1 : 1));
}

/** A recommendation reason that names a rule ("IOP-PROC-012: …" or "IOP-PROC-012 (ej uppfyllt): …"): the rule's id. */
const REASON_RULE = /^(IOP-[A-Z]{2,8}-\d{3})(?: \([^)]*\))?: /;

/**
 * The verdict the draft rests on, for the preamble (and the refusal): the outcome and form, the
 * recommendation's reasons, then every failing or open blocker and major. A reason that names a
 * rule is printed as that rule's finding (status and explanation) and the rule is not listed again.
 */
export function verdictSummary(v: Verdict, locale: Locale): string[] {
  const t = (x: Text): string => x[locale];
  const shown = new Set<string>();
  const reasons = v.recommendation.reasons.map((reason) => {
    const id = REASON_RULE.exec(reason)?.[1];
    const f = id === undefined ? undefined : v.findings.find((x) => x.ruleId === id);
    if (!f) return reason;
    shown.add(f.ruleId);
    return findingLine(f, locale);
  });
  return [
    `${locale === 'sv' ? 'Bedömning' : 'Verdict'}: ${t(OUTCOME[v.outcome])}; ${locale === 'sv' ? 'rekommenderad form' : 'recommended form'}: ${t(FORM[v.recommendation.form])}.`,
    ...reasons,
    ...openGating(v).filter((f) => !shown.has(f.ruleId)).map((f) => findingLine(f, locale)),
  ];
}

/** The rules that keep the form open in a held draft: the rules the recommendation names, else the failing or open procurement majors. */
function heldRules(v: Verdict): string[] {
  const named = v.recommendation.reasons.map((r) => REASON_RULE.exec(r)?.[1]).filter((x): x is string => x !== undefined);
  if (named.length) return [...new Set(named)];
  return v.findings.filter((f) => f.area === 'procurement' && f.severity === 'major' && (f.status === 'fail' || f.status === 'unknown')).map((f) => f.ruleId);
}

function verdictBox(r: R, ctx: Ctx): string {
  const v = ctx.verdict;
  let lead: string;
  if (ctx.standing === 'signable') {
    lead = v.outcome === 'eligible'
      ? r.t('Ärendet uppfyller villkoren för IOP enligt regeluppsättningen.', 'The case meets the conditions for an IOP under the rule set.')
      : r.t('Innan överenskommelsen tecknas ska bedömningarna nedan dokumenteras i ärendet.', 'Before the agreement is signed, the assessments below must be documented in the case.');
  } else if (ctx.standing === 'held') {
    const rules = heldRules(v);
    const named = rules.length ? ` (${rules.join(', ')})` : '';
    const others = openGating(v).some((f) => !rules.includes(f.ruleId));
    lead = r.t(
      `Utkastet får inte undertecknas förrän upphandlingsfrågan${named} har bedömts och bedömningen har dokumenterats i ärendet. Visar bedömningen att överenskommelsen är ett offentligt kontrakt, ska det upphandlas och inte tecknas som en IOP.${others ? ' Också de andra punkterna nedan ska bedömas och dokumenteras innan överenskommelsen undertecknas.' : ''}`,
      `The draft must not be signed until the procurement question${named} has been assessed and the assessment documented in the case. If the assessment shows that the agreement is a public contract, it must be procured and not signed as an IOP.${others ? ' The other points below must also be assessed and documented before the agreement is signed.' : ''}`,
    );
  } else if ((v.outcome === 'eligible' || v.outcome === 'conditional') && v.recommendation.form === 'grant') {
    lead = r.t('Detta utkast får inte tecknas som en IOP: enligt bedömningen är ett bidrag rätt form. Utkastet är framtaget på begäran trots bedömningen.', 'This draft must not be signed as an IOP: under the verdict a grant is the right form. It was produced on request despite the verdict.');
  } else {
    lead = r.t('Detta utkast får inte tecknas som en IOP. Att teckna det kan vara en otillåten direktupphandling. Utkastet är framtaget på begäran trots bedömningen.', 'This draft must not be signed as an IOP. Signing it may be an unlawful direct award. It was produced on request despite the verdict.');
  }
  const [first, ...rest] = verdictSummary(v, ctx.locale);
  return [
    `> **${first ? md(first) : ''}** ${lead}`,
    ...rest.map((x) => `> - ${md(x)}`),
  ].join('\n');
}

function render(ctx: Ctx): string {
  const r = renderer(ctx);
  const listed = (ctx.input.agreement?.clauses ?? []) as readonly ClauseId[];
  // Personal data: printed whenever the case answers the processor question, since an
  // organisation always processes data on its members and volunteer leaders, and with
  // participants on them too; with "no" the clause says each party is its own controller.
  const ownData = (c: ClauseId): boolean => c === 'personal-data' && r.get('partnership.handlesPersonalDataForCity') === false;
  const clauses = ORDER.filter((c) => c === 'parties' || ctx.needs.has(c) || listed.includes(c) || ownData(c));
  const body: string[] = [];
  clauses.forEach((c, i) => {
    body.push(`## ${i + 1}. ${clauseHeading(c, ctx.locale)}`, ...clauseNotes(r, c, ctx.needs.get(c) ?? (c === 'parties' ? { clause: c, required: true, open: false, openFacts: [], rules: [] } : undefined)), ...SECTIONS[c](r));
  });
  const att = attachments(r, clauses);
  if (att.length) body.push(`## ${r.t('Bilagor', 'Attachments')}`, att.join('\n'));
  body.push(`## ${r.t('Underskrifter', 'Signatures')}`, ...signatures(r));
  const text = body.join('\n\n');
  const nMissing = text.match(UNESCAPED_MISSING[ctx.locale])?.length ?? 0;
  const nFill = text.match(UNESCAPED_FILL[ctx.locale])?.length ?? 0;
  const shownTitle = md(r.input.partnership?.title ?? '');
  const title = shownTitle !== '' ? shownTitle : r.missingFact('partnership.title');
  const heading = ctx.standing === 'signable'
    ? r.t('Överenskommelse om idéburet offentligt partnerskap', 'Agreement on an idea-driven public partnership')
    : ctx.standing === 'held'
      ? r.t('FÅR INTE UNDERTECKNAS FÖRRÄN UPPHANDLINGSFRÅGAN ÄR BEDÖMD OCH DOKUMENTERAD – utkast till överenskommelse om idéburet offentligt partnerskap', 'NOT TO BE SIGNED UNTIL THE PROCUREMENT QUESTION HAS BEEN ASSESSED AND DOCUMENTED – draft agreement on an idea-driven public partnership')
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
 * `incomplete`, or form `procurement` or `grant`) it throws `IopDraftRefusedError` with the
 * reasons, unless `draftAnyway` is set; the document is then headed "FÅR INTE TECKNAS SOM IOP".
 * When the outcome is eligible or conditional but a major procurement indicator leaves the form
 * `undetermined`, the draft is written under a heading that it must not be signed until that
 * question has been assessed and documented (`draftStanding`).
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
export function draftAgreement<R extends string = string, T = unknown>(input: CheckedCase<T>, options?: DraftOptions<R>): string {
  const opts = resolveOptions(options as DraftOptions | undefined);
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
  const standing = draftStanding(verdict);
  if (standing === 'refused' && anyway !== true) {
    const intro = locale === 'sv'
      ? 'Ingen IOP-överenskommelse tas fram: enligt bedömningen får ärendet inte tecknas som en IOP. Ange draftAnyway (CLI: --draft-anyway) för ett utkast märkt FÅR INTE TECKNAS SOM IOP.'
      : 'No IOP agreement is drafted: under the verdict the case may not be signed as an IOP. Set draftAnyway (CLI: --draft-anyway) for a draft marked NOT TO BE SIGNED AS AN IOP.';
    throw new IopDraftRefusedError(verdict, [intro, ...verdictSummary(verdict, locale)]);
  }
  return render({ locale, asOf, input: parsed.value, facts, set, needs, verdict, signable: standing === 'signable', standing });
}
