import type { Locale } from '../_internal/text.js';
import type { Area } from '../rules/rule-schema.js';
import type { AreaStatus, FindingStatus, Outcome, RecommendedForm, Verdict } from '../verdict/types.js';
import type { Severity } from '../rules/rule-schema.js';

/** A finding without its trace, facts and full sources: the texts and the source references. */
export interface CompactFinding {
  readonly ruleId: string;
  readonly status: FindingStatus;
  readonly severity: Severity;
  readonly area: Area;
  readonly title: string;
  readonly explanation: string;
  readonly remedy?: string;
  /** The sources' citations (`2 kap. 1 § KL`); the full sources are in `listRules` and the full verdict. */
  readonly sources: readonly string[];
}

/**
 * A verdict for storing or sending: a few kB instead of 150 kB. It keeps what a reader needs to
 * understand the outcome; it leaves out traces, fact values, parameters and source details.
 * It cannot be re-verified with `iop-rules verify` alone (that needs the full verdict).
 */
export interface CompactVerdict {
  readonly outcome: Outcome;
  readonly asOf: string;
  readonly locale: Locale;
  readonly ruleSet: { readonly id: string; readonly layers: readonly string[]; readonly hash: string };
  readonly recommendation: RecommendedForm;
  readonly areas: Readonly<Record<Area, AreaStatus>>;
  readonly findings: readonly CompactFinding[];
  readonly missingFacts: ReadonlyArray<{ readonly fact: string; readonly question: string; readonly decisive: boolean; readonly neededBy: readonly string[] }>;
  readonly engineVersion: string;
}

/** The compact form of a verdict (a new object; the verdict is not changed). */
export function compactVerdict(v: Verdict): CompactVerdict {
  const areas = Object.fromEntries(Object.entries(v.areas).map(([a, r]) => [a, r.status])) as Record<Area, AreaStatus>;
  return {
    outcome: v.outcome,
    asOf: v.asOf,
    locale: v.locale,
    ruleSet: { id: v.ruleSet.id, layers: [...v.ruleSet.layers], hash: v.ruleSet.hash },
    recommendation: v.recommendation.form,
    areas,
    findings: v.findings.map((f) => ({
      ruleId: f.ruleId,
      status: f.status,
      severity: f.severity,
      area: f.area,
      title: f.title,
      explanation: f.explanation,
      ...(f.remedy !== undefined ? { remedy: f.remedy } : {}),
      sources: f.sources.map((s) => s.ref),
    })),
    missingFacts: v.missingFacts.map((m) => ({ fact: m.fact, question: m.question, decisive: m.decisive, neededBy: [...m.neededBy] })),
    engineVersion: v.engineVersion,
  };
}
