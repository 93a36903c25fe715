// The raw-input limits: each one bites at its threshold and not below, is configurable, and the
// walk is iterative and bounded (no recursion, no work beyond the limit).
import { describe, expect, it } from 'vitest';
import { safeAssess } from '../../src/assess.js';
import { checkLimits, DEFAULT_INPUT_LIMITS, resolveLimits, type InputLimits } from '../../src/domain/limits.js';
import { checkRuleJson } from '../../src/rules/json-guard.js';
import { favourableCase } from '../../src/testing/builders.js';

const L = DEFAULT_INPUT_LIMITS;
const lim = (patch: Partial<InputLimits>): InputLimits => ({ ...L, ...patch });
const nest = (n: number, leaf: unknown = 1): unknown => {
  let x = leaf;
  for (let i = 1; i < n; i++) x = { a: x };
  return x;
};

describe('checkLimits', () => {
  it('accepts the full favourable case with the defaults', () => {
    expect(checkLimits(favourableCase())).toEqual([]);
  });

  it('maxStringLength: a string of exactly the limit passes, one more fails, with its path', () => {
    expect(checkLimits({ organisation: { name: 'x'.repeat(L.maxStringLength) } })).toEqual([]);
    const issues = checkLimits({ organisation: { name: 'x'.repeat(L.maxStringLength + 1) } });
    expect(issues).toEqual([{ path: 'organisation.name', code: 'limit_exceeded', message: expect.objectContaining({ en: expect.stringContaining('limits.maxStringLength') }) }]);
  });

  it('maxKeyLength: a long field name fails, and the reported path is clipped', () => {
    const issues = checkLimits({ organisation: { ['k'.repeat(50_000)]: 1 } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path.length).toBeLessThan(100);
    expect(issues[0]?.message.en).toContain('field name');
  });

  it('maxArrayLength: at the limit passes, above fails without looking inside', () => {
    expect(checkLimits({ partnership: { priorityAreas: new Array(L.maxArrayLength).fill('a') } })).toEqual([]);
    const big = new Array(L.maxArrayLength + 1).fill({ bad: () => 1 });
    expect(checkLimits({ partnership: { goals: big } }).map((i) => i.path)).toEqual(['partnership.goals']);
  });

  it('maxDepth: the case is level 1; a container deeper than the limit fails once per branch', () => {
    expect(checkLimits(nest(L.maxDepth))).toEqual([]);
    const issues = checkLimits(nest(L.maxDepth + 1, {}));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(new Array(L.maxDepth).fill('a').join('.'));
  });

  it('survives 10 000-deep nesting and a 100 000-deep array without recursion', () => {
    expect(checkLimits(nest(10_000, {}))[0]?.code).toBe('limit_exceeded');
    let arr: unknown = [];
    for (let i = 0; i < 100_000; i++) arr = [arr];
    expect(checkLimits({ x: arr })[0]?.message.en).toMatch(/nested deeper than 16 levels/);
  });

  it('maxObjectKeys and maxNodes', () => {
    const wide = Object.fromEntries(Array.from({ length: L.maxObjectKeys + 1 }, (_, i) => [`k${i}`, i]));
    expect(checkLimits({ organisation: wide }).map((i) => i.path)).toEqual(['organisation']);
    // 100 lists of 1 000 numbers: each list is within the limits, together too many values.
    const many = { followUp: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`r${i}`, new Array(1000).fill(0)])) };
    const issues = checkLimits(many);
    expect(issues.map((i) => i.message.en)).toEqual([expect.stringContaining('more than 100 000 values (limits.maxNodes)')]);
  });

  it('maxTotalStringLength: many strings, each short enough, too long together', () => {
    const areas = new Array(150).fill('y'.repeat(9_000));
    const issues = checkLimits({ partnership: { priorityAreas: areas } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message.en).toContain('limits.maxTotalStringLength');
  });

  it('a DAG that repeats one object 2^20 times is stopped by the node limit, quickly', () => {
    let x: unknown = { v: 'x' };
    for (let i = 0; i < 20; i++) x = { a: x, b: x };
    const t = performance.now();
    const issues = checkLimits({ organisation: x }, lim({ maxDepth: 64 }));
    expect(performance.now() - t).toBeLessThan(2000);
    expect(issues[0]?.message.en).toContain('limits.maxNodes');
  });

  it('refuses what is not JSON data: functions, symbols, bigints, Dates, Maps, class instances, getters, changed prototypes', () => {
    class Org {
      name = 'x';
    }
    const getter = Object.defineProperty({}, 'name', { enumerable: true, get: () => 'x' });
    const cases: Array<[unknown, string]> = [
      [{ organisation: { name: () => 'x' } }, 'organisation.name'],
      [{ organisation: { name: Symbol('x') } }, 'organisation.name'],
      [{ organisation: { taxDebtSek: 1n } }, 'organisation.taxDebtSek'],
      [{ organisation: { registeredSince: new Date(0) } }, 'organisation.registeredSince'],
      [new Map([['organisation', {}]]), ''],
      [{ organisation: new Org() }, 'organisation'],
      [{ organisation: getter }, 'organisation.name'],
      [Object.create({ organisation: { insolvent: false } }) as unknown, ''],
    ];
    for (const [input, path] of cases) {
      const issues = checkLimits(input);
      expect(issues.map((i) => `${i.path}:${i.code}`), path).toEqual([`${path}:not_json`]);
    }
  });

  it('accepts null-prototype objects (Object.create(null)) as plain data', () => {
    const c = Object.assign(Object.create(null) as object, { organisation: Object.assign(Object.create(null) as object, { name: 'x' }) });
    expect(checkLimits(c)).toEqual([]);
  });

  it('reports a Proxy whose traps throw as unreadable, without throwing', () => {
    const p = new Proxy({}, { getPrototypeOf: () => { throw new Error('no'); } });
    expect(checkLimits({ organisation: p })).toEqual([{ path: 'organisation', code: 'unreadable', message: expect.anything() }]);
  });

  it('stops after 50 problems', () => {
    const bad = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`k${i}`, () => i]));
    expect(checkLimits({ organisation: bad })).toHaveLength(50);
  });
});

