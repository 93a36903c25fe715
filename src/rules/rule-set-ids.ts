/**
 * The ids of the bundled rule sets, for typing `ruleSet` where a caller writes a literal.
 * test/types.test.ts keeps this list equal to the catalogue's editions.
 */
export const RULE_SET_IDS = ['national', 'stockholm-2017', 'stockholm-2023'] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

/** Narrow a string from outside (a form, a query string) to a rule-set id. */
export function isRuleSetId(x: unknown): x is RuleSetId {
  return typeof x === 'string' && (RULE_SET_IDS as readonly string[]).includes(x);
}

/**
 * A rule-set id as an option's type: a literal must be a bundled id (`'stockholm-2099'` is a
 * compile error), while a `string` from data is accepted and checked when the call runs.
 */
export type KnownRuleSet<R extends string> = string extends R ? R : R extends RuleSetId ? R : RuleSetId;
