import type { Locale } from '../_internal/text.js';
import type { Finding, Outcome, Recommendation } from './types.js';

/**
 * Which form of cooperation the findings point to. Procurement wins when a procurement
 * blocker fails (the arrangement is a public contract); IOP when nothing blocks it.
 */
export function recommend(findings: readonly Finding[], outcome: Outcome, locale: Locale): Recommendation {
  const procurementBlockers = findings.filter((f) => f.area === 'procurement' && f.severity === 'blocker' && f.status === 'fail');
  if (procurementBlockers.length) {
    return {
      form: 'procurement',
      reasons: procurementBlockers.map((f) => `${f.ruleId}: ${f.title}`),
    };
  }
  if (outcome === 'eligible' || outcome === 'conditional') {
    return {
      form: 'iop',
      reasons: [
        locale === 'sv'
          ? 'Inget hinder för ett IOP har hittats bland reglerna i kraft.'
          : 'No obstacle to an IOP was found among the rules in force.',
      ],
    };
  }
  const blockers = findings.filter((f) => f.severity === 'blocker' && f.status !== 'pass' && f.status !== 'not-applicable');
  return {
    form: 'undetermined',
    reasons: blockers.map((f) => `${f.ruleId}: ${f.title}`),
  };
}
