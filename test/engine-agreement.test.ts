// json-rules-engine (the verdict's evaluator: one engine rule per distinct leaf, on pooled
// Engines) and the library's own three-valued evaluation (what toEligible and the draft use)
// agree on every operator, every fact type it fits, and unknown facts and parameters, alone
// and inside all/any/not trees.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition, evaluatePrepared, prepareRules, reevaluate, type Tri } from '../src/engine/evaluate.js';
import { runEngine } from '../src/engine/json-rules-engine.js';
import type { FactResolver } from '../src/facts/resolve.js';
import { UNKNOWN, type FactValue, type Unknown } from '../src/facts/types.js';
import { OPERATOR_TABLE, OPERATORS, applyOperator, type TypeClass } from '../src/rules/operators.js';
import type { Condition, Operator, ParameterFile } from '../src/rules/rule-schema.js';
import type { RuleInSet } from '../src/rules/rule-set.js';

const SEED = 20261130;
const date = fc.integer({ min: 7300, max: 24000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const word = fc.constantFrom('a', 'b', 'c', 'parties', 'repayment');

/** One fact id per type class, named so each leaf reads its own fact. */
const CLASS_OF: Record<TypeClass, fc.Arbitrary<FactValue>> = {
  boolean: fc.boolean(),
  string: word,
  list: fc.array(word, { maxLength: 4 }),
  numeric: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })),
  date,
};

function expectedFor(op: Operator, cls: TypeClass): fc.Arbitrary<unknown> {
  const spec = OPERATOR_TABLE[op];
  if (spec.value === 'list') return fc.array(CLASS_OF[cls], { minLength: 1, maxLength: 4 });
  if (cls === 'list') return word;
  return CLASS_OF[cls];
}

/** A leaf of any operator on a fact of a type it fits; the fact's value may be unknown; the value may come from a parameter that has none. */
const leafArb = fc
  .constantFrom(...OPERATORS.flatMap((op) => (OPERATOR_TABLE[op].fits as readonly TypeClass[]).map((cls) => [op, cls] as const)))
  .chain(([op, cls]) =>
    fc.record({
      op: fc.constant(op),
      cls: fc.constant(cls),
      expected: expectedFor(op, cls),
      actual: fc.option(CLASS_OF[cls], { nil: UNKNOWN as never, freq: 4 }) as fc.Arbitrary<FactValue | Unknown>,
      paramMissing: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }),
  );

type LeafCase = { op: Operator; cls: TypeClass; expected: unknown; actual: FactValue | Unknown; paramMissing: boolean };

const treeArb: fc.Arbitrary<LeafCase[][]> = fc.array(fc.array(leafArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 });

/** Builds a condition (leaves read facts x.f0, x.f1, …) and the facts and parameters behind it. */
function build(groups: LeafCase[][], shape: number): { cond: Condition; facts: Map<string, FactValue | Unknown>; params: Map<string, ParameterFile> } {
  const facts = new Map<string, FactValue | Unknown>();
  const params = new Map<string, ParameterFile>();
  let n = 0;
  const leaf = (l: LeafCase): Condition => {
    const fact = `x.f${n}`;
    facts.set(fact, l.actual);
    n++;
    if (l.paramMissing) {
      const id = `p.m${n}`;
      params.set(id, { id, title: { sv: 'p', en: 'p' }, unit: 'count', values: [{ from: '2999-01-01', to: null, value: 1, sources: [{ ref: 'r', title: 't' }] }] });
      return { fact, operator: l.op, value: { param: id } } as Condition;
    }
    return { fact, operator: l.op, value: l.expected } as Condition;
  };
  const inner = groups.map((g, i) => {
    const kids = g.map(leaf);
    const node: Condition = (shape + i) % 2 === 0 ? { all: kids } : { any: kids };
    return (shape + i) % 3 === 0 ? { not: node } : node;
  });
  return { cond: shape % 2 === 0 ? { all: inner } : { any: inner }, facts, params };
}

