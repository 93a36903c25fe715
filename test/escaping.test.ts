// Every input string that reaches text, Markdown or HTML output is escaped for that format.
// Input reaches the texts through placeholders ({organisation.name} in an overlay's texts,
// {partnership.priorityAreas} in IOP-RK-001, {followUp.largestGapIndicator} in IOP-FU-005).
import { describe, expect, it } from 'vitest';
import { safeAssess } from '../src/assess.js';
import { escapeHtml, escapeMarkdown, stripControl } from '../src/format/escape.js';
import { formatVerdict } from '../src/format/format-verdict.js';
import { favourableCase } from '../src/testing/builders.js';
import type { Verdict } from '../src/verdict/types.js';
import { overlay, rule } from './hostile/fixtures.js';

const EVIL = "<script>alert('x')</script> | *fet* _kursiv_ `kod` [länk](https://evil.example) &lt;b&gt; \u001b[31mRÖD\u001b[0m\u0007\n# Rubrik\r\n- punkt\u2028=== \u202egnp.exe";
const MARK = 'EVILMARK';
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe('the escapers', () => {
  it('stripControl removes ANSI escapes, bell, NUL and bidi overrides and keeps a value on one line', () => {
    expect(stripControl('a\u001b[31mb\u0007c\u0000d\u202ee\u2066f')).toBe('a[31mbcdef');
    expect(stripControl('one\ntwo\r\nthree\rfour\u2028five\u2029six\u0085seven')).toBe('one two three four five six seven');
    expect(stripControl('tab\tkept, åäö and emoji 🏃‍♀️ kept')).toBe('tab\tkept, åäö and emoji 🏃‍♀️ kept');
  });

  it('escapeHtml leaves no markup', () => {
    const out = escapeHtml(EVIL);
    expect(out).not.toMatch(/[<>"'`]/);
    expect(out).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(out).toContain('&amp;lt;b&amp;gt;');
    expect(out).not.toMatch(CONTROL);
  });

  it('escapeMarkdown neutralises emphasis, code, links, tables, headings, lists and HTML, on one line', () => {
    const out = escapeMarkdown(EVIL);
    expect(out).not.toContain('\n');
    expect(out).not.toMatch(CONTROL);
    expect(out).not.toMatch(/<[a-z/]/i);
    expect(out).toContain('\\*fet\\*');
    expect(out).toContain('\\_kursiv\\_');
    expect(out).toContain('\\`kod\\`');
    // A word with a URL in it becomes inline code: neither a link nor an autolink can form.
    expect(out).toContain('`[länk](https://evil.example)`');
    expect(out).toContain(' \\| ');
    expect(out).toContain('&amp;lt;b&amp;gt;');
    // The line break became a space, so "# Rubrik" is mid-line: plain text, not a heading.
    expect(out).toContain(' # Rubrik');
    expect(out.split('\n')).toHaveLength(1);
    for (const [input, want] of [
      ['# x', '\\# x'],
      ['- x', '\\- x'],
      ['+ x', '\\+ x'],
      ['= x', '\\= x'],
      ['1. x', '1\\. x'],
      ['> x', '\\> x'],
      ['a-b', 'a-b'],
    ] as const) {
      expect(escapeMarkdown(input), input).toBe(want);
    }
  });
});

/** Strip the tags formatVerdict itself writes; whatever `<` is left came from input. */
function foreignMarkup(html: string): string[] {
  const ours = html.replace(/<\/?(h1|h2|h3|p|ul|li|section)( class="[a-z -]+")?>/g, '');
  return ours.match(/<[^\n]{0,30}/g) ?? [];
}

async function verdictWith(input: unknown, overlays: unknown[], asOf = '2025-03-01'): Promise<Verdict> {
  const res = await safeAssess(input, { asOf, overlays });
  if (!res.ok) throw new Error(res.error.message);
  return res.verdict;
}

function checkAll(v: Verdict, raw: string): void {
  // The hostile text really is in the verdict (raw: the verdict is data, not a rendering)…
  const reached = v.findings.filter((f) => `${f.title} ${f.explanation}`.includes(raw));
  expect(reached.length).toBeGreaterThan(0);
  for (const locale of ['sv', 'en'] as const) {
    // …and in no rendering does it keep its power.
    const html = formatVerdict(v, { format: 'html', locale });
    expect(html).toContain(MARK);
    expect(foreignMarkup(html)).toEqual([]);
    expect(html).not.toMatch(CONTROL);
    expect(html).toContain('&lt;script&gt;');

    const md = formatVerdict(v, { format: 'markdown', locale });
    expect(md).toContain(MARK);
    expect(md).not.toMatch(CONTROL);
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(/^\s*(# Rubrik|- punkt|=== ?gnp)/m);
    expect(md).not.toMatch(/[^\\]\*fet\*/);
    expect(md).not.toMatch(/[^\\]\| \\\*/);

    const text = formatVerdict(v, { format: 'text', locale });
    expect(text).toContain(MARK);
    expect(text).not.toMatch(CONTROL);
    expect(text).not.toMatch(/^\s*(# Rubrik|- punkt|=== ?gnp)/m);
  }
}

describe('formatVerdict with hostile input', () => {
  it('an organisation name in an overlay rule title and explanation ({organisation.name})', async () => {
    const name = `${MARK} ${EVIL}`;
    const v = await verdictWith(favourableCase({ organisation: { name, insolvent: true, insolvencyProceeding: 'bankruptcy' } }), [overlay([rule()])]);
    expect(v.findings.find((f) => f.ruleId === 'IOP-TST-001')?.status).toBe('fail');
    checkAll(v, name);
  });

  it('priority areas in IOP-RK-001 ({partnership.priorityAreas})', async () => {
    const areas = [`${MARK} ${EVIL}`, '<img src=x onerror=alert(1)>'];
    // IOP-RK-001 covers the plan years 2022–2023 (docs/decisions/0015-agreement-severities-and-editions.md).
    const v = await verdictWith(favourableCase({ partnership: { priorityAreas: areas } }), ['rinkeby-kista'], '2023-06-01');
    expect(v.findings.find((f) => f.ruleId === 'IOP-RK-001')?.status).toBe('fail');
    checkAll(v, areas[0] as string);
    expect(formatVerdict(v, { format: 'html' })).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('an indicator id in IOP-FU-005 ({followUp.largestGapIndicator})', async () => {
    const id = `${MARK} ${EVIL}`;
    const input = favourableCase({
      followUp: { reports: [{ periodStart: '2025-01-01', periodEnd: '2025-06-30', dueOn: '2025-08-31', submittedOn: '2025-08-15', activitiesDelivered: 'full', indicators: [{ id, target: 300, actual: 120 }], unspentFundsSek: 0 }] },
    } as never);
    const v = await verdictWith(input, []);
    checkAll(v, id);
  });

  it('a name that looks like a placeholder is printed as written, never expanded', async () => {
    const v = await verdictWith(favourableCase({ organisation: { name: '{organisation.orgNumber} {param.lou.directAwardLimitSek}', insolvent: true, insolvencyProceeding: 'bankruptcy' } }), [overlay([rule()])]);
    const f = v.findings.find((x) => x.ruleId === 'IOP-TST-001');
    expect(f?.explanation).toBe('Ej uppfyllt för {organisation.orgNumber} {param.lou.directAwardLimitSek}.');
    expect(formatVerdict(v, { format: 'text' })).not.toContain('802500-1234');
  });

  it('the organisation number a rule renders is the validated one', async () => {
    const v = await verdictWith(favourableCase(), [overlay([rule()])]);
    expect(v.findings.find((x) => x.ruleId === 'IOP-TST-001')?.explanation).toBe('Uppfyllt för Löparakademin (802500-1234).');
  });
});
