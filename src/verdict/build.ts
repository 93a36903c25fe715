import type { Locale } from '../_internal/text.js';
import { statusOf, type RuleEvaluation, type Trace } from '../engine/evaluate.js';
import type { FactResolver } from '../facts/resolve.js';
import { FACTS } from '../facts/registry.js';
import { UNKNOWN } from '../facts/types.js';
import { AREAS, SEVERITIES, conditionLeaves, type Area, type ParameterFile, type Severity } from '../rules/rule-schema.js';
import { paramValueOn, type RuleInSet, type RuleSet } from '../rules/rule-set.js';
import { recommend } from './recommendation.js';
import { fillPlaceholders, formatFact, formatValue } from './render.js';
import { searchChangeSets, type ChangeSearch } from './to-eligible.js';
import type { AreaResult, FactUse, Finding, FindingStatus, MissingFact, Outcome, ParameterUse, Verdict } from './types.js';
import { VERSION } from '../version.js';

const GENERIC_NOT_APPLICABLE = {
  sv: 'Regeln gäller inte i detta fall.',
  en: 'The rule does not apply in this case.',
};

/** What a rule reads: its facts (conditions first, then `appliesTo`, each once) and the parameters its leaves name. */
interface RuleReads {
  readonly facts: readonly string[];
  readonly params: readonly string[];
}
const READS = new WeakMap<object, RuleReads>();

/** The facts and parameters a rule reads, from its conditions: the same for every case, so found once per rule. */
function readsOf(rule: RuleInSet['rule']): RuleReads {
  let reads = READS.get(rule);
  if (reads) return reads;
  const facts: string[] = [];
  const params: string[] = [];
  for (const leaf of [...conditionLeaves(rule.conditions), ...conditionLeaves(rule.appliesTo)]) {
    if (!facts.includes(leaf.fact)) facts.push(leaf.fact);
    if (typeof leaf.value === 'object' && leaf.value !== null && !Array.isArray(leaf.value)) params.push(leaf.value.param);
  }
  reads = { facts, params };
  READS.set(rule, reads);
  return reads;
}

/** Each area's and severity's place in their lists: the order findings are sorted in. */
const AREA_RANK = Object.fromEntries(AREAS.map((a, i) => [a, i])) as Record<Area, number>;
const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

/** The rules in the order of their findings (area, then severity, then id), sorted once per list of rules. */
const FINDING_ORDER = new WeakMap<readonly RuleInSet[], readonly RuleInSet[]>();
function inFindingOrder(rules: readonly RuleInSet[]): readonly RuleInSet[] {
  let sorted = FINDING_ORDER.get(rules);
  if (!sorted) {
    sorted = [...rules].sort(
      (a, b) => AREA_RANK[a.rule.area] - AREA_RANK[b.rule.area] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.rule.id < b.rule.id ? -1 : 1),
    );
    FINDING_ORDER.set(rules, sorted);
  }
  return sorted;
}

/** Each fact's place in the fact dictionary: the last tie-break among missing facts. */
const FACT_ORDER: ReadonlyMap<string, number> = new Map([...FACTS.keys()].map((id, i) => [id, i]));

/** Unknown leaves that matter: only those under a node that is itself unknown. */
function openFacts(t: Trace | undefined, out: Set<string>): void {
  if (!t || t.result !== 'unknown') return;
  if (t.kind === 'leaf') {
    if (!t.known) out.add(t.fact);
  } else for (const c of t.children) openFacts(c, out);
}

/** Derive the outcome from the findings (precedence in docs/verdict.md). */
export function outcomeOf(findings: readonly Pick<Finding, 'severity' | 'status'>[]): Outcome {
  const has = (sev: string, st: FindingStatus) => findings.some((f) => f.severity === sev && f.status === st);
  if (has('blocker', 'fail')) return 'not-eligible';
  if (has('blocker', 'unknown')) return 'incomplete';
  if (has('major', 'fail') || has('major', 'unknown')) return 'conditional';
  return 'eligible';
}