const resolver = (facts: Map<string, FactValue | Unknown>): FactResolver => ({ get: (id) => (facts.has(id) ? (facts.get(id) as FactValue | Unknown) : UNKNOWN), paramReads: [] });

describe('json-rules-engine and the library agree', () => {
  it.each([...OPERATORS])('%s: the engine runs the table’s own test on known values of every type it fits', async (op) => {
    const fits = OPERATOR_TABLE[op].fits as readonly TypeClass[];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fits).chain((cls) => fc.tuple(CLASS_OF[cls], expectedFor(op, cls))), async ([actual, expected]) => {
        const res = await runEngine([{ name: 'r', conditions: { all: [{ name: 'l', fact: 'f.x', operator: op, value: expected }] } }], { 'f.x': actual });
        expect(res.get('r')?.get('l')).toBe(applyOperator(op, actual, expected));
      }),
      { seed: SEED, numRuns: 80 },
    );
  });

  it('on trees of every operator and type with unknown facts and parameters: engine trace = own evaluation = what-if re-evaluation', async () => {
    await fc.assert(
      fc.asyncProperty(treeArb, fc.nat(5), async (groups, shape) => {
        const { cond, facts, params } = build(groups, shape);
        const rule = { rule: { id: 'IOP-T-001', conditions: cond }, severity: 'major' } as unknown as RuleInSet;
        const prepared = prepareRules([rule], params, '2025-03-01');
        const ev = (await evaluatePrepared(prepared, resolver(facts))).get('IOP-T-001');
        const own: Tri = evaluateCondition(
          cond,
          (id) => (facts.has(id) ? (facts.get(id) as FactValue | Unknown) : UNKNOWN),
          // Every parameter here has no value in force on the date.
          () => UNKNOWN,
        );
        if (!ev) throw new Error('rule not evaluated');
        expect(ev.conditions.result).toBe(own);
        // Replacing every fact by its own value changes nothing; replacing it by a known value
        // gives what the own evaluation gives for that value.
        const known = new Map([...facts].filter(([, v]) => v !== UNKNOWN) as Array<[string, FactValue]>);
        expect(reevaluate(ev.conditions, known)).toBe(own);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('an unknown fact is unknown under every operator, even the negative ones the engine would pass', async () => {
    for (const op of OPERATORS) {
      const cond = { fact: 'x.f0', operator: op, value: OPERATOR_TABLE[op].value === 'list' ? ['a'] : 'a' } as Condition;
      const rule = { rule: { id: 'IOP-T-001', conditions: { not: cond } }, severity: 'major' } as unknown as RuleInSet;
      const ev = (await evaluatePrepared(prepareRules([rule], new Map(), '2025-03-01'), resolver(new Map()))).get('IOP-T-001');
      expect(ev?.conditions.result, op).toBe('unknown');
      expect(evaluateCondition(cond, () => UNKNOWN, () => UNKNOWN), op).toBe('unknown');
    }
  });

  it('identical leaves in different rules are one engine rule, and each rule still gets its own trace', async () => {
    const leaf = { fact: 'x.f0', operator: 'equal', value: 'a' } as Condition;
    const rules = ['IOP-T-001', 'IOP-T-002'].map((id, i) => ({ rule: { id, conditions: i ? { not: leaf } : { all: [leaf, leaf] } }, severity: 'major' }) as unknown as RuleInSet);
    const out = await evaluatePrepared(prepareRules(rules, new Map(), '2025-03-01'), resolver(new Map([['x.f0', 'a']])));
    expect(out.get('IOP-T-001')?.conditions.result).toBe('true');
    expect(out.get('IOP-T-002')?.conditions.result).toBe('false');
    expect(out.get('IOP-T-001')?.conditions).not.toBe(out.get('IOP-T-002')?.conditions);
  });
});
