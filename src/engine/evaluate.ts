// The one meaning of "a rule passes": three-valued (Kleene) logic, one leaf evaluation over the
// operator table, and one status function. The verdict (through json-rules-engine's results),
// `toEligible` (what-if re-evaluation) and the draft all use these.
import type { FactResolver } from '../facts/resolve.js';
import { UNKNOWN, type FactValue, type Unknown } from '../facts/types.js';
import { applyOperator } from '../rules/operators.js';
import type { Condition, LeafValue, Operator, ParameterFile } from '../rules/rule-schema.js';
import { inForce, paramValueOn, type RuleInSet, type RuleSet } from '../rules/rule-set.js';
import { createLeafRunner, type EngineLeaf, type LeafRunner } from './json-rules-engine.js';

/** Three-valued truth (Kleene). */
export type Tri = 'true' | 'false' | 'unknown';

/** A rule's status in a case. */
export type RuleStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';

/** One evaluated leaf: what was compared, with what, and the outcome. */
export interface TraceLeaf {
  readonly kind: 'leaf';
  readonly fact: string;
  readonly operator: Operator;
  /** The right-hand value, after a parameter was looked up (null when the parameter has no value on the date). */
  readonly expected: FactValue | readonly (string | number | boolean)[] | null;
  /** The parameter the value came from, if any. */
  readonly param?: string;
  /** The fact's value, or null when unknown. */
  readonly actual: FactValue | null;
  readonly known: boolean;
  readonly result: Tri;
}

export interface TraceGroup {
  readonly kind: 'all' | 'any' | 'not';
  readonly result: Tri;
  readonly children: readonly Trace[];
}

/** The evaluated condition tree, mirroring the rule's `conditions`. */
export type Trace = TraceLeaf | TraceGroup;

export interface RuleEvaluation {
  readonly conditions: Trace;
  readonly appliesTo?: Trace;
}

// ---------------------------------------------------------------------------------------------
// Kleene logic and the status of a rule
// ---------------------------------------------------------------------------------------------

/** Kleene AND. */
export function and(values: readonly Tri[]): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === 'false') return 'false';
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'true';
}
/** Kleene OR. */
export function or(values: readonly Tri[]): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === 'true') return 'true';
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : 'false';
}
/** Kleene NOT. */
export function not(v: Tri): Tri {
  return v === 'true' ? 'false' : v === 'false' ? 'true' : 'unknown';
}

/**
 * A rule's status from its applicability and its conditions: not applicable when `appliesTo`
 * is false; a failing rule whose applicability is open is open too (it may not apply at all).
 */
export function ruleStatus(applies: Tri, conditions: Tri): RuleStatus {
  if (applies === 'false') return 'not-applicable';
  if (conditions === 'true') return 'pass';
  if (conditions === 'false') return applies === 'unknown' ? 'unknown' : 'fail';
  return 'unknown';
}

/** The status of an evaluated rule. */
export function statusOf(ev: { readonly conditions: Trace; readonly appliesTo?: Trace | undefined }): RuleStatus {
  return ruleStatus(ev.appliesTo?.result ?? 'true', ev.conditions.result);
}

/**
 * One leaf, three-valued: unknown when the fact or the parameter is unknown (whatever the
 * operator: json-rules-engine would pass `notEqual` on a missing fact), else the operator's test.
 */
export function evaluateLeaf(operator: Operator, actual: FactValue | Unknown, expected: unknown, expectedKnown = true): Tri {
  if (actual === UNKNOWN || !expectedKnown) return 'unknown';
  return applyOperator(operator, actual, expected) ? 'true' : 'false';
}

/** Re-evaluate a trace with some facts replaced (the others keep their result). */
export function reevaluate(t: Trace, o: ReadonlyMap<string, FactValue>): Tri {
  if (t.kind === 'leaf') {
    if (!o.has(t.fact)) return t.result;
    return evaluateLeaf(t.operator, o.get(t.fact) as FactValue, t.expected, !(t.param !== undefined && t.expected === null));
  }
  if (t.kind === 'not') return not(t.children[0] ? reevaluate(t.children[0], o) : 'unknown');
  let unknown = false;
  const stop: Tri = t.kind === 'all' ? 'false' : 'true';
  for (const c of t.children) {
    const v = reevaluate(c, o);
    if (v === stop) return stop;
    if (v === 'unknown') unknown = true;
  }
  return unknown ? 'unknown' : t.kind === 'all' ? 'true' : 'false';
}

