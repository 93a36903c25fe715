import { CLAUSE_IDS, type ClauseId } from '../domain/case.js';
import { evaluateCondition, type Tri } from '../engine/evaluate.js';
import type { FactResolver } from '../facts/resolve.js';
import { UNKNOWN, type FactValue } from '../facts/types.js';
import type { Condition, Severity } from '../rules/rule-schema.js';
import { inForce, paramValueOn, type RuleSet } from '../rules/rule-set.js';

/** One clause the rule set asks for in this case, and why. */
export interface ClauseNeed {
  readonly clause: ClauseId;
  /** True when a blocker or major rule asks for it; false when only advisory or info rules do. */
  readonly required: boolean;
  /** True when no rule is known to apply: every rule asking for it has an unknown `appliesTo`. */
  readonly open: boolean;
  /** The facts that leave `appliesTo` open (for the note in the draft). */
  readonly openFacts: readonly string[];
  /** The rules that ask for the clause, sorted. */
  readonly rules: readonly string[];
}

/**
 * Facts fixed while drafting: the agreement being drafted exists, so rules that apply "when the
 * case has an agreement" apply to the draft.
 */
const DRAFT_OVERRIDES: ReadonlyMap<string, FactValue> = new Map([['agreement.provided', true]]);

const CLAUSE_SET: ReadonlySet<string> = new Set(CLAUSE_IDS);

/** Clause ids a condition asks the agreement to contain (leaves `agreement.clauses contains X` not under `not`). */
export function clausesAskedFor(cond: Condition, out: ClauseId[] = []): ClauseId[] {
  if ('all' in cond) for (const c of cond.all) clausesAskedFor(c, out);
  else if ('any' in cond) for (const c of cond.any) clausesAskedFor(c, out);
  else if ('not' in cond) return out;
  else if (cond.fact === 'agreement.clauses' && cond.operator === 'contains' && typeof cond.value === 'string' && CLAUSE_SET.has(cond.value)) {
    if (!out.includes(cond.value as ClauseId)) out.push(cond.value as ClauseId);
  }
  return out;
}

/**
 * Evaluate a condition synchronously with three-valued logic over the case's facts: the one
 * evaluator's `evaluateCondition`, with the draft's own facts fixed (DRAFT_OVERRIDES) and
 * parameters read on `asOf`. Collects the unknown facts that matter.
 */
function evaluateForDraft(cond: Condition, facts: FactResolver, set: RuleSet, asOf: string, unknownFacts: Set<string>): Tri {
  return evaluateCondition(
    cond,
    (id) => (DRAFT_OVERRIDES.has(id) ? (DRAFT_OVERRIDES.get(id) as FactValue) : facts.get(id)),
    (id) => {
      const p = set.parameters.get(id);
      const found = p ? paramValueOn(p, asOf) : UNKNOWN;
      return found === UNKNOWN ? UNKNOWN : found.value;
    },
    (id) => unknownFacts.add(id),
  );
}

const GATING: readonly Severity[] = ['blocker', 'major'];

/**
 * The clauses the rules in force ask for in this case: every rule (of any area, so also
 * IOP-KL-005's insyn clause and overlay rules) whose conditions test `agreement.clauses contains
 * <clause>` and whose `appliesTo` is not false. An unknown `appliesTo` keeps the clause, marked open.
 */
export function requiredClauses(set: RuleSet, facts: FactResolver, asOf: string): Map<ClauseId, ClauseNeed> {
  interface Acc { gatingKnown: boolean; gatingOpen: boolean; adviceKnown: boolean; openFacts: Set<string>; rules: string[] }
  const acc = new Map<ClauseId, Acc>();
  for (const { rule, severity } of set.rules) {
    if (!inForce(rule.effective, asOf)) continue;
    const clauses = clausesAskedFor(rule.conditions);
    if (clauses.length === 0) continue;
    const open = new Set<string>();
    const applies: Tri = rule.appliesTo ? evaluateForDraft(rule.appliesTo, facts, set, asOf, open) : 'true';
    if (applies === 'false') continue;
    const gating = GATING.includes(severity);
    for (const clause of clauses) {
      const e = acc.get(clause) ?? { gatingKnown: false, gatingOpen: false, adviceKnown: false, openFacts: new Set<string>(), rules: [] };
      if (applies === 'true') {
        if (gating) e.gatingKnown = true;
        else e.adviceKnown = true;
      } else {
        if (gating) e.gatingOpen = true;
        for (const f of open) e.openFacts.add(f);
      }
      e.rules.push(rule.id);
      acc.set(clause, e);
    }
  }
  const out = new Map<ClauseId, ClauseNeed>();
  for (const [clause, e] of acc) {
    const required = e.gatingKnown || e.gatingOpen;
    // Open: whether the clause is needed at its level (required, or else recommended) is not settled.
    const open = required ? !e.gatingKnown : !e.adviceKnown;
    out.set(clause, { clause, required, open, openFacts: open ? [...e.openFacts].sort() : [], rules: [...e.rules].sort() });
  }
  return out;
}
