import type * as z from 'zod';
import type { Text } from '../_internal/text.js';

/**
 * Every code an input issue can carry: a closed list, each documented in docs/input.md
 * (a test fails when a code is emitted that is not listed here or not documented there).
 */
export const INPUT_ISSUE_CODES = [
  // The case's shape and values
  'invalid_type',
  'invalid_value',
  'unrecognized_key',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_date',
  'invalid_org_number',
  'period_end_before_start',
  'contradicts_field',
  'invalid_input',
  // Raw-input guard (docs/limits.md)
  'limit_exceeded',
  'not_json',
  'forbidden_key',
  'unreadable',
  // Options, rule sets and overlays
  'invalid_option',
  'unknown_rule_set',
  'unknown_overlay',
  'invalid_overlay',
  'invalid_overlay_rule',
  'reserved_prefix',
  'reserved_overlay_id',
  'no_rules_in_force',
  // Files read by the command line
  'invalid_json',
  'invalid_verdict',
  'not_utf8',
  'duplicate_key',
  'too_large',
  'timeout',
  'no_case_files',
  'case_date',
  // A defect met while assessing, reported instead of thrown (see DEFECT_CODES for thrown ones)
  'internal_error',
] as const;

/** The code of an input issue (see `INPUT_ISSUE_CODES` and docs/input.md). */
export type InputIssueCode = (typeof INPUT_ISSUE_CODES)[number];

/** One problem with the input: where it is and what is wrong, in Swedish and English. */
export interface InputIssue {
  /** Dotted path to the bad field, e.g. `organisation.orgNumber` or `followUp.reports[2].dueOn`. Empty for the root. */
  readonly path: string;
  /** Machine-readable code, one of `INPUT_ISSUE_CODES` (docs/input.md says what each means). */
  readonly code: InputIssueCode;
  readonly message: Text;
}

/**
 * Codes of defects: a bug in the library or its bundled catalogue, never the caller's input.
 * Thrown as `IopDefect` (`error.code === 'IOP_DEFECT'`, `error.defect` one of these); docs/input.md lists them.
 */
export const DEFECT_CODES = [
  'duplicate_fact',
  'bad_fact_dependency',
  'unknown_fact',
  'fact_cycle',
  'unknown_parameter',
] as const;

/** The code of a defect (see `DEFECT_CODES`). */
export type DefectCode = (typeof DEFECT_CODES)[number];

/** A defect in the library (not bad input): please report it. `code` is always `IOP_DEFECT`; `defect` says which. */
export class IopDefect extends Error {
  readonly code = 'IOP_DEFECT' as const;
  constructor(
    readonly defect: DefectCode,
    message: string,
  ) {
    super(`iop-rules defect (${defect}): ${message}`);
    this.name = 'IopDefect';
  }
}

/**
 * Thrown by `assess` (and returned by `safeAssess`) when the input is not a valid case.
 * It carries every issue found, not just the first. Check `error.code === 'IOP_INPUT_ERROR'`
 * rather than `instanceof` if two copies of the package may be loaded.
 */
export class IopInputError extends Error {
  readonly code = 'IOP_INPUT_ERROR' as const;
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[]) {
    super(
      `Invalid IOP case input (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  ${i.path || '(root)'}: ${i.message.en}`).join('\n'),
    );
    this.name = 'IopInputError';
    this.issues = issues;
  }
}

