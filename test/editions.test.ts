// The partnership criteria differ by guideline edition (docs/decisions/0005-partnership-criteria.md).
// Done-when of issue 3: "The city taking the initiative after a dialogue does not fail the 2023
// edition; no initial dialogue does." Plus the 2017 long-duration criterion that 2023 dropped.
import { describe, expect, it } from 'vitest';
import { assess, compareRuleSets, listRules, type Finding, type IopCase, type Verdict } from '../src/index.js';
import { favourableCase } from '../src/testing/index.js';
import { merge } from './helpers/merge.js';

/** A partnership that answers every partnership criterion of the 2023 edition favourably. */
const favourable: IopCase = {
  partnership: {
    title: 'Kvinnoträffar och språkverkstad i Kista',
    area: 'labour-market',
    initiatedBy: 'city',
    initialDialogueHeld: true,
    dialogueOpenToOthers: true,
    sharedNeed: true,
    jointGoal: true,
    serviceSpecifiedByCity: false,
    detailedSteeringByCity: false,
    marketExists: false,
    profitExpected: false,
    partOfStandardGrant: false,
    linkedToPoliticalPlan: true,
    intendedLongTerm: true,
    methodBasis: 'proven-experience',
    cityContribution: { fundingSek: 900000, premises: false, staff: true },
    organisationContribution: { fundingSek: 60000, volunteerHours: 800, premises: true, other: null },
    goals: [
      { description: 'Fler kvinnor närmar sig arbete eller studier', indicator: 'Antal deltagare som börjar arbeta eller studera', target: 25 },
      { description: 'Deltagarna stärker sin svenska', indicator: 'Andel deltagare som går vidare till SFI', target: '60 %' },
    ],
    activityPlan: true,
    knowledgeSharing: true,
  },
};

const with_ = (patch: unknown): unknown => merge(favourable, patch);
const partnership = (v: Verdict): Finding[] => v.findings.filter((f) => f.area === 'partnership');
const uses = (f: Finding, fact: string): boolean => f.facts.some((x) => x.id === fact);
const finding = (v: Verdict, id: string): Finding | undefined => v.findings.find((f) => f.ruleId === id);

describe('stockholm-2023: the city may take the initiative, after an initial dialogue', () => {
  const opts = { asOf: '2025-03-01', ruleSet: 'stockholm-2023' } as const;

  it('the city taking the initiative after a dialogue fails no partnership rule', async () => {
    const v = await assess(favourable, opts);
    const about = partnership(v).filter((f) => uses(f, 'partnership.initiatedBy') || uses(f, 'partnership.initialDialogueHeld'));
    expect(about.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['IOP-PART-010', 'IOP-PART-015']));
    expect(about.filter((f) => f.status === 'fail')).toEqual([]);
    // The whole favourable partnership passes every partnership criterion of the edition.
    expect(partnership(v).filter((f) => f.status !== 'pass' && f.status !== 'not-applicable').map((f) => f.ruleId)).toEqual([]);
    expect(v.areas.partnership.status).toBe('pass');
  });

  it('the same case without an initial dialogue fails, as a major finding', async () => {
    const v = await assess(with_({ partnership: { initialDialogueHeld: false } }), opts);
    const failing = partnership(v).filter((f) => f.status === 'fail');
    expect(failing.map((f) => f.ruleId).sort()).toEqual(['IOP-PART-010', 'IOP-PART-015']);
    expect(failing.every((f) => f.severity === 'major')).toBe(true);
    expect(finding(v, 'IOP-PART-015')?.explanation).toContain('utan att en inledande dialog');
    expect(finding(v, 'IOP-PART-011')?.status).toBe('not-applicable');
    expect(v.areas.partnership.status).toBe('fail');
  });

  it('an organisation initiative needs no dialogue for the initiative rule, but the dialogue rule still fails', async () => {
    const v = await assess(with_({ partnership: { initiatedBy: 'organisation', initialDialogueHeld: false } }), opts);
    expect(finding(v, 'IOP-PART-015')?.status).toBe('pass');
    expect(finding(v, 'IOP-PART-010')?.status).toBe('fail');
  });

  it('an unknown dialogue after a city initiative is unknown, never pass', async () => {
    const v = await assess(with_({ partnership: { initialDialogueHeld: null } }), opts);
    expect(finding(v, 'IOP-PART-015')?.status).toBe('unknown');
    expect(v.missingFacts.find((m) => m.fact === 'partnership.initialDialogueHeld')?.decisive).toBe(true);
  });

  it('in stockholm-2017 the same city initiative is a failing (advisory) Forum criterion', async () => {
    const v = await assess(favourable, { asOf: '2023-06-01', ruleSet: 'stockholm-2017' });
    const f = finding(v, 'IOP-PART-013');
    expect(f?.status).toBe('fail');
    expect(f?.severity).toBe('advisory');
    expect(finding(v, 'IOP-PART-015')).toBeUndefined();
  });
});