/** A rule's status with some facts replaced. */
export function statusWith(ev: { readonly trace: Trace; readonly appliesTo?: Trace | undefined }, o: ReadonlyMap<string, FactValue>): RuleStatus {
  const applies = ev.appliesTo ? reevaluate(ev.appliesTo, o) : 'true';
  if (applies === 'false') return 'not-applicable';
  return ruleStatus(applies, reevaluate(ev.trace, o));
}

/**
 * Evaluate a condition tree directly (no engine, no trace): the library's own evaluation, the
 * same functions json-rules-engine runs. `fact` reads a fact (UNKNOWN when unknown); `param`
 * reads a parameter on the evaluation date; `onUnknownFact` hears every unknown fact read.
 * This is what a caller outside the verdict (the agreement draft) should use.
 */
export function evaluateCondition(
  cond: Condition,
  fact: (id: string) => FactValue | Unknown,
  param: (id: string) => number | string | boolean | Unknown,
  onUnknownFact?: (id: string) => void,
): Tri {
  if ('all' in cond) return and(cond.all.map((c) => evaluateCondition(c, fact, param, onUnknownFact)));
  if ('any' in cond) return or(cond.any.map((c) => evaluateCondition(c, fact, param, onUnknownFact)));
  if ('not' in cond) return not(evaluateCondition(cond.not, fact, param, onUnknownFact));
  let expected: unknown = cond.value;
  if (typeof cond.value === 'object' && cond.value !== null && !Array.isArray(cond.value)) {
    const found = param(cond.value.param);
    if (found === UNKNOWN) return 'unknown';
    expected = found;
  }
  const actual = fact(cond.fact);
  if (actual === UNKNOWN) {
    onUnknownFact?.(cond.fact);
    return 'unknown';
  }
  return evaluateLeaf(cond.operator, actual, expected);
}

// ---------------------------------------------------------------------------------------------
// Prepared rule sets: compiled once per (rule set, date), run on pooled Engines
// ---------------------------------------------------------------------------------------------

interface PreparedLeaf {
  readonly fact: string;
  readonly operator: Operator;
  readonly expected: TraceLeaf['expected'];
  readonly param?: string;
  /** False when the parameter has no value in force: the leaf is then unknown. */
  readonly paramKnown: boolean;
  /** Index of the distinct engine leaf that computes it (-1 when the parameter is unknown). */
  readonly slot: number;
}

type Compiled =
  | { readonly kind: 'leaf'; readonly leaf: PreparedLeaf }
  | { readonly kind: 'all' | 'any'; readonly children: readonly Compiled[] }
  | { readonly kind: 'not'; readonly child: Compiled };

interface PreparedRule {
  readonly inSet: RuleInSet;
  readonly conditions: Compiled;
  readonly appliesTo?: Compiled;
}

/** Rules in force compiled for one date: parameters filled in, each distinct leaf once. */
export interface PreparedRules {
  readonly asOf: string;
  /** The rules in force on `asOf`, in rule-set order. */
  readonly rules: readonly RuleInSet[];
  readonly compiled: readonly PreparedRule[];
  readonly runner: LeafRunner;
}

function resolveValue(v: LeafValue, params: ReadonlyMap<string, ParameterFile>, asOf: string): { expected: TraceLeaf['expected']; param?: string; known: boolean } {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const p = params.get(v.param);
    const found = p ? paramValueOn(p, asOf) : UNKNOWN;
    return found === UNKNOWN ? { expected: null, param: v.param, known: false } : { expected: found.value, param: v.param, known: true };
  }
  return { expected: v as TraceLeaf['expected'], known: true };
}

/** Compile the rules (already filtered to those in force on `asOf`) for repeated evaluation. */
export function prepareRules(rules: readonly RuleInSet[], params: ReadonlyMap<string, ParameterFile>, asOf: string): PreparedRules {
  const distinct: EngineLeaf[] = [];
  const slots = new Map<string, number>();
  const compile = (c: Condition): Compiled => {
    if ('all' in c) return { kind: 'all', children: c.all.map(compile) };
    if ('any' in c) return { kind: 'any', children: c.any.map(compile) };
    if ('not' in c) return { kind: 'not', child: compile(c.not) };
    const { expected, param, known } = resolveValue(c.value, params, asOf);
    let slot = -1;
    if (known) {
      const key = `${c.fact}\u0000${c.operator}\u0000${JSON.stringify(expected)}`;
      const hit = slots.get(key);
      if (hit !== undefined) slot = hit;
      else {
        slot = distinct.length;
        distinct.push({ fact: c.fact, operator: c.operator, value: expected });
        slots.set(key, slot);
      }
    }
    return { kind: 'leaf', leaf: { fact: c.fact, operator: c.operator, expected, ...(param ? { param } : {}), paramKnown: known, slot } };
  };
  const compiled = rules.map((inSet) => ({
    inSet,
    conditions: compile(inSet.rule.conditions),
    ...(inSet.rule.appliesTo ? { appliesTo: compile(inSet.rule.appliesTo) } : {}),
  }));
  return { asOf, rules, compiled, runner: createLeafRunner(distinct) };
}

