import { LOCALES, type Locale, type Text } from './_internal/text.js';
import { IopCaseSchema, type IopCase } from './domain/case.js';
import { IopDefect, IopInputError, issuesFromZod, type InputIssue, type InputIssueCode } from './domain/input-error.js';
import { checkLimits, resolveLimits, type InputLimits } from './domain/limits.js';
import { isIsoDate } from './domain/primitives.js';
import { evaluateRules } from './engine/evaluate.js';
import { resolveFacts } from './facts/resolve.js';
import { UNKNOWN } from './facts/types.js';
import { bundledCatalogue } from './rules/catalogue.js';
import type { Area, Effective, Severity, Source } from './rules/rule-schema.js';
import { inForce, paramValueOn, resolveRuleSet, ruleSetInfos, type RuleSet, type RuleSetInfo } from './rules/rule-set.js';
import { buildVerdict } from './verdict/build.js';
import type { FindingStatus, Outcome, Verdict } from './verdict/types.js';

/** Options for `assess` and friends. Every field is optional. */
export interface AssessOptions {
  /** Evaluation date, `YYYY-MM-DD` or a Date (read as a Stockholm calendar date). Default: today in Europe/Stockholm. */
  asOf?: string | Date;
  /** Rule-set id (`national`, `stockholm-2017`, `stockholm-2023`). Default: the newest Stockholm edition in force on `asOf`. */
  ruleSet?: string;
  /** Language of every rendered text. Default `sv`. */
  locale?: Locale;
  /** Overlays: bundled ids (`rinkeby-kista`) or JSON overlays `{ overlay, rules }`. */
  overlays?: unknown[];
  /** Caps on the raw input, checked before parsing (docs/limits.md). Fields left out keep their defaults. */
  limits?: Partial<InputLimits>;
}

