// The command-line edge: the only place that reads files (through the injected `io`).
// Everything here is testable without a process: `main(argv, io)` returns the exit code.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { assess, caseJsonSchema, compareRuleSets, listRules, listRuleSets, type AssessOptions } from '../assess.js';
import { IopInputError, type InputIssue } from '../domain/input-error.js';
import { DEFAULT_INPUT_LIMITS } from '../domain/limits.js';
import { draftAgreement, IopDraftRefusedError, signableAsIop, verdictSummary } from '../draft/draft-agreement.js';
import { formatVerdict } from '../format/format-verdict.js';
import { stripControl } from '../format/escape.js';
import type { Locale } from '../_internal/text.js';
import type { Verdict } from '../verdict/types.js';
import { runScenarioFile } from '../testing/scenarios.js';
import { VERSION } from '../version.js';

/** What the CLI needs from the outside world. */
export interface CliIO {
  readFile(path: string, maxBytes: number): Promise<string>;
  readStdin(maxBytes: number): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes (DESIGN §2, plus 6 for a defect in the package). */
export const EXIT = {
  eligible: 0,
  'not-eligible': 1,
  incomplete: 2,
  conditional: 3,
  invalidInput: 4,
  usage: 5,
  internal: 6,
} as const;

/** Largest input file or stdin the CLI reads (bytes). Override with --max-input-bytes. */
export const DEFAULT_MAX_INPUT_BYTES = DEFAULT_INPUT_LIMITS.maxJsonBytes;

const USAGE = `iop-rules ${VERSION}: assess Swedish IOP cases against the law and a city's guidelines.

Usage:
  iop-rules assess FILE|- [--as-of YYYY-MM-DD] [--rule-set ID] [--locale sv|en]
                          [--format json|text|markdown|html] [--overlay FILE|ID]...
  iop-rules rules [--rule-set ID] [--as-of DATE] [--format json|text] [--overlay FILE|ID]...
  iop-rules rule-sets [--format json|text]
  iop-rules questions FILE|- [--as-of DATE] [--rule-set ID] [--locale sv|en] [--format json|text]
  iop-rules compare FILE|- --from ID --to ID [--as-of DATE] [--locale sv|en] [--format json|text]
  iop-rules schema
  iop-rules draft FILE|- [--as-of DATE] [--rule-set ID] [--locale sv|en] [--overlay FILE|ID]...
                         [--draft-anyway]
  iop-rules test SCENARIO...
  iop-rules verify VERDICT CASE

Exit codes of assess: 0 eligible, 1 not eligible, 2 incomplete, 3 conditional,
4 invalid input, 5 usage error, 6 internal error. Add --debug for stack traces.
`;

class UsageError extends Error {}

class InputReadError extends Error {
  constructor(readonly issue: InputIssue) {
    super(issue.message.en);
  }
}

const OPTIONS = {
  'as-of': { type: 'string' },
  'rule-set': { type: 'string' },
  locale: { type: 'string' },
  format: { type: 'string' },
  overlay: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'max-input-bytes': { type: 'string' },
  'draft-anyway': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function parseJson(text: string, source: string): unknown {
  // A byte-order mark is not part of the JSON text.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new InputReadError({
      path: '',
      code: 'invalid_json',
      message: { sv: `${source} är inte giltig JSON: ${msg}`, en: `${source} is not valid JSON: ${msg}` },
    });
  }
}

