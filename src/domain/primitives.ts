import * as z from 'zod';

/**
 * Issue codes of our own, carried in a zod `custom` issue's `params.code` so that
 * `input-error.ts` can give them a Swedish and English message.
 */
export type DomainIssueCode =
  | 'invalid_date'
  | 'invalid_org_number'
  | 'period_end_before_start'
  | 'contradicts_field'
  | 'not_finite'
  | 'limit_exceeded';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is an ISO `YYYY-MM-DD` date that exists in the calendar (no 2023-02-30). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

/**
 * Luhn (mod 10) check over the ten digits of a Swedish organisationsnummer `NNNNNN-NNNN`,
 * the same check digit Skatteverket uses for personnummer.
 */
export function isValidOrgNumber(s: string): boolean {
  if (!/^\d{6}-\d{4}$/.test(s)) return false;
  const digits = s.replace('-', '');
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

function custom(ctx: z.RefinementCtx, code: DomainIssueCode, message: string): void {
  ctx.addIssue({ code: 'custom', message, params: { code } });
}

/** ISO date string that must exist in the calendar. */
export const IsoDate = z
  .string()
  .regex(ISO_DATE, { error: 'iop:invalid_date', abort: true })
  .superRefine((s, ctx) => {
  if (!isIsoDate(s)) custom(ctx, 'invalid_date', `not an existing calendar date (YYYY-MM-DD): ${s.slice(0, 40)}`);
});

/** Swedish organisation number, `NNNNNN-NNNN`, Luhn-checked. */
export const OrgNumber = z
  .string()
  .regex(/^\d{6}-\d{4}$/, { error: 'iop:invalid_org_number', abort: true })
  .superRefine((s, ctx) => {
  if (!isValidOrgNumber(s)) custom(ctx, 'invalid_org_number', 'not a valid organisation number');
});

/** A finite number (zod 4 already rejects NaN and ±Infinity for z.number()). */
const finite = z.number();

/** An amount in SEK or EUR, at least 0. */
export const Amount = finite.min(0);
/** A signed amount (equity may be negative). */
export const SignedAmount = finite;
/** A whole number ≥ 0. */
export const Count = z.number().int().min(0);

/** `{ start, end }` with end ≥ start when both are given. Either may be unknown. */
export const Period = z
  .strictObject({ start: IsoDate.nullish(), end: IsoDate.nullish() })
  .superRefine((p, ctx) => {
    if (p.start && p.end && isIsoDate(p.start) && isIsoDate(p.end) && p.end < p.start) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: 'period end is before its start',
        params: { code: 'period_end_before_start' },
      });
    }
  });
