// Calendar arithmetic (src/domain/calendar.ts) against date-fns, which the rules were written
// with. date-fns reads a date string as local midnight, so the comparison runs with TZ=UTC,
// the one zone where local midnight is every day's midnight; the library itself never
// builds a Date from a case date any more.
process.env.TZ = 'UTC';

import { addDays as fnsAddDays, differenceInCalendarDays, differenceInMonths, formatISO, parseISO, subYears } from 'date-fns';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addDaysIso, addMonths, dayNumber, daysBetween, formatCalendarDate, fromDayNumber, monthsBetween, parseCalendarDate } from '../src/domain/calendar.js';
import { isIsoDate } from '../src/domain/primitives.js';
import { daysBetween as helperDays, periodMonths, perYear } from '../src/facts/derived/helpers.js';
import { UNKNOWN } from '../src/facts/types.js';
import { SEED } from './properties/arbitraries.js';

const DAY = 86_400_000;
// 1000-01-01 … 9999-12-31 as days since 1970-01-01.
const MIN = Date.UTC(1000, 0, 1) / DAY;
const MAX = Date.UTC(9999, 11, 31) / DAY;
const isoOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
const anyDay = fc.integer({ min: MIN, max: MAX });
// Dates people write: around now, with month ends and leap days over-represented.
const nearDay = fc.oneof(
  fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2040, 0, 1) / DAY }),
  fc.tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 0, max: 11 }), fc.constantFrom(28, 29, 30, 31, 1)).map(([y, m, d]) => Date.UTC(y, m, Math.min(d, new Date(Date.UTC(y, m + 1, 0)).getUTCDate())) / DAY),
);
const params = { seed: SEED, numRuns: 3000 };

describe('calendar dates', () => {
  it('the comparison really runs in UTC', () => {
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(0);
  });

  it('day numbers round-trip and agree with Date.UTC over years 1000–9999', () => {
    fc.assert(
      fc.property(anyDay, (n) => {
        const iso = isoOf(n);
        const d = parseCalendarDate(iso);
        expect(dayNumber(d.year, d.month, d.day)).toBe(n);
        expect(formatCalendarDate(fromDayNumber(n))).toBe(iso);
        expect(isIsoDate(iso)).toBe(true);
      }),
      params,
    );
  });

  it('months between two dates are date-fns differenceInMonths, in both directions', () => {
    fc.assert(
      fc.property(nearDay, nearDay, (a, b) => {
        const [x, y] = [isoOf(a), isoOf(b)];
        expect(monthsBetween(parseCalendarDate(x), parseCalendarDate(y)), `${x} → ${y}`).toBe(differenceInMonths(parseISO(y), parseISO(x)));
      }),
      { ...params, numRuns: 10_000 },
    );
  });

  it('days and day shifts are date-fns differenceInCalendarDays and addDays', () => {
    fc.assert(
      fc.property(anyDay, anyDay, fc.integer({ min: -4000, max: 4000 }), (a, b, k) => {
        const [x, y] = [isoOf(a), isoOf(b)];
        expect(daysBetween(parseCalendarDate(x), parseCalendarDate(y))).toBe(differenceInCalendarDays(parseISO(y), parseISO(x)));
        expect(helperDays(x, y)).toBe(b - a);
        if (a + k >= MIN && a + k <= MAX) expect(addDaysIso(x, k)).toBe(formatISO(fnsAddDays(parseISO(x), k), { representation: 'date' }));
      }),
      params,
    );
  });

  it('three years back is date-fns subYears (29 February → 28 February)', () => {
    fc.assert(
      fc.property(nearDay, (a) => {
        const x = isoOf(a);
        expect(formatCalendarDate(addMonths(parseCalendarDate(x), -36))).toBe(formatISO(subYears(parseISO(x), 3), { representation: 'date' }));
      }),
      params,
    );
    expect(formatCalendarDate(addMonths(parseCalendarDate('2024-02-29'), -36))).toBe('2021-02-28');
  });

  it('the days that some zones skipped are ordinary days', () => {
    // Pacific/Apia skipped 2011-12-30, Pacific/Kiritimati 1994-12-31, Pacific/Kwajalein 1993-08-21.
    for (const skipped of ['2011-12-30', '1994-12-31', '1993-08-21']) {
      expect(addDaysIso(addDaysIso(skipped, -1), 1)).toBe(skipped);
      expect(daysBetween(parseCalendarDate(addDaysIso(skipped, -1)), parseCalendarDate(addDaysIso(skipped, 1)))).toBe(2);
    }
    expect(periodMonths('1994-01-01', '1994-12-30')).toBe(11);
    expect(periodMonths('1994-01-01', '1994-12-31')).toBe(12);
  });
});

describe('9999-12-31, "until further notice"', () => {
  it('is a date: the day after it exists for counting, and a period to it has a length', () => {
    expect(addDays(parseCalendarDate('9999-12-31'), 1)).toEqual({ year: 10000, month: 1, day: 1 });
    expect(periodMonths('2025-01-01', '9999-12-31')).toBe((10000 - 2025) * 12);
    expect(periodMonths('2025-01-01', '9999-12-30')).toBe((10000 - 2025) * 12 - 1);
  });

  it('has no amount per year: a total is not spread over 8 000 years', () => {
    expect(perYear(1_000_000, '2025-01-01', '9999-12-31')).toBe(UNKNOWN);
    expect(perYear(1_000_000, '2025-01-01', '9999-12-30')).not.toBe(UNKNOWN);
    expect(perYear(365_000, '2025-01-01', '2025-12-31')).toBe(365_000);
  });
});
