// The CLI's help: one overview and one page per command, in the run's language (--locale).
import type { Locale } from '../_internal/text.js';
import { VERSION } from '../version.js';
import type { Command } from './args.js';

/** Exit codes of every command. Documented in README.md ("Command line"). */
export const EXIT = {
  eligible: 0,
  'not-eligible': 1,
  incomplete: 2,
  conditional: 3,
  invalidInput: 4,
  usage: 5,
  internal: 6,
  unreadable: 7,
} as const;

export interface HelpContext {
  /** Rule-set ids with their dates, oldest first. */
  readonly ruleSets: readonly string[];
  readonly overlays: readonly string[];
  readonly maxInputBytes: number;
  readonly inputTimeoutSeconds: number;
}

type Page = { usage: string; sv: string; en: string; options: ReadonlyArray<readonly [string, string, string]> };

function pages(c: HelpContext): Record<Exclude<Command, 'help'>, Page> {
  const sets = c.ruleSets.join(', ');
  const asOf = ['--as-of YYYY-MM-DD', 'bedömningsdag (standard: dagens datum i Stockholm)', 'assessment date (default: today in Stockholm)'] as const;
  const ruleSet = ['--rule-set ID', `regeluppsättning: ${sets} (standard: den Stockholmsutgåva som gäller på bedömningsdagen)`, `rule set: ${sets} (default: the Stockholm edition in force on the assessment date)`] as const;
  const overlay = ['--overlay ID|FILE', `lokalt tillägg, kan upprepas: ${c.overlays.join(', ') || '–'} eller en JSON-fil`, `local overlay, repeatable: ${c.overlays.join(', ') || '–'} or a JSON file`] as const;
  const locale = ['--locale sv|en', 'språk för allt som skrivs (standard: sv)', 'language of everything printed (default: sv)'] as const;
  const read: ReadonlyArray<readonly [string, string, string]> = [
    ['--max-input-bytes N', `största fil eller stdin som läses (standard: ${c.maxInputBytes})`, `largest file or stdin read (default: ${c.maxInputBytes})`],
    ['--input-timeout S', `ge upp när inget kommit på S sekunder (standard: ${c.inputTimeoutSeconds})`, `give up when nothing arrives for S seconds (default: ${c.inputTimeoutSeconds})`],
  ];
  const debug = ['--debug', 'skriv stackspår vid fel', 'print stack traces on errors'] as const;
  const fmt = (list: string, dflt: string) => [`--format ${list}`, `utdataformat (standard: ${dflt})`, `output format (default: ${dflt})`] as const;
  return {
    assess: {
      usage: 'iop-rules assess FILE|- [options]',
      sv: 'Bedömer ett fall. Slutkoden är utfallet: 0 uppfyller villkoren, 1 uppfyller inte, 2 ofullständigt, 3 villkorat.',
      en: 'Assesses a case. The exit code is the outcome: 0 eligible, 1 not eligible, 2 incomplete, 3 conditional.',
      options: [asOf, ruleSet, overlay, fmt('text|json|markdown|html', 'text'), ['--compact', 'med --format json: kort bedömning (utfall, områden, regler med texter och källhänvisningar, saknade fakta)', 'with --format json: a compact verdict (outcome, areas, findings with texts and source refs, missing facts)'], locale, ...read, debug],
    },
    questions: {
      usage: 'iop-rules questions FILE|- [options]',
      sv: 'Listar frågorna att ställa: de fakta som saknas, avgörande först.',
      en: 'Lists the questions to ask: the missing facts, decisive ones first.',
      options: [asOf, ruleSet, overlay, fmt('text|json', 'text'), locale, ...read, debug],
    },
    draft: {
      usage: 'iop-rules draft FILE|- [options]',
      sv: 'Skriver ett utkast till överenskommelse (Markdown) med fallets uppgifter och bedömningen i ingressen. Ett fall som inte får tecknas som IOP (ej uppfyllt, ofullständigt eller annan rekommenderad form) ger inget utkast utan skälen på stderr och utfallets slutkod.',
      en: "Writes a draft agreement (Markdown) from the case's data, with the verdict in its preamble. A case that may not be signed as an IOP (not eligible, incomplete or another recommended form) gives no draft but the reasons on stderr and the outcome's exit code.",
      options: [asOf, ruleSet, overlay, ['--draft-anyway', 'skriv ändå ett utkast, märkt FÅR INTE TECKNAS SOM IOP (slutkoden är fortfarande inte 0)', 'write a draft anyway, headed NOT TO BE SIGNED AS AN IOP (the exit code is still not 0)'], locale, ...read, debug],
    },
    compare: {
      usage: 'iop-rules compare FILE|- --from ID --to ID [options]',
      sv: 'Visar vad som ändras för fallet mellan två regeluppsättningar. Utan --as-of läses varje utgåva en dag den gäller: i dag, eller dess sista dag om den har upphört.',
      en: 'Shows what changes for the case between two rule sets. Without --as-of each edition is read on a day it is in force: today, or its last day if it has ended.',
      options: [['--from ID', `regeluppsättning före: ${sets}`, `rule set before: ${sets}`], ['--to ID', 'regeluppsättning efter', 'rule set after'], asOf, fmt('text|json', 'text'), locale, ...read, debug],
    },
    rules: {
      usage: 'iop-rules rules [options]',
      sv: 'Listar reglerna som gäller i en regeluppsättning på en dag.',
      en: 'Lists the rules in force in a rule set on a date.',
      options: [ruleSet, asOf, overlay, fmt('text|json', 'text'), locale, ...read, debug],
    },
    'rule-sets': {
      usage: 'iop-rules rule-sets [options]',
      sv: 'Listar regeluppsättningarna, äldst först.',
      en: 'Lists the rule sets, oldest first.',
      options: [fmt('text|json', 'text'), locale, debug],
    },
    schema: {
      usage: 'iop-rules schema [case|case-file|rule]',
      sv: 'Skriver ett JSON Schema: fallet (standard), en fallfil för `test`, eller en regelfil.',
      en: 'Prints a JSON Schema: the case (default), a case file for `test`, or a rule file.',
      options: [locale],
    },
    test: {
      usage: 'iop-rules test FILE|DIR...',
      sv: 'Kör fallfiler (*.cases.json; en mapp söks igenom). Slutkod 0 när alla fall stämmer, 1 när något inte gör det, 4 när en fil inte är en fallfil.',
      en: 'Runs case files (*.cases.json; a directory is searched). Exit 0 when every case holds, 1 when one does not, 4 when a file is not a case file.',
      options: [locale, ...read, debug],
    },
    verify: {
      usage: 'iop-rules verify VERDICT CASE',
      sv: 'Bedömer fallet på nytt med den sparade bedömningens datum och regler. Slutkod 0 när den står sig, 1 när den inte gör det.',
      en: "Re-assesses the case with the stored verdict's date and rules. Exit 0 when it still holds, 1 when it does not.",
      options: [locale, ...read, debug],
    },
  };
}

