import { addDays, daysBetween as calendarDays, monthsBetween as calendarMonths, OPEN_END, parseCalendarDate } from '../../domain/calendar.js';
import { UNKNOWN, type DeriveContext, type FactValue, type Unknown } from '../types.js';

/** Narrow a fact value to a number, or UNKNOWN. */
export function num(v: FactValue | Unknown): number | Unknown {
  return typeof v === 'number' ? v : UNKNOWN;
}

/** Narrow a fact value to an ISO date string, or UNKNOWN. */
export function date(v: FactValue | Unknown): string | Unknown {
  return typeof v === 'string' ? v : UNKNOWN;
}

/** Narrow a fact value to a boolean, or UNKNOWN. */
export function bool(v: FactValue | Unknown): boolean | Unknown {
  return typeof v === 'boolean' ? v : UNKNOWN;
}

/** Whole months from `from` to `to` (calendar dates; full months, negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  return calendarMonths(parseCalendarDate(from), parseCalendarDate(to));
}

/**
 * The length of a period in whole months with both ends counted: 2025-01-01 to 2034-12-31 is
 * 120 months. An end of 9999-12-31 ("until further notice") is a date like any other, so the
 * period is very long rather than unknown.
 */
export function periodMonths(start: string, end: string): number {
  return calendarMonths(parseCalendarDate(start), addDays(parseCalendarDate(end), 1));
}

/** Calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return calendarDays(parseCalendarDate(from), parseCalendarDate(to));
}

/**
 * An amount over a period, per year: both dates count, so 2024-01-01 to 2024-12-31 is one
 * year. UNKNOWN when the amount or either date is, and when the period is open-ended
 * (ends 9999-12-31): a total "until further notice" says nothing about a year, and spreading
 * it over 8 000 years would make any amount look small.
 */
export function perYear(total: FactValue | Unknown, start: FactValue | Unknown, end: FactValue | Unknown): number | Unknown {
  const t = num(total);
  const s = date(start);
  const e = date(end);
  if (t === UNKNOWN || s === UNKNOWN || e === UNKNOWN || e === OPEN_END) return UNKNOWN;
  return (t * 365) / Math.max(daysBetween(s, e) + 1, 1);
}

/** Kleene OR over booleans: true if any is true, false if all are false, else UNKNOWN. */
export function anyTrue(values: ReadonlyArray<boolean | Unknown>): boolean | Unknown {
  if (values.some((v) => v === true)) return true;
  return values.every((v) => v === false) ? false : UNKNOWN;
}

/** Round to a given number of decimals, so derived values print and compare stably. */
export function round(n: number, decimals = 4): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

/**
 * The length in whole months of the period at `prefix` (`agreement.period`, `partnership.period`),
 * both ends counted, or UNKNOWN when either date is.
 */
export function periodLengthMonths(ctx: DeriveContext, prefix: string): number | Unknown {
  const start = date(ctx.get(`${prefix}.start`));
  const end = date(ctx.get(`${prefix}.end`));
  return start === UNKNOWN || end === UNKNOWN ? UNKNOWN : periodMonths(start, end);
}
