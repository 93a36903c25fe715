import type { Locale } from '../_internal/text.js';
import { and, not, or, type RuleEvaluation, type Trace } from '../engine/evaluate.js';
import type { FactResolver } from '../facts/resolve.js';
import { UNKNOWN } from '../facts/types.js';
import type { Condition } from '../rules/rule-schema.js';
import { inForce, paramValueOn, type RuleSet } from '../rules/rule-set.js';
import { buildVerdict } from '../verdict/build.js';
import { applyOperator } from '../verdict/to-eligible.js';
import type { Verdict } from '../verdict/types.js';

/**
 * The verdict `draftAgreement` reads, computed synchronously (docs/decisions/0012-draft-reads-the-verdict.md).
 *
 * `draftAgreement` is synchronous (its signature is fixed) and json-rules-engine is not, so the
 * draft evaluates the same rules in force, over the same resolved facts and parameters, with the
 * operators' meaning that `applyOperator` shares with the engine (test/what-if.test.ts checks that
 * they agree), and hands the traces to the same `buildVerdict` as `assess`. test/draft-verdict.test.ts
 * checks that the result equals `assess` for every example and a range of built cases, so a caller
 * cannot get a draft that reads a different verdict than the one `assess` gives.
 */
export function verdictSync(set: RuleSet, facts: FactResolver, asOf: string, locale: Locale): Verdict {
  const rules = set.rules.filter((r) => inForce(r.rule.effective, asOf));
  const evaluations = new Map<string, RuleEvaluation>();
  for (const { rule } of rules) {
    const conditions = traceOf(rule.conditions, set, facts, asOf);
    evaluations.set(rule.id, rule.appliesTo ? { conditions, appliesTo: traceOf(rule.appliesTo, set, facts, asOf) } : { conditions });
  }
  return buildVerdict({ set, rules, evaluations, facts, asOf, locale });
}

/** The evaluated condition tree, with the same shape and leaf fields as the engine's trace. */
function traceOf(cond: Condition, set: RuleSet, facts: FactResolver, asOf: string): Trace {
  if ('all' in cond) {
    const children = cond.all.map((c) => traceOf(c, set, facts, asOf));
    return { kind: 'all', result: and(children.map((x) => x.result)), children };
  }
  if ('any' in cond) {
    const children = cond.any.map((c) => traceOf(c, set, facts, asOf));
    return { kind: 'any', result: or(children.map((x) => x.result)), children };
  }
  if ('not' in cond) {
    const child = traceOf(cond.not, set, facts, asOf);
    return { kind: 'not', result: not(child.result), children: [child] };
  }
  let expected: (typeof cond)['value'] | null = cond.value;
  let param: string | undefined;
  let paramKnown = true;
  if (typeof cond.value === 'object' && cond.value !== null && !Array.isArray(cond.value)) {
    param = cond.value.param;
    const p = set.parameters.get(param);
    const found = p ? paramValueOn(p, asOf) : UNKNOWN;
    if (found === UNKNOWN) {
      expected = null;
      paramKnown = false;
    } else expected = found.value;
  }
  const value = facts.get(cond.fact);
  const known = value !== UNKNOWN;
  const result = !known || !paramKnown ? 'unknown' : applyOperator(cond.operator, value, expected) ? 'true' : 'false';
  return {
    kind: 'leaf',
    fact: cond.fact,
    operator: cond.operator,
    expected: expected as Exclude<typeof expected, { param: string }>,
    ...(param ? { param } : {}),
    actual: known ? value : null,
    known,
    result,
  };
}
