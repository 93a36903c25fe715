import type { IopCase } from '../domain/case.js';
import type { Text } from '../_internal/text.js';

/** The kinds of value a fact can hold. They decide which operators apply and how a value is written. */
export type FactType =
  | 'boolean'
  | 'enum'
  | 'text'
  | 'list'
  | 'number'
  | 'int'
  | 'year'
  | 'sek'
  | 'eur'
  | 'months'
  | 'days'
  | 'ratio'
  | 'date';

/** Marker for a fact whose value is not known. Never equal to any real value. */
export const UNKNOWN: unique symbol = Symbol('iop-rules.unknown');
export type Unknown = typeof UNKNOWN;

export type FactValue = string | number | boolean | readonly string[];

/** Definition shared by input and derived facts. */
export interface FactDefBase {
  /** Fact id rules refer to, e.g. `organisation.legalForm`. Input facts: the dotted path in the case. */
  readonly id: string;
  readonly type: FactType;
  readonly label: Text;
  /** The question a case officer would ask to learn this fact. */
  readonly question: Text;
  /** For `enum` and `list` facts: the allowed values. */
  readonly values?: readonly string[];
  /**
   * A fact that describes the case rather than a choice in it (the area of activity):
   * `verdict.toEligible` never proposes changing it.
   */
  readonly fixed?: boolean;
}

/** A fact read straight from the input case. */
export interface InputFactDef extends FactDefBase {
  readonly kind: 'input';
}

/** What a derived fact's computation can see. */
export interface DeriveContext {
  readonly input: IopCase;
  /** The evaluation date, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** The value of another fact (input or derived, computed on demand). */
  get(id: string): FactValue | Unknown;
  /** A parameter's value in force on `date` (default `asOf`), or UNKNOWN if none is in force then. */
  param(id: string, date?: string): number | string | boolean | Unknown;
}

/** A fact computed in TypeScript from other facts (date arithmetic, sums, shares). */
export interface DerivedFactDef extends FactDefBase {
  readonly kind: 'derived';
  /** Input facts this one is computed from: when it is unknown, these are what to ask. */
  readonly dependsOn: readonly string[];
  /** Parameters it reads, so the verdict can show their values. */
  readonly params?: readonly string[];
  /** Return UNKNOWN whenever a needed input is unknown, never a guess. */
  compute(ctx: DeriveContext): FactValue | Unknown;
}

export type FactDef = InputFactDef | DerivedFactDef;