/** The calendar date in Europe/Stockholm of an instant, `YYYY-MM-DD`. */
export function stockholmDate(d: Date): string {
  // sv-SE formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Options after validation and defaults (also used by `draftAgreement`). */
export interface ResolvedOptions {
  readonly asOf: string;
  readonly locale: Locale;
  readonly set: RuleSet;
}

function optIssue(path: string, sv: string, en: string, code: InputIssueCode = 'invalid_option'): InputIssue {
  return { path, code, message: { sv, en } };
}

/** Validate options. The one clock read of the library is here: the default `asOf`. Also used by `draftAgreement`. */
export function resolveOptions(options: AssessOptions | undefined): { ok: true; value: ResolvedOptions } | { ok: false; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const o: Partial<AssessOptions> = options ?? {};
  if (typeof o !== 'object' || o === null) return { ok: false, issues: [optIssue('options', 'ska vara ett objekt', 'must be an object')] };
  let asOf: string;
  if (o.asOf === undefined) asOf = stockholmDate(new Date());
  else if (o.asOf instanceof Date) {
    if (Number.isNaN(o.asOf.getTime())) {
      issues.push(optIssue('options.asOf', 'ogiltigt datum', 'invalid date'));
      asOf = '1970-01-01';
    } else asOf = stockholmDate(o.asOf);
  } else if (typeof o.asOf === 'string' && isIsoDate(o.asOf)) asOf = o.asOf;
  else {
    issues.push(optIssue('options.asOf', 'ska vara ett datum som finns, ÅÅÅÅ-MM-DD', 'must be an existing date, YYYY-MM-DD', 'invalid_date'));
    asOf = '1970-01-01';
  }
  const locale = o.locale ?? 'sv';
  if (!LOCALES.includes(locale)) issues.push(optIssue('options.locale', 'ska vara "sv" eller "en"', 'must be "sv" or "en"'));
  if (o.ruleSet !== undefined && typeof o.ruleSet !== 'string') issues.push(optIssue('options.ruleSet', 'ska vara text', 'must be a string'));
  if (o.overlays !== undefined && !Array.isArray(o.overlays)) issues.push(optIssue('options.overlays', 'ska vara en lista', 'must be a list'));
  issues.push(...resolveLimits(o.limits).issues);
  if (issues.length) return { ok: false, issues };
  const res = resolveRuleSet(bundledCatalogue(), { ruleSet: o.ruleSet, asOf, overlays: o.overlays });
  if (!res.ok) return { ok: false, issues: res.issues };
  return { ok: true, value: { asOf, locale: LOCALES.includes(locale) ? locale : 'sv', set: res.set } };
}

/** Validate a case: first its raw size and shape against `limits` (docs/limits.md), then the schema. Returns the typed case or every issue found. */
export function parseCase(input: unknown, limits?: Partial<InputLimits>): { ok: true; value: IopCase } | { ok: false; error: IopInputError } {
  const over = checkLimits(input, resolveLimits(limits).limits);
  if (over.length) return { ok: false, error: new IopInputError(over) };
  let parsed: ReturnType<typeof IopCaseSchema.safeParse>;
  try {
    parsed = IopCaseSchema.safeParse(input);
  } catch (e) {
    // Only a Proxy or similar that changes between reads gets here: report it, do not crash.
    const msg = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    return { ok: false, error: new IopInputError([{ path: '', code: 'unreadable', message: { sv: `kan inte läsas: ${msg}`, en: `cannot be read: ${msg}` } }]) };
  }
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = issuesFromZod(parsed.error);
  return { ok: false, error: new IopInputError(issues.length ? issues : [{ path: '', code: 'invalid_input', message: { sv: 'ogiltig indata', en: 'invalid input' } }]) };
}

async function run(input: unknown, options: AssessOptions | undefined): Promise<{ ok: true; verdict: Verdict } | { ok: false; error: IopInputError }> {
  const opts = resolveOptions(options);
  const parsed = parseCase(input, (options as AssessOptions | null | undefined)?.limits);
  if (!opts.ok || !parsed.ok) {
    const issues = [...(opts.ok ? [] : opts.issues), ...(parsed.ok ? [] : parsed.error.issues)];
    return { ok: false, error: new IopInputError(issues) };
  }
  const { asOf, locale, set } = opts.value;
  const rules = set.rules.filter((r) => inForce(r.rule.effective, asOf));
  const facts = resolveFacts(parsed.value, asOf, (id, date) => {
    const p = set.parameters.get(id);
    if (!p) throw new IopDefect('unknown_parameter', `derived fact reads unknown parameter ${id}`);
    const found = paramValueOn(p, date);
    return found === UNKNOWN ? UNKNOWN : found.value;
  });
  const evaluations = await evaluateRules(rules, set.parameters, facts, asOf);
  return { ok: true, verdict: buildVerdict({ set, rules, evaluations, facts, asOf, locale }) };
}

/**
 * Assess an IOP case and explain the verdict rule by rule.
 * Rejects with `IopInputError` (every issue, with its path) when the input or options are invalid.
 *
 * @example
 * const verdict = await assess({ organisation: { name: 'Kista SC', legalForm: 'ideell-forening' } }, { asOf: '2025-03-01' });
 * verdict.outcome;          // 'incomplete'
 * verdict.missingFacts[0];  // { fact, question: '…?', neededBy: ['IOP-…'], decisive: true }
 */
export async function assess(input: unknown, options?: AssessOptions): Promise<Verdict> {
  const res = await run(input, options);
  if (!res.ok) throw res.error;
  return res.verdict;
}

/** Like `assess`, but never throws for bad input: returns `{ ok: false, error }` instead. */
export async function safeAssess(
  input: unknown,
  options?: AssessOptions,
): Promise<{ ok: true; verdict: Verdict } | { ok: false; error: IopInputError }> {
  return run(input, options);
}

/** Assess many cases one at a time (memory stays flat); yields a verdict or an input error per case. */
export async function* assessMany(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  options?: AssessOptions,
): AsyncIterable<Verdict | IopInputError> {
  for await (const input of inputs as AsyncIterable<unknown>) {
    const res = await run(input, options);
    yield res.ok ? res.verdict : res.error;
  }
}

/** Every guideline edition (rule set) with its sources and dates. */
export function listRuleSets(): RuleSetInfo[] {
  return ruleSetInfos(bundledCatalogue());
}

/** A rule as `listRules` describes it. */
export interface RuleInfo {
  readonly id: string;
  readonly version: number;
  readonly area: Area;
  readonly severity: Severity;
  readonly title: Text;
  readonly sources: readonly Source[];
  readonly effective: Effective;
  readonly layer: string;
}

/** The rules in force in a rule set on a date (defaults as for `assess`). Throws IopInputError on a bad id or date. */
export function listRules(ruleSet?: string, asOf?: string | Date, overlays?: unknown[]): RuleInfo[] {
  const opts = resolveOptions({ ...(ruleSet !== undefined ? { ruleSet } : {}), ...(asOf !== undefined ? { asOf } : {}), ...(overlays ? { overlays } : {}) });
  if (!opts.ok) throw new IopInputError(opts.issues);
  const { set, asOf: date } = opts.value;
  return set.rules
    .filter((r) => inForce(r.rule.effective, date))
    .map(({ rule, severity }) => ({
      id: rule.id,
      version: rule.version,
      area: rule.area,
      severity,
      title: rule.title,
      sources: rule.sources,
      effective: rule.effective,
      layer: rule.layer,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** What changes for one case between two rule sets. */
export interface RuleSetComparison {
  readonly asOf: string;
  readonly from: { readonly ruleSet: string; readonly outcome: Outcome };
  readonly to: { readonly ruleSet: string; readonly outcome: Outcome };
  /** Rules whose status or severity differs, or that exist in only one set (`null` there). */
  readonly changes: ReadonlyArray<{
    readonly ruleId: string;
    readonly title: string;
    readonly from: { readonly status: FindingStatus; readonly severity: Severity } | null;
    readonly to: { readonly status: FindingStatus; readonly severity: Severity } | null;
  }>;
}

/** Assess one case under two rule sets and list what differs. */
export async function compareRuleSets(
  input: unknown,
  opts: { from: string; to: string; asOf?: string | Date; locale?: Locale },
): Promise<RuleSetComparison> {
  const base = { ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}), ...(opts.locale ? { locale: opts.locale } : {}) };
  const [a, b] = await Promise.all([assess(input, { ...base, ruleSet: opts.from }), assess(input, { ...base, ruleSet: opts.to })]);
  const ids = [...new Set([...a.findings.map((f) => f.ruleId), ...b.findings.map((f) => f.ruleId)])].sort();
  const changes = [];
  for (const id of ids) {
    const fa = a.findings.find((f) => f.ruleId === id);
    const fb = b.findings.find((f) => f.ruleId === id);
    if (fa && fb && fa.status === fb.status && fa.severity === fb.severity) continue;
    changes.push({
      ruleId: id,
      title: (fb ?? fa)?.title ?? id,
      from: fa ? { status: fa.status, severity: fa.severity } : null,
      to: fb ? { status: fb.status, severity: fb.severity } : null,
    });
  }
  return { asOf: a.asOf, from: { ruleSet: a.ruleSet.id, outcome: a.outcome }, to: { ruleSet: b.ruleSet.id, outcome: b.outcome }, changes };
}

// The case's JSON Schema lives in its own module; re-exported here for the callers that import it from assess.
export { caseJsonSchema, type CaseJsonSchemaOptions } from './case-json-schema.js';
