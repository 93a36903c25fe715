// The one table of rule operators. Everything about an operator is here: what it means for
// known values, which fact types it fits, the shape of the value it compares with, and which
// values the smallest-changes search may try for a fact it reads. The rule schema's operator
// list, the load-time type checks, json-rules-engine's operators (registered with
// `addOperator`, replacing the engine's own) and the library's three-valued evaluation all
// derive from it, so they cannot disagree. Adding an operator is adding one entry.
//
// It lives in rules/ (not engine/) because the rule schema, below the engine in the layer
// order, needs the list of names.
import type { FactType, FactValue } from '../facts/types.js';

/** The classes of fact type an operator can fit. */
export type TypeClass = 'boolean' | 'string' | 'list' | 'numeric' | 'date';

/** The class of a fact type. */
export function typeClass(t: FactType): TypeClass {
  if (t === 'boolean') return 'boolean';
  if (t === 'enum' || t === 'text') return 'string';
  if (t === 'list') return 'list';
  if (t === 'date') return 'date';
  return 'numeric';
}

/** What the smallest-changes search knows about a leaf when it asks for candidate values. */
export interface CandidateContext {
  /** The value compared with (after a parameter was looked up); null when unknown. */
  readonly expected: unknown;
  /** The fact's current value, or null when unknown. */
  readonly actual: FactValue | null;
  /** Step for `greaterThan`-like shifts: 0.01 for ratios, 1 otherwise. */
  readonly step: number;
  /** The fact's allowed values (enum and list facts). */
  readonly values?: readonly string[];
}

export interface OperatorSpec {
  /** The meaning for known values. Never sees an unknown: unknown leaves are unknown whatever the operator. */
  readonly test: (actual: unknown, expected: unknown) => boolean;
  /** The fact type classes it fits. */
  readonly fits: readonly TypeClass[];
  /** Whether `value` is a list (`in`, `notIn`) or a single value. */
  readonly value: 'single' | 'list';
  /** Values of the fact that could make the leaf true (what-if), in the order to try them. */
  readonly candidates: (c: CandidateContext) => FactValue[];
}

const num = (x: unknown): x is number => typeof x === 'number';
const str = (x: unknown): x is string => typeof x === 'string';

/** `YYYY-MM-DD` plus n days, in UTC calendar arithmetic (no time zone can move it). */
export function shiftIsoDay(d: string, n: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, day + n);
  return t.toISOString().slice(0, 10);
}

/** Both ISO dates (`YYYY-MM-DD` compare correctly as strings; json-rules-engine's numeric operators would not). */
const isDate = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);

export const OPERATOR_TABLE = {
  equal: {
    test: (a, b) => a === b,
    fits: ['boolean', 'string', 'numeric', 'date'],
    value: 'single',
    candidates: ({ expected }) => (expected !== null && !Array.isArray(expected) ? [expected as FactValue] : []),
  },
  notEqual: {
    test: (a, b) => a !== b,
    fits: ['boolean', 'string', 'numeric', 'date'],
    value: 'single',
    candidates: ({ expected: e, step, values }) =>
      typeof e === 'boolean' ? [!e] : num(e) ? [e + step] : values ? values.filter((v) => v !== e) : [],
  },
  in: {
    test: (a, b) => Array.isArray(b) && b.includes(a),
    fits: ['string', 'numeric'],
    value: 'list',
    candidates: ({ expected: e }) => (Array.isArray(e) ? [...(e as FactValue[])] : []),
  },
  notIn: {
    test: (a, b) => Array.isArray(b) && !b.includes(a),
    fits: ['string', 'numeric'],
    value: 'list',
    candidates: ({ expected: e, values }) => (Array.isArray(e) && values ? values.filter((v) => !e.includes(v)) : []),
  },
  contains: {
    test: (a, b) => Array.isArray(a) && a.includes(b),
    fits: ['list'],
    value: 'single',
    candidates: ({ expected: e, actual }) => (str(e) ? [[...(Array.isArray(actual) ? actual : []), e]] : []),
  },
  doesNotContain: {
    test: (a, b) => Array.isArray(a) && !a.includes(b),
    fits: ['list'],
    value: 'single',
    candidates: ({ expected: e, actual }) => (str(e) && Array.isArray(actual) ? [actual.filter((x) => x !== e)] : []),
  },
  lessThan: {
    test: (a, b) => num(a) && num(b) && a < b,
    fits: ['numeric'],
    value: 'single',
    candidates: ({ expected: e, step }) => (num(e) ? [e - step] : []),
  },
  lessThanInclusive: {
    test: (a, b) => num(a) && num(b) && a <= b,
    fits: ['numeric'],
    value: 'single',
    candidates: ({ expected: e }) => (num(e) ? [e] : []),
  },
  greaterThan: {
    test: (a, b) => num(a) && num(b) && a > b,
    fits: ['numeric'],
    value: 'single',
    candidates: ({ expected: e, step }) => (num(e) ? [e + step] : []),
  },
  greaterThanInclusive: {
    test: (a, b) => num(a) && num(b) && a >= b,
    fits: ['numeric'],
    value: 'single',
    candidates: ({ expected: e }) => (num(e) ? [e] : []),
  },
  dateBefore: {
    test: (a, b) => isDate(a) && isDate(b) && a < b,
    fits: ['date'],
    value: 'single',
    candidates: ({ expected: e }) => (str(e) ? [shiftIsoDay(e, -1)] : []),
  },
  dateOnOrBefore: {
    test: (a, b) => isDate(a) && isDate(b) && a <= b,
    fits: ['date'],
    value: 'single',
    candidates: ({ expected: e }) => (str(e) ? [e] : []),
  },
  dateAfter: {
    test: (a, b) => isDate(a) && isDate(b) && a > b,
    fits: ['date'],
    value: 'single',
    candidates: ({ expected: e }) => (str(e) ? [shiftIsoDay(e, 1)] : []),
  },
  dateOnOrAfter: {
    test: (a, b) => isDate(a) && isDate(b) && a >= b,
    fits: ['date'],
    value: 'single',
    candidates: ({ expected: e }) => (str(e) ? [e] : []),
  },
} as const satisfies Record<string, OperatorSpec>;

export type Operator = keyof typeof OPERATOR_TABLE;

/** Every operator name, in table order (the rule schema's closed list). */
export const OPERATORS = Object.keys(OPERATOR_TABLE) as [Operator, ...Operator[]];

/** The table entry of an operator. */
export function operatorSpec(op: Operator): OperatorSpec {
  return OPERATOR_TABLE[op];
}

/** The operator's meaning for two known values. */
export function applyOperator(op: Operator, actual: unknown, expected: unknown): boolean {
  return OPERATOR_TABLE[op].test(actual, expected);
}

/** The operators that fit a type class, in table order. */
export function operatorsFor(cls: TypeClass): Operator[] {
  return OPERATORS.filter((op) => (OPERATOR_TABLE[op].fits as readonly TypeClass[]).includes(cls));
}