/** Render a zod path as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

const TYPE_SV: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  boolean: 'sant eller falskt (true/false)',
  object: 'ett objekt',
  array: 'en lista',
  int: 'ett heltal',
};

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

/** Map one zod issue to our sv/en issue. Messages come from this table, never from zod's locale. */
function mapIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): InputIssue[] {
  const path = formatPath([...prefix, ...issue.path]);
  switch (issue.code) {
    case 'invalid_type': {
      const exp = String(issue.expected);
      if (exp === 'never') {
        return [{ path, code: 'unrecognized_key', message: { sv: 'okänt fält', en: 'unknown field' } }];
      }
      return [
        {
          path,
          code: 'invalid_type',
          message: { sv: `ska vara ${TYPE_SV[exp] ?? exp}`, en: `expected ${exp === 'int' ? 'an integer' : exp}` },
        },
      ];
    }
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({
        path: formatPath([...prefix, ...issue.path, k]),
        code: 'unrecognized_key',
        message: {
          sv: `okänt fält "${clip(k)}" (stavfel? okända fält godtas inte)`,
          en: `unknown field "${clip(k)}" (a typo? unknown fields are not accepted)`,
        },
      }));
    case 'invalid_value': {
      const opts = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [{ path, code: 'invalid_value', message: { sv: `ska vara ett av: ${opts}`, en: `expected one of: ${opts}` } }];
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'number' || issue.origin === 'int') {
        return [
          {
            path,
            code: 'too_small',
            message: issue.inclusive
              ? { sv: `får inte vara mindre än ${min}`, en: `must be at least ${min}` }
              : { sv: `ska vara större än ${min}`, en: `must be greater than ${min}` },
          },
        ];
      }
      return [{ path, code: 'too_small', message: { sv: `för kort (minst ${min})`, en: `too short (at least ${min})` } }];
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'int') {
        return [{ path, code: 'too_big', message: { sv: `får inte vara större än ${max}`, en: `must be at most ${max}` } }];
      }
      return [
        {
          path,
          code: 'too_big',
          message: { sv: `för lång (högst ${max} tecken eller element)`, en: `too long (at most ${max} characters or items)` },
        },
      ];
    }
    case 'invalid_format': {
      // Our formats mark their message `iop:<code>` so they share the custom check's text.
      const own = issue.message.startsWith('iop:') ? issue.message.slice(4) : '';
      const code: InputIssueCode = isIssueCode(own) ? own : 'invalid_format';
      return [{ path, code, message: customMessage(code, 'has the wrong format') }];
    }
    case 'custom': {
      const own = String((issue.params as { code?: string } | undefined)?.code ?? '');
      const code: InputIssueCode = isIssueCode(own) ? own : 'invalid_value';
      return [{ path, code, message: customMessage(code, issue.message) }];
    }
    case 'invalid_union':
      return [
        {
          path,
          code: 'invalid_type',
          message: { sv: 'har fel typ (tal eller text väntades)', en: 'has the wrong type (a number or text was expected)' },
        },
      ];
    default:
      // zod's rarer codes (not_multiple_of, invalid_key, invalid_element) are all "a value the schema refuses".
      return [{ path, code: 'invalid_value', message: { sv: `ogiltigt värde`, en: `invalid value (${issue.message})` } }];
  }
}

/** True when `s` is one of the listed issue codes. */
export function isIssueCode(s: string): s is InputIssueCode {
  return (INPUT_ISSUE_CODES as readonly string[]).includes(s);
}

function customMessage(code: string, fallback: string): Text {
  switch (code) {
    case 'invalid_date':
      return {
        sv: 'ska vara ett datum som finns, på formen ÅÅÅÅ-MM-DD',
        en: 'must be a date that exists, written YYYY-MM-DD',
      };
    case 'invalid_org_number':
      return {
        sv: 'ska vara ett giltigt organisationsnummer NNNNNN-NNNN (kontrollsiffran stämmer inte eller formen är fel)',
        en: 'must be a valid organisation number NNNNNN-NNNN (wrong form or the check digit does not match)',
      };
    case 'period_end_before_start':
      return { sv: 'slutdatum ligger före startdatum', en: 'the end date is before the start date' };
    case 'contradicts_field':
      return {
        sv: 'motsäger organisation.insolvent: ett pågående förfarande kan inte anges när insolvent är false',
        en: 'contradicts organisation.insolvent: a proceeding cannot be given when insolvent is false',
      };
    default:
      return { sv: fallback, en: fallback };
  }
}

/** Every zod issue as our input issues, in input order, deduplicated. */
export function issuesFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): InputIssue[] {
  return located(error, prefix).map((l) => l.issue);
}

/** Like `issuesFromZod`, each issue with its path as a list of keys and indexes. */
export function locatedIssuesFromZod(error: z.ZodError): Array<{ issue: InputIssue; segments: Array<string | number> }> {
  return located(error, []);
}

function located(error: z.ZodError, prefix: readonly PropertyKey[]): Array<{ issue: InputIssue; segments: Array<string | number> }> {
  const out: Array<{ issue: InputIssue; segments: Array<string | number> }> = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path].map((k) => (typeof k === 'number' ? k : String(k)));
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : null;
    mapIssue(issue, prefix).forEach((mapped, i) => {
      const key = `${mapped.path}\u0000${mapped.code}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ issue: mapped, segments: keys ? [...base, String(keys[i])] : base });
    });
  }
  return out;
}
