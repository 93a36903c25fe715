// The only file that imports json-rules-engine. Nothing from it is exported: callers hand in
// plain condition trees whose leaves carry a `name`, and get back each leaf's boolean result.
import { Engine } from 'json-rules-engine';

/** A condition tree as the engine sees it: leaves named, parameter values already filled in. */
export type EngineCondition =
  | { all: EngineCondition[] }
  | { any: EngineCondition[] }
  | { not: EngineCondition }
  | { name: string; fact: string; operator: string; value: unknown };

export interface EngineRule {
  readonly name: string;
  readonly conditions: EngineCondition;
}

const isDate = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x);

// ISO dates compare correctly as strings; the engine's numeric operators would not.
const DATE_OPERATORS: Record<string, (a: string, b: string) => boolean> = {
  dateBefore: (a, b) => a < b,
  dateOnOrBefore: (a, b) => a <= b,
  dateAfter: (a, b) => a > b,
  dateOnOrAfter: (a, b) => a >= b,
};

function rootOf(c: EngineCondition): EngineCondition {
  // The engine wants all/any/not at the root: wrap a lone leaf.
  return 'fact' in c ? { all: [c] } : c;
}

function collect(node: unknown, out: Map<string, boolean>): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as { all?: unknown[]; any?: unknown[]; not?: unknown; name?: unknown; result?: unknown; fact?: unknown };
  if (Array.isArray(n.all)) for (const c of n.all) collect(c, out);
  else if (Array.isArray(n.any)) for (const c of n.any) collect(c, out);
  else if (n.not !== undefined) collect(n.not, out);
  else if (typeof n.name === 'string' && n.fact !== undefined) out.set(n.name, n.result === true);
}

/**
 * Run the rules once over the known facts. Every leaf is evaluated (all conditions share one
 * priority, so nothing is short-circuited); a leaf on a fact that is absent here comes back
 * false, and the caller, which knows the fact is unknown, reads it as unknown.
 *
 * Returns, per rule name, each leaf name's boolean result.
 */
export async function runEngine(
  rules: readonly EngineRule[],
  facts: Readonly<Record<string, unknown>>,
): Promise<Map<string, Map<string, boolean>>> {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    // Rules never carry a `path` (the schema refuses it); this resolver makes sure no path
    // expression could ever reach jsonpath-plus.
    pathResolver: () => {
      throw new Error('iop-rules: condition paths are not supported');
    },
  });
  for (const [name, cmp] of Object.entries(DATE_OPERATORS)) {
    engine.addOperator(name, (a: unknown, b: unknown) => isDate(a) && isDate(b) && cmp(a, b));
  }
  for (const r of rules) {
    engine.addRule({ name: r.name, conditions: rootOf(r.conditions) as never, event: { type: r.name } });
  }
  const { results, failureResults } = await engine.run({ ...facts });
  const out = new Map<string, Map<string, boolean>>();
  for (const res of [...results, ...failureResults]) {
    const leaves = new Map<string, boolean>();
    collect(res.conditions, leaves);
    out.set(String(res.name), leaves);
  }
  return out;
}
