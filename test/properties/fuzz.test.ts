// The issue's "done when": 400 random mutations of a full case through safeAssess give only
// verdicts and input errors: no other exception, no hang, no prototype pollution.
import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { safeAssess } from '../../src/assess.js';
import { IopInputError } from '../../src/domain/input-error.js';
import { favourableCase } from '../../src/testing/builders.js';
import { leafPaths, SEED } from './arbitraries.js';

const FULL = favourableCase() as unknown;
// Every place a mutation can land: each value, each object and the root.
const PATHS: Array<Array<string | number>> = [[], ...leafPaths(FULL), ...objectPaths(FULL)];

function objectPaths(root: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (root === null || typeof root !== 'object') return [];
  const here = prefix.length ? [prefix] : [];
  const kids = Array.isArray(root)
    ? root.flatMap((x, i) => objectPaths(x, [...prefix, i]))
    : Object.entries(root).flatMap(([k, v]) => objectPaths(v, [...prefix, k]));
  return [...here, ...kids];
}

const HUGE = 'x'.repeat(10 * 1024 * 1024);
const deep = (n: number): unknown => {
  let x: unknown = 1;
  for (let i = 0; i < n; i++) x = { a: x };
  return x;
};
const DEEP = deep(10_000);
const LONG = new Array(100_000).fill('a');

/** Odd values a web form or an old database might hand over. */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    undefined,
    '',
    ' ',
    'NaN',
    'Infinity',
    'null',
    'undefined',
    'true',
    '0',
    '-1',
    '1e309',
    '2023-02-29',
    '2025-13-01',
    '0000-00-00',
    '9999-99-99',
    '802500-1235',
    '<script>alert(1)</script>',
    '{organisation.name}',
    '\u0000\u001b[31m\u202e',
    '\ufeff',
    HUGE,
    DEEP,
    LONG,
    Number.NaN,
    Infinity,
    -Infinity,
    -0,
    -1,
    -1e308,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.MAX_SAFE_INTEGER + 2,
    0.1 + 0.2,
    true,
    false,
    [],
    [null],
    [[[]]],
    {},
    { __proto__: null },
    new Date(0),
    new Map(),
    () => 1,
    Symbol('x'),
    10n,
  ),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double(),
  fc.boolean(),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
);

const oddKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$schema', '$where', 'path', '', ' ', 'organisation', 'name', 'insolvent'),
  fc.string({ maxLength: 12 }),
);

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'swap'; at: number; other: number }
  | { op: 'json'; at: number; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(PATHS.length - 1) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(PATHS.length - 1), value: oddValue }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(PATHS.length - 1), key: oddKey, value: oddValue }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(PATHS.length - 1), other: fc.nat(PATHS.length - 1) }),
  // A key added through JSON.parse, which makes `__proto__` an own property rather than a prototype.
  fc.record({ op: fc.constant('json' as const), at: fc.nat(PATHS.length - 1), key: oddKey }),
);

function getAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let cur = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function apply(root: unknown, m: Mutation): unknown {
  const path = PATHS[m.at] as Array<string | number>;
  if (m.op === 'set' && path.length === 0) return m.value;
  if (m.op === 'delete' && path.length === 0) return {};
  const parent = path.length ? getAt(root, path.slice(0, -1)) : undefined;
  const key = path[path.length - 1] as string | number;
  const target = getAt(root, path);
  const obj = (x: unknown): x is Record<string | number, unknown> => x !== null && typeof x === 'object';
  switch (m.op) {
    case 'delete':
      if (obj(parent)) {
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else Reflect.deleteProperty(parent, key);
      }
      break;
    case 'set':
      if (obj(parent)) parent[key] = m.value;
      break;
    case 'swap': {
      const other = getAt(root, PATHS[m.other] as Array<string | number>);
      if (obj(parent)) parent[key] = other === undefined ? null : structuredCloneSafe(other);
      break;
    }
    case 'add':
      if (obj(target) && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      break;
    case 'json':
      if (obj(parent) && obj(target) && !Array.isArray(target)) {
        parent[key] = { ...target, ...(JSON.parse(`{${JSON.stringify(m.key)}: {"polluted": true, "insolvent": false}}`) as object) };
      }
      break;
  }
  return root;
}

function structuredCloneSafe(x: unknown): unknown {
  try {
    return structuredClone(x);
  } catch {
    return x;
  }
}

describe('fuzz: 400 random mutations of a full case through safeAssess', () => {
  const seen = { verdicts: 0, errors: 0 };
  afterAll(() => {
    // Both kinds of result must occur, or the mutations are too tame (or too wild) to mean anything.
    expect(seen.verdicts).toBeGreaterThan(20);
    expect(seen.errors).toBeGreaterThan(100);
  });

  it('yields only verdicts and input errors with paths, and pollutes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        let input: unknown = structuredClone(FULL);
        for (const m of ms) input = apply(input, m);
        let res: Awaited<ReturnType<typeof safeAssess>>;
        try {
          res = await safeAssess(input, { asOf: '2025-03-01' });
        } catch (e) {
          throw new Error(
            `safeAssess threw ${String(e)} for mutations ${JSON.stringify(ms, (_k, v: unknown) => (typeof v === 'string' && v.length > 50 ? `${v.slice(0, 20)}…(${v.length})` : typeof v === 'bigint' || typeof v === 'symbol' || typeof v === 'function' ? String(v) : v))}`,
            { cause: e },
          );
        }
        if (res.ok) {
          seen.verdicts++;
          expect(['eligible', 'conditional', 'incomplete', 'not-eligible']).toContain(res.verdict.outcome);
        } else {
          seen.errors++;
          expect(res.error).toBeInstanceOf(IopInputError);
          expect(res.error.issues.length).toBeGreaterThanOrEqual(1);
          for (const i of res.error.issues) {
            expect(typeof i.path).toBe('string'); // '' is the root
            expect(i.path.length).toBeLessThan(2000);
            expect(i.code).toMatch(/^[a-z_]+$/);
            expect(i.message.sv).not.toBe('');
            expect(i.message.en).not.toBe('');
          }
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'insolvent')).toBe(false);
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 60_000);
});
