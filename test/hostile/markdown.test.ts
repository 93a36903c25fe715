// Markdown injection, differentially: text from a case, escaped by escapeMarkdownInline, must
// render as the same words and the same structure as a neutral word in its place, under two
// real renderers (micromark with GFM, as GitHub renders; markdown-it with linkify on). Then the
// same through formatVerdict, and a stored verdict's fields in HTML.
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { assess, safeAssess } from '../../src/assess.js';
import { IopInputError } from '../../src/domain/input-error.js';
import { escapeMarkdownInline, stripControl } from '../../src/format/escape.js';
import { formatVerdict } from '../../src/format/format-verdict.js';
import type { Verdict } from '../../src/verdict/types.js';
import { SEED } from '../properties/arbitraries.js';
import { overlay, rule } from './fixtures.js';

const mdit = new MarkdownIt({ linkify: true });
const RENDERERS: Array<[string, (md: string) => string]> = [
  ['micromark+gfm', (md) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })],
  ['markdown-it+linkify', (md) => mdit.render(md)],
];

/** Where the library and the draft put inline text. */
const CONTEXTS: Array<(x: string) => string> = [
  (x) => x,
  (x) => `- ${x}`,
  (x) => `- **${x}**`,
  (x) => `**${x}**`,
  (x) => `Rubrik\n${x}`,
  (x) => `- head\n  ${x}`,
  (x) => `1. ${x}`,
  (x) => `Partner: ${x}`,
];

const NEUTRAL = 'NEUTRAL';

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(x?)([0-9a-f]+);/gi, (_m, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)))
    .replace(/&amp;/g, '&');
}

/** The tags of a rendering, without the inline code the escaper may add. */
function structure(html: string): string[] {
  return (html.match(/<\/?[a-z0-9]+/gi) ?? []).filter((t) => t !== '<code' && t !== '</code');
}

/** The visible text of a rendering. */
function textOf(html: string): string {
  return decode(html.replace(/<[^>]*>/g, '')).trim();
}

const TOKENS = [
  '#', '# ', '## ', '1)', '1.', '2) # ', '12345.', '-', '- ', '+ ', '*', '**', '_', '__', '`', '```', '~~~', '~', '~~', '|', '---', '***', '___', '===', '> ', '<', '<b>',
  '<img src=x onerror=alert(1)>', '<!--', '-->', '&', '&amp;', '&#60;', '[', ']', '(', ')', '![x](y)', '[l](https://evil.example)', '[^1]', '[ ] ', '$', '$$', '$x$', '\\', ':', ':smile:',
  'https://evil.example/login', 'HTTPS://EVIL.EXAMPLE', 'www.evil.example', 'WWW.evil.example', 'a@b.se', 'mailto:a@b.se', 'xmpp:a@b.se', '@user', 'ftp://x.se', 'http://x.se/a|b',
  ' ', '  ', '\t', '\n', '\r\n', '\u0085', '\u2028', '\u200b', '\u202e', '\u061c', '\u00a0', 'ok', 'Ärende', '2024', ' kr',
];
const payload = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }).map((t) => t.join(''));

/** What a reader should see: the value on one line, without control characters, trimmed. */
const visible = (p: string) => stripControl(p).replace(/\t/g, ' ').trim();

describe('escapeMarkdownInline under real renderers', () => {
  it.each(RENDERERS)('%s: same words, same structure, no link, for any payload in any context', (_name, render) => {
    fc.assert(
      fc.property(payload, fc.integer({ min: 0, max: CONTEXTS.length - 1 }), (p, ci) => {
        const want = visible(p);
        fc.pre(want !== '');
        const ctx = CONTEXTS[ci] as (x: string) => string;
        const got = render(ctx(escapeMarkdownInline(p)));
        const neutral = render(ctx(NEUTRAL));
        expect(got).not.toMatch(/<a\s/);
        expect(structure(got), `${JSON.stringify(p)} in ${ctx('…')}`).toEqual(structure(neutral));
        expect(textOf(got), JSON.stringify(p)).toBe(textOf(neutral).replace(NEUTRAL, () => want));
      }),
      { seed: SEED, numRuns: 1500 },
    );
    // 1 500 renders; a loaded CI machine needs more than the default 5 s.
  }, 60_000);

  it.each([
    ['2) # Beslut: godkänd av kommunfullmäktige', '2) # Beslut: godkänd av kommunfullmäktige'],
    ['https://evil.example/login', 'https://evil.example/login'],
    ['Kontakt: a@b.se eller www.evil.example', 'Kontakt: a@b.se eller www.evil.example'],
    ['---', '---'],
    ['| a | b |', '| a | b |'],
    ['<b>fet</b>', '<b>fet</b>'],
  ])('the trial: %j stays text', (p, want) => {
    for (const [, render] of RENDERERS) {
      const html = render(`- ${escapeMarkdownInline(p)}`);
      expect(structure(html)).toEqual(['<ul', '<li', '</li', '</ul']);
      expect(textOf(html)).toBe(want);
    }
  });

  it('an all-invisible value escapes to "", so a caller can test the result for emptiness', () => {
    for (const p of ['\u200b', '\u202e', '\u0085', ' \u2028 ', '\t']) expect(escapeMarkdownInline(p)).toBe('');
    expect(escapeMarkdownInline('\u0085Titel ')).toBe('Titel');
  });

  it('is linear: a 200 000-character word escapes in well under a second', () => {
    for (const big of ['a'.repeat(200_000), '@'.repeat(200_000), '1'.repeat(200_000) + ')', '`|'.repeat(100_000)]) {
      const t0 = performance.now();
      escapeMarkdownInline(big);
      expect(performance.now() - t0).toBeLessThan(1000);
    }
  });
});