describe('resolveLimits and AssessOptions.limits', () => {
  it('keeps defaults for left-out fields and refuses bad values', () => {
    expect(resolveLimits(undefined)).toEqual({ limits: L, issues: [] });
    expect(resolveLimits({ maxDepth: 8 }).limits).toEqual({ ...L, maxDepth: 8 });
    const bad = resolveLimits({ maxDepth: 0, maxNodes: 1.5, maxArrayLength: '10', maxWhatever: 3 });
    expect(bad.issues.map((i) => i.path)).toEqual(['options.limits.maxDepth', 'options.limits.maxNodes', 'options.limits.maxArrayLength', 'options.limits.maxWhatever']);
    expect(bad.limits).toEqual(L);
    expect(resolveLimits([]).issues.map((i) => i.path)).toEqual(['options.limits']);
  });

  it('a lower limit refuses a case the default accepts; a higher one lets the schema speak', async () => {
    const input = favourableCase();
    expect((await safeAssess(input, { asOf: '2025-03-01' })).ok).toBe(true);
    const strict = await safeAssess(input, { asOf: '2025-03-01', limits: { maxStringLength: 10 } });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.error.issues.map((i) => i.path)).toContain('organisation.name');

    const areas = { partnership: { priorityAreas: new Array(1500).fill('a') } };
    const byLimit = await safeAssess(areas, { asOf: '2025-03-01' });
    const bySchema = await safeAssess(areas, { asOf: '2025-03-01', limits: { maxArrayLength: 2000 } });
    expect(!byLimit.ok && byLimit.error.issues[0]?.code).toBe('limit_exceeded');
    expect(!bySchema.ok && bySchema.error.issues[0]?.code).toBe('too_big');
  });

  it('a huge rule-set id is refused without being echoed back whole', async () => {
    const res = await safeAssess({}, { asOf: '2025-03-01', ruleSet: 'x'.repeat(1_000_000) });
    expect(!res.ok && res.error.issues.map((i) => i.path)).toEqual(['options.ruleSet']);
    if (!res.ok) expect(res.error.message.length).toBeLessThan(1000);
  });

  it('a bad limits option is an input error on options.limits', async () => {
    const res = await safeAssess({}, { asOf: '2025-03-01', limits: { maxDepth: -1 } });
    expect(!res.ok && res.error.issues.map((i) => i.path)).toEqual(['options.limits.maxDepth']);
  });
});

describe('checkRuleJson', () => {
  it('returns no problem for a plain rule and a named problem for each hostile part', () => {
    const leaf = { fact: 'organisation.insolvent', operator: 'equal', value: false };
    expect(checkRuleJson({ $schema: 'x', id: 'IOP-ORG-001', conditions: { all: [leaf] } })).toEqual([]);
    expect(checkRuleJson({ conditions: { all: [{ ...leaf, path: '$.a' }] } }).map((p) => p.path)).toEqual(['conditions.all[0].path']);
    expect(checkRuleJson({ conditions: { any: [leaf], all: [leaf] } })[0]?.message).toMatch(/exactly one of all\/any\/not/);
    expect(checkRuleJson({ conditions: { all: [] } })[0]?.message).toMatch(/list of 1–64 conditions/);
    expect(checkRuleJson({ conditions: 'organisation.insolvent == false' })[0]?.message).toMatch(/a condition is an object/);
    expect(checkRuleJson(JSON.parse('{"__proto__": {"x": 1}}'))[0]?.path).toBe('__proto__');
  });
});
