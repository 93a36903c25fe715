import type { Locale, Text } from '../_internal/text.js';
import type { RuleStatus, Trace } from '../engine/evaluate.js';
import type { FactValue } from '../facts/types.js';
import type { Area, Effective, Severity, Source } from '../rules/rule-schema.js';

export type Outcome = 'eligible' | 'conditional' | 'incomplete' | 'not-eligible';
export type FindingStatus = RuleStatus;
export type AreaStatus = FindingStatus;

/** A fact as a finding used it. */
export interface FactUse {
  readonly id: string;
  /** The value (null when unknown). */
  readonly value: FactValue | null;
  readonly known: boolean;
}

/** One rule's result for this case. */
export interface Finding {
  readonly ruleId: string;
  readonly version: number;
  readonly area: Area;
  /** Severity in this rule set (an edition or overlay may have changed a guideline rule's). */
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly title: string;
  readonly explanation: string;
  readonly remedy?: string;
  readonly sources: readonly Source[];
  readonly facts: readonly FactUse[];
  readonly trace: Trace;
  /** The applicability test, when the rule has one. */
  readonly appliesTo?: Trace;
  /** Which layer the rule came from: `law`, an edition id, or `overlay:<id>`. */
  readonly layer: string;
  readonly effective: Effective;
}

export interface AreaResult {
  readonly status: AreaStatus;
  readonly counts: Readonly<Record<FindingStatus, number>>;
}

/** A question to put to the applicant or case officer. */
export interface MissingFact {
  readonly fact: string;
  readonly question: string;
  readonly neededBy: readonly string[];
  /** True when the fact sits in an unknown blocker or major rule: the outcome waits on it. */
  readonly decisive: boolean;
}

export interface FactChange {
  readonly fact: string;
  readonly from: FactValue | null;
  readonly to: FactValue;
}

/** A smallest set of fact changes that settles the listed blocker and major rules. */
export interface ChangeSet {
  readonly changes: readonly FactChange[];
  readonly settles: readonly string[];
}

export type RecommendedForm = 'iop' | 'procurement' | 'grant' | 'undetermined';

export interface Recommendation {
  readonly form: RecommendedForm;
  readonly reasons: readonly string[];
}

/** A parameter value a rule used, with its source. */
export interface ParameterUse {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  /** The date the value was looked up for (asOf, or e.g. the aid's grant date). */
  readonly date: string;
  readonly value: number | string | boolean | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly sources: readonly Source[];
}

/** The explained verdict (docs/verdict.md). */
export interface Verdict {
  readonly outcome: Outcome;
  readonly asOf: string;
  readonly locale: Locale;
  readonly ruleSet: {
    readonly id: string;
    readonly title: string;
    readonly layers: readonly string[];
    readonly hash: string;
  };
  readonly areas: Readonly<Record<Area, AreaResult>>;
  readonly findings: readonly Finding[];
  readonly missingFacts: readonly MissingFact[];
  readonly toEligible: readonly ChangeSet[];
  /**
   * Present only when the smallest-changes search ran out of its work budget (docs/limits.md):
   * `toEligible` then lists what was found, not every rule's smallest change.
   */
  readonly toEligibleCutShort?: {
    readonly budget: number;
    readonly rulesSearched: number;
    readonly rulesToSearch: number;
  };
  readonly recommendation: Recommendation;
  /** Parameter values in force that the rules used (an addition to the original verdict shape, see docs/verdict.md). */
  readonly parameters: readonly ParameterUse[];
  /** The library version that produced the verdict. */
  readonly engineVersion: string;
}

export type { Text };
