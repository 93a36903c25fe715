import { LOCALES, type Locale } from '../_internal/text.js';
import { FACTS } from '../facts/registry.js';
import { AREAS } from '../rules/rule-schema.js';
import { formatFact } from '../verdict/render.js';
import type { Finding, Verdict } from '../verdict/types.js';
import { IopInputError } from '../domain/input-error.js';
import { escapeHtml, escapeMarkdownInline, stripControl } from './escape.js';

export type VerdictFormat = 'text' | 'markdown' | 'html';

const L = {
  sv: {
    outcome: { eligible: 'Uppfyller villkoren', conditional: 'Villkorat: kräver dokumenterad bedömning', incomplete: 'Ofullständigt underlag', 'not-eligible': 'Uppfyller inte villkoren' },
    status: { pass: 'uppfyllt', fail: 'ej uppfyllt', unknown: 'okänt', 'not-applicable': 'ej tillämpligt' },
    area: { organisation: 'Organisationen', partnership: 'Partnerskapet', 'local-government': 'Kommunallagen', procurement: 'Upphandling', 'state-aid': 'Statsstöd', agreement: 'Överenskommelsen', 'follow-up': 'Uppföljning' },
    severity: { blocker: 'hinder', major: 'väsentlig', advisory: 'råd', info: 'info' },
    title: 'Bedömning av idéburet offentligt partnerskap',
    ruleSet: 'Regeluppsättning',
    asOf: 'Bedömningsdag',
    areas: 'Områden',
    findings: 'Regler',
    questions: 'Frågor att ställa',
    decisive: 'avgörande',
    remedy: 'Åtgärd',
    source: 'Källa',
    toEligible: 'Minsta ändringar',
    recommendation: 'Rekommenderad form',
    shown: 'Ovan visas regler som inte är uppfyllda eller är okända. Uppfyllda regler',
    forms: { iop: 'IOP', procurement: 'upphandling', grant: 'bidrag', undetermined: 'ej avgjort' },
  },
  en: {
    outcome: { eligible: 'Eligible', conditional: 'Conditional: needs a documented assessment', incomplete: 'Incomplete information', 'not-eligible': 'Not eligible' },
    status: { pass: 'pass', fail: 'fail', unknown: 'unknown', 'not-applicable': 'not applicable' },
    area: { organisation: 'Organisation', partnership: 'Partnership', 'local-government': 'Local Government Act', procurement: 'Procurement', 'state-aid': 'State aid', agreement: 'Agreement', 'follow-up': 'Follow-up' },
    severity: { blocker: 'blocker', major: 'major', advisory: 'advisory', info: 'info' },
    title: 'Assessment of an idéburet offentligt partnerskap (IOP)',
    ruleSet: 'Rule set',
    asOf: 'Assessed as of',
    areas: 'Areas',
    findings: 'Rules',
    questions: 'Questions to ask',
    decisive: 'decisive',
    remedy: 'Remedy',
    source: 'Source',
    toEligible: 'Smallest changes',
    recommendation: 'Recommended form',
    shown: 'Shown above: rules that fail or are unknown. Rules that pass',
    forms: { iop: 'IOP', procurement: 'procurement', grant: 'grant', undetermined: 'undetermined' },
  },
} as const;

const MARK = { pass: '✓', fail: '✗', unknown: '?', 'not-applicable': '–' } as const;

