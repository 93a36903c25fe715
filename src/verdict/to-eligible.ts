import { addDays, formatISO, parseISO } from 'date-fns';
import { and, not, or, type Trace, type TraceLeaf, type Tri } from '../engine/evaluate.js';
import { FACTS } from '../facts/registry.js';
import type { FactValue } from '../facts/types.js';
import type { Operator } from '../rules/rule-schema.js';
import type { ChangeSet, FactChange, Finding, FindingStatus } from './types.js';

/**
 * The operators' meaning for known values, used to ask "what if this fact were different?"
 * without another engine run. `test/what-if.test.ts` checks it agrees with json-rules-engine.
 */
export function applyOperator(op: Operator, actual: FactValue, expected: unknown): boolean {
  switch (op) {
    case 'equal':
      return actual === expected;
    case 'notEqual':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && expected.includes(actual);
    case 'notIn':
      return Array.isArray(expected) && !expected.includes(actual);
    case 'contains':
      return Array.isArray(actual) && actual.includes(expected as string);
    case 'doesNotContain':
      return Array.isArray(actual) && !actual.includes(expected as string);
    case 'lessThan':
      return typeof actual === 'number' && typeof expected === 'number' && actual < expected;
    case 'lessThanInclusive':
      return typeof actual === 'number' && typeof expected === 'number' && actual <= expected;
    case 'greaterThan':
      return typeof actual === 'number' && typeof expected === 'number' && actual > expected;
    case 'greaterThanInclusive':
      return typeof actual === 'number' && typeof expected === 'number' && actual >= expected;
    case 'dateBefore':
      return typeof actual === 'string' && typeof expected === 'string' && actual < expected;
    case 'dateOnOrBefore':
      return typeof actual === 'string' && typeof expected === 'string' && actual <= expected;
    case 'dateAfter':
      return typeof actual === 'string' && typeof expected === 'string' && actual > expected;
    case 'dateOnOrAfter':
      return typeof actual === 'string' && typeof expected === 'string' && actual >= expected;
  }
}

type Overrides = ReadonlyMap<string, FactValue>;

/** Re-evaluate a trace with some facts replaced. */
export function reevaluate(t: Trace, o: Overrides): Tri {
  if (t.kind === 'leaf') {
    if (!o.has(t.fact)) return t.result;
    if (t.param !== undefined && t.expected === null) return 'unknown';
    return applyOperator(t.operator, o.get(t.fact) as FactValue, t.expected) ? 'true' : 'false';
  }
  const kids = t.children.map((c) => reevaluate(c, o));
  return t.kind === 'all' ? and(kids) : t.kind === 'any' ? or(kids) : not(kids[0] ?? 'unknown');
}

/** A finding's status with some facts replaced (same rule as the verdict builder). */
export function statusWith(f: Pick<Finding, 'trace' | 'appliesTo'>, o: Overrides): FindingStatus {
  const applies = f.appliesTo ? reevaluate(f.appliesTo, o) : 'true';
  if (applies === 'false') return 'not-applicable';
  const cond = reevaluate(f.trace, o);
  if (cond === 'true') return 'pass';
  if (cond === 'false') return applies === 'unknown' ? 'unknown' : 'fail';
  return 'unknown';
}

function shiftDay(d: string, n: number): string {
  return formatISO(addDays(parseISO(d), n), { representation: 'date' });
}

function candidates(leaf: TraceLeaf): FactValue[] {
  const def = FACTS.get(leaf.fact);
  if (def?.fixed) return [];
  const e = leaf.expected;
  const out: FactValue[] = [];
  const step = def?.type === 'ratio' ? 0.01 : 1;
  switch (leaf.operator) {
    case 'equal':
      if (e !== null && !Array.isArray(e)) out.push(e as FactValue);
      break;
    case 'notEqual':
      if (typeof e === 'boolean') out.push(!e);
      else if (typeof e === 'number') out.push(e + step);
      else if (def?.values) out.push(...def.values.filter((v) => v !== e));
      break;
    case 'in':
      if (Array.isArray(e)) out.push(...(e as FactValue[]));
      break;
    case 'notIn':
      if (Array.isArray(e) && def?.values) out.push(...def.values.filter((v) => !e.includes(v)));
      break;
    case 'contains':
      if (typeof e === 'string') out.push([...(Array.isArray(leaf.actual) ? leaf.actual : []), e]);
      break;
    case 'doesNotContain':
      if (typeof e === 'string' && Array.isArray(leaf.actual)) out.push(leaf.actual.filter((x) => x !== e));
      break;
    case 'lessThan':
      if (typeof e === 'number') out.push(e - step);
      break;
    case 'lessThanInclusive':
    case 'greaterThanInclusive':
      if (typeof e === 'number') out.push(e);
      break;
    case 'greaterThan':
      if (typeof e === 'number') out.push(e + step);
      break;
    case 'dateBefore':
      if (typeof e === 'string') out.push(shiftDay(e, -1));
      break;
    case 'dateAfter':
      if (typeof e === 'string') out.push(shiftDay(e, 1));
      break;
    case 'dateOnOrBefore':
    case 'dateOnOrAfter':
      if (typeof e === 'string') out.push(e);
      break;
  }
  return out;
}

