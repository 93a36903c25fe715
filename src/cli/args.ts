// Command-line parsing for iop-rules: per-command options, messages in the run's language,
// and a suggestion for a near-miss option or command. Hand-written rather than node:util
// parseArgs (whose errors are English-only and name no alternative) or a CLI library (whose
// messages would be English too); it is small and tested through the built CLI.
import type { Locale } from '../_internal/text.js';
import { stripControl } from '../format/escape.js';

export type OptionName =
  | 'as-of' | 'rule-set' | 'locale' | 'format' | 'overlay' | 'from' | 'to' | 'compact' | 'draft-anyway'
  | 'max-input-bytes' | 'input-timeout' | 'debug' | 'help' | 'version';

/** Options that take a value; every other option is a flag. */
const VALUED: ReadonlySet<OptionName> = new Set(['as-of', 'rule-set', 'locale', 'format', 'overlay', 'from', 'to', 'max-input-bytes', 'input-timeout']);
const SHORT: Readonly<Record<string, OptionName>> = { h: 'help', v: 'version' };

export interface CommandSpec {
  /** Smallest and largest number of positional arguments. */
  readonly args: readonly [number, number];
  readonly options: readonly OptionName[];
  /** Allowed values of --format; the first is the default. */
  readonly formats?: readonly string[];
}

const READ = ['max-input-bytes', 'input-timeout'] as const;
export const COMMANDS = {
  assess: { args: [1, 1], options: ['as-of', 'rule-set', 'overlay', 'format', 'compact', 'locale', ...READ, 'debug'], formats: ['text', 'json', 'markdown', 'html'] },
  questions: { args: [1, 1], options: ['as-of', 'rule-set', 'overlay', 'format', 'locale', ...READ, 'debug'], formats: ['text', 'json'] },
  draft: { args: [1, 1], options: ['as-of', 'rule-set', 'overlay', 'draft-anyway', 'locale', ...READ, 'debug'] },
  compare: { args: [1, 1], options: ['from', 'to', 'as-of', 'format', 'locale', ...READ, 'debug'], formats: ['text', 'json'] },
  rules: { args: [0, 0], options: ['rule-set', 'as-of', 'overlay', 'format', 'locale', ...READ, 'debug'], formats: ['text', 'json'] },
  'rule-sets': { args: [0, 0], options: ['format', 'locale', 'debug'], formats: ['text', 'json'] },
  schema: { args: [0, 1], options: ['locale', 'debug'] },
  test: { args: [1, Infinity], options: ['locale', ...READ, 'debug'] },
  verify: { args: [2, 2], options: ['locale', ...READ, 'debug'] },
  help: { args: [0, 1], options: ['locale'] },
} as const satisfies Record<string, CommandSpec>;
export type Command = keyof typeof COMMANDS;
export const COMMAND_NAMES = Object.keys(COMMANDS) as Command[];

export type Values = { [K in Exclude<OptionName, 'overlay' | 'compact' | 'draft-anyway' | 'debug' | 'help' | 'version'>]?: string } & {
  overlay?: string[];
  compact?: boolean;
  'draft-anyway'?: boolean;
  debug?: boolean;
  help?: boolean;
  version?: boolean;
};

export interface Parsed {
  readonly command: Command | undefined;
  readonly positionals: readonly string[];
  readonly values: Values;
}

/** A usage error: what is wrong, in both languages, and the command whose help to point at. */
export class UsageError extends Error {
  constructor(
    readonly text: { sv: string; en: string },
    readonly command?: Command,
  ) {
    super(text.en);
  }
}

