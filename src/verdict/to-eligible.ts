import { statusWith, type Trace, type TraceLeaf } from '../engine/evaluate.js';
import { FACTS } from '../facts/registry.js';
import type { FactValue } from '../facts/types.js';
import { operatorSpec } from '../rules/operators.js';
import type { ChangeSet, Finding } from './types.js';

/** The operators' meaning for known values (the operator table's; kept here for old importers). */
export { applyOperator } from '../rules/operators.js';
/** Re-evaluation with facts replaced, and the status that follows (the one evaluator's). */
export { reevaluate, statusWith } from '../engine/evaluate.js';

function candidates(leaf: TraceLeaf): FactValue[] {
  const def = FACTS.get(leaf.fact);
  if (def?.fixed) return [];
  return operatorSpec(leaf.operator).candidates({
    expected: leaf.expected,
    actual: leaf.actual,
    step: def?.type === 'ratio' ? 0.01 : 1,
    ...(def?.values ? { values: def.values } : {}),
  });
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
 * The work the smallest-changes search may do for one verdict, counted in leaf evaluations
 * (re-evaluating a rule of n leaves costs n). The bundled rule set needs about 1 200 at most
 * (test/budget.test.ts); an overlay built to make the search explode would need billions. Past the
 * budget the search stops, keeps what it found, and the verdict says so (docs/limits.md).
 */
export const TO_ELIGIBLE_BUDGET = 250_000;

/** What the search did when it was cut short (`verdict.toEligibleCutShort`). */
export interface SearchCutShort {
  /** The budget, in leaf evaluations. */
  readonly budget: number;
  /** How many failing or open blocker and major rules were searched to the end. */
  readonly rulesSearched: number;
  /** How many there were. */
  readonly rulesToSearch: number;
}

export interface ChangeSearch {
  readonly sets: ChangeSet[];
  /** The work done, in leaf evaluations. */
  readonly work: number;
  /** Present only when the budget ran out before every rule was searched. */
  readonly cutShort?: SearchCutShort;
}

/**
 * For each failing or unknown blocker and major rule, the smallest set of fact changes
 * (at most three facts) that makes it pass or not applicable without turning a passing
 * blocker or major rule. Sets that are the same are merged; each lists every rule it settles.
 * Works within `budget` leaf evaluations: a rule whose search would go past it is left out,
 * and the result says the search was cut short.
 */
export function searchChangeSets(findings: readonly Finding[], budget: number = TO_ELIGIBLE_BUDGET): ChangeSearch {
  const gating = findings.filter((f) => f.severity === 'blocker' || f.severity === 'major');
  const targets = gating.filter((f) => f.status === 'fail' || f.status === 'unknown');
  const passing = gating.filter((f) => f.status === 'pass' || f.status === 'not-applicable');
  const size = new Map<Finding, number>();
  const sizeOf = (f: Finding): number => {
    let n = size.get(f);
    if (n === undefined) {
      n = leavesOf(f.appliesTo).length + leavesOf(f.trace).length;
      size.set(f, n);
    }
    return n;
  };
  // Only a rule that reads a changed fact can change: index rules by the facts they read
  // (built when first needed: many verdicts never get that far).
  const indexByFact = (rules: readonly Finding[]): Map<string, Finding[]> => {
    const index = new Map<string, Finding[]>();
    for (const r of rules) {
      for (const fact of new Set([...leavesOf(r.appliesTo), ...leavesOf(r.trace)].map((l) => l.fact))) {
        const list = index.get(fact) ?? [];
        list.push(r);
        index.set(fact, list);
      }
    }
    return index;
  };
  let readers: Map<string, Finding[]> | undefined;
  let work = 0;
  let exhausted = false;
  const statusCounted = (f: Finding, o: ReadonlyMap<string, FactValue>) => {
    work += sizeOf(f);
    return statusWith(f, o);
  };
  const breaksPassing = (o: ReadonlyMap<string, FactValue>): boolean => {
    const seen = new Set<Finding>();
    for (const fact of o.keys()) {
      readers ??= indexByFact(passing);
      for (const p of readers.get(fact) ?? []) {
        if (seen.has(p)) continue;
        seen.add(p);
        const ps = statusCounted(p, o);
        if (ps === 'fail' || ps === 'unknown') return true;
      }
    }
    return false;
  };

  // Only a target that reads a changed fact can be settled by the change.
  let targetReaders: Map<string, Finding[]> | undefined;
  const settledBy = (o: ReadonlyMap<string, FactValue>): string[] => {
    targetReaders ??= indexByFact(targets);
    const hit = new Set<Finding>();
    for (const fact of o.keys()) for (const t of targetReaders.get(fact) ?? []) hit.add(t);
    // In target order, as the rules are listed in the verdict.
    return targets.filter((t) => {
      if (!hit.has(t)) return false;
      const s = statusCounted(t, o);
      return s === 'pass' || s === 'not-applicable';
    }).map((t) => t.ruleId);
  };

  const found = new Map<string, ChangeSet>();
  let searched = 0;
  for (const target of targets) {
    work += sizeOf(target);
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
    search: for (let k = 1; k <= Math.min(3, facts.length) && !solution; k++) {
      for (const combo of combinations(facts, k)) {
        for (const values of product(combo.map(([, e]) => e.values))) {
          if (work > budget) {
            exhausted = true;
            break search;
          }
          const o = new Map(combo.map(([id], i) => [id, values[i] as FactValue]));
          const s = statusCounted(target, o);
          if (s !== 'pass' && s !== 'not-applicable') continue;
          if (breaksPassing(o)) continue;
          solution = o;
          break;
        }
        if (solution) break;
      }
    }
    if (exhausted) break;
    searched++;
    if (!solution) continue;
    const changes = [...solution.entries()].map(([fact, to]) => ({ fact, from: byFact.get(fact)?.from ?? null, to }));
    const key = JSON.stringify(changes.map((c) => [c.fact, c.to]));
    if (!found.has(key)) found.set(key, { changes, settles: settledBy(solution) });
  }

  const sets: ChangeSet[] = [...found.values()];
  sets.sort((a, b) => b.settles.length - a.settles.length || a.changes.length - b.changes.length || (a.settles[0] ?? '').localeCompare(b.settles[0] ?? ''));
  return exhausted ? { sets, work, cutShort: { budget, rulesSearched: searched, rulesToSearch: targets.length } } : { sets, work };
}

/** The change sets alone (see `searchChangeSets`). */
export function smallestChangeSets(findings: readonly Finding[], budget?: number): ChangeSet[] {
  return searchChangeSets(findings, budget).sets;
}