function leavesOf(t: Trace | undefined, out: TraceLeaf[] = []): TraceLeaf[] {
  if (!t) return out;
  if (t.kind === 'leaf') out.push(t);
  else for (const c of t.children) leavesOf(c, out);
  return out;
}

function combinations<T>(items: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinations(items.slice(i + 1), k - 1)) out.push([item, ...rest]);
  });
  return out;
}

function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((a) => list.map((x) => [...a, x])), [[]]);
}

const MAX_FACTS = 8;
const MAX_VALUES = 4;

/**
 * For each failing or unknown blocker and major rule, the smallest set of fact changes
 * (at most three facts) that makes it pass or not applicable without turning a passing
 * blocker or major rule. Sets that are the same are merged; each lists every rule it settles.
 */
export function smallestChangeSets(findings: readonly Finding[]): ChangeSet[] {
  const gating = findings.filter((f) => f.severity === 'blocker' || f.severity === 'major');
  const targets = gating.filter((f) => f.status === 'fail' || f.status === 'unknown');
  const passing = gating.filter((f) => f.status === 'pass' || f.status === 'not-applicable');
  const found = new Map<string, { changes: FactChange[]; overrides: Map<string, FactValue> }>();

  for (const target of targets) {
    const byFact = new Map<string, { from: FactValue | null; values: FactValue[] }>();
    for (const leaf of [...leavesOf(target.appliesTo), ...leavesOf(target.trace)]) {
      const entry = byFact.get(leaf.fact) ?? { from: leaf.actual, values: [] };
      for (const v of candidates(leaf)) {
        if (entry.values.length < MAX_VALUES && !entry.values.some((x) => JSON.stringify(x) === JSON.stringify(v)) && JSON.stringify(v) !== JSON.stringify(leaf.actual)) {
          entry.values.push(v);
        }
      }
      byFact.set(leaf.fact, entry);
    }
    const facts = [...byFact.entries()].filter(([, e]) => e.values.length > 0).slice(0, MAX_FACTS);
    let solution: Map<string, FactValue> | undefined;
    for (let k = 1; k <= Math.min(3, facts.length) && !solution; k++) {
      for (const combo of combinations(facts, k)) {
        for (const values of product(combo.map(([, e]) => e.values))) {
          const o = new Map(combo.map(([id], i) => [id, values[i] as FactValue]));
          const s = statusWith(target, o);
          if (s !== 'pass' && s !== 'not-applicable') continue;
          if (passing.some((p) => { const ps = statusWith(p, o); return ps === 'fail' || ps === 'unknown'; })) continue;
          solution = o;
          break;
        }
        if (solution) break;
      }
    }
    if (!solution) continue;
    const changes = [...solution.entries()].map(([fact, to]) => ({ fact, from: byFact.get(fact)?.from ?? null, to }));
    const key = JSON.stringify(changes.map((c) => [c.fact, c.to]));
    if (!found.has(key)) found.set(key, { changes, overrides: solution });
  }

  const sets: ChangeSet[] = [...found.values()].map(({ changes, overrides }) => ({
    changes,
    settles: targets.filter((t) => { const s = statusWith(t, overrides); return s === 'pass' || s === 'not-applicable'; }).map((t) => t.ruleId),
  }));
  return sets.sort((a, b) => b.settles.length - a.settles.length || a.changes.length - b.changes.length || (a.settles[0] ?? '').localeCompare(b.settles[0] ?? ''));
}
