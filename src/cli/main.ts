// The command-line edge: the only place that reads files (through the injected `io`).
// Everything here is testable without a process: `main(argv, io)` returns the exit code.
// One language per run: every message, help page and output is in --locale (default sv).
import { assess, caseJsonSchema, compareRuleSets, listRules, listRuleSets, type AssessOptions } from '../assess.js';
import type { Locale } from '../_internal/text.js';
import { IopInputError, type InputIssue } from '../domain/input-error.js';
import { DEFAULT_INPUT_LIMITS } from '../domain/limits.js';
import { draftAgreement, draftStanding, IopDraftRefusedError, verdictSummary } from '../draft/draft-agreement.js';
import { compactVerdict } from '../format/compact.js';
import { formatVerdict } from '../format/format-verdict.js';
import { stripControl } from '../format/escape.js';
import { bundledCatalogue } from '../rules/catalogue.js';
import { ruleJsonSchema } from '../rules/json-schema.js';
import { caseFileJsonSchema, runCaseFile } from '../testing/case-file.js';
import type { Verdict } from '../verdict/types.js';
import { VERSION } from '../version.js';
import { checkShape, COMMAND_NAMES, COMMANDS, parseArgv, UsageError, type Command, type CommandSpec, type Parsed } from './args.js';
import { EXIT, helpText, type HelpContext } from './help.js';
import { parseJsonInput } from './json-text.js';

export { EXIT } from './help.js';

/** What the CLI needs from the outside world. */
export interface CliIO {
  /**
   * Read a whole file, at most `maxBytes` (throw InputTooLargeError beyond), giving up when no
   * byte arrives for `timeoutMs`. Bytes are decoded strictly as UTF-8 by the CLI; a string is
   * taken as already decoded. Any other error means the file cannot be read (exit 7).
   */
  readFile(path: string, maxBytes: number, timeoutMs?: number): Promise<Uint8Array | string>;
  readStdin(maxBytes: number, timeoutMs?: number): Promise<Uint8Array | string>;
  /** The case files (`*.cases.json`) under a directory, sorted; null when `path` is not a directory. */
  listCaseFiles?(path: string): Promise<string[] | null>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Thrown by an io reader when the input is larger than the limit: invalid input (exit 4), not an I/O error. */
export class InputTooLargeError extends Error {
  constructor(
    readonly what: string,
    readonly limit: number,
  ) {
    super(`${what} is larger than the limit of ${limit} bytes (--max-input-bytes)`);
  }
}

/** Largest input file or stdin the CLI reads (bytes). Override with --max-input-bytes. */
export const DEFAULT_MAX_INPUT_BYTES = DEFAULT_INPUT_LIMITS.maxJsonBytes;
/** How long the CLI waits for the first or next byte of an input before it gives up. */
export const DEFAULT_INPUT_TIMEOUT_SECONDS = 30;

/** An input that cannot be used: invalid (exit 4) or unreadable (exit 7). */
class InputProblem extends Error {
  constructor(
    readonly issue: InputIssue,
    readonly exit: number,
  ) {
    super(issue.message.en);
  }
}

const IO_TEXT: Record<string, { sv: string; en: string }> = {
  ENOENT: { sv: 'filen finns inte', en: 'no such file' },
  EACCES: { sv: 'behörighet saknas', en: 'permission denied' },
  EPERM: { sv: 'behörighet saknas', en: 'permission denied' },
  EISDIR: { sv: 'är en mapp, inte en fil', en: 'is a directory, not a file' },
  ELOOP: { sv: 'för många symboliska länkar', en: 'too many symbolic links' },
  ENAMETOOLONG: { sv: 'för långt namn', en: 'name too long' },
};

function ioIssue(name: string, e: unknown, timeoutS: number): InputProblem {
  if (e instanceof InputTooLargeError) {
    return new InputProblem(
      { path: '', code: 'too_large', message: { sv: `${name} är större än gränsen ${e.limit} byte (--max-input-bytes)`, en: `${name} is larger than the limit of ${e.limit} bytes (--max-input-bytes)` } },
      EXIT.invalidInput,
    );
  }
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'IOP_INPUT_TIMEOUT') {
    return new InputProblem(
      { path: '', code: 'timeout', message: { sv: `${name}: ingen data på ${timeoutS} s; gav upp (--input-timeout)`, en: `${name}: no data for ${timeoutS} s; gave up (--input-timeout)` } },
      EXIT.unreadable,
    );
  }
  const known = typeof code === 'string' ? IO_TEXT[code] : undefined;
  const raw = e instanceof Error ? e.message : String(e);
  return new InputProblem(
    { path: '', code: 'unreadable', message: { sv: `kan inte läsa ${name}: ${known?.sv ?? raw}`, en: `cannot read ${name}: ${known?.en ?? raw}` } },
    EXIT.unreadable,
  );
}