/** An area's status (docs/verdict.md): only blockers and majors can fail or hold it open. */
export function areaOf(findings: readonly Pick<Finding, 'severity' | 'status'>[]): AreaResult {
  const counts: Record<FindingStatus, number> = { pass: 0, fail: 0, unknown: 0, 'not-applicable': 0 };
  for (const f of findings) counts[f.status]++;
  const gating = findings.filter((f) => f.severity === 'blocker' || f.severity === 'major');
  const st: FindingStatus = gating.some((f) => f.status === 'fail')
    ? 'fail'
    : gating.some((f) => f.status === 'unknown')
      ? 'unknown'
      : findings.some((f) => f.status !== 'not-applicable')
        ? 'pass'
        : 'not-applicable';
  return { status: st, counts };
}

export interface BuildInput {
  readonly set: RuleSet;
  readonly rules: readonly RuleInSet[];
  readonly evaluations: ReadonlyMap<string, RuleEvaluation>;
  readonly facts: FactResolver;
  readonly asOf: string;
  readonly locale: Locale;
}

/** Turn evaluated rules into the explained verdict. */
export function buildVerdict({ set, rules, evaluations, facts, asOf, locale }: BuildInput): Verdict {
  const paramUses = new Map<string, ParameterUse>();
  const useParam = (p: ParameterFile, date: string): ParameterUse => {
    const key = `${p.id}@${date}`;
    const hit = paramUses.get(key);
    if (hit) return hit;
    const found = paramValueOn(p, date);
    const use: ParameterUse = {
      id: p.id,
      title: p.title[locale],
      unit: p.unit,
      date,
      value: found === UNKNOWN ? null : found.value,
      from: found === UNKNOWN ? null : found.entry.from,
      to: found === UNKNOWN ? null : found.entry.to,
      sources: found === UNKNOWN ? [] : found.entry.sources,
    };
    paramUses.set(key, use);
    return use;
  };

  // Placeholder texts, formatted once per verdict (the same fact is named in many texts).
  const looked = new Map<string, string>();
  const lookup = (name: string): string => {
    let text = looked.get(name);
    if (text !== undefined) return text;
    if (name.startsWith('param.')) {
      const p = set.parameters.get(name.slice(6));
      if (!p) return `{${name}}`;
      const use = useParam(p, asOf);
      text = formatValue(use.value as never, p.unit as never, locale);
    } else {
      const v = facts.get(name);
      text = formatFact(name, v === UNKNOWN ? null : v, locale);
    }
    looked.set(name, text);
    return text;
  };
  const findings: Finding[] = [];
  for (const { rule, severity } of inFindingOrder(rules)) {
    const ev = evaluations.get(rule.id);
    if (!ev) throw new Error(`iop-rules: rule ${rule.id} was not evaluated`);
    const st = statusOf(ev);
    const texts = rule.explanation;
    const chosen =
      st === 'pass' ? texts.pass : st === 'fail' ? texts.fail : st === 'unknown' ? texts.unknown : (texts.notApplicable ?? GENERIC_NOT_APPLICABLE);
    const reads = readsOf(rule);
    const used: FactUse[] = reads.facts.map((id) => {
      const v = facts.get(id);
      return { id, value: v === UNKNOWN ? null : v, known: v !== UNKNOWN };
    });
    for (const id of reads.params) {
      const p = set.parameters.get(id);
      if (p) useParam(p, asOf);
    }
    // Field by field, in the documented order (docs/verdict.md); optional fields only when present.
    const finding: { -readonly [K in keyof Finding]?: Finding[K] } = {
      ruleId: rule.id,
      version: rule.version,
      area: rule.area,
      severity,
      status: st,
      title: fillPlaceholders(rule.title[locale], lookup),
      explanation: fillPlaceholders(chosen[locale], lookup),
    };
    if (rule.remedy && (st === 'fail' || st === 'unknown')) finding.remedy = fillPlaceholders(rule.remedy[locale], lookup);
    finding.sources = rule.sources;
    finding.facts = used;
    finding.trace = ev.conditions;
    if (ev.appliesTo) finding.appliesTo = ev.appliesTo;
    finding.layer = rule.layer;
    finding.effective = rule.effective;
    findings.push(finding as Finding);
  }
  for (const read of facts.paramReads) {
    const p = set.parameters.get(read.id);
    if (p) useParam(p, read.date);
  }

  const byArea = new Map<Area, Finding[]>(AREAS.map((a) => [a, []]));
  for (const f of findings) byArea.get(f.area)?.push(f);
  const areas = Object.fromEntries(AREAS.map((a) => [a, areaOf(byArea.get(a) ?? [])])) as Record<Area, AreaResult>;
  const outcome = outcomeOf(findings);

  // Missing facts: unknown leaves of open rules, traced back to the input facts behind them.
  // Most decisive first: facts behind open blockers, then behind open majors; among those,
  // the fact that more blocker (then major) rules wait on; then dictionary order.
  const needed = new Map<string, { rules: string[]; decisive: boolean; blockers: number; majors: number }>();
  for (const f of findings) {
    if (f.status !== 'unknown') continue;
    const open = new Set<string>();
    openFacts(f.appliesTo, open);
    openFacts(f.trace, open);
    for (const id of open) {
      const def = FACTS.get(id);
      const inputs = def?.kind === 'derived' ? def.dependsOn.filter((d) => facts.get(d) === UNKNOWN) : [id];
      for (const input of inputs.length ? inputs : [id]) {
        const entry = needed.get(input) ?? { rules: [], decisive: false, blockers: 0, majors: 0 };
        // A rule adds itself to a fact once: all of one finding's additions come together, so the last one is enough to check.
        if (entry.rules[entry.rules.length - 1] === f.ruleId) continue;
        entry.rules.push(f.ruleId);
        if (f.severity === 'blocker') entry.blockers++;
        if (f.severity === 'major') entry.majors++;
        entry.decisive = entry.blockers + entry.majors > 0;
        needed.set(input, entry);
      }
    }
  }
  const missingFacts: MissingFact[] = [...needed.entries()]
    .sort(
      ([a, x], [b, y]) =>
        Number(y.decisive) - Number(x.decisive) ||
        Number(y.blockers > 0) - Number(x.blockers > 0) ||
        y.blockers - x.blockers ||
        y.majors - x.majors ||
        y.rules.length - x.rules.length ||
        (FACT_ORDER.get(a) ?? -1) - (FACT_ORDER.get(b) ?? -1),
    )
    .map(([fact, e]) => ({
      fact,
      question: FACTS.get(fact)?.question[locale] ?? fact,
      neededBy: [...e.rules].sort(),
      decisive: e.decisive,
    }));

  const parameters = [...paramUses.values()].sort((a, b) => (a.id === b.id ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : 1));

  // Built field by field to keep the documented key order (docs/verdict.md) with the lazy pair in it.
  const verdict: Record<string, unknown> = {
    outcome,
    asOf,
    locale,
    ruleSet: { id: set.id, title: set.title[locale], layers: set.layers, hash: set.hash },
    areas,
    findings,
    missingFacts,
  };
  if (outcome === 'eligible') verdict.toEligible = [];
  else defineChangeSets(verdict, () => searchChangeSets(findings));
  const tail: Pick<Verdict, 'recommendation' | 'parameters' | 'engineVersion'> = {
    recommendation: recommend(findings, outcome, locale, (id) => facts.get(id)),
    parameters,
    engineVersion: VERSION,
  };
  return Object.assign(verdict, tail) as unknown as Verdict;
}

