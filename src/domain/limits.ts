// Limits on a raw input case, checked before any schema parses it (docs/limits.md,
// docs/security.md), by the iterative walker (src/_internal/walk.ts). The guard for rule and
// overlay JSON is in rules/json-guard.ts.
import type { InputIssue } from './input-error.js';
import { codeOf, join, toIssues, walk, type WalkLimits } from '../_internal/walk.js';

/** Caps on the raw shape of one input case (the walk's caps, documented there, and the CLI's byte cap). Every one can be changed per call (`AssessOptions.limits`). */
export interface InputLimits extends WalkLimits {
  /** Largest JSON text the CLI reads from a file or stdin, in bytes (the library never reads text). */
  readonly maxJsonBytes: number;
}

/**
 * The defaults. A real case has about 150 values, nests 6 levels deep and has no array longer
 * than its payment plan; every schema text field is at most 2 000 characters. The defaults sit
 * well above that and well below what would make parsing slow.
 */
export const DEFAULT_INPUT_LIMITS: InputLimits = Object.freeze({
  maxStringLength: 10_000,
  maxKeyLength: 200,
  maxTotalStringLength: 1_000_000,
  maxArrayLength: 1_000,
  maxObjectKeys: 200,
  maxDepth: 16,
  maxNodes: 100_000,
  maxJsonBytes: 5 * 1024 * 1024,
});

const LIMIT_KEYS = Object.keys(DEFAULT_INPUT_LIMITS) as Array<keyof InputLimits>;

/**
 * Check a raw case against the limits before any schema work: sizes, depth, and that it is
 * plain JSON-like data (no functions, getters, class instances). Returns every problem found
 * (up to 50), each with its path and code `limit_exceeded`, `not_json` or `unreadable`.
 * An empty list means the schema may parse the value.
 */
export function checkLimits(value: unknown, limits: InputLimits = DEFAULT_INPUT_LIMITS): InputIssue[] {
  const problems = walk(value, { limits, root: '', label: (k) => `limits.${k}` });
  return toIssues(problems, codeOf);
}

/**
 * Read `AssessOptions.limits`: each given field must be a whole number ≥ 1. Fields left out
 * keep their default. Bad fields are reported and replaced by the default.
 */
export function resolveLimits(given: unknown, path = 'options.limits'): { limits: InputLimits; issues: InputIssue[] } {
  if (given === undefined) return { limits: DEFAULT_INPUT_LIMITS, issues: [] };
  const issues: InputIssue[] = [];
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    return { limits: DEFAULT_INPUT_LIMITS, issues: [{ path, code: 'invalid_option', message: { sv: 'ska vara ett objekt', en: 'must be an object' } }] };
  }
  const out: Record<string, number> = { ...DEFAULT_INPUT_LIMITS };
  for (const key of Object.keys(given)) {
    const v = (given as Record<string, unknown>)[key];
    if (!(LIMIT_KEYS as string[]).includes(key)) {
      issues.push({ path: join(path, key), code: 'invalid_option', message: { sv: `okänd gräns (finns: ${LIMIT_KEYS.join(', ')})`, en: `unknown limit (available: ${LIMIT_KEYS.join(', ')})` } });
    } else if (v === undefined) {
      continue;
    } else if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
      issues.push({ path: join(path, key), code: 'invalid_option', message: { sv: 'ska vara ett heltal ≥ 1', en: 'must be a whole number ≥ 1' } });
    } else out[key] = v;
  }
  return { limits: Object.freeze(out) as unknown as InputLimits, issues };
}