interface Ctx {
  readonly io: CliIO;
  readonly locale: Locale;
  readonly max: number;
  readonly timeoutS: number;
}

async function readJson(ctx: Ctx, file: string): Promise<unknown> {
  const name = file === '-' ? 'stdin' : file;
  let bytes: Uint8Array | string;
  try {
    bytes = file === '-' ? await ctx.io.readStdin(ctx.max, ctx.timeoutS * 1000) : await ctx.io.readFile(file, ctx.max, ctx.timeoutS * 1000);
  } catch (e) {
    throw ioIssue(name, e, ctx.timeoutS);
  }
  const parsed = parseJsonInput(bytes, name);
  if (!parsed.ok) throw new InputProblem({ path: parsed.path, code: parsed.code, message: parsed.message }, EXIT.invalidInput);
  return parsed.value;
}

async function assessOptions(ctx: Ctx, p: Parsed): Promise<AssessOptions> {
  const v = p.values;
  const overlays: unknown[] = [];
  for (const o of v.overlay ?? []) {
    // A path (has a slash or ends in .json) is read as a JSON overlay; otherwise it is a bundled id.
    overlays.push(o.includes('/') || o.endsWith('.json') ? await readJson(ctx, o) : o);
  }
  return {
    ...(v['as-of'] !== undefined ? { asOf: v['as-of'] } : {}),
    ...(v['rule-set'] !== undefined ? { ruleSet: v['rule-set'] as NonNullable<AssessOptions['ruleSet']> } : {}),
    locale: ctx.locale,
    ...(overlays.length ? { overlays } : {}),
  };
}

function printIssues(io: CliIO, issues: readonly InputIssue[], locale: Locale): void {
  io.stderr(`${locale === 'sv' ? 'Ogiltig indata' : 'Invalid input'} (${issues.length}):\n`);
  for (const i of issues) io.stderr(`  ${stripControl(i.path || '(root)')}: ${stripControl(i.message[locale])}\n`);
}

function helpContext(): HelpContext {
  return {
    ruleSets: sortedRuleSets().map((s) => s.id),
    overlays: [...bundledCatalogue().overlays.keys()].sort(),
    maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
    inputTimeoutSeconds: DEFAULT_INPUT_TIMEOUT_SECONDS,
  };
}

/** Rule sets oldest first (by the date they come into force, then id). */
function sortedRuleSets() {
  return listRuleSets().sort((a, b) => (a.effective.from === b.effective.from ? (a.id < b.id ? -1 : 1) : a.effective.from < b.effective.from ? -1 : 1));
}

const json = (x: unknown) => `${JSON.stringify(x, null, 2)}\n`;

