import { parseCase, resolveOptions, verdictFor, type AssessOptions } from './assess.js';
import { IopInputError } from './domain/input-error.js';
import { preparedFor } from './engine/evaluate.js';
import type { CheckedCase } from './domain/case-input.js';
import type { Verdict } from './verdict/types.js';

/** A rule set resolved, validated, compiled and hashed once, ready to assess many cases. */
export interface PreparedRuleSet {
  /** The evaluation date every verdict of this preparation uses. */
  readonly asOf: string;
  readonly ruleSet: { readonly id: string; readonly layers: readonly string[]; readonly hash: string };
  /** Like `assess(input, options)` with the options given to `prepareRuleSet`: a case written as a literal is type-checked. */
  assess<T = unknown>(input: CheckedCase<T>): Promise<Verdict>;
  /** Like `safeAssess(input, options)`: never throws for bad input. */
  safeAssess<T = unknown>(input: CheckedCase<T>): Promise<{ ok: true; verdict: Verdict } | { ok: false; error: IopInputError }>;
}

/**
 * Resolve the options once (rule set, overlays, date, locale, limits) and return functions that
 * assess cases under them. Verdicts are the same, byte for byte, as `assess(input, options)`;
 * only the per-call work on the options is saved. With no `asOf`, today's date is read once, here.
 * Throws `IopInputError` when the options are invalid.
 *
 * @example
 * const stockholm = prepareRuleSet({ asOf: '2025-03-01', overlays: ['rinkeby-kista'] });
 * const verdicts = await Promise.all(cases.map((c) => stockholm.assess(c)));
 */
export function prepareRuleSet<R extends string = string>(options?: AssessOptions<R>): PreparedRuleSet {
  const opts = resolveOptions(options as AssessOptions | undefined);
  if (!opts.ok) throw new IopInputError(opts.issues);
  const resolved = opts.value;
  const limits = options?.limits;
  preparedFor(resolved.set, resolved.asOf); // compile now, not on the first case
  const safeAssess = async (input: unknown): Promise<{ ok: true; verdict: Verdict } | { ok: false; error: IopInputError }> => {
    const parsed = parseCase(input, limits);
    if (!parsed.ok) return parsed;
    return { ok: true, verdict: await verdictFor(parsed.value, resolved) };
  };
  return {
    asOf: resolved.asOf,
    ruleSet: Object.freeze({ id: resolved.set.id, layers: resolved.set.layers, hash: resolved.set.hash }),
    safeAssess,
    async assess(input) {
      const res = await safeAssess(input);
      if (!res.ok) throw res.error;
      return res.verdict;
    },
  };
}
