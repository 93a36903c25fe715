import type { Locale } from '../_internal/text.js';
import { FACTS } from '../facts/registry.js';
import { AREAS } from '../rules/rule-schema.js';
import { formatFact } from '../verdict/render.js';
import type { Finding, Verdict } from '../verdict/types.js';
import { escapeHtml, escapeMarkdown, stripControl } from './escape.js';

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

function interesting(f: Finding): boolean {
  return f.status === 'fail' || f.status === 'unknown';
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
 * HTML fragment, in the verdict's language. Every string from the input is escaped for the format.
 */
export function formatVerdict(verdict: Verdict, opts: FormatOptions = { format: 'text' }): string {
  // Headings in the language of the texts under them, whatever `opts.locale` says (see FormatOptions).
  const loc = L[verdict.locale === 'en' ? 'en' : 'sv'];
  const fmt = opts.format;
  const esc = fmt === 'html' ? escapeHtml : fmt === 'markdown' ? escapeMarkdown : stripControl;
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

  h(1, loc.title);
  p(`${esc(loc.outcome[verdict.outcome])} (${verdict.outcome})`);
  p(`${loc.ruleSet}: ${esc(verdict.ruleSet.title)} [${esc(verdict.ruleSet.id)}${verdict.ruleSet.layers.filter((l) => l.startsWith('overlay:')).map((l) => ` + ${esc(l.slice(8))}`).join('')}] · ${loc.asOf}: ${verdict.asOf}`);
  p(`${loc.recommendation}: ${loc.forms[verdict.recommendation.form]}`);

  h(2, loc.areas);
  list(AREAS.map((a) => `${MARK[verdict.areas[a].status]} ${loc.area[a]}: ${loc.status[verdict.areas[a].status]}`));

  h(2, loc.findings);
  const shown = verdict.findings.filter(interesting);
  const passed = verdict.findings.filter((f) => f.status === 'pass');
  for (const f of shown) {
    const head = `${MARK[f.status]} ${f.ruleId} [${loc.severity[f.severity]}] ${esc(f.title)}`;
    const body = [esc(f.explanation)];
    if (f.remedy) body.push(`${loc.remedy}: ${esc(f.remedy)}`);
    body.push(`${loc.source}: ${f.sources.map((s) => esc(s.ref)).join('; ')}`);
    if (fmt === 'html') lines.push(`<section class="finding ${f.status}"><h3>${head}</h3>${body.map((b) => `<p>${b}</p>`).join('')}</section>`);
    else if (fmt === 'markdown') lines.push(`- **${head}**`, ...body.map((b) => `  ${b}`), '');
    else lines.push(head, ...body.map((b) => `    ${b}`), '');
  }
  const ids = passed.map((f) => f.ruleId).sort();
  const idList = fmt === 'text' ? wrap(ids, 88).join('\n    ') : ids.join(', ');
  p(`${loc.shown} (${ids.length}):${ids.length ? (fmt === 'text' ? `\n    ${idList}` : ` ${idList}`) : ' –'}`);

  if (verdict.missingFacts.length) {
    h(2, loc.questions);
    list(verdict.missingFacts.map((m) => `${esc(m.question)}${m.decisive ? ` (${loc.decisive})` : ''} [${m.neededBy.join(', ')}]`));
  }
  if (verdict.toEligible.length) {
    h(2, loc.toEligible);
    list(
      verdict.toEligible.map(
        (c) =>
          `${c.changes.map((ch) => `${FACTS.get(ch.fact)?.label[verdict.locale] ?? ch.fact}: ${esc(formatFact(ch.fact, ch.from, verdict.locale))} → ${esc(formatFact(ch.fact, ch.to, verdict.locale))}`).join(', ')} ⇒ ${c.settles.join(', ')}`,
      ),
    );
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