async function run(p: Parsed, ctx: Ctx): Promise<number> {
  const { io, locale } = ctx;
  const sv = locale === 'sv';
  const [a0, a1] = p.positionals as [string, string];
  const fmt = p.values.format ?? (p.command ? (COMMANDS[p.command] as CommandSpec).formats?.[0] : undefined) ?? 'text';
  switch (p.command as Exclude<Command, 'help'>) {
    case 'assess': {
      const opts = await assessOptions(ctx, p);
      const verdict = await assess(await readJson(ctx, a0), opts);
      if (fmt === 'json') io.stdout(json(p.values.compact ? compactVerdict(verdict) : verdict));
      else io.stdout(formatVerdict(verdict, { format: fmt as 'text' | 'markdown' | 'html' }));
      return EXIT[verdict.outcome];
    }
    case 'questions': {
      const opts = await assessOptions(ctx, p);
      const verdict = await assess(await readJson(ctx, a0), opts);
      if (fmt === 'json') io.stdout(json(verdict.missingFacts));
      else if (!verdict.missingFacts.length) io.stdout(sv ? 'Inga frågor: alla fakta som reglerna behöver är kända.\n' : 'No questions: every fact the rules need is known.\n');
      else
        verdict.missingFacts.forEach((m, i) => io.stdout(`${i + 1}. ${stripControl(m.question)}${m.decisive ? (sv ? ' (avgörande)' : ' (decisive)') : ''}\n   ${m.fact} → ${m.neededBy.join(', ')}\n`));
      return 0;
    }
    case 'rules': {
      const opts = await assessOptions(ctx, p);
      const rules = listRules(opts.ruleSet, opts.asOf, opts.overlays);
      if (fmt === 'json') io.stdout(json(rules));
      else
        for (const r of rules)
          io.stdout(`${r.id}  ${r.area}  ${r.severity}  ${stripControl(r.title[locale])}\n    ${stripControl(r.sources.map((s) => s.ref).join('; '))}\n    ${r.effective.from} – ${r.effective.to ?? ''}  (${r.layer})\n`);
      return 0;
    }
    case 'rule-sets': {
      const sets = sortedRuleSets();
      if (fmt === 'json') io.stdout(json(sets));
      else {
        const w = Math.max(...sets.map((s) => s.id.length));
        for (const s of sets) io.stdout(`${s.id.padEnd(w)}  ${s.effective.from} – ${(s.effective.to ?? '').padEnd(10)}  ${stripControl(s.title[locale])}\n`);
      }
      return 0;
    }
    case 'compare': {
      if (!p.values.from || !p.values.to) throw new UsageError({ sv: 'compare behöver --from ID och --to ID', en: 'compare needs --from ID and --to ID' }, 'compare');
      const input = await readJson(ctx, a0);
      const cmp = await compareRuleSets(input, { from: p.values.from as never, to: p.values.to as never, ...(p.values['as-of'] ? { asOf: p.values['as-of'] } : {}), locale });
      if (fmt === 'json') io.stdout(json(cmp));
      else {
        io.stdout(`${cmp.from.ruleSet} (${cmp.from.asOf}): ${cmp.from.outcome}  →  ${cmp.to.ruleSet} (${cmp.to.asOf}): ${cmp.to.outcome}\n`);
        for (const c of cmp.changes) {
          const side = (x: typeof c.from) => (x ? `${x.status} (${x.severity})` : '—');
          io.stdout(`  ${c.ruleId}  ${side(c.from)} → ${side(c.to)}  ${stripControl(c.title)}\n`);
        }
      }
      return 0;
    }
    case 'draft': {
      const input = await readJson(ctx, a0);
      const opts = await assessOptions(ctx, p);
      const anyway = p.values['draft-anyway'] === true;
      // A case the verdict does not let be signed as an IOP: refused (reasons on stderr, the
      // outcome's exit code), or with --draft-anyway drafted under a "not to be signed" heading,
      // still with a non-zero exit code (docs/decisions/0012). A held draft (the procurement
      // question open on a conditional verdict) is written with the reasons on stderr and exit
      // code 3, conditional (docs/decisions/0020).
      // Refused on the form alone (outcome eligible or conditional): 1, so that 3 always means a
      // held draft was written.
      const notSignableExit = (v: Verdict): number => (v.outcome === 'eligible' || v.outcome === 'conditional' ? EXIT['not-eligible'] : EXIT[v.outcome]);
      try {
        const text = draftAgreement(input, { ...opts, draftAnyway: anyway });
        io.stdout(text);
        const v = await assess(input as never, opts);
        const standing = draftStanding(v);
        if (standing === 'signable') return 0;
        io.stderr(`${verdictSummary(v, locale).map((l) => stripControl(l)).join('\n')}\n`);
        return standing === 'held' ? EXIT.conditional : notSignableExit(v);
      } catch (e) {
        if (!(e instanceof IopDraftRefusedError)) throw e;
        io.stderr(`${e.reasons.map((l) => stripControl(l)).join('\n')}\n`);
        return notSignableExit(e.verdict);
      }
    }
    case 'schema': {
      const kind = a0 ?? 'case';
      const schemas: Record<string, () => unknown> = { case: caseJsonSchema, 'case-file': caseFileJsonSchema, rule: ruleJsonSchema };
      const make = schemas[kind];
      if (!make) throw new UsageError({ sv: `schema: okänt schema "${stripControl(kind).slice(0, 40)}"; välj case, case-file eller rule`, en: `schema: unknown schema "${stripControl(kind).slice(0, 40)}"; choose case, case-file or rule` }, 'schema');
      io.stdout(json(make()));
      return 0;
    }
    case 'test':
      return runTests(ctx, p.positionals);
    case 'verify':
      return verify(ctx, a0, a1);
  }
}