/** Levenshtein distance, for "did you mean". Inputs are short (option and command names). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] as number;
}

/** The closest candidate within a small edit distance, or undefined. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestD || (word.length >= 3 && c.startsWith(word) && d <= bestD + 2 && best === undefined)) {
      best = c;
      bestD = Math.min(d, bestD);
    }
  }
  return best;
}

const show = (s: string) => stripControl(s).slice(0, 60);

/** Parse argv. Throws UsageError with a short, specific message. */
export function parseArgv(argv: readonly string[]): Parsed {
  const values: Values = {};
  const positionals: string[] = [];
  let command: Command | undefined;
  let i = 0;
  let optionsDone = false;
  const allowed = (): readonly OptionName[] => (command ? COMMANDS[command].options : ['help', 'version', 'locale', 'debug']);
  const checkAllowed = (name: OptionName): void => {
    if (!allowed().includes(name) && name !== 'help' && name !== 'version') {
      const owners = COMMAND_NAMES.filter((c) => (COMMANDS[c].options as readonly string[]).includes(name));
      throw new UsageError(
        {
          sv: `${command ?? 'iop-rules'}: --${name} hör inte till det här kommandot${owners.length ? ` (det gäller ${owners.join(', ')})` : ''}`,
          en: `${command ?? 'iop-rules'}: --${name} is not an option of this command${owners.length ? ` (it belongs to ${owners.join(', ')})` : ''}`,
        },
        command,
      );
    }
  };
  const setValue = (name: OptionName, value: string | undefined, raw: string): void => {
    checkAllowed(name);
    if (VALUED.has(name)) {
      if (value === undefined) throw new UsageError({ sv: `${raw} behöver ett värde`, en: `${raw} needs a value` }, command);
      if (name === 'overlay') (values.overlay ??= []).push(value);
      else if (values[name as keyof Values] !== undefined) throw new UsageError({ sv: `${raw} är angivet två gånger`, en: `${raw} is given twice` }, command);
      else (values as Record<string, string>)[name] = value;
    } else {
      if (value !== undefined) throw new UsageError({ sv: `${raw} tar inget värde`, en: `${raw} takes no value` }, command);
      (values as Record<string, boolean>)[name] = true;
    }
  };
  const allOptions = (): string[] => [...new Set([...allowed(), 'help'])].map((o) => `--${o}`);
  while (i < argv.length) {
    const a = argv[i] as string;
    i++;
    if (!optionsDone && a === '--') {
      optionsDone = true;
      continue;
    }
    if (!optionsDone && a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = (eq < 0 ? a.slice(2) : a.slice(2, eq)) as OptionName;
      const known = VALUED.has(name) || ['compact', 'draft-anyway', 'debug', 'help', 'version'].includes(name);
      if (!known) {
        const hint = nearest(`--${name}`, allOptions());
        throw new UsageError(
          {
            sv: `${command ?? 'iop-rules'}: okänt alternativ --${show(name)}${hint ? `. Menade du ${hint}?` : ''}`,
            en: `${command ?? 'iop-rules'}: unknown option --${show(name)}${hint ? `. Did you mean ${hint}?` : ''}`,
          },
          command,
        );
      }
      let value: string | undefined;
      if (eq >= 0) value = a.slice(eq + 1);
      else if (VALUED.has(name) && i < argv.length) value = argv[i++];
      setValue(name, value, `--${name}`);
      continue;
    }
    if (!optionsDone && a.length > 1 && a.startsWith('-') && a !== '-') {
      const name = SHORT[a.slice(1)];
      if (!name) throw new UsageError({ sv: `okänt alternativ ${show(a)}`, en: `unknown option ${show(a)}` }, command);
      setValue(name, undefined, a);
      continue;
    }
    if (command === undefined) {
      if (!(COMMAND_NAMES as string[]).includes(a)) {
        const hint = nearest(a, COMMAND_NAMES);
        throw new UsageError({
          sv: `okänt kommando "${show(a)}"${hint ? `. Menade du ${hint}?` : ''}`,
          en: `unknown command "${show(a)}"${hint ? `. Did you mean ${hint}?` : ''}`,
        });
      }
      command = a as Command;
      // Options given before the command must belong to it too.
      for (const k of Object.keys(values) as OptionName[]) checkAllowed(k);
      continue;
    }
    positionals.push(a);
  }
  return { command, positionals, values };
}

/** Check the number of positional arguments and the --format value. */
export function checkShape(p: Parsed, locale: Locale): void {
  void locale;
  if (!p.command) return;
  const spec: CommandSpec = COMMANDS[p.command];
  const [min, max] = spec.args;
  const n = p.positionals.length;
  if (n < min || n > max) {
    const what: Record<Command, { sv: string; en: string }> = {
      assess: { sv: 'en FIL (eller - för stdin)', en: 'one FILE (or - for stdin)' },
      questions: { sv: 'en FIL (eller -)', en: 'one FILE (or -)' },
      draft: { sv: 'en FIL (eller -)', en: 'one FILE (or -)' },
      compare: { sv: 'en FIL (eller -)', en: 'one FILE (or -)' },
      rules: { sv: 'ingen fil', en: 'no FILE' },
      'rule-sets': { sv: 'ingen fil', en: 'no FILE' },
      schema: { sv: 'högst ett schema: case, case-file eller rule', en: 'at most one schema: case, case-file or rule' },
      test: { sv: 'en eller flera FILER eller MAPPAR', en: 'one or more FILEs or DIRECTORYs' },
      verify: { sv: 'två filer: BEDÖMNING och FALL', en: 'two files: VERDICT and CASE' },
      help: { sv: 'högst ett kommando', en: 'at most one command' },
    };
    const w = what[p.command];
    throw new UsageError({ sv: `${p.command} tar ${w.sv}; fick ${n}`, en: `${p.command} takes ${w.en}; got ${n}` }, p.command);
  }
  if (p.values.format !== undefined && spec.formats && !spec.formats.includes(p.values.format)) {
    throw new UsageError(
      { sv: `${p.command}: --format ska vara ${spec.formats.join(', ')}; fick "${show(p.values.format)}"`, en: `${p.command}: --format must be ${spec.formats.join(', ')}; got "${show(p.values.format)}"` },
      p.command,
    );
  }
  if (p.values.locale !== undefined && p.values.locale !== 'sv' && p.values.locale !== 'en') {
    throw new UsageError({ sv: `--locale ska vara sv eller en; fick "${show(p.values.locale)}"`, en: `--locale must be sv or en; got "${show(p.values.locale)}"` }, p.command);
  }
  if (p.values.compact && p.values.format !== 'json') {
    throw new UsageError({ sv: `${p.command}: --compact gäller bara --format json`, en: `${p.command}: --compact goes with --format json` }, p.command);
  }
}
