// One language per output: a rendered verdict is in the verdict's language whatever the caller
// asks for, and the compact form keeps the texts and the source refs.
import { describe, expect, it } from 'vitest';
import { assess, compactVerdict, formatVerdict } from '../src/index.js';
import { favourableCase } from '../src/testing/index.js';

const AS_OF = '2025-03-01';

describe('formatVerdict: one language per output', () => {
  it('a Swedish verdict asked for in English stays Swedish (headings and findings alike)', async () => {
    const sv = await assess(favourableCase({ organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } }), { asOf: AS_OF });
    for (const format of ['text', 'markdown', 'html'] as const) {
      const out = formatVerdict(sv, { format, locale: 'en' });
      expect(out, format).toMatch(/Regeluppsättning/);
      expect(out, format).not.toMatch(/Rule set|Assessed as of|Not eligible|Source:/);
      expect(out).toBe(formatVerdict(sv, { format }));
    }
  });

  it('an English verdict asked for in Swedish stays English', async () => {
    const en = await assess(favourableCase({ organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } }), { asOf: AS_OF, locale: 'en' });
    const out = formatVerdict(en, { format: 'text', locale: 'sv' });
    expect(out).toMatch(/Rule set/);
    expect(out).not.toMatch(/Regeluppsättning|Bedömningsdag|Källa:/);
  });
});

describe('compactVerdict', () => {
  it('keeps outcome, areas, findings with texts and source refs, and missing facts; drops traces', async () => {
    const v = await assess({ organisation: { name: 'Förening' } }, { asOf: AS_OF });
    const c = compactVerdict(v);
    expect(c.outcome).toBe(v.outcome);
    expect(c.areas.organisation).toBe(v.areas.organisation.status);
    expect(c.findings.map((f) => f.ruleId)).toEqual(v.findings.map((f) => f.ruleId));
    expect(c.findings[0]?.sources).toEqual(v.findings[0]?.sources.map((s) => s.ref));
    expect(c.missingFacts.map((m) => m.fact)).toEqual(v.missingFacts.map((m) => m.fact));
    expect(JSON.stringify(c)).not.toMatch(/"trace"/);
    expect(JSON.stringify(c).length).toBeLessThan(JSON.stringify(v).length / 3);
    // A new object: editing it leaves the verdict alone.
    const first = (c.findings as unknown as Array<{ title: string }>)[0];
    if (first) first.title = 'changed';
    expect(v.findings[0]?.title).not.toBe('changed');
  });
});