describe('the long-duration criterion: in the 2017 edition, gone in 2023', () => {
  const shortLived = with_({ partnership: { intendedLongTerm: false } });

  it('intendedLongTerm: false fails a rule in stockholm-2017', async () => {
    const v = await assess(shortLived, { asOf: '2023-06-01', ruleSet: 'stockholm-2017' });
    const failing = v.findings.filter((f) => uses(f, 'partnership.intendedLongTerm') && f.status === 'fail');
    expect(failing.map((f) => f.ruleId)).toEqual(['IOP-PART-014']);
  });

  it('no rule on intendedLongTerm is in force in stockholm-2023', async () => {
    const v = await assess(shortLived, { asOf: '2025-03-01', ruleSet: 'stockholm-2023' });
    expect(v.findings.length).toBeGreaterThan(0);
    expect(v.findings.filter((f) => uses(f, 'partnership.intendedLongTerm')).map((f) => f.ruleId)).toEqual([]);
    expect(listRules('stockholm-2023', '2025-03-01').map((r) => r.id)).not.toContain('IOP-PART-014');
  });

  it('nor in the national model', async () => {
    const v = await assess(shortLived, { asOf: '2025-03-01', ruleSet: 'national' });
    expect(v.findings.filter((f) => uses(f, 'partnership.intendedLongTerm'))).toEqual([]);
  });
});

describe('edition manifests: omissions and severity changes', () => {
  const ids = (rs: string) => listRules(rs, '2025-03-01').filter((r) => r.area === 'partnership');

  it('each edition has between 8 and 17 partnership rules in force on 2025-03-01', () => {
    for (const rs of ['national', 'stockholm-2017', 'stockholm-2023']) {
      const n = ids(rs).length;
      expect(n, rs).toBeGreaterThanOrEqual(8);
      expect(n, rs).toBeLessThanOrEqual(17);
    }
  });

  it('the national model leaves out the political-plan criterion; Stockholm keeps it', () => {
    expect(ids('national').map((r) => r.id)).not.toContain('IOP-PART-009');
    expect(ids('stockholm-2017').map((r) => r.id)).toContain('IOP-PART-009');
    expect(ids('stockholm-2023').map((r) => r.id)).toContain('IOP-PART-009');
  });

  it('the initial dialogue is advice nationally, major in Stockholm 2023, absent in Stockholm 2017', () => {
    expect(ids('national').find((r) => r.id === 'IOP-PART-010')?.severity).toBe('advisory');
    expect(ids('stockholm-2023').find((r) => r.id === 'IOP-PART-010')?.severity).toBe('major');
    expect(ids('stockholm-2017').map((r) => r.id)).not.toContain('IOP-PART-010');
  });

  it('the social-services method rule starts with the new Socialtjänstlag on 2025-07-01 in every edition', () => {
    for (const rs of ['national', 'stockholm-2017', 'stockholm-2023']) {
      expect(listRules(rs, '2025-06-30').map((r) => r.id), rs).not.toContain('IOP-PART-012');
      expect(listRules(rs, '2025-07-01').map((r) => r.id), rs).toContain('IOP-PART-012');
    }
  });

  it('the whole Stockholm 2023 rule set has at least 40 rules in force on 2025-03-01', () => {
    expect(listRules('stockholm-2023', '2025-03-01').length).toBeGreaterThanOrEqual(40);
  });
});

describe('compare without a date reads each edition on a day it is in force', () => {
  it('the 2017 edition on its last day, the 2023 edition today; an explicit date is used for both', async () => {
    const cmp = await compareRuleSets(favourableCase(), { from: 'stockholm-2017', to: 'stockholm-2023' });
    expect(cmp.from.asOf).toBe('2023-12-31');
    expect(cmp.to.asOf > '2023-12-31').toBe(true);
    expect(cmp.asOf).toBe(cmp.to.asOf);
    const fixed = await compareRuleSets(favourableCase(), { from: 'stockholm-2017', to: 'stockholm-2023', asOf: '2025-03-01' });
    expect([fixed.from.asOf, fixed.to.asOf, fixed.asOf]).toEqual(['2025-03-01', '2025-03-01', '2025-03-01']);
  });
});
