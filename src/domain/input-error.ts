import type * as z from 'zod';
import type { Text } from '../_internal/text.js';

/** One problem with the input: where it is and what is wrong, in Swedish and English. */
export interface InputIssue {
  /** Dotted path to the bad field, e.g. `organisation.orgNumber` or `followUp.reports[2].dueOn`. Empty for the root. */
  readonly path: string;
  /** Machine-readable code: one of ours (`invalid_org_number`, `invalid_date`, …) or zod's (`invalid_type`, …). */
  readonly code: string;
  readonly message: Text;
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
      const code = issue.message.startsWith('iop:') ? issue.message.slice(4) : 'invalid_format';
      return [{ path, code, message: customMessage(code, 'has the wrong format') }];
    }
    case 'custom': {
      const code = String((issue.params as { code?: string } | undefined)?.code ?? 'custom');
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
      return [{ path, code: issue.code, message: { sv: `ogiltigt värde`, en: `invalid value (${issue.message})` } }];
  }
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
  const out: InputIssue[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    for (const mapped of mapIssue(issue, prefix)) {
      const key = `${mapped.path}\u0000${mapped.code}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(mapped);
    }
  }
  return out;
}
