import { addDays } from 'date-fns/addDays';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { formatISO } from 'date-fns/formatISO';
import { parseISO } from 'date-fns/parseISO';
import { UNKNOWN, type FactValue, type Unknown } from '../types.js';

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

/** Whole months from `from` to `to` (date-fns: full months, negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  return differenceInMonths(parseISO(to), parseISO(from));
}

/** The ISO date one day after `d` (to count both ends of a period). */
export function dayAfter(d: string): string {
  return formatISO(addDays(parseISO(d), 1), { representation: 'date' });
}

/** Calendar days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

/**
 * An amount over a period, per year: both dates count, so 2024-01-01 to 2024-12-31 is one
 * year. UNKNOWN when the amount or either date is.
 */
export function perYear(total: FactValue | Unknown, start: FactValue | Unknown, end: FactValue | Unknown): number | Unknown {
  const t = num(total);
  const s = date(start);
  const e = date(end);
  if (t === UNKNOWN || s === UNKNOWN || e === UNKNOWN) return UNKNOWN;
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
