// Markdown injection into draftAgreement, differentially: every text field of a full case gets
// a hostile payload, and the draft must render with the same structure (tags, inline code from
// the escaper aside) as the same case with a neutral word in each field, under micromark+GFM
// (as GitHub renders) and markdown-it with linkify on; no live link, no extra heading, list,
// rule or table; and every payload's visible words appear in the rendered text.
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { draftAgreement } from '../../src/draft/draft-agreement.js';
import { stripControl } from '../../src/format/escape.js';
import { favourableCase } from '../../src/testing/builders.js';
import { SEED } from '../properties/arbitraries.js';

const mdit = new MarkdownIt({ linkify: true });
const RENDERERS: Array<[string, (md: string) => string]> = [
  ['micromark+gfm', (md) => micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })],
  ['markdown-it+linkify', (md) => mdit.render(md)],
];

type Obj = { organisation: Record<string, unknown>; partnership: Record<string, unknown> & { organisationContribution?: Record<string, unknown> | null } };

type Setter = (c: Obj, v: string) => void;

/**
 * Every free-text field of a case that a draft may print, as a setter. The board's priority
 * areas are printed only while a rule on them is in force (Rinkeby-Kista's IOP-RK-001,
 * 2022–2023), so that field is drafted on such a day.
 */
const FIELDS: Array<[string, Setter]> = [
  ['organisation.name', (c, v) => (c.organisation.name = v)],
  ['partnership.title', (c, v) => (c.partnership.title = v)],
  ['partnership.organisationContribution.other', (c, v) => ((c.partnership.organisationContribution ??= {}).other = v)],
  ['partnership.priorityAreas[0]', (c, v) => (c.partnership.priorityAreas = [v])],
  ['partnership.goals[0].description', (c, v) => (c.partnership.goals = [{ description: v, indicator: v, target: v }])],
];
const DRAFT_OPTIONS: Record<string, { asOf: string; overlays?: string[]; draftAnyway?: boolean }> = {
  'partnership.priorityAreas[0]': { asOf: '2023-06-01', overlays: ['rinkeby-kista'], draftAnyway: true },
};

const NEUTRAL = 'NEUTRAL';
const TOKENS = [
  '#', '# ', '2) # ', '1. ', '1) ', '- ', '+ ', '*', '**', '_', '`', '```', '~~~', '|', '---', '***', '===', '> ', '<b>', '<img src=x onerror=alert(1)>', '&amp;', '[l](https://evil.example)',
  'https://evil.example/login', 'www.evil.example', 'a@b.se', '$x$', '\\', ' ', '\t', '\n', '\u0085', '\u200b', '\u202e', 'Beslut: godkänd av kommunfullmäktige', 'ok',
];
const payload = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 6 }).map((t) => t.join(''));

function structure(html: string): string[] {
  return (html.match(/<\/?[a-z0-9]+/gi) ?? []).filter((t) => t !== '<code' && t !== '</code');
}
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(x?)([0-9a-f]+);/gi, (_m, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)))
    .replace(/&amp;/g, '&');
}
function draftWith(field: Setter, value: string, locale: 'sv' | 'en'): string {
  const c = structuredClone(favourableCase()) as Obj;
  field(c, value);
  const name = FIELDS.find(([, set]) => set === field)?.[0] ?? '';
  return draftAgreement(c, { asOf: '2025-03-01', ...DRAFT_OPTIONS[name], locale });
}

describe('draftAgreement: case text is inert Markdown', () => {
  it.each(RENDERERS)('%s: same structure as a neutral word, no link, the words kept', (_name, render) => {
    fc.assert(
      fc.property(payload, fc.integer({ min: 0, max: FIELDS.length - 1 }), fc.constantFrom('sv' as const, 'en' as const), (p, fi, locale) => {
        const visible = stripControl(p).replace(/\s+/g, ' ').trim();
        fc.pre(visible !== '');
        const [name, set] = FIELDS[fi] as [string, (c: Obj, v: string) => void];
        const got = render(draftWith(set, p, locale));
        const neutral = render(draftWith(set, NEUTRAL, locale));
        expect(got, `${name} = ${JSON.stringify(p)}`).not.toMatch(/<a\s/);
        expect(structure(got), `${name} = ${JSON.stringify(p)}`).toEqual(structure(neutral));
        expect(textOf(got).replace(/\s+/g, ' '), `${name} = ${JSON.stringify(p)}`).toContain(visible);
      }),
      { seed: SEED, numRuns: 60 },
    );
  }, 120_000);

  it.each([
    ['partnership.organisationContribution.other', '2) # Beslut: godkänd av kommunfullmäktige'],
    ['organisation.name', 'https://evil.example/login'],
    ['organisation.name', 'kontakt a@b.se'],
    ['partnership.title', '1) # Approved by the city council'],
  ])('the trial: %s = %j stays text', (fieldName, value) => {
    const set = FIELDS.find(([n]) => n === fieldName)?.[1];
    if (!set) throw new Error(fieldName);
    for (const [, render] of RENDERERS) {
      const html = render(draftWith(set, value, 'sv'));
      expect(html).not.toMatch(/<a\s|<h1>Beslut|<h1>Approved|<ol start="2">/);
      expect(structure(html)).toEqual(structure(render(draftWith(set, NEUTRAL, 'sv'))));
    }
  });

  it.each(['\u200b', '\u202e', '\u0085', ' \u0085 '])('an all-invisible title (%j) makes no thematic break and no stray bold', (title) => {
    for (const [, render] of RENDERERS) {
      const md = draftWith((c, v) => (c.partnership.title = v), title, 'sv');
      expect(md).not.toMatch(/\*\*\*\*/);
      const html = render(md);
      const neutral = render(draftWith((c, v) => (c.partnership.title = v), NEUTRAL, 'sv'));
      expect((html.match(/<hr/g) ?? []).length).toBeLessThanOrEqual((neutral.match(/<hr/g) ?? []).length);
      expect(html).not.toMatch(/<br/);
    }
  });

  it('a title with leading and trailing NEL or spaces stays bold', () => {
    for (const [, render] of RENDERERS) {
      const html = render(draftWith((c, v) => (c.partnership.title = v), '\u0085 Språkverkstad \u0085', 'sv'));
      expect(html).toMatch(/<strong>[^<]*Språkverkstad[^<]*<\/strong>/);
    }
  });
});
