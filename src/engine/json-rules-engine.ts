// The only file that imports json-rules-engine. Nothing from it is exported: callers hand in
// plain condition trees whose leaves carry a `name`, and get back each leaf's boolean result.
import { Engine } from 'json-rules-engine';
import { OPERATOR_TABLE } from '../rules/operators.js';

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

/**
 * A new Engine with the library's operators. Every operator of the table is registered with
 * `addOperator`, replacing json-rules-engine's own of the same name, so the engine and the
 * library's own evaluation run the very same functions.
 */
function newEngine(): Engine {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    // Rules never carry a `path` (the schema refuses it); this resolver makes sure no path
    // expression could ever reach jsonpath-plus.
    pathResolver: () => {
      throw new Error('iop-rules: condition paths are not supported');
    },
  });
  for (const [name, spec] of Object.entries(OPERATOR_TABLE)) engine.addOperator(name, (a: unknown, b: unknown) => spec.test(a, b));
  return engine;
}

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
 * Run the rules once over the known facts, on a new Engine. Every leaf is evaluated (all
 * conditions share one priority, so nothing is short-circuited); a leaf on a fact that is
 * absent here comes back false, and the caller, which knows the fact is unknown, reads it as
 * unknown. Returns, per rule name, each leaf name's boolean result. (The verdict path uses a
 * pooled `LeafRunner` instead; this one serves one-off runs and tests.)
 */
export async function runEngine(
  rules: readonly EngineRule[],
  facts: Readonly<Record<string, unknown>>,
): Promise<Map<string, Map<string, boolean>>> {
  const engine = newEngine();
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

/** One distinct leaf as the engine runs it: a fact, an operator and a filled-in value. */
export interface EngineLeaf {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
}

/** Reads a fact's value for the engine; `undefined` when the fact is unknown. */
export type FactReader = (id: string) => unknown;

/** Runs a fixed list of leaves over facts; returns each leaf's boolean result, by index. */
export interface LeafRunner {
  /** How many distinct leaves it runs. */
  readonly size: number;
  run(read: FactReader): Promise<boolean[]>;
}

/** Engines kept ready per prepared rule set; further overlapping runs wait for one. */
const POOL_SIZE = 4;

/** Distinct leaves per engine rule (see `createLeafRunner`); measured with `npm run bench`. */
const LEAVES_PER_RULE = 64;

/**
 * A pool of Engines that each hold one engine rule per distinct leaf, added once.
 *
 * json-rules-engine keeps its run status on the Engine, so two overlapping `run()` calls on one
 * Engine can make the second skip every rule; an Engine here is therefore only ever used by
 * one run at a time. At most POOL_SIZE Engines are made; a run that finds none free waits in
 * line (first come, first served) for the next one released.
 */
export function createLeafRunner(leaves: readonly EngineLeaf[]): LeafRunner {
  /** An Engine of the pool, and the reader of the run it is lent to. */
  interface Pooled {
    readonly engine: Engine;
    read: FactReader;
  }
  const idle: Pooled[] = [];
  const waiting: Array<(e: Pooled) => void> = [];
  let made = 0;
  const factIds = [...new Set(leaves.map((l) => l.fact))];
  const none: FactReader = () => undefined;

  // Leaves go into engine rules of LEAVES_PER_RULE each (an `all` at one priority: every leaf
  // is evaluated, none short-circuited). Each engine rule has a fixed cost per run (a result
  // object, events, a chain of promises), and the engine deep-clones a rule's conditions on every
  // run with a clone whose cost grows with the square of the objects in one rule: a few dozen
  // leaves per rule is cheaper than one (measured: 1 leaf per rule costs 2.5 times 64).
  const chunks: EngineLeaf[][] = [];
  for (let i = 0; i < leaves.length; i += LEAVES_PER_RULE) chunks.push(leaves.slice(i, i + LEAVES_PER_RULE));
  const build = (): Pooled => {
    const engine = newEngine();
    const pooled: Pooled = { engine, read: none };
    // Each fact is an engine fact that asks the run's reader, uncached: the engine then neither
    // builds nor hashes a Fact per value on every run. An Engine serves one run at a time, so
    // the reader it holds is always that run's.
    for (const id of factIds) engine.addFact(id, () => pooled.read(id), { cache: false });
    chunks.forEach((chunk, i) => {
      engine.addRule({ name: String(i), conditions: { all: chunk.map((l) => ({ fact: l.fact, operator: l.operator, value: l.value as never })) }, event: { type: 'leaves' } });
    });
    made++;
    return pooled;
  };
  const acquire = (): Pooled | Promise<Pooled> => {
    const free = idle.pop();
    if (free) return free;
    if (made < POOL_SIZE) return build();
    return new Promise<Pooled>((resolve) => waiting.push(resolve));
  };
  const release = (e: Pooled): void => {
    e.read = none;
    const next = waiting.shift();
    if (next) next(e);
    else idle.push(e);
  };

  return {
    size: leaves.length,
    async run(read) {
      const out = new Array<boolean>(leaves.length).fill(false);
      if (leaves.length === 0) return out;
      const pooled = await acquire();
      pooled.read = read;
      try {
        const { results, failureResults } = await pooled.engine.run();
        for (const r of [...results, ...failureResults]) {
          const base = Number(r.name) * LEAVES_PER_RULE;
          const evaluated = (r.conditions as unknown as { all: Array<{ result?: unknown }> }).all;
          evaluated.forEach((leaf, j) => {
            out[base + j] = leaf.result === true;
          });
        }
      } finally {
        release(pooled);
      }
      return out;
    },
  };
}
