import { IopDefect } from '../domain/input-error.js';
import type { IopCase } from '../domain/case.js';
import { FACTS } from './registry.js';
import { UNKNOWN, type DeriveContext, type FactValue, type Unknown } from './types.js';

/** Looks up a parameter's value in force on a date. */
export type ParamLookup = (id: string, date: string) => number | string | boolean | Unknown;

/** Facts of one case on one date, computed lazily and memoised. */
export interface FactResolver {
  get(id: string): FactValue | Unknown;
  /** Parameters read by derived facts, with the date each was resolved for. */
  readonly paramReads: ReadonlyArray<{ id: string; date: string }>;
}

/** Each input fact's path, split once (the input facts are a fixed list). */
const SEGMENTS = new Map<string, readonly string[]>();

function readPath(root: unknown, id: string): FactValue | Unknown {
  let segments = SEGMENTS.get(id);
  if (!segments) SEGMENTS.set(id, (segments = id.split('.')));
  let cur: unknown = root;
  for (const seg of segments) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return UNKNOWN;
    // Only own properties: a case key named like an Object.prototype member is never read through.
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return UNKNOWN;
    cur = (cur as Record<string, unknown>)[seg];
  }
  if (cur === null || cur === undefined) return UNKNOWN;
  if (typeof cur === 'string' || typeof cur === 'number' || typeof cur === 'boolean') return cur;
  if (Array.isArray(cur)) {
    // A list of strings is the fact itself; a list of records gives its number of entries.
    return cur.every((x) => typeof x === 'string') && cur.length > 0 ? (cur as string[]) : cur.length === 0 ? [] : cur.length;
  }
  return UNKNOWN;
}

/**
 * Build the fact resolver for a validated case. Input facts are read by their path; derived
 * facts are computed on first use. A cycle between derived facts is a defect and throws.
 */
export function resolveFacts(input: IopCase, asOf: string, param: ParamLookup): FactResolver {
  const memo = new Map<string, FactValue | Unknown>();
  const inProgress = new Set<string>();
  const paramReads: Array<{ id: string; date: string }> = [];

  const ctx: DeriveContext = {
    input,
    asOf,
    get,
    param(id, date = asOf) {
      paramReads.push({ id, date });
      return param(id, date);
    },
  };

  function get(id: string): FactValue | Unknown {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const def = FACTS.get(id);
    if (!def) throw new IopDefect('unknown_fact', `unknown fact id ${id}`);
    let value: FactValue | Unknown;
    if (def.kind === 'input') {
      value = readPath(input, id);
      // An empty list of strings is known (nothing listed); for record lists the count is 0.
      if (Array.isArray(value) && value.length === 0 && def.type === 'int') value = 0;
    } else {
      if (inProgress.has(id)) throw new IopDefect('fact_cycle', `derived fact cycle at ${id}`);
      inProgress.add(id);
      try {
        value = def.compute(ctx);
      } finally {
        inProgress.delete(id);
      }
      if (typeof value === 'number' && !Number.isFinite(value)) value = UNKNOWN;
    }
    memo.set(id, value);
    return value;
  }

  return { get, paramReads };
}
