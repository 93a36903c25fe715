// Properties of the evaluation date: a Date is its Stockholm calendar day, and no date in
// years 1000–9999 makes an empty case eligible (before any rule it is refused instead).
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAssess } from '../../src/assess.js';
import { favourableCase } from '../../src/testing/builders.js';
import { SEED } from './arbitraries.js';

const DAY = 86_400_000;
const STOCKHOLM = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('the evaluation date', () => {
  it('a Date gives the same verdict as its Stockholm calendar day as a string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2035, 11, 31) }), async (t) => {
        const day = STOCKHOLM.format(t);
        const a = await safeAssess(favourableCase(), { asOf: new Date(t) });
        const b = await safeAssess(favourableCase(), { asOf: day });
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) expect(JSON.stringify(a.verdict)).toBe(JSON.stringify(b.verdict));
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('no date in the years 1000–9999 makes {} eligible; before 1992-01-01 the date is refused', async () => {
    const first = Date.UTC(1000, 0, 1) / DAY;
    const last = Date.UTC(9999, 11, 31) / DAY;
    const nearStart = fc.integer({ min: Date.UTC(1991, 11, 20) / DAY, max: Date.UTC(1992, 0, 10) / DAY });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: first, max: last }), nearStart), async (n) => {
        const asOf = new Date(n * DAY).toISOString().slice(0, 10);
        const res = await safeAssess({}, { asOf });
        if (asOf < '1992-01-01') {
          expect(res.ok, asOf).toBe(false);
          if (!res.ok) expect(res.error.issues.map((i) => i.code)).toEqual(['no_rules_in_force']);
        } else {
          expect(res.ok, asOf).toBe(true);
          if (res.ok) expect(res.verdict.outcome, asOf).not.toBe('eligible');
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