async function runTests(ctx: Ctx, targets: readonly string[]): Promise<number> {
  const { io, locale } = ctx;
  const sv = locale === 'sv';
  const files: string[] = [];
  for (const t of targets) {
    const listed = t !== '-' && io.listCaseFiles ? await io.listCaseFiles(t).catch(() => null) : null;
    if (listed === null) files.push(t);
    else if (!listed.length) throw new InputProblem({ path: '', code: 'no_case_files', message: { sv: `${t}: inga *.cases.json-filer i mappen`, en: `${t}: no *.cases.json files in the directory` } }, EXIT.invalidInput);
    else files.push(...listed);
  }
  let failed = 0;
  let invalid = 0;
  let passed = 0;
  for (const file of files) {
    let data: unknown;
    try {
      data = await readJson(ctx, file);
    } catch (e) {
      if (e instanceof InputProblem && e.exit === EXIT.invalidInput) {
        io.stdout(`✗ ${stripControl(file)}: ${stripControl(e.issue.path ? `${e.issue.path}: ` : '')}${stripControl(e.issue.message[locale])}\n`);
        invalid++;
        continue;
      }
      throw e;
    }
    const results = await runCaseFile(data, { locale });
    const bad = results.some((r) => r.invalidFile);
    for (const r of results) {
      io.stdout(`${r.ok ? '✓' : '✗'} ${stripControl(file)}${r.name ? `: ${stripControl(r.name)}` : ''}\n`);
      for (const prob of r.problems) io.stdout(`    ${stripControl(prob)}\n`);
      if (r.ok) passed++;
      else if (!bad) failed++;
    }
    if (bad) invalid++;
  }
  io.stdout(
    sv
      ? `\n${passed} fall stämmer, ${failed} stämmer inte${invalid ? `, ${invalid} fil(er) är inte fallfiler` : ''} (${files.length} fil(er)).\n`
      : `\n${passed} cases hold, ${failed} do not${invalid ? `, ${invalid} file(s) are not case files` : ''} (${files.length} file(s)).\n`,
  );
  return invalid ? EXIT.invalidInput : failed ? 1 : 0;
}

async function verify(ctx: Ctx, verdictFile: string, caseFile: string): Promise<number> {
  const { io, locale } = ctx;
  const sv = locale === 'sv';
  const stored = (await readJson(ctx, verdictFile)) as Partial<Verdict>;
  const input = await readJson(ctx, caseFile);
  // A stored verdict is input too: anything but the verdict's shape is exit 4, not a TypeError (exit 6).
  if (
    !stored || typeof stored !== 'object' || !stored.ruleSet || typeof stored.asOf !== 'string' || !Array.isArray(stored.ruleSet.layers ?? []) ||
    !Array.isArray(stored.findings ?? []) || !(stored.findings ?? []).every((f) => f !== null && typeof f === 'object')
  ) {
    throw new InputProblem({ path: '', code: 'invalid_verdict', message: { sv: `${verdictFile} är ingen sparad bedömning`, en: `${verdictFile} is not a stored verdict` } }, EXIT.invalidInput);
  }
  const overlays = (stored.ruleSet.layers ?? []).filter((l) => l.startsWith('overlay:')).map((l) => l.slice(8));
  const fresh = await assess(input, { asOf: stored.asOf, ruleSet: stored.ruleSet.id as never, locale: stored.locale === 'en' ? 'en' : 'sv', ...(overlays.length ? { overlays } : {}) });
  const diffs: string[] = [];
  if (fresh.outcome !== stored.outcome) diffs.push(`outcome: ${String(stored.outcome)} → ${fresh.outcome}`);
  if (fresh.ruleSet.hash !== stored.ruleSet.hash) diffs.push(`${sv ? 'regeluppsättningen har ändrats' : 'rule set changed'}: ${stored.ruleSet.hash} → ${fresh.ruleSet.hash}`);
  const before = new Map((stored.findings ?? []).map((f) => [f.ruleId, f.status]));
  const absent = sv ? 'saknas' : 'absent';
  for (const f of fresh.findings) if (before.get(f.ruleId) !== f.status) diffs.push(`${f.ruleId}: ${before.get(f.ruleId) ?? absent} → ${f.status}`);
  for (const id of before.keys()) if (!fresh.findings.some((f) => f.ruleId === id)) diffs.push(`${id}: ${before.get(id) ?? ''} → ${absent}`);
  if (!diffs.length) {
    io.stdout(sv ? `Bedömningen står sig (${fresh.outcome}).\n` : `The verdict still holds (${fresh.outcome}).\n`);
    return 0;
  }
  io.stdout(`${sv ? 'Bedömningen står sig inte' : 'The verdict no longer holds'}:\n${diffs.map((d) => `  ${stripControl(d)}\n`).join('')}`);
  return 1;
}

