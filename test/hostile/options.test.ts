// Options built by calling code: odd shapes never make safeAssess throw (each comes back as an
// input error naming the option), dates outside years 1000–9999 and dates before any rule is
// in force are refused instead of coming out eligible.
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, compareRuleSets, draftAgreement, IopInputError, listRules, safeAssess, type AssessOptions } from '../../src/index.js';
import { SEED } from '../properties/arbitraries.js';

const lop: unknown = JSON.parse(readFileSync('examples/loparakademin-eligible.json', 'utf8'));
const husby: unknown = JSON.parse(readFileSync('examples/husby-atelje-not-eligible.json', 'utf8'));
const AS_OF = '2025-03-01';

const boom = () => {
  throw new Error('boom');
};
class EvilDate extends Date {
  override getTime(): number {
    throw new Error('getTime');
  }
  override valueOf(): number {
    throw new Error('valueOf');
  }
  override toISOString(): string {
    throw new Error('toISOString');
  }
}
function revoked(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
const throwingProxy = new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom });
const getterArray = (): unknown[] => {
  const a: unknown[] = [];
  Object.defineProperty(a, 0, { get: boom, enumerable: true });
  return a;
};

/** Option shapes that calling code can build: the trial's thirteen and more. */
const ODD: Array<[string, () => unknown]> = [
  ['asOf: Object.create(Date.prototype)', () => ({ asOf: Object.create(Date.prototype) })],
  ['asOf: a Proxy around a Date', () => ({ asOf: new Proxy(new Date(), {}) })],
  ['asOf: an object whose valueOf throws', () => ({ asOf: { valueOf: boom, toString: boom } })],
  ['asOf: a symbol', () => ({ asOf: Symbol('x') })],
  ['asOf: a number', () => ({ asOf: 1_700_000_000_000 })],
  ['asOf: Invalid Date', () => ({ asOf: new Date(Number.NaN) })],
  ['an options getter that throws', () => ({ get asOf() { return boom(); } })],
  ['a Proxy whose every trap throws', () => throwingProxy],
  ['a revoked Proxy', revoked],
  ['options: a number', () => 42],
  ['options: a string', () => '2025-03-01'],
  ['options: a function', () => boom],
  ['overlays: a Proxy whose length throws', () => ({ overlays: new Proxy([], { get: boom }) })],
  ['overlays: a revoked Proxy', () => ({ overlays: revoked() })],
  ['overlays: index 0 is a getter', () => ({ overlays: getterArray() })],
  ['overlays: 2^32 − 1 holes', () => ({ overlays: new Array(2 ** 32 - 1) })],
  ['overlays: a string', () => ({ overlays: 'rinkeby-kista' })],
  ['overlays: [undefined]', () => ({ overlays: [undefined] })],
  ['overlays: a symbol inside', () => ({ overlays: [Symbol('x')] })],
  ['limits with a getter', () => ({ limits: { get maxDepth() { return boom(); } } })],
  ['limits: a throwing Proxy', () => ({ limits: throwingProxy })],
  ['locale: an object whose toString throws', () => ({ locale: { toString: boom } })],
  ['ruleSet: a symbol', () => ({ ruleSet: Symbol('x') })],
  ['ruleSet: a 10 MB string', () => ({ ruleSet: 'x'.repeat(10_000_000) })],
];

describe('safeAssess with odd options', () => {
  it.each(ODD)('%s: an input error naming the option, never a throw', async (_name, make) => {
    const res = await safeAssess(lop, make() as AssessOptions);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toBeInstanceOf(IopInputError);
    expect(res.error.issues.length).toBeGreaterThan(0);
    for (const i of res.error.issues) {
      expect(i.path).toMatch(/^options/);
      expect(i.code).not.toBe('internal_error');
      expect(i.message.sv.length).toBeGreaterThan(0);
      expect(i.message.en.length).toBeGreaterThan(0);
    }
  });

  it('a Date subclass is read by its time value: its own methods are never called', async () => {
    expect((await assess(lop, { asOf: new EvilDate('2025-03-01T12:00:00Z') })).asOf).toBe('2025-03-01');
  });

  it('a Date from another realm is a Date', async () => {
    const other = runInNewContext('new Date("2025-03-01T12:00:00Z")') as Date;
    expect(other instanceof Date).toBe(false);
    expect((await assess(lop, { asOf: other })).asOf).toBe('2025-03-01');
  });

  it('a getter in an overlays array is reported, not called', async () => {
    let called = 0;
    const a: unknown[] = [];
    Object.defineProperty(a, 0, { get: () => ++called, enumerable: true });
    const res = await safeAssess(lop, { asOf: AS_OF, overlays: a });
    expect(res.ok).toBe(false);
    expect(called).toBe(0);
  });

  it('never throws, whatever each option holds (property)', async () => {
    // fast-check inspects the values it generates, so the hostile ones are generated as recipes
    // (an index into ODD) and built inside the property.
    type Recipe = { odd: number } | { plain: unknown };
    const recipe: fc.Arbitrary<Recipe> = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true }).map((plain) => ({ plain })),
      fc.integer({ min: 0, max: ODD.length - 1 }).map((odd) => ({ odd })),
      fc.constantFrom<unknown>(undefined, null, '', 'sv', 'en', 'stockholm-2023', 'rinkeby-kista', ['rinkeby-kista'], new Date(8.64e15), new Date(-8.64e15)).map((plain) => ({ plain })),
    );
    const build = (r: Recipe): unknown => ('odd' in r ? (ODD[r.odd]?.[1] ?? boom)() : r.plain);
    const fields = fc.record({ asOf: recipe, ruleSet: recipe, locale: recipe, overlays: recipe, limits: recipe }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fields.map((f) => ({ fields: f })), recipe.map((whole) => ({ whole }))), async (r) => {
        let o: unknown;
        if ('whole' in r) o = build(r.whole);
        else {
          const made: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(r.fields)) made[k] = build(v);
          o = made;
        }
        const res = await safeAssess(husby, o as AssessOptions);
        if (res.ok) return;
        for (const i of res.error.issues) expect(i.code, i.message.en).not.toBe('internal_error');
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the other entry points report odd options as IopInputError too', async () => {
    await expect(compareRuleSets(lop, null as never)).rejects.toBeInstanceOf(IopInputError);
    await expect(compareRuleSets(lop, { from: 'stockholm-2017' } as never)).rejects.toMatchObject({ issues: [{ path: 'options.to' }] });
    await expect(compareRuleSets(lop, { get from(): string { return boom(); }, to: 'x' } as never)).rejects.toBeInstanceOf(IopInputError);
    expect(() => draftAgreement(lop, { asOf: Object.create(Date.prototype) as Date })).toThrow(IopInputError);
    expect(() => listRules('stockholm-2023', Object.create(Date.prototype) as Date)).toThrow(IopInputError);
  });
});

