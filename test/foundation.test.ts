// The foundation issue's "done when" sentences, each as a test.
import { describe, expect, it } from 'vitest';
import { assess, safeAssess, IopInputError } from '../src/index.js';
import { favourableCase } from '../src/testing/index.js';
import { stockholmDate } from '../src/assess.js';

const AS_OF = '2025-03-01';

async function failing(patch: Parameters<typeof favourableCase>[0]) {
  const v = await assess(favourableCase(patch), { asOf: AS_OF });
  const blockers = v.findings.filter((f) => f.severity === 'blocker' && f.status === 'fail');
  return { v, blockers };
}

describe('not eligible, naming the failing area and its source', () => {
  it.each([
    ['an enskild firma', { organisation: { legalForm: 'enskild-firma' } }, 'organisation', 'IOP-ORG-001', /2022:900/],
    ['a handelsbolag', { organisation: { legalForm: 'handelsbolag' } }, 'organisation', 'IOP-ORG-001', /2022:900/],
    ['a city-controlled organisation', { organisation: { publicControl: true } }, 'organisation', 'IOP-ORG-003', /2022:900 3 § 2 p/],
    ['a broken democracy condition', { organisation: { democracyConditionMet: false } }, 'organisation', 'IOP-ORG-006', /Stockholm/],
    ['bankruptcy', { organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } }, 'organisation', 'IOP-ORG-008', /Helsingborg/],
    ['myndighetsutövning', { partnership: { involvesMyndighetsutovning: true } }, 'local-government', 'IOP-KL-004', /regeringsformen/],
    ['a missing general interest', { partnership: { generalInterest: false } }, 'local-government', 'IOP-KL-001', /2 kap\. 1 § kommunallagen/],
  ] as const)('%s', async (_name, patch, area, ruleId, source) => {
    const { v, blockers } = await failing(patch as never);
    expect(v.outcome).toBe('not-eligible');
    expect(v.areas[area].status).toBe('fail');
    const f = blockers.find((b) => b.ruleId === ruleId);
    expect(f, `${ruleId} should fail`).toBeDefined();
    expect(f?.area).toBe(area);
    expect(f?.sources.map((s) => s.ref).join(' ')).toMatch(source);
    expect(f?.explanation.length).toBeGreaterThan(20);
  });
});

describe('a case with little more than a name', () => {
  it('is incomplete and asks decisive questions in Swedish', async () => {
    const v = await assess({ organisation: { name: 'Rinkeby Folkets Hus' } }, { asOf: AS_OF });
    expect(v.outcome).toBe('incomplete');
    const decisive = v.missingFacts.filter((m) => m.decisive);
    expect(decisive.length).toBeGreaterThan(5);
    // Most decisive first: every decisive question precedes every non-decisive one.
    const firstNonDecisive = v.missingFacts.findIndex((m) => !m.decisive);
    if (firstNonDecisive >= 0) expect(v.missingFacts.slice(firstNonDecisive).every((m) => !m.decisive)).toBe(true);
    const legalForm = v.missingFacts.find((m) => m.fact === 'organisation.legalForm');
    expect(legalForm?.decisive).toBe(true);
    expect(legalForm?.question).toMatch(/Vilken juridisk form/);
    expect(legalForm?.neededBy).toContain('IOP-ORG-001');
  });

  it('asks in English with locale en', async () => {
    const v = await assess({ organisation: { name: 'Rinkeby Folkets Hus' } }, { asOf: AS_OF, locale: 'en' });
    expect(v.missingFacts.find((m) => m.fact === 'organisation.legalForm')?.question).toMatch(/What legal form/);
  });
});

describe('a case that answers every core case-model field favourably', () => {
  it('is eligible in every rule set in force', async () => {
    for (const ruleSet of ['stockholm-2023', 'national']) {
      const v = await assess(favourableCase(), { asOf: AS_OF, ruleSet });
      const open = v.findings.filter((f) => (f.severity === 'blocker' || f.severity === 'major') && f.status !== 'pass' && f.status !== 'not-applicable');
      expect(open.map((f) => `${f.ruleId} ${f.status}`), ruleSet).toEqual([]);
      expect(v.outcome, ruleSet).toBe('eligible');
      expect(v.recommendation.form).toBe('iop');
    }
  });
});

