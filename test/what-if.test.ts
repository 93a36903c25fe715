// The what-if operator table (used for verdict.toEligible) must agree with json-rules-engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../src/engine/json-rules-engine.js';
import { applyOperator } from '../src/verdict/to-eligible.js';
import { OPERATORS, type Operator } from '../src/rules/rule-schema.js';

const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const word = fc.constantFrom('a', 'b', 'c', 'parties', 'repayment');

function pair(op: Operator): fc.Arbitrary<[unknown, unknown]> {
  switch (op) {
    case 'equal':
    case 'notEqual':
      return fc.oneof(fc.tuple(fc.boolean(), fc.boolean()), fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), fc.tuple(word, word));
    case 'in':
    case 'notIn':
      return fc.oneof(fc.tuple(word, fc.array(word, { minLength: 1, maxLength: 4 })), fc.tuple(fc.integer({ min: 0, max: 4 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 4 })));
    case 'contains':
    case 'doesNotContain':
      return fc.tuple(fc.array(word, { maxLength: 4 }), word);
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      return fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    default:
      return fc.tuple(date, date);
  }
}

describe('applyOperator agrees with the engine', () => {
  it.each([...OPERATORS])('%s', async (op) => {
    await fc.assert(
      fc.asyncProperty(pair(op), async ([actual, expected]) => {
        const res = await runEngine([{ name: 'r', conditions: { all: [{ name: 'l', fact: 'f.x', operator: op, value: expected }] } }], { 'f.x': actual });
        expect(applyOperator(op, actual as never, expected)).toBe(res.get('r')?.get('l'));
      }),
      { seed: 20261126, numRuns: 60 },
    );
  });
});