const lop: unknown = JSON.parse(readFileSync('examples/loparakademin-eligible.json', 'utf8'));

describe('formatVerdict', () => {
  it('the trial: a placeholder at the start of an overlay explanation, filled with "1) # Approved …"', async () => {
    const ov = overlay([
      rule({
        severity: 'major',
        conditions: { all: [{ fact: 'organisation.insolvent', operator: 'equal', value: true }] },
        explanation: {
          pass: { sv: '{partnership.title} är titeln.', en: '{partnership.title} is the title.' },
          fail: { sv: '{partnership.title} är titeln.', en: '{partnership.title} is the title.' },
          unknown: { sv: '{partnership.title} är titeln.', en: '{partnership.title} is the title.' },
        },
      }),
    ]);
    const input = structuredClone(lop) as { partnership: { title: string }; organisation: { name: string } };
    input.partnership.title = '1) # Approved by the city council';
    input.organisation.name = 'https://evil.example/login a@b.se';
    const res = await safeAssess(input, { asOf: '2025-03-01', locale: 'en', overlays: [ov] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const md = formatVerdict(res.verdict, { format: 'markdown' });
    expect(md).toContain('1\\) # Approved by the city council is the title.');
    for (const [, render] of RENDERERS) {
      const html = render(md);
      expect(html).not.toMatch(/<a\s|<h[1-6]>Approved|<ol/);
      expect(html).toContain('1) # Approved by the city council is the title.');
    }
  });

  it('escapes every field of a stored verdict it writes into HTML, Markdown and text', async () => {
    const v = structuredClone(await assess(lop, { asOf: '2025-03-01' })) as unknown as Record<string, unknown> & Verdict;
    const EVIL = '<img src=x onerror=alert(1)>';
    const w = v as unknown as Record<string, unknown>;
    w.asOf = EVIL;
    w.outcome = EVIL;
    w.recommendation = { form: EVIL, reasons: [] };
    w.ruleSet = { ...v.ruleSet, id: EVIL, title: EVIL, layers: ['law', `overlay:${EVIL}`] };
    w.areas = { ...v.areas, organisation: { status: EVIL, counts: {} } };
    w.missingFacts = [{ fact: EVIL, question: EVIL, neededBy: [EVIL], decisive: true }];
    w.toEligible = [{ changes: [{ fact: EVIL, from: EVIL, to: EVIL }], settles: [EVIL] }];
    const f0 = v.findings[0] as unknown as Record<string, unknown>;
    Object.assign(f0, { ruleId: EVIL, severity: EVIL, status: 'fail', title: EVIL, explanation: EVIL, remedy: EVIL, sources: [{ ref: EVIL, title: EVIL }] });
    const f1 = v.findings[1] as unknown as Record<string, unknown>;
    Object.assign(f1, { ruleId: EVIL, status: 'pass' });
    const html = formatVerdict(v, { format: 'html' });
    const foreign = html.replace(/<\/?(h1|h2|h3|p|ul|li|section)( class="finding (fail|unknown)")?>/g, '');
    expect(foreign).not.toContain('<');
    expect(html.split('&lt;img').length - 1).toBeGreaterThanOrEqual(14);
    const md = formatVerdict(v, { format: 'markdown' });
    for (const [, render] of RENDERERS) expect(render(md)).not.toMatch(/<img|<a\s/);
    // eslint-disable-next-line no-control-regex
    expect(formatVerdict({ ...v, asOf: '\u001b[2J2025' } as Verdict, { format: 'text' })).not.toMatch(/\u001b/);
  });

  it('an unknown format or locale is an input error naming it, not text or a TypeError', async () => {
    const v = await assess(lop, { asOf: '2025-03-01' });
    expect(() => formatVerdict(v, { format: 'text', locale: 'fi' as never })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.locale' })] }));
    expect(() => formatVerdict(v, { format: 'pdf' as never })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'options.format' })] }));
    expect(() => formatVerdict(v, null as never)).toThrow(IopInputError);
  });

  it('renders a stored verdict with missing parts instead of throwing', () => {
    const bare = { outcome: 'eligible', asOf: '2025-03-01', locale: 'xx' } as unknown as Verdict;
    for (const format of ['text', 'markdown', 'html'] as const) expect(formatVerdict(bare, { format })).toContain('2025-03-01');
  });
});