describe('dates the rule sets do not cover', () => {
  it('the typo 1025-03-01 is refused for any case, even {}', async () => {
    for (const input of [{}, husby, lop]) {
      const res = await safeAssess(input, { asOf: '1025-03-01' });
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.issues.map((i) => [i.path, i.code])).toEqual([['options.asOf', 'no_rules_in_force']]);
    }
  });

  it('names the first day the rule set covers', async () => {
    const res = await safeAssess({}, { asOf: '1991-12-31' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.issues[0]?.message.en).toContain('1992-01-01');
    expect((await assess({}, { asOf: '1992-01-01' })).outcome).not.toBe('eligible');
  });

  it('listRules and draftAgreement refuse it too', () => {
    expect(() => listRules(undefined, '1025-03-01')).toThrow(IopInputError);
    expect(() => draftAgreement(lop, { asOf: '1025-03-01' })).toThrow(IopInputError);
  });

  it.each([
    ['year 10000', new Date('+010000-06-01T12:00:00Z')],
    ['year 500', new Date('0500-06-01T12:00:00Z')],
    ['271 821 BC', new Date(-8.64e15)],
    ['the last instant JavaScript knows', new Date(8.64e15)],
    ['9999-12-31 23:00 UTC, already year 10000 in Stockholm', new Date('9999-12-31T23:00:00Z')],
  ])('a Date in %s is refused', async (_name, d) => {
    const res = await safeAssess({}, { asOf: d });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.issues.map((i) => [i.path, i.code])).toEqual([['options.asOf', 'invalid_date']]);
  });

  it('strings outside years 1000–9999 are refused', async () => {
    for (const s of ['0999-12-31', '0000-01-01', '10000-01-01', '-2025-01-01']) {
      const res = await safeAssess({}, { asOf: s });
      expect(res.ok, s).toBe(false);
    }
  });

  it('the edges of the range are dates', async () => {
    expect((await assess({}, { asOf: new Date('9999-12-31T22:59:59Z') })).asOf).toBe('9999-12-31');
    expect((await assess({}, { asOf: '9999-12-31' })).asOf).toBe('9999-12-31');
  });

  it('a Date is the calendar day in Stockholm at that instant', async () => {
    expect((await assess(lop, { asOf: new Date('2023-12-31T22:59:59Z') })).asOf).toBe('2023-12-31');
    expect((await assess(lop, { asOf: new Date('2023-12-31T23:00:00Z') })).asOf).toBe('2024-01-01');
    // Summer time: 22:00 UTC on 30 June is already 1 July in Stockholm.
    expect((await assess(lop, { asOf: new Date('2025-06-30T22:00:00Z') })).asOf).toBe('2025-07-01');
  });
});

describe('9999-12-31 as an open end', () => {
  const open = () => {
    const c = structuredClone(lop) as { agreement: { period: { end: string } }; partnership: { period: { end: string }; stateAid: Record<string, unknown> } };
    c.agreement.period.end = '9999-12-31';
    c.partnership.period.end = '9999-12-31';
    c.partnership.stateAid = { ...c.partnership.stateAid, economicActivity: true, affectsTrade: true, route: 'sgei-decision', significantInvestment: false };
    return c;
  };

  it('a known period to "until further notice" has a length, so the ten-year limit fails', async () => {
    const v = await assess(open(), { asOf: AS_OF });
    const f = v.findings.find((x) => x.ruleId === 'IOP-AGR-023');
    expect(f?.status).toBe('fail');
    expect(v.missingFacts.map((m) => m.fact)).not.toContain('agreement.lengthMonths');
    expect(f?.facts.find((x) => x.id === 'agreement.lengthMonths')?.value).toBeGreaterThan(90_000);
  });

  it('amounts per year over an open period are unknown, never small', async () => {
    const v = await assess(open(), { asOf: AS_OF });
    const perYear = v.findings.flatMap((f) => f.facts).filter((x) => x.id === 'partnership.stateAid.amountPerYearEur' || x.id === 'organisation.cityFundingShare');
    expect(new Set(perYear.map((x) => x.id)).size).toBe(2);
    for (const x of perYear) expect(x.known).toBe(false);
    // The SGEI cap per year (a major) cannot pass on an amount spread over 8 000 years.
    expect(v.findings.find((f) => f.ruleId === 'IOP-AID-006')?.status).toBe('unknown');
  });
});