async function readInput(io: CliIO, file: string, max: number): Promise<unknown> {
  let text: string;
  try {
    text = file === '-' ? await io.readStdin(max) : await io.readFile(file, max);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new InputReadError({ path: '', code: 'unreadable', message: { sv: `kan inte läsa ${file}: ${msg}`, en: `cannot read ${file}: ${msg}` } });
  }
  return parseJson(text, file === '-' ? 'stdin' : file);
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of: ${allowed.join(', ')}`);
  return value as T;
}

async function assessOptions(io: CliIO, v: Values, max: number): Promise<AssessOptions> {
  const overlays: unknown[] = [];
  for (const o of v.overlay ?? []) {
    // A path (has a slash or ends in .json) is read as a JSON overlay; otherwise it is a bundled id.
    overlays.push(o.includes('/') || o.endsWith('.json') ? await readInput(io, o, max) : o);
  }
  const locale = pick(v.locale, ['sv', 'en'] as const, 'locale');
  return {
    ...(v['as-of'] !== undefined ? { asOf: v['as-of'] } : {}),
    ...(v['rule-set'] !== undefined ? { ruleSet: v['rule-set'] } : {}),
    ...(locale ? { locale } : {}),
    ...(overlays.length ? { overlays } : {}),
  };
}

function printIssues(io: CliIO, issues: readonly InputIssue[], locale: Locale): void {
  io.stderr(`${locale === 'sv' ? 'Ogiltig indata' : 'Invalid input'} (${issues.length}):\n`);
  for (const i of issues) io.stderr(`  ${stripControl(i.path || '(root)')}: ${stripControl(i.message[locale])}\n`);
}

/** Run the CLI. Never throws: every failure becomes a message and an exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: { values: Values; positionals: string[] };
  try {
    const raw = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    parsed = { values: raw.values as Values, positionals: raw.positionals };
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const debug = values.debug === true;
  const locale: Locale = values.locale === 'en' ? 'en' : 'sv';
  try {
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const [command, ...args] = positionals;
    if (values.help || !command) {
      io.stdout(USAGE);
      return command || values.help ? 0 : EXIT.usage;
    }
    const max = values['max-input-bytes'] !== undefined ? Number(values['max-input-bytes']) : DEFAULT_MAX_INPUT_BYTES;
    if (!Number.isInteger(max) || max <= 0) throw new UsageError('--max-input-bytes must be a positive whole number');
    const format = values.format;
    switch (command) {
      case 'assess': {
        if (args.length !== 1) throw new UsageError('assess takes exactly one FILE (or - for stdin)');
        const fmt = pick(format, ['json', 'text', 'markdown', 'html'] as const, 'format') ?? 'text';
        const opts = await assessOptions(io, values, max);
        const verdict = await assess(await readInput(io, args[0] as string, max), opts);
        io.stdout(fmt === 'json' ? `${JSON.stringify(verdict, null, 2)}\n` : formatVerdict(verdict, { format: fmt }));
        return EXIT[verdict.outcome];
      }
      case 'questions': {
        if (args.length !== 1) throw new UsageError('questions takes exactly one FILE (or -)');
        const fmt = pick(format, ['json', 'text'] as const, 'format') ?? 'text';
        const verdict = await assess(await readInput(io, args[0] as string, max), await assessOptions(io, values, max));
        if (fmt === 'json') io.stdout(`${JSON.stringify(verdict.missingFacts, null, 2)}\n`);
        else if (!verdict.missingFacts.length) io.stdout(locale === 'sv' ? 'Inga frågor: alla fakta som reglerna behöver är kända.\n' : 'No questions: every fact the rules need is known.\n');
        else
          verdict.missingFacts.forEach((m, i) =>
            io.stdout(`${i + 1}. ${m.question}${m.decisive ? (locale === 'sv' ? ' (avgörande)' : ' (decisive)') : ''}\n   ${m.fact} → ${m.neededBy.join(', ')}\n`),
          );
        return 0;
      }
      case 'rules': {
        if (args.length) throw new UsageError('rules takes no FILE');
        const fmt = pick(format, ['json', 'text'] as const, 'format') ?? 'text';
        const opts = await assessOptions(io, values, max);
        const rules = listRules(opts.ruleSet, opts.asOf, opts.overlays);
        if (fmt === 'json') io.stdout(`${JSON.stringify(rules, null, 2)}\n`);
        else
          for (const r of rules) {
            io.stdout(`${r.id}  ${r.area}  ${r.severity}  ${stripControl(r.title[locale])}\n    ${stripControl(r.sources.map((s) => s.ref).join('; '))}\n    ${r.effective.from} – ${r.effective.to ?? ''}  (${r.layer})\n`);
          }
        return 0;
      }
      case 'rule-sets': {
        const fmt = pick(format, ['json', 'text'] as const, 'format') ?? 'text';
        const sets = listRuleSets();
        if (fmt === 'json') io.stdout(`${JSON.stringify(sets, null, 2)}\n`);
        else for (const s of sets) io.stdout(`${s.id}  ${s.effective.from} – ${s.effective.to ?? ''}  ${s.title[locale]}\n`);
        return 0;
      }
      case 'compare': {
        if (args.length !== 1 || !values.from || !values.to) throw new UsageError('compare takes one FILE and --from ID --to ID');
        const fmt = pick(format, ['json', 'text'] as const, 'format') ?? 'text';
        const input = await readInput(io, args[0] as string, max);
        const cmp = await compareRuleSets(input, { from: values.from, to: values.to, ...(values['as-of'] ? { asOf: values['as-of'] } : {}), locale });
        if (fmt === 'json') io.stdout(`${JSON.stringify(cmp, null, 2)}\n`);
        else {
          io.stdout(`${cmp.from.ruleSet}: ${cmp.from.outcome}  →  ${cmp.to.ruleSet}: ${cmp.to.outcome}  (${cmp.asOf})\n`);
          for (const c of cmp.changes) {
            const side = (x: typeof c.from) => (x ? `${x.status} (${x.severity})` : '—');
            io.stdout(`  ${c.ruleId}  ${side(c.from)} → ${side(c.to)}  ${stripControl(c.title)}\n`);
          }
        }
        return 0;
      }
      case 'draft': {
        if (args.length !== 1) throw new UsageError('draft takes exactly one FILE (or -)');
        const input = await readInput(io, args[0] as string, max);
        const opts = await assessOptions(io, values, max);
        // A case the verdict does not let be signed as an IOP: refused (stderr, the outcome's exit
        // code), or with --draft-anyway drafted under a "not to be signed" heading, still non-zero.
        const notSignableExit = (v: Verdict): number => (EXIT[v.outcome] === 0 ? EXIT['not-eligible'] : EXIT[v.outcome]);
        try {
          const text = draftAgreement(input, { ...opts, draftAnyway: values['draft-anyway'] === true });
          if (values['draft-anyway'] !== true) {
            io.stdout(text);
            return 0;
          }
          const v = await assess(input, opts);
          io.stdout(text);
          if (signableAsIop(v)) return 0;
          io.stderr(`${verdictSummary(v, locale).map((l) => stripControl(l)).join('\n')}\n`);
          return notSignableExit(v);
        } catch (e) {
          if (!(e instanceof IopDraftRefusedError)) throw e;
          io.stderr(`${e.reasons.map((l) => stripControl(l)).join('\n')}\n`);
          return notSignableExit(e.verdict);
        }
      }
      case 'schema':
        io.stdout(`${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
        return 0;
      case 'test': {
        if (!args.length) throw new UsageError('test takes one or more SCENARIO files');
        let failed = 0;
        for (const file of args) {
          const results = await runScenarioFile(await readInput(io, file, max));
          for (const r of results) {
            io.stdout(`${r.ok ? '✓' : '✗'} ${stripControl(file)}: ${stripControl(r.name)}\n`);
            for (const p of r.problems) io.stdout(`    ${stripControl(p)}\n`);
            if (!r.ok) failed++;
          }
        }
        return failed ? 1 : 0;
      }
      case 'verify': {
        if (args.length !== 2) throw new UsageError('verify takes VERDICT and CASE files');
        const stored = (await readInput(io, args[0] as string, max)) as Partial<Verdict>;
        const input = await readInput(io, args[1] as string, max);
        // A stored verdict is input too: anything but the verdict's shape is exit 4, not a TypeError (exit 6).
        if (!stored || typeof stored !== 'object' || !stored.ruleSet || typeof stored.asOf !== 'string' || !Array.isArray(stored.ruleSet.layers ?? []) || !Array.isArray(stored.findings ?? []) || !(stored.findings ?? []).every((f) => f !== null && typeof f === 'object')) {
          throw new InputReadError({ path: '', code: 'invalid_verdict', message: { sv: `${args[0]} är ingen sparad bedömning`, en: `${args[0]} is not a stored verdict` } });
        }
        const overlays = (stored.ruleSet.layers ?? []).filter((l) => l.startsWith('overlay:')).map((l) => l.slice(8));
        const fresh = await assess(input, { asOf: stored.asOf, ruleSet: stored.ruleSet.id, locale: stored.locale === 'en' ? 'en' : 'sv', ...(overlays.length ? { overlays } : {}) });
        const diffs: string[] = [];
        if (fresh.outcome !== stored.outcome) diffs.push(`outcome: ${String(stored.outcome)} → ${fresh.outcome}`);
        if (fresh.ruleSet.hash !== stored.ruleSet.hash) diffs.push(`rule set changed: ${stored.ruleSet.hash} → ${fresh.ruleSet.hash}`);
        const before = new Map((stored.findings ?? []).map((f) => [f.ruleId, f.status]));
        for (const f of fresh.findings) if (before.get(f.ruleId) !== f.status) diffs.push(`${f.ruleId}: ${before.get(f.ruleId) ?? 'absent'} → ${f.status}`);
        for (const id of before.keys()) if (!fresh.findings.some((f) => f.ruleId === id)) diffs.push(`${id}: ${before.get(id) ?? ''} → absent`);
        if (!diffs.length) {
          io.stdout(locale === 'sv' ? `Bedömningen står sig (${fresh.outcome}).\n` : `The verdict still holds (${fresh.outcome}).\n`);
          return 0;
        }
        io.stdout(`${locale === 'sv' ? 'Bedömningen står sig inte' : 'The verdict no longer holds'}:\n${diffs.map((d) => `  ${stripControl(d)}\n`).join('')}`);
        return 1;
      }
      default:
        throw new UsageError(`unknown command "${stripControl(command).slice(0, 40)}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (e instanceof InputReadError) {
      printIssues(io, [e.issue], locale);
      return EXIT.invalidInput;
    }
    if (e instanceof IopInputError) {
      // A bad option value (unknown rule set, bad --as-of) is a usage error; bad case data is invalid input.
      const optionOnly = e.issues.every((i) => i.path.startsWith('options.') && !i.path.startsWith('options.overlays['));
      printIssues(io, e.issues, locale);
      if (debug && e.stack) io.stderr(`${e.stack}\n`);
      return optionOnly ? EXIT.usage : EXIT.invalidInput;
    }
    io.stderr(`iop-rules: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.internal;
  }
}