const EXIT_LINES = {
  sv: [
    '0 uppfyller villkoren (assess) / klart',
    '1 uppfyller inte villkoren (assess) / ett fall stämmer inte (test) / står sig inte (verify)',
    '2 ofullständigt underlag (assess)',
    '3 villkorat (assess) / utkast som inte får undertecknas förrän upphandlingsfrågan är bedömd (draft)',
    '4 ogiltig indata (fel fält, inte JSON, inte UTF-8, en nyckel två gånger, för stor)',
    '5 felaktigt anrop (okänt kommando eller alternativ, fel värde)',
    '6 internt fel i paketet',
    '7 kan inte läsa en fil eller stdin (saknas, behörighet, ingen data inom tidsgränsen)',
  ],
  en: [
    '0 eligible (assess) / done',
    '1 not eligible (assess) / a case does not hold (test) / no longer holds (verify)',
    '2 incomplete (assess)',
    '3 conditional (assess) / a draft not to be signed until the procurement question is assessed (draft)',
    '4 invalid input (bad field, not JSON, not UTF-8, a key twice, too large)',
    '5 usage error (unknown command or option, bad value)',
    '6 internal error in the package',
    '7 cannot read a file or stdin (missing, permission, nothing within the timeout)',
  ],
} as const;

/** Placeholders in usage lines and option names, in Swedish. */
function sv(usage: string): string {
  return usage
    .replace(/\[options\]/g, '[alternativ]')
    .replace(/\bFILE\b/g, 'FIL')
    .replace(/\bDIR\b/g, 'MAPP')
    .replace(/\bVERDICT CASE\b/g, 'BEDÖMNING FALL')
    .replace(/\bCOMMAND\b/g, 'KOMMANDO');
}
const local = (text: string, locale: Locale) => (locale === 'sv' ? sv(text) : text);

function optionLines(opts: Page['options'], locale: Locale): string {
  const names = opts.map((o) => local(o[0], locale));
  const width = Math.max(...names.map((n) => n.length));
  return opts.map(([, svText, en], i) => `  ${(names[i] as string).padEnd(width)}  ${locale === 'sv' ? svText : en}`).join('\n');
}

/** The help page of one command, or the overview. */
export function helpText(command: Command | undefined, locale: Locale, ctx: HelpContext): string {
  const all = pages(ctx);
  if (command && command !== 'help') {
    const p = all[command];
    return `${locale === 'sv' ? 'Användning' : 'Usage'}: ${local(p.usage, locale)}\n\n${locale === 'sv' ? p.sv : p.en}\n\n${locale === 'sv' ? 'Alternativ' : 'Options'}:\n${optionLines(p.options, locale)}\n\n${locale === 'sv' ? 'Slutkoder' : 'Exit codes'}: ${locale === 'sv' ? 'se iop-rules help' : 'see iop-rules help'}\n`;
  }
  const isSv = locale === 'sv';
  const cmds = (Object.keys(all) as Array<keyof typeof all>).map((k) => `  ${local(all[k].usage, locale)}\n      ${(isSv ? all[k].sv : all[k].en).split('. ')[0]?.replace(/\.$/, '')}`);
  return [
    `iop-rules ${VERSION}: ${isSv ? 'bedömer svenska IOP-fall mot lagen och en stads riktlinjer.' : "assesses Swedish IOP cases against the law and a city's guidelines."}`,
    isSv ? '(In English: add --locale en.)' : '',
    '',
    `${isSv ? 'Kommandon' : 'Commands'}:`,
    ...cmds,
    '',
    local(`${isSv ? 'Hjälp för ett kommando' : 'Help for one command'}: iop-rules help COMMAND  ${isSv ? 'eller' : 'or'}  iop-rules COMMAND --help`, locale),
    'Version: iop-rules --version',
    '',
    `${isSv ? 'Slutkoder' : 'Exit codes'}:`,
    ...EXIT_LINES[locale].map((l) => `  ${l}`),
    '',
  ]
    .filter((l, i, a) => !(l === '' && a[i - 1] === ''))
    .join('\n');
}