/** Join ids with ", " into lines of at most `width` characters. */
function wrap(ids: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const id of ids) {
    const next = line ? `${line}, ${id}` : id;
    if (next.length > width && line) {
      lines.push(`${line},`);
      line = id;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Shown in full: failing and unknown findings (only these two statuses, so `f.status` below is one of ours). */
function interesting(f: Finding): boolean {
  return f?.status === 'fail' || f?.status === 'unknown';
}

const FORMATS: readonly VerdictFormat[] = ['text', 'markdown', 'html'];

/** A stored verdict's value as text, whatever it holds (a verdict read back from JSON is input too). */
function str(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number' || typeof x === 'boolean') return String(x);
  return '';
}

/** A list from a stored verdict, or none. */
function arr<T>(x: readonly T[] | undefined): readonly T[] {
  return Array.isArray(x) ? x : [];
}

/** A label from one of our tables, or the value itself (escaped by the caller) when the table has none. */
function label(table: Readonly<Record<string, string>>, key: unknown): string {
  const k = str(key);
  return Object.hasOwn(table, k) ? (table[k] ?? k) : k;
}

function readFormatOptions(opts: unknown): { format: VerdictFormat; locale: Locale | undefined } {
  const issue = (path: string, sv: string, en: string) => new IopInputError([{ path, code: 'invalid_option', message: { sv, en } }]);
  if (opts === null || typeof opts !== 'object') throw issue('options', 'ska vara ett objekt med format', 'must be an object with a format');
  let format: unknown;
  let locale: unknown;
  try {
    ({ format, locale } = opts as { format?: unknown; locale?: unknown });
  } catch {
    throw issue('options', 'kan inte läsas', 'cannot be read');
  }
  if (!(FORMATS as readonly unknown[]).includes(format)) throw issue('options.format', 'ska vara "text", "markdown" eller "html"', 'must be "text", "markdown" or "html"');
  if (locale !== undefined && !(LOCALES as readonly unknown[]).includes(locale)) throw issue('options.locale', 'ska vara "sv" eller "en"', 'must be "sv" or "en"');
  return { format: format as VerdictFormat, locale: locale as Locale | undefined };
}

/** Options of `formatVerdict`. */
export interface FormatOptions {
  readonly format: VerdictFormat;
  /**
   * @deprecated Ignored. An output is in one language: the verdict's (`verdict.locale`), since its
   * findings and questions were rendered in it. For the other language, assess with `locale`.
   */
  readonly locale?: Locale;
}

/**
 * Render a verdict for people: plain text for a terminal, Markdown for a case file, or an
 * HTML fragment, in the verdict's language. Every string of the verdict is escaped for the
 * format, not only those from the case: a stored verdict read back (`iop-rules verify`) is input
 * too. Throws `IopInputError` for an unknown `format` or `locale`.
 */
export function formatVerdict(verdict: Verdict, opts: FormatOptions = { format: 'text' }): string {
  const { format: fmt } = readFormatOptions(opts);
  // Headings in the language of the texts under them, whatever `opts.locale` says (see FormatOptions).
  const locale: Locale = (LOCALES as readonly unknown[]).includes(verdict.locale) ? verdict.locale : 'sv';
  const loc = L[locale];
  const raw = fmt === 'html' ? escapeHtml : fmt === 'markdown' ? escapeMarkdownInline : stripControl;
  const esc = (x: unknown) => raw(str(x));
  const lines: string[] = [];
  const h = (level: number, text: string) => {
    if (fmt === 'html') lines.push(`<h${level}>${esc(text)}</h${level}>`);
    else if (fmt === 'markdown') lines.push(`${'#'.repeat(level)} ${esc(text)}`, '');
    else lines.push(level === 1 ? text.toUpperCase() : text, level === 1 ? '='.repeat(Math.min(text.length, 72)) : '-'.repeat(Math.min(text.length, 72)));
  };
  const p = (text: string) => (fmt === 'html' ? lines.push(`<p>${text}</p>`) : lines.push(text, ...(fmt === 'markdown' ? [''] : [])));
  const list = (items: string[]) => {
    if (!items.length) return;
    if (fmt === 'html') lines.push('<ul>', ...items.map((i) => `<li>${i}</li>`), '</ul>');
    else lines.push(...items.map((i) => `- ${i}`), '');
  };
  const ids = (xs: readonly unknown[] | undefined) => arr(xs).map(esc).join(', ');

  const ruleSet = verdict.ruleSet ?? ({} as Partial<Verdict['ruleSet']>);
  h(1, loc.title);
  p(`${esc(label(loc.outcome, verdict.outcome))} (${esc(verdict.outcome)})`);
  const overlays = arr(ruleSet.layers).map(str).filter((l) => l.startsWith('overlay:')).map((l) => ` + ${esc(l.slice(8))}`).join('');
  p(`${loc.ruleSet}: ${esc(ruleSet.title)} [${esc(ruleSet.id)}${overlays}] · ${loc.asOf}: ${esc(verdict.asOf)}`);
  p(`${loc.recommendation}: ${esc(label(loc.forms, verdict.recommendation?.form))}`);

  h(2, loc.areas);
  list(
    AREAS.map((a) => {
      const status = str(verdict.areas?.[a]?.status);
      return `${MARK[status as keyof typeof MARK] ?? '?'} ${loc.area[a]}: ${esc(label(loc.status, status))}`;
    }),
  );

  h(2, loc.findings);
  const findings = arr(verdict.findings);
  const shown = findings.filter(interesting);
  const passed = findings.filter((f) => f?.status === 'pass');
  for (const f of shown) {
    const head = `${MARK[f.status]} ${esc(f.ruleId)} [${esc(label(loc.severity, f.severity))}] ${esc(f.title)}`;
    const body = [esc(f.explanation)];
    if (f.remedy) body.push(`${loc.remedy}: ${esc(f.remedy)}`);
    body.push(`${loc.source}: ${arr(f.sources).map((s) => esc(s?.ref)).join('; ')}`);
    if (fmt === 'html') lines.push(`<section class="finding ${f.status}"><h3>${head}</h3>${body.map((b) => `<p>${b}</p>`).join('')}</section>`);
    else if (fmt === 'markdown') lines.push(`- **${head}**`, ...body.map((b) => `  ${b}`), '');
    else lines.push(head, ...body.map((b) => `    ${b}`), '');
  }
  const passedIds = passed.map((f) => str(f.ruleId)).sort().map(esc);
  const idList = fmt === 'text' ? wrap(passedIds, 88).join('\n    ') : passedIds.join(', ');
  p(`${loc.shown} (${passedIds.length}):${passedIds.length ? (fmt === 'text' ? `\n    ${idList}` : ` ${idList}`) : ' –'}`);

  const missing = arr(verdict.missingFacts);
  if (missing.length) {
    h(2, loc.questions);
    list(missing.map((m) => `${esc(m?.question)}${m?.decisive === true ? ` (${loc.decisive})` : ''} [${ids(m?.neededBy)}]`));
  }
  const changes = arr(verdict.toEligible);
  if (changes.length) {
    h(2, loc.toEligible);
    list(
      changes.map(
        (c) =>
          `${arr(c?.changes)
            .map((ch) => `${esc(FACTS.get(str(ch?.fact))?.label[locale] ?? ch?.fact)}: ${esc(formatFact(str(ch?.fact), ch?.from, locale))} → ${esc(formatFact(str(ch?.fact), ch?.to, locale))}`)
            .join(', ')} ⇒ ${ids(c?.settles)}`,
      ),
    );
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
