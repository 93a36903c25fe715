import type { Locale, Text } from './_internal/text.js';
import { IopCaseSchema, type IopCase } from './domain/case.js';
import { locatedIssuesFromZod, type InputIssueCode } from './domain/input-error.js';
import { checkLimits, resolveLimits, type InputLimits } from './domain/limits.js';

/** One problem with a field of the case, addressed the three ways callers address fields. */
export interface CaseIssue {
  /** Dotted path, `followUp.reports[2].dueOn`; empty for the whole case. */
  readonly path: string;
  /** The same path as keys and indexes: `['followUp', 'reports', 2, 'dueOn']`. */
  readonly segments: ReadonlyArray<string | number>;
  /** JSON Pointer (RFC 6901), as form libraries address fields: `/followUp/reports/2/dueOn`; `''` for the whole case. */
  readonly pointer: string;
  readonly code: InputIssueCode;
  /** The message in both languages. */
  readonly message: Text;
  /** The message in the requested locale. */
  readonly text: string;
}

/** The result of `validateCase`. */
export type CaseValidation = { ok: true; value: IopCase } | { ok: false; issues: CaseIssue[] };

/** Options for `validateCase`. */
export interface ValidateCaseOptions {
  /** Language of each issue's `text`. Default `sv`. */
  locale?: Locale;
  /** Caps on the raw input (docs/limits.md), as for `assess`. */
  limits?: Partial<InputLimits>;
}

/** The JSON Pointer of a path: `/a/b/0`, with `~` and `/` escaped as RFC 6901 says. */
export function jsonPointer(segments: ReadonlyArray<string | number>): string {
  return segments.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Read a dotted path `a.b[2].c` back into segments (for issues that come with a dotted path only). */
function segmentsOf(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

/**
 * Validate a case as you type: the same checks `assess` makes on the case (limits, types, dates that exist,
 * organisation-number check digits, periods in order), but no rules run. Synchronous and cheap.
 *
 * @example
 * const r = validateCase({ organisation: { orgNumber: '802000-0000' } }, { locale: 'en' });
 * if (!r.ok) r.issues[0]; // { path: 'organisation.orgNumber', pointer: '/organisation/orgNumber', code: 'invalid_org_number', … }
 */
export function validateCase(input: unknown, options: ValidateCaseOptions = {}): CaseValidation {
  const locale: Locale = options.locale === 'en' ? 'en' : 'sv';
  const make = (path: string, segments: Array<string | number>, code: InputIssueCode, message: Text): CaseIssue => ({
    path,
    segments,
    pointer: jsonPointer(segments),
    code,
    message,
    text: message[locale],
  });
  const limits = resolveLimits(options.limits, 'options.limits');
  const over = [...limits.issues, ...checkLimits(input, limits.limits)];
  if (over.length) return { ok: false, issues: over.map((i) => make(i.path, segmentsOf(i.path), i.code, i.message)) };
  let parsed: ReturnType<typeof IopCaseSchema.safeParse>;
  try {
    parsed = IopCaseSchema.safeParse(input);
  } catch (e) {
    const msg = (e instanceof Error ? e.message : String(e)).slice(0, 200);
    return { ok: false, issues: [make('', [], 'unreadable', { sv: `kan inte läsas: ${msg}`, en: `cannot be read: ${msg}` })] };
  }
  if (parsed.success) return { ok: true, value: parsed.data };
  const found = locatedIssuesFromZod(parsed.error).map(({ issue, segments }) => make(issue.path, segments, issue.code, issue.message));
  return { ok: false, issues: found.length ? found : [make('', [], 'invalid_input', { sv: 'ogiltig indata', en: 'invalid input' })] };
}

/** Issues grouped by field, like zod's `flattenError`: messages for the whole case, and per field. */
export interface GroupedCaseIssues {
  /** Messages about the case as a whole (empty path). */
  readonly formErrors: string[];
  /** Messages per field, keyed by dotted path (or JSON Pointer with `{ by: 'pointer' }`). */
  readonly fieldErrors: Record<string, string[]>;
}

/** Group `validateCase` issues by field, in the language each issue was made in (`issue.text`). */
export function groupIssuesByField(issues: readonly CaseIssue[], options: { by?: 'path' | 'pointer' } = {}): GroupedCaseIssues {
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const i of issues) {
    const key = options.by === 'pointer' ? i.pointer : i.path;
    if (!key) formErrors.push(i.text);
    else (fieldErrors[key] ??= []).push(i.text);
  }
  return { formErrors, fieldErrors };
}