/**
 * `toEligible` and `toEligibleCutShort`, searched on first read of either: the search is the
 * costliest part of a verdict that is not eligible, and many callers never read it. Once read
 * (or assigned), each is a plain data field in its place; `toEligibleCutShort` is then gone
 * unless the search was cut short. JSON, spreading, `structuredClone` and deep equality read them
 * like any other field, so a verdict looks the same whether or not they were read before.
 */
function defineChangeSets(verdict: Record<string, unknown>, search: () => ChangeSearch): void {
  const plain = (key: string, value: unknown): void => {
    Object.defineProperty(verdict, key, { value, writable: true, enumerable: true, configurable: true });
  };
  const getters = new Set<unknown>();
  const stillLazy = (key: string): boolean => getters.has(Object.getOwnPropertyDescriptor(verdict, key)?.get);
  // Both fields settle at once; one the caller has assigned meanwhile is left alone.
  const settle = (): void => {
    const found = search();
    if (stillLazy('toEligible')) plain('toEligible', found.sets);
    if (stillLazy('toEligibleCutShort')) {
      if (found.cutShort) plain('toEligibleCutShort', found.cutShort);
      else delete verdict.toEligibleCutShort;
    }
  };
  for (const key of ['toEligible', 'toEligibleCutShort'] as const) {
    const get = (): unknown => {
      settle();
      return verdict[key];
    };
    getters.add(get);
    Object.defineProperty(verdict, key, { get, set: (value: unknown) => plain(key, value), enumerable: true, configurable: true });
  }
}
