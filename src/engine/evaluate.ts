import type { FactResolver } from '../facts/resolve.js';
import { UNKNOWN, type FactValue } from '../facts/types.js';
import type { Condition, LeafValue, Operator } from '../rules/rule-schema.js';
import { paramValueOn, type RuleInSet } from '../rules/rule-set.js';
import type { ParameterFile } from '../rules/rule-schema.js';
import { runEngine, type EngineCondition, type EngineRule } from './json-rules-engine.js';

/** Three-valued truth (Kleene). */
export type Tri = 'true' | 'false' | 'unknown';

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

/** Kleene AND. */
export function and(values: readonly Tri[]): Tri {
  if (values.includes('false')) return 'false';
  return values.includes('unknown') ? 'unknown' : 'true';
}
/** Kleene OR. */
export function or(values: readonly Tri[]): Tri {
  if (values.includes('true')) return 'true';
  return values.includes('unknown') ? 'unknown' : 'false';
}
/** Kleene NOT. */
export function not(v: Tri): Tri {
  return v === 'true' ? 'false' : v === 'false' ? 'true' : 'unknown';
}

interface LeafInfo {
  readonly fact: string;
  readonly operator: Operator;
  readonly expected: TraceLeaf['expected'];
  readonly param?: string;
  /** False when the parameter has no value in force: the leaf is then unknown. */
  readonly paramKnown: boolean;
}

interface Compiled {
  readonly engine: EngineCondition;
  readonly leaves: Map<string, LeafInfo>;
}

function resolveValue(
  v: LeafValue,
  params: ReadonlyMap<string, ParameterFile>,
  asOf: string,
): { expected: TraceLeaf['expected']; param?: string; known: boolean } {
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const p = params.get(v.param);
    const found = p ? paramValueOn(p, asOf) : UNKNOWN;
    return found === UNKNOWN ? { expected: null, param: v.param, known: false } : { expected: found.value, param: v.param, known: true };
  }
  return { expected: v, known: true };
}

function compile(cond: Condition, prefix: string, params: ReadonlyMap<string, ParameterFile>, asOf: string): Compiled {
  const leaves = new Map<string, LeafInfo>();
  let n = 0;
  const walk = (c: Condition): EngineCondition => {
    if ('all' in c) return { all: c.all.map(walk) };
    if ('any' in c) return { any: c.any.map(walk) };
    if ('not' in c) return { not: walk(c.not) };
    const name = `${prefix}${n++}`;
    const { expected, param, known } = resolveValue(c.value, params, asOf);
    leaves.set(name, { fact: c.fact, operator: c.operator, expected, ...(param ? { param } : {}), paramKnown: known });
    return { name, fact: c.fact, operator: c.operator, value: expected };
  };
  return { engine: walk(cond), leaves };
}

function trace(
  cond: Condition,
  compiled: Compiled,
  results: ReadonlyMap<string, boolean> | undefined,
  facts: FactResolver,
  prefix: string,
): Trace {
  let n = 0;
  const walk = (c: Condition): Trace => {
    if ('all' in c) {
      const children = c.all.map(walk);
      return { kind: 'all', result: and(children.map((x) => x.result)), children };
    }
    if ('any' in c) {
      const children = c.any.map(walk);
      return { kind: 'any', result: or(children.map((x) => x.result)), children };
    }
    if ('not' in c) {
      const child = walk(c.not);
      return { kind: 'not', result: not(child.result), children: [child] };
    }
    const name = `${prefix}${n++}`;
    const info = compiled.leaves.get(name);
    if (!info) throw new Error(`iop-rules: leaf ${name} lost in compilation`);
    const value = facts.get(info.fact);
    const known = value !== UNKNOWN;
    // Unknown is never read from the engine: json-rules-engine would pass `notEqual` on a missing fact.
    const result: Tri = !known || !info.paramKnown ? 'unknown' : results?.get(name) === true ? 'true' : 'false';
    return {
      kind: 'leaf',
      fact: info.fact,
      operator: info.operator,
      expected: info.expected,
      ...(info.param ? { param: info.param } : {}),
      actual: known ? value : null,
      known,
      result,
    };
  };
  return walk(cond);
}

/**
 * Evaluate the given rules over the facts in one engine run and roll every tree up with
 * three-valued logic. Returns the traces by rule id.
 */
export async function evaluateRules(
  rules: readonly RuleInSet[],
  params: ReadonlyMap<string, ParameterFile>,
  facts: FactResolver,
  asOf: string,
): Promise<Map<string, RuleEvaluation>> {
  const compiled = rules.map(({ rule }) => ({
    rule,
    conditions: compile(rule.conditions, 'c', params, asOf),
    appliesTo: rule.appliesTo ? compile(rule.appliesTo, 'a', params, asOf) : undefined,
  }));

  const factValues: Record<string, unknown> = {};
  const engineRules: EngineRule[] = [];
  for (const c of compiled) {
    for (const part of [c.conditions, c.appliesTo]) {
      if (!part) continue;
      for (const leaf of part.leaves.values()) {
        if (leaf.fact in factValues) continue;
        const v = facts.get(leaf.fact);
        if (v !== UNKNOWN) factValues[leaf.fact] = v;
      }
    }
    engineRules.push({ name: c.rule.id, conditions: c.conditions.engine });
    if (c.appliesTo) engineRules.push({ name: `${c.rule.id}#appliesTo`, conditions: c.appliesTo.engine });
  }

  const results = await runEngine(engineRules, factValues);
  const out = new Map<string, RuleEvaluation>();
  for (const c of compiled) {
    const conditions = trace(c.rule.conditions, c.conditions, results.get(c.rule.id), facts, 'c');
    const appliesTo =
      c.rule.appliesTo && c.appliesTo ? trace(c.rule.appliesTo, c.appliesTo, results.get(`${c.rule.id}#appliesTo`), facts, 'a') : undefined;
    out.set(c.rule.id, appliesTo ? { conditions, appliesTo } : { conditions });
  }
  return out;
}
