import * as z from 'zod';
import { safeAssess, type AssessOptions } from '../assess.js';
import { issuesFromZod } from '../domain/input-error.js';
import { isIsoDate } from '../domain/primitives.js';
import { bundledCatalogue } from '../rules/catalogue.js';
import type { Locale, Text } from '../_internal/text.js';
import type { Verdict } from '../verdict/types.js';
import { mergeData } from './builders.js';

/**
 * The one format for "a case and what its verdict must be": a case file. The project's own rule
 * cases (test/rules/<RULE-ID>.cases.json), `iop-rules test` and `runCaseFile` all use it.
 * Documented in docs/case-files.md; JSON Schema in schema/case-file.schema.json.
 */

/** A rule's status in a verdict, or `not-in-force`: the rule gives no finding on that date. */
export const CASE_STATUSES = ['pass', 'fail', 'unknown', 'not-applicable', 'not-in-force'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

const RULE_ID = /^IOP-[A-Z]{2,8}-\d{3}$/;
const ruleId = z.string().regex(RULE_ID, { error: 'a rule id like IOP-ORG-001' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'a date YYYY-MM-DD' }).refine(isIsoDate, { error: 'not an existing calendar date', params: { code: 'case_date' } });

/** The case-file checks' own messages, in both languages (by the issue's params.code). */
const CASE_MESSAGES: Readonly<Record<string, Text>> = {
  case_date: { sv: 'inget datum som finns (ÅÅÅÅ-MM-DD)', en: 'not an existing calendar date (YYYY-MM-DD)' },
  case_input_and_patch: { sv: 'ange input eller patch, inte båda', en: 'give input or patch, not both' },
  case_needs_rule: { sv: 'kräver filens "rule", som det avser', en: 'needs the file-level "rule" it refers to' },
  case_not_in_force_text: { sv: 'en regel som inte gäller har ingen förklaring', en: 'a rule not in force has no explanation' },
  case_expects_nothing: { sv: 'säger inget om vad bedömningen ska bli (expect, outcome, findings …)', en: 'says nothing the verdict must be (expect, outcome, findings, …)' },
  case_invalid_paths: { sv: 'hör ihop med outcome "invalid-input"', en: 'goes with outcome "invalid-input"' },
};
const words = z.array(z.string().min(1).max(2000)).max(100);

/** One case: the input (whole, or a patch onto the file's `base`), options, and expectations. */
export const CaseSchema = z.strictObject({
  name: z.string().min(1).max(500).describe('What the case shows, one sentence.'),
  asOf: isoDate.describe('The assessment date. Required: a case must give the same verdict on every day it is run.'),
  input: z.unknown().optional().describe('The whole case (instead of base + patch).'),
  patch: z.unknown().optional().describe("Deep-merged onto the file's base: objects merge, arrays and values replace, null makes a fact unknown."),
  ruleSet: z.string().min(1).max(100).optional().describe("Rule-set id. Default: the rule's own edition, else as for assess."),
  overlays: z.array(z.union([z.string().min(1).max(100), z.record(z.string(), z.unknown())])).max(20).optional().describe("Overlays: bundled ids or JSON overlays. Default: the rule's own overlay, if it has one."),
  locale: z.enum(['sv', 'en']).optional().describe('Language of the texts that explanationContains is matched against. Default sv.'),
  expect: z.enum(CASE_STATUSES).optional().describe("The status of the file's rule."),
  explanationContains: words.optional().describe("Substrings the rule's explanation must contain."),
  outcome: z.enum(['eligible', 'conditional', 'incomplete', 'not-eligible', 'invalid-input']).optional().describe('The verdict outcome, or invalid-input when the input must be refused.'),
  recommendation: z.enum(['iop', 'procurement', 'grant', 'undetermined']).optional(),
  findings: z.record(ruleId, z.enum(CASE_STATUSES)).optional().describe('Rule id → status, for rules other than the file rule.'),
  asks: z.array(z.string().min(1).max(200)).max(200).optional().describe('Fact ids that must be among the missing facts.'),
  invalidPaths: z.array(z.string().max(500)).max(200).optional().describe('Input paths the input error must name (with outcome invalid-input).'),
});
export type RuleCase = z.infer<typeof CaseSchema>;

/** A case file: optionally about one rule, with a base case and the cases. */
export const CaseFileSchema = z
  .strictObject({
    $schema: z.string().max(500).optional(),
    rule: ruleId.optional().describe("The rule the cases are about: each case's expect is its status."),
    description: z.string().max(2000).optional(),
    base: z.unknown().optional().describe("The case every case's patch is merged onto."),
    cases: z.array(CaseSchema).min(1).max(10_000),
  })
  .superRefine((file, ctx) => {
    file.cases.forEach((c, i) => {
      const at = (key: string) => ['cases', i, key];
      const issue = (path: PropertyKey[], code: keyof typeof CASE_MESSAGES) => ctx.addIssue({ code: 'custom', path, message: CASE_MESSAGES[code]?.en ?? code, params: { code } });
      if (c.input !== undefined && c.patch !== undefined) issue(at('patch'), 'case_input_and_patch');
      if ((c.expect !== undefined || c.explanationContains !== undefined) && file.rule === undefined) issue(at(c.expect !== undefined ? 'expect' : 'explanationContains'), 'case_needs_rule');
      if (c.expect === 'not-in-force' && c.explanationContains?.length) issue(at('explanationContains'), 'case_not_in_force_text');
      const expects = [c.expect, c.outcome, c.recommendation, c.findings, c.asks, c.invalidPaths, c.explanationContains].some((x) => x !== undefined);
      if (!expects) issue(['cases', i], 'case_expects_nothing');
      if (c.invalidPaths !== undefined && c.outcome !== 'invalid-input') issue(at('invalidPaths'), 'case_invalid_paths');
    });
  });
export type CaseFile = z.infer<typeof CaseFileSchema>;

/** JSON Schema (draft 2020-12) of a case file; shipped as schema/case-file.schema.json. */
export function caseFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CaseFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export interface CaseResult {
  /** The case's name; empty for a file that is not a case file. */
  readonly name: string;
  readonly ok: boolean;
  /** What did not match, one sentence each. Empty when ok. */
  readonly problems: readonly string[];
  readonly verdict?: Verdict;
  /** Set when the file is not a case file; `problems` then names every issue with its path. */
  readonly invalidFile?: true;
}

export interface CaseRunOptions {
  /** Language of the problems (default `en`). The verdict's language is each case's `locale` (default sv). */
  readonly locale?: Locale;
}

const P = {
  inputError: { sv: 'indatafel', en: 'input error' },
  noIssue: { sv: 'inget indatafel vid', en: 'no input issue at' },
  outcome: { sv: ['utfallet är', 'väntat'], en: ['outcome is', 'expected'] },
  recommendation: { sv: ['rekommendationen är', 'väntat'], en: ['recommendation is', 'expected'] },
  status: { sv: ['är', 'väntat'], en: ['is', 'expected'] },
  contains: { sv: ['förklaringen till', 'innehåller inte'], en: ['the explanation of', 'does not contain'] },
  asks: { sv: 'frågar inte efter', en: 'does not ask for' },
  invalid: { sv: 'ingen fallfil', en: 'not a case file' },
} as const;

/** The rule set and overlays a rule's cases run under by default: the rule's own edition or overlay. */
function ruleDefaults(id: string | undefined): Pick<AssessOptions, 'ruleSet' | 'overlays'> {
  if (id === undefined) return {};
  const cat = bundledCatalogue();
  const overlay = [...cat.overlays.values()].find((o) => o.rules.some((r) => r.id === id));
  if (overlay) return { overlays: [overlay.rules[0]?.layer.slice('overlay:'.length) ?? ''] };
  const guideline = [...cat.guidelines.values()].find((g) => g.edition && g.rules.some((r) => r.id === id));
  return guideline ? { ruleSet: guideline.id } : {};
}

function statusIn(v: Verdict, id: string): CaseStatus {
  return v.findings.find((f) => f.ruleId === id)?.status ?? 'not-in-force';
}

/** Assess one case of a file and compare the verdict with what the case expects. */
export async function runCase(c: RuleCase, file: Pick<CaseFile, 'rule' | 'base'> = {}, options: CaseRunOptions = {}): Promise<CaseResult> {
  const L = options.locale ?? 'en';
  const input = c.input !== undefined ? c.input : mergeData(file.base ?? {}, c.patch);
  const d = ruleDefaults(file.rule);
  const ruleSet = c.ruleSet ?? d.ruleSet;
  const overlays = c.overlays ?? d.overlays;
  const res = await safeAssess(input, {
    asOf: c.asOf,
    ...(ruleSet !== undefined ? { ruleSet } : {}),
    ...(overlays !== undefined ? { overlays } : {}),
    // The verdict's language is the case's (default sv), not the run's: explanationContains is written against it.
    ...(c.locale !== undefined ? { locale: c.locale } : {}),
  });
  const problems: string[] = [];
  if (!res.ok) {
    // Before the earliest rule of the set there is no verdict at all: `asOf` is refused as not
    // covered (no_rules_in_force), and every rule is then not in force.
    const uncovered = res.error.issues.length === 1 && res.error.issues[0]?.code === 'no_rules_in_force';
    if (uncovered && c.expect === 'not-in-force' && c.outcome === undefined && !c.findings) return { name: c.name, ok: true, problems };
    if (c.outcome !== 'invalid-input') problems.push(`${P.inputError[L]}: ${res.error.issues.map((i) => `${i.path || '(root)'}: ${i.message[L]}`).join('; ')}`);
    for (const p of c.invalidPaths ?? []) if (!res.error.issues.some((i) => i.path === p)) problems.push(`${P.noIssue[L]} ${p}`);
    return { name: c.name, ok: problems.length === 0, problems };
  }
  const v = res.verdict;
  if (c.outcome !== undefined && c.outcome !== v.outcome) problems.push(`${P.outcome[L][0]} ${v.outcome}, ${P.outcome[L][1]} ${c.outcome}`);
  if (c.recommendation !== undefined && c.recommendation !== v.recommendation.form) problems.push(`${P.recommendation[L][0]} ${v.recommendation.form}, ${P.recommendation[L][1]} ${c.recommendation}`);
  const wanted: Array<[string, CaseStatus]> = Object.entries(c.findings ?? {});
  if (file.rule !== undefined && c.expect !== undefined) wanted.unshift([file.rule, c.expect]);
  for (const [id, want] of wanted) {
    const got = statusIn(v, id);
    if (got !== want) problems.push(`${id} ${P.status[L][0]} ${got}, ${P.status[L][1]} ${want}`);
  }
  if (file.rule !== undefined) {
    const f = v.findings.find((x) => x.ruleId === file.rule);
    for (const s of c.explanationContains ?? []) if (!f?.explanation.includes(s)) problems.push(`${P.contains[L][0]} ${file.rule} ${P.contains[L][1]} "${s}"`);
  }
  for (const fact of c.asks ?? []) if (!v.missingFacts.some((m) => m.fact === fact)) problems.push(`${P.asks[L]} ${fact}`);
  return { name: c.name, ok: problems.length === 0, problems, verdict: v };
}

/**
 * Run a case file's contents (parsed JSON). A file that is not a case file gives one failed
 * result naming every problem with its path; it never throws.
 */
export async function runCaseFile(json: unknown, options: CaseRunOptions = {}): Promise<CaseResult[]> {
  const L = options.locale ?? 'en';
  const parsed = CaseFileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((i) => ({ ...i, message: CASE_MESSAGES[i.code] ?? i.message }));
    return [{ name: '', ok: false, invalidFile: true, problems: [P.invalid[L], ...issues.map((i) => `${i.path || '(root)'}: ${i.message[L]}`)] }];
  }
  const out: CaseResult[] = [];
  for (const c of parsed.data.cases) out.push(await runCase(c, parsed.data, options));
  return out;
}
