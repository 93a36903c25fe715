// Calendar arithmetic on ISO dates (`YYYY-MM-DD`) as calendar dates: no `Date`, no time of
// day, no time zone. A date is a day in the proleptic Gregorian calendar and nothing else, so
// every result is the same on every machine (a `Date` built from a date string is local
// midnight, and in a zone that skipped a day, such as Pacific/Apia on 2011-12-30, that day
// does not exist). See docs/input.md, "Dates".
//
// The month and year arithmetic reproduces date-fns 4 (`differenceInMonths`, `subYears`) as it
// behaves for UTC midnights, which is what the rules were written and tested against;
// test/calendar.test.ts compares the two on random dates.

/** A calendar date as numbers: `month` 1–12, `day` 1–31. `year` may be 10000 only as a day after 9999-12-31. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * The end date people write for "until further notice" (tills vidare). It is a real date and
 * counts as one, so a period that ends then is about 8 000 years long; amounts per year are
 * not spread over it (see `perYear` in src/facts/derived/helpers.ts).
 */
export const OPEN_END = '9999-12-31';

/** The numbers of an ISO date. The caller has already checked the string (`isIsoDate`). */
export function parseCalendarDate(iso: string): CalendarDate {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** `YYYY-MM-DD` (a year above 9999 gets five digits; only internal values ever do). */
export function formatCalendarDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/**
 * Days since 1970-01-01 of a date whose month may lie outside 1–12 and whose day may exceed
 * the month (both roll over, as `Date` does): the civil-to-days algorithm of H. Hinnant.
 */
export function dayNumber(year: number, month: number, day: number): number {
  const y0 = year + Math.floor((month - 1) / 12);
  const m0 = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = m0 <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m0 + (m0 > 2 ? -3 : 9)) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

/** The calendar date of a day number (inverse of `dayNumber`). */
export function fromDayNumber(n: number): CalendarDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const num = (d: CalendarDate): number => dayNumber(d.year, d.month, d.day);

/** `d` moved by `n` days. */
export function addDays(d: CalendarDate, n: number): CalendarDate {
  return fromDayNumber(num(d) + n);
}

/** `iso` moved by `n` days, as an ISO date. */
export function addDaysIso(iso: string, n: number): string {
  return formatCalendarDate(addDays(parseCalendarDate(iso), n));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return num(to) - num(from);
}

/** `d` moved by whole months; a day past the end of the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(d: CalendarDate, n: number): CalendarDate {
  const total = d.year * 12 + (d.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return Math.sign(num(a) - num(b));
}

/**
 * Whole months from `earlier` to `later` (negative when `later` is earlier), exactly as
 * date-fns 4 `differenceInMonths` counts them for two midnights, quirks included: a later
 * date of 28 or 29 February counts from 1 or 2 March, and a later date on the last day of
 * a month one calendar month on counts that month as full.
 */
export function monthsBetween(earlier: CalendarDate, later: CalendarDate): number {
  const sign = compare(later, earlier);
  const difference = Math.abs((later.year - earlier.year) * 12 + (later.month - earlier.month));
  if (difference < 1) return 0;
  // date-fns: if February and day > 27, setDate(30) (rolls into March), then setMonth(month − sign·difference) keeping the day.
  let w: CalendarDate = later;
  if (w.month === 2 && w.day > 27) w = fromDayNumber(dayNumber(w.year, 2, 30));
  const moved = fromDayNumber(dayNumber(w.year, w.month - sign * difference, w.day));
  let lastMonthNotFull = compare(moved, earlier) === -sign;
  if (later.day === daysInMonth(later.year, later.month) && difference === 1 && compare(later, earlier) === 1) lastMonthNotFull = false;
  const result = sign * (difference - (lastMonthNotFull ? 1 : 0));
  return result === 0 ? 0 : result;
}
