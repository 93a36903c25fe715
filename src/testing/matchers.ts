import type { FindingStatus, Verdict } from '../verdict/types.js';

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function isVerdict(x: unknown): x is Verdict {
  return x !== null && typeof x === 'object' && 'outcome' in x && 'findings' in x;
}

function blocking(v: Verdict): string {
  return v.findings
    .filter((f) => (f.severity === 'blocker' || f.severity === 'major') && (f.status === 'fail' || f.status === 'unknown'))
    .map((f) => `  ${f.ruleId} ${f.status}: ${f.title}`)
    .join('\n');
}

/**
 * Vitest (or Jest) matchers for verdicts. Register once: `expect.extend(iopMatchers)`.
 * `expect(verdict).toBeEligible()`, `expect(verdict).toHaveFinding('IOP-ORG-001', 'fail')`.
 */
export const iopMatchers = {
  toBeEligible(received: unknown): MatcherResult {
    if (!isVerdict(received)) return { pass: false, message: () => 'expected a Verdict' };
    return {
      pass: received.outcome === 'eligible',
      message: () =>
        received.outcome === 'eligible'
          ? 'expected the verdict not to be eligible'
          : `expected eligible, got ${received.outcome}; open blockers and majors:\n${blocking(received)}`,
    };
  },
  toHaveFinding(received: unknown, ruleId: string, status?: FindingStatus): MatcherResult {
    if (!isVerdict(received)) return { pass: false, message: () => 'expected a Verdict' };
    const f = received.findings.find((x) => x.ruleId === ruleId);
    const pass = f !== undefined && (status === undefined || f.status === status);
    return {
      pass,
      message: () =>
        pass
          ? `expected no finding ${ruleId}${status ? ` with status ${status}` : ''}`
          : f
            ? `expected ${ruleId} to be ${String(status)}, it is ${f.status}: ${f.explanation}`
            : `expected a finding for ${ruleId}; the rule is not in force in ${received.ruleSet.id} on ${received.asOf}`,
    };
  },
};

/**
 * The matchers' types. Add them to vitest (4.x) once in a setup or declaration file:
 *
 * ```ts
 * import type { IopMatchers } from 'iop-rules/testing';
 * declare module 'vitest' {
 *   interface Matchers<T = any> extends IopMatchers<T> {}
 * }
 * ```
 */
export interface IopMatchers<R = unknown> {
  /** The verdict's outcome is `eligible`. */
  toBeEligible(): R;
  /** The verdict has a finding for the rule (with the status, when given). */
  toHaveFinding(ruleId: string, status?: FindingStatus): R;
}