describe('the verdict', () => {
  it('has the docs/verdict.md shape', async () => {
    const v = await assess(favourableCase(), { asOf: AS_OF });
    expect(Object.keys(v.areas).sort()).toEqual(['agreement', 'follow-up', 'local-government', 'organisation', 'partnership', 'procurement', 'state-aid']);
    expect(v.ruleSet.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(v.ruleSet.layers[0]).toBe('law');
    expect(v.asOf).toBe(AS_OF);
    for (const f of v.findings) {
      expect(f.sources.length).toBeGreaterThan(0);
      expect(f.trace).toBeDefined();
      expect(f.explanation).not.toMatch(/\{[^}]*\}/);
    }
  });

  it('is byte-identical for the same input and options', async () => {
    const a = JSON.stringify(await assess(favourableCase({ organisation: { taxDebtSek: 4000 } }), { asOf: AS_OF }));
    const b = JSON.stringify(await assess(favourableCase({ organisation: { taxDebtSek: 4000 } }), { asOf: AS_OF }));
    expect(a).toBe(b);
  });

  it('renders amounts as Swedish kronor with the actual value', async () => {
    const v = await assess(favourableCase({ organisation: { taxDebtSek: 534890 } }), { asOf: AS_OF });
    const f = v.findings.find((x) => x.ruleId === 'IOP-ORG-009');
    expect(f?.status).toBe('fail');
    expect(f?.explanation).toContain('534 890 kr');
  });

  it('treats a missing fact as unknown, never as pass (even for a "must be false" rule)', async () => {
    const v = await assess(favourableCase({ organisation: { publicControl: null } }), { asOf: AS_OF });
    expect(v.findings.find((f) => f.ruleId === 'IOP-ORG-003')?.status).toBe('unknown');
    expect(v.outcome).toBe('incomplete');
    expect(v.missingFacts[0]?.fact).toBe('organisation.publicControl');
    expect(v.missingFacts[0]?.decisive).toBe(true);
  });

  it('names the smallest change that would settle a failing blocker', async () => {
    const v = await assess(favourableCase({ partnership: { involvesMyndighetsutovning: true } }), { asOf: AS_OF });
    const set = v.toEligible.find((c) => c.settles.includes('IOP-KL-004'));
    expect(set?.changes).toEqual([{ fact: 'partnership.involvesMyndighetsutovning', from: true, to: false }]);
  });

  it('defaults asOf to today in Europe/Stockholm and records it', async () => {
    const v = await assess(favourableCase());
    expect(v.asOf).toBe(stockholmDate(new Date()));
  });

  it('uses the newest Stockholm edition in force on asOf by default', async () => {
    expect((await assess({}, { asOf: '2019-05-01' })).ruleSet.id).toBe('stockholm-2017');
    expect((await assess({}, { asOf: '2024-01-01' })).ruleSet.id).toBe('stockholm-2023');
    expect((await assess({}, { asOf: '2023-12-31' })).ruleSet.id).toBe('stockholm-2017');
  });
});

describe('bad input', () => {
  it('rejects with IopInputError listing every issue with its path, in sv and en', async () => {
    const bad = {
      organisation: { orgNumber: '802500-1235', registeredSince: '2023-02-30', taxDebtSek: -1, equitySek: 'lots', legalForm: 'gmbh' },
      partnership: { period: { start: '2025-06-01', end: '2025-01-01' }, sharedNeeds: true },
      agreement: { clauses: ['parties', 'nope'] },
    };
    const res = await safeAssess(bad as unknown, { asOf: AS_OF });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    const paths = res.error.issues.map((i) => i.path).sort();
    expect(paths).toEqual(
      [
        'agreement.clauses[1]',
        'organisation.equitySek',
        'organisation.legalForm',
        'organisation.orgNumber',
        'organisation.registeredSince',
        'organisation.taxDebtSek',
        'partnership.period.end',
        'partnership.sharedNeeds',
      ].sort(),
    );
    const org = res.error.issues.find((i) => i.path === 'organisation.orgNumber');
    expect(org?.code).toBe('invalid_org_number');
    expect(org?.message.sv).toMatch(/organisationsnummer/);
    expect(res.error.issues.find((i) => i.path === 'partnership.period.end')?.code).toBe('period_end_before_start');
    await expect(assess(bad as unknown, { asOf: AS_OF })).rejects.toBeInstanceOf(IopInputError);
  });

  it('accepts a well-formed organisation number and rejects its neighbours', async () => {
    expect((await safeAssess({ organisation: { orgNumber: '802500-1234' } }, { asOf: AS_OF })).ok).toBe(true);
    for (const n of ['802500-1230', '8025001234', '802500-123', 'abcdef-ghij']) {
      const r = await safeAssess({ organisation: { orgNumber: n } }, { asOf: AS_OF });
      expect(r.ok, n).toBe(false);
    }
  });

  it('reports bad options by their path', async () => {
    const r = await safeAssess({}, { asOf: '2025-13-01', ruleSet: 'nope' as string });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.path)).toContain('options.asOf');
  });

  it('does not change zod global configuration', async () => {
    const z = await import('zod');
    const before = JSON.stringify(z.config());
    await safeAssess({ organisation: { orgNumber: 'x' } }, { asOf: AS_OF });
    expect(JSON.stringify(z.config())).toBe(before);
  });
});

describe('smallest changes', () => {
  it('never propose changing a fact that describes the case (the area of activity)', async () => {
    const v = await assess(
      favourableCase({ partnership: { area: 'culture', stateAid: { economicActivity: true, affectsTrade: true, route: 'sgei-decision' } } }),
      { asOf: AS_OF },
    );
    const changed = v.toEligible.flatMap((c) => c.changes.map((ch) => ch.fact));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed).not.toContain('partnership.area');
  });
});