function traceOf(c: Compiled, results: readonly boolean[], facts: FactResolver): Trace {
  if (c.kind === 'not') {
    const child = traceOf(c.child, results, facts);
    return { kind: 'not', result: not(child.result), children: [child] };
  }
  if (c.kind !== 'leaf') {
    const children: Trace[] = [];
    const stop: Tri = c.kind === 'all' ? 'false' : 'true';
    let result: Tri = c.kind === 'all' ? 'true' : 'false';
    for (const x of c.children) {
      const child = traceOf(x, results, facts);
      children.push(child);
      if (result !== stop) result = child.result === stop ? stop : child.result === 'unknown' ? 'unknown' : result;
    }
    return { kind: c.kind, result, children };
  }
  const info = c.leaf;
  const value = facts.get(info.fact);
  const known = value !== UNKNOWN;
  // Unknown is never read from the engine: json-rules-engine would pass `notEqual` on a missing fact.
  const result: Tri = !known || !info.paramKnown ? 'unknown' : results[info.slot] === true ? 'true' : 'false';
  // Two fixed shapes (with and without `param`), keys in the documented order.
  return info.param !== undefined
    ? { kind: 'leaf', fact: info.fact, operator: info.operator, expected: info.expected, param: info.param, actual: known ? value : null, known, result }
    : { kind: 'leaf', fact: info.fact, operator: info.operator, expected: info.expected, actual: known ? value : null, known, result };
}

/**
 * Evaluate prepared rules over the facts in one engine run and roll every tree up with
 * three-valued logic. Returns the traces by rule id (fresh objects on every call).
 */
export async function evaluatePrepared(prepared: PreparedRules, facts: FactResolver): Promise<Map<string, RuleEvaluation>> {
  const results = await prepared.runner.run((id) => {
    const v = facts.get(id);
    return v === UNKNOWN ? undefined : v;
  });
  const out = new Map<string, RuleEvaluation>();
  for (const c of prepared.compiled) {
    const conditions = traceOf(c.conditions, results, facts);
    out.set(c.inSet.rule.id, c.appliesTo ? { conditions, appliesTo: traceOf(c.appliesTo, results, facts) } : { conditions });
  }
  return out;
}

/**
 * Evaluate the given rules over the facts and roll every tree up with three-valued logic.
 * Compiles on every call; `assess` uses prepared rules instead.
 */
export async function evaluateRules(
  rules: readonly RuleInSet[],
  params: ReadonlyMap<string, ParameterFile>,
  facts: FactResolver,
  asOf: string,
): Promise<Map<string, RuleEvaluation>> {
  return evaluatePrepared(prepareRules(rules, params, asOf), facts);
}

/** Prepared rules kept per (rule set, date), most recently used last. */
const PREPARED_CACHE_SIZE = 64;
const preparedCache = new Map<string, PreparedRules>();

/**
 * The rules of a rule set in force on `asOf`, prepared once and kept (at most 64 rule-set and
 * date pairs; the least recently used goes first). The key is the rule-set hash (every rule,
 * severity and parameter), its layers (a rule's layer is not in the hash) and the date.
 */
export function preparedFor(set: RuleSet, asOf: string): PreparedRules {
  const key = `${set.hash}|${set.layers.join(',')}|${asOf}`;
  const hit = preparedCache.get(key);
  if (hit) {
    preparedCache.delete(key);
    preparedCache.set(key, hit);
    return hit;
  }
  const prepared = prepareRules(set.rules.filter((r) => inForce(r.rule.effective, asOf)), set.parameters, asOf);
  preparedCache.set(key, prepared);
  if (preparedCache.size > PREPARED_CACHE_SIZE) preparedCache.delete(preparedCache.keys().next().value as string);
  return prepared;
}