function usageFail(io: CliIO, e: UsageError, locale: Locale): number {
  const more = e.command ? `iop-rules ${e.command} --help` : 'iop-rules help';
  io.stderr(`${stripControl(e.text[locale])}\n${locale === 'sv' ? 'Mer' : 'More'}: ${more}\n`);
  return EXIT.usage;
}

/** Run the CLI. Never throws: every failure becomes a message and an exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // The language is settled first, so that even a usage error is in the run's language.
  const li = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const rawLocale = li < 0 ? undefined : argv[li]?.includes('=') ? argv[li]?.slice(9) : argv[li + 1];
  const locale: Locale = rawLocale === 'en' ? 'en' : 'sv';
  const debug = argv.includes('--debug');
  let parsed: Parsed;
  try {
    parsed = parseArgv(argv);
    if (parsed.values.version) {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    if (parsed.command === 'help' || parsed.values.help || !parsed.command) {
      const target = parsed.command === 'help' ? (parsed.positionals[0] as Command | undefined) : parsed.command;
      if (target !== undefined && !COMMAND_NAMES.includes(target)) {
        throw new UsageError({ sv: `help: okänt kommando "${stripControl(target).slice(0, 40)}"`, en: `help: unknown command "${stripControl(target).slice(0, 40)}"` });
      }
      if (!parsed.command && !parsed.values.help) {
        // `iop-rules` alone: the overview on stderr, and a usage error's code.
        io.stderr(helpText(undefined, locale, helpContext()));
        return EXIT.usage;
      }
      io.stdout(helpText(target, locale, helpContext()));
      return 0;
    }
    checkShape(parsed, locale);
  } catch (e) {
    if (e instanceof UsageError) return usageFail(io, e, locale);
    throw e;
  }
  try {
    const maxRaw = parsed.values['max-input-bytes'];
    const max = maxRaw !== undefined ? Number(maxRaw) : DEFAULT_MAX_INPUT_BYTES;
    if (!/^\d+$/.test(maxRaw ?? '1') || !Number.isSafeInteger(max) || max <= 0)
      throw new UsageError({ sv: '--max-input-bytes ska vara ett positivt heltal', en: '--max-input-bytes must be a positive whole number' }, parsed.command);
    const tRaw = parsed.values['input-timeout'];
    const timeoutS = tRaw !== undefined ? Number(tRaw) : DEFAULT_INPUT_TIMEOUT_SECONDS;
    if (!/^\d+(\.\d+)?$/.test(tRaw ?? '1') || !(timeoutS > 0) || timeoutS > 86_400)
      throw new UsageError({ sv: '--input-timeout ska vara sekunder, större än 0 och högst 86400', en: '--input-timeout must be seconds, more than 0 and at most 86400' }, parsed.command);
    return await run(parsed, { io, locale, max, timeoutS });
  } catch (e) {
    if (e instanceof UsageError) return usageFail(io, e, locale);
    if (e instanceof InputProblem) {
      if (e.exit === EXIT.unreadable) io.stderr(`iop-rules: ${stripControl(e.issue.message[locale])}\n`);
      else printIssues(io, [e.issue], locale);
      return e.exit;
    }
    if (e instanceof IopInputError) {
      // A bad option value (unknown rule set, bad --as-of) is a usage error; bad case data is invalid input.
      const optionOnly = e.issues.every((i) => i.path.startsWith('options.') && !i.path.startsWith('options.overlays['));
      printIssues(io, e.issues, locale);
      if (optionOnly) io.stderr(`${locale === 'sv' ? 'Mer' : 'More'}: iop-rules ${parsed.command ?? ''} --help\n`);
      if (debug && e.stack) io.stderr(`${e.stack}\n`);
      return optionOnly ? EXIT.usage : EXIT.invalidInput;
    }
    io.stderr(`iop-rules: ${locale === 'sv' ? 'internt fel' : 'internal error'}: ${stripControl(e instanceof Error ? e.message : String(e))}\n`);
    if (debug && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return EXIT.internal;
  }
}
