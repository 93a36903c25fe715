import type { Locale } from '../_internal/text.js';
import { statusOf, type RuleEvaluation, type Trace } from '../engine/evaluate.js';
import type { FactResolver } from '../facts/resolve.js';
import { FACTS } from '../facts/registry.js';
import { UNKNOWN } from '../facts/types.js';
import { AREAS, SEVERITIES, type Area, type ParameterFile } from '../rules/rule-schema.js';
import { paramValueOn, type RuleInSet, type RuleSet } from '../rules/rule-set.js';
import { recommend } from './recommendation.js';
import { fillPlaceholders, formatFact, formatValue } from './render.js';
import { searchChangeSets } from './to-eligible.js';
import type { AreaResult, FactUse, Finding, FindingStatus, MissingFact, Outcome, ParameterUse, Verdict } from './types.js';
import { VERSION } from '../version.js';

const GENERIC_NOT_APPLICABLE = {
  sv: 'Regeln gäller inte i detta fall.',
  en: 'The rule does not apply in this case.',
};

function factsOf(t: Trace | undefined, out: string[] = []): string[] {
  if (!t) return out;
  if (t.kind === 'leaf') {
    if (!out.includes(t.fact)) out.push(t.fact);
  } else for (const c of t.children) factsOf(c, out);
  return out;
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

  const lookup = (name: string): string => {
    if (name.startsWith('param.')) {
      const p = set.parameters.get(name.slice(6));
      if (!p) return `{${name}}`;
      const use = useParam(p, asOf);
      return formatValue(use.value as never, p.unit as never, locale);
    }
    const v = facts.get(name);
    return formatFact(name, v === UNKNOWN ? null : v, locale);
  };

  const findings: Finding[] = [];
  for (const { rule, severity } of rules) {
    const ev = evaluations.get(rule.id);
    if (!ev) throw new Error(`iop-rules: rule ${rule.id} was not evaluated`);
    const st = statusOf(ev);
    const texts = rule.explanation;
    const chosen =
      st === 'pass' ? texts.pass : st === 'fail' ? texts.fail : st === 'unknown' ? texts.unknown : (texts.notApplicable ?? GENERIC_NOT_APPLICABLE);
    const used: FactUse[] = factsOf(ev.appliesTo, factsOf(ev.conditions)).map((id) => {
      const v = facts.get(id);
      return { id, value: v === UNKNOWN ? null : v, known: v !== UNKNOWN };
    });
    const walkParams = (t: Trace | undefined): void => {
      if (!t) return;
      if (t.kind === 'leaf') {
        const p = t.param ? set.parameters.get(t.param) : undefined;
        if (p) useParam(p, asOf);
      } else t.children.forEach(walkParams);
    };
    walkParams(ev.conditions);
    walkParams(ev.appliesTo);
    findings.push({
      ruleId: rule.id,
      version: rule.version,
      area: rule.area,
      severity,
      status: st,
      title: fillPlaceholders(rule.title[locale], lookup),
      explanation: fillPlaceholders(chosen[locale], lookup),
      ...(rule.remedy && (st === 'fail' || st === 'unknown') ? { remedy: fillPlaceholders(rule.remedy[locale], lookup) } : {}),
      sources: rule.sources,
      facts: used,
      trace: ev.conditions,
      ...(ev.appliesTo ? { appliesTo: ev.appliesTo } : {}),
      layer: rule.layer,
      effective: rule.effective,
    });
  }
  for (const read of facts.paramReads) {
    const p = set.parameters.get(read.id);
    if (p) useParam(p, read.date);
  }

  // Stable order: area order, then severity, then id.
  const areaIdx = (a: Area) => AREAS.indexOf(a);
  const sevIdx = (s: string) => SEVERITIES.indexOf(s as never);
  findings.sort((a, b) => areaIdx(a.area) - areaIdx(b.area) || sevIdx(a.severity) - sevIdx(b.severity) || (a.ruleId < b.ruleId ? -1 : 1));

  const areas = Object.fromEntries(AREAS.map((a) => [a, areaOf(findings.filter((f) => f.area === a))])) as Record<Area, AreaResult>;
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

  const search = outcome === 'eligible' ? { sets: [], work: 0 } : searchChangeSets(findings);
  return {
    outcome,
    asOf,
    locale,
    ruleSet: { id: set.id, title: set.title[locale], layers: set.layers, hash: set.hash },
    areas,
    findings,
    missingFacts,
    toEligible: search.sets,
    ...(search.cutShort ? { toEligibleCutShort: search.cutShort } : {}),
    recommendation: recommend(findings, outcome, locale, (id) => facts.get(id)),
    parameters,
    engineVersion: VERSION,
  };
}
