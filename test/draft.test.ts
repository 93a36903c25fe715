// draftAgreement: golden drafts for every example (test/golden/drafts/), and assertions that do
// not depend on snapshots: the required clause headings, the case's figures, placeholders for
// unknown facts, Markdown escaping and input errors. A diff in a golden draft is a behaviour
// change: read it like code, then update with `npx vitest run test/draft.test.ts -u`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, draftAgreement, IopDraftRefusedError, IopInputError } from '../src/index.js';
import { parseCase, resolveOptions } from '../src/assess.js';
import type { ClauseId, IopCase } from '../src/domain/case.js';
import { clauseHeading } from '../src/draft/draft-agreement.js';
import { requiredClauses } from '../src/draft/required-clauses.js';
import { resolveFacts } from '../src/facts/resolve.js';
import { UNKNOWN } from '../src/facts/types.js';
import { paramValueOn } from '../src/rules/rule-set.js';
import { favourableCase, mergeCase } from '../src/testing/builders.js';
import { formatSek } from '../src/verdict/render.js';

const AS_OF = '2025-03-01';
const dir = join(import.meta.dirname, '../examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** The clauses the rule set asks for in a case, computed independently of the draft text. */
function needs(input: unknown, opts: { asOf?: string; ruleSet?: string } = {}) {
  const o = resolveOptions({ asOf: opts.asOf ?? AS_OF, ...(opts.ruleSet ? { ruleSet: opts.ruleSet } : {}) });
  const parsed = parseCase(input);
  if (!o.ok || !parsed.ok) throw new Error('bad test input');
  const { set, asOf } = o.value;
  const facts = resolveFacts(parsed.value, asOf, (id, date) => {
    const p = set.parameters.get(id);
    const found = p ? paramValueOn(p, date) : UNKNOWN;
    return found === UNKNOWN ? UNKNOWN : found.value;
  });
  return requiredClauses(set, facts, asOf);
}

/** The `## N. Heading` lines of a draft, without their numbers. */
function headings(md: string): string[] {
  return [...md.matchAll(/^## (?:\d+\. )?(.+)$/gm)].map((m) => m[1] ?? '');
}

describe('golden drafts of the examples', () => {
  it('there are examples to draft', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const file of examples) {
    const name = file.replace(/\.json$/, '');
    const input = JSON.parse(readFileSync(join(dir, file), 'utf8')) as IopCase;

    it(`${file}: matches the golden draft (sv, and en when the case is eligible or conditional)`, async () => {
      // A case the verdict does not let be signed is drafted only on request, under a "not to be signed" heading.
      const sv = draftAgreement(input, { asOf: AS_OF, draftAnyway: true });
      await expect(sv).toMatchFileSnapshot(`golden/drafts/${name}.sv.md`);
      const verdict = await assess(input, { asOf: AS_OF });
      if (verdict.outcome === 'eligible' || verdict.outcome === 'conditional') {
        await expect(draftAgreement(input, { asOf: AS_OF, locale: 'en' })).toMatchFileSnapshot(`golden/drafts/${name}.en.md`);
      }
    });

    it(`${file}: a heading for every clause the rule set asks for, and the case's own figures`, () => {
      const asked = needs(input);
      for (const locale of ['sv', 'en'] as const) {
        const md = draftAgreement(input, { asOf: AS_OF, locale, draftAnyway: true });
        const hs = headings(md);
        for (const clause of asked.keys()) expect(hs, `${locale}: ${clause}`).toContain(clauseHeading(clause, locale));
        const funding = input.partnership?.cityContribution?.fundingSek;
        if (typeof funding === 'number') expect(md).toContain(`**${formatSek(funding, locale)}**`);
        for (const p of input.agreement?.paymentPlan ?? []) {
          if (typeof p.amountSek === 'number') expect(md).toContain(formatSek(p.amountSek, locale));
          if (p.dueOn) expect(md).toContain(p.dueOn);
        }
        if (input.organisation?.orgNumber) expect(md).toContain(input.organisation.orgNumber);
        else expect(md).toContain(locale === 'sv' ? '[UPPGIFT SAKNAS: organisationsnummer]' : '[MISSING: organisation number]');
        for (const g of input.partnership?.goals ?? []) if (typeof g.target === 'number') expect(md).toContain(`| ${g.target} |`);
        expect(md).not.toMatch(/undefined|null|NaN|\[object /);
      }
    });
  }
});

describe('draftAgreement', () => {
  const base = favourableCase();
  const ALL = base.agreement?.clauses ?? [];

  it('the eligible case: every required clause heading, with the real figures and no missing facts', () => {
    const md = draftAgreement(base, { asOf: AS_OF });
    const hs = headings(md);
    for (const h of ['Parter', 'Bakgrund', 'Syfte och mål', 'Verksamhet och självständighet', 'Parternas insatser', 'Finansiering', 'Avtalsperiod och uppsägning', 'Uppföljning', 'Återbetalning', 'Kunskapsuppbyggnad och lärande', 'Ändringar, tillägg och överlåtelse', 'Omförhandling och uppsägning', 'Oenighet', 'Underskrifter']) {
      expect(hs).toContain(h);
    }
    expect(md).toContain('**Löparakademin**, organisationsnummer 802500-1234, ideell förening');
    expect(md).toContain('sammanlagt **900 000 kr**');
    expect(md).toContain('| 1 | 2025-01-31 | 450 000 kr |');
    expect(md).toContain('från och med 2025-01-01 till och med 2026-12-31');
    expect(md).toContain('Uppsägningstiden är 6 månader');
    expect(md).toContain('| 1 | Fler barn och unga i stadsdelsområdet rör sig regelbundet | Antal unika deltagare per termin | 300 |');
    expect(md).not.toContain('[UPPGIFT SAKNAS');
    expect(md).toContain('UPPGIFT SAKNAS där ärendet saknar en uppgift (0 st.)');
    // No conditional clause applies to this case. The personal-data clause is there: the case
    // answers that the organisation is not the city's processor, so each party is its own controller.
    for (const h of ['Insyn', 'Uppdrag att tillhandahålla en tjänst av allmänt ekonomiskt intresse']) expect(hs).not.toContain(h);
    expect(hs).toContain('Personuppgifter');
  });

  it('numbers the clauses in order and ends with the signatures', () => {
    const md = draftAgreement(base, { asOf: AS_OF });
    const nums = [...md.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(nums).toEqual(nums.map((_, i) => i + 1));
    expect(headings(md).at(-1)).toBe('Underskrifter');
  });

  it('draws a draft even before an agreement exists (the case has none)', () => {
    const md = draftAgreement(mergeCase(base, { agreement: null }), { asOf: AS_OF });
    for (const h of ['Återbetalning', 'Uppföljning', 'Finansiering']) expect(headings(md)).toContain(h);
    // The agreement period falls back to the partnership's, and says so.
    expect(md).toContain('2025-01-01 till och med 2026-12-31 (partnerskapets period enligt ärendet)');
    expect(md).toContain('[UPPGIFT SAKNAS: utbetalningsplan (datum och belopp)]');
    expect(md).toContain('Uppsägningstiden är [UPPGIFT SAKNAS: uppsägningstid]');
  });

  it('includes an Insyn heading exactly when a municipal matter is handed over (IOP-KL-005)', () => {
    // A municipal task handed over for payment is a contract (IOP-PROC-001), and an unknown one
    // leaves the case incomplete: both are refused, so the clause is seen with draftAnyway.
    const anyway = { asOf: AS_OF, draftAnyway: true } as const;
    expect(() => draftAgreement(mergeCase(base, { partnership: { handsOverMunicipalTask: true } }), { asOf: AS_OF })).toThrow(IopDraftRefusedError);
    expect(headings(draftAgreement(mergeCase(base, { partnership: { handsOverMunicipalTask: true } }), anyway))).toContain('Insyn');
    const open = draftAgreement(mergeCase(base, { partnership: { handsOverMunicipalTask: null } }), anyway);
    expect(headings(open)).toContain('Insyn');
    expect(open).toContain('Det är inte känt om punkten behövs. Ska organisationen på kommunens uppdrag utföra en uppgift som kommunen själv ansvarar för');
    expect(headings(draftAgreement(base, { asOf: AS_OF }))).not.toContain('Insyn');
  });

  it('includes personal data and the entrustment act when their conditions hold', () => {
    // A processor relationship is a procurement indicator (IOP-PROC-012): drafted on request only.
    const pd = draftAgreement(mergeCase(base, { partnership: { handlesPersonalDataForCity: true } }), { asOf: AS_OF, draftAnyway: true });
    expect(headings(pd)).toContain('Personuppgifter');
    expect(pd).toContain('artikel 28 i dataskyddsförordningen (EU) 2016/679');
    expect(pd).toContain('2. Personuppgiftsbiträdesavtal');
    const sgeiFacts = { economicActivity: true, affectsTrade: true, entrustmentAct: true, socialNeedsService: true, overcompensationArrangements: true };
    const sgei = draftAgreement(mergeCase(base, { organisation: { legalForm: 'stiftelse' }, partnership: { stateAid: { ...sgeiFacts, route: 'sgei-decision' } } }), { asOf: AS_OF });
    expect(headings(sgei)).toContain('Uppdrag att tillhandahålla en tjänst av allmänt ekonomiskt intresse');
    expect(sgei).toContain('2012/21/EU');
    const dm = draftAgreement(mergeCase(base, { partnership: { stateAid: { ...sgeiFacts, route: 'sgei-de-minimis', grantedOn: '2024-12-10', eurSekRate: 11.5, priorAid: [] } } }), { asOf: AS_OF, draftAnyway: true });
    expect(dm).toContain('(EU) 2023/2832');
  });

  it('follows the rule set: repayment is required in every edition, the national model leaves the municipality open', () => {
    const noRepay = mergeCase(base, { agreement: { clauses: ALL.filter((c) => c !== 'repayment') } });
    const s2017 = draftAgreement(noRepay, { asOf: AS_OF, ruleSet: 'stockholm-2017' });
    expect(s2017).toMatch(/## \d+\. Återbetalning\n\nOm verksamheten/);
    const national = draftAgreement(noRepay, { asOf: AS_OF, ruleSet: 'national' });
    expect(headings(national)).toContain('Återbetalning');
    // The national model is not Stockholm's: the municipality is left for the officer.
    expect(national).toContain('**[FYLL I: kommunens namn]**');
    // Advice only: the knowledge-building clause is marked as recommended.
    expect(draftAgreement(base, { asOf: AS_OF })).toMatch(/## \d+\. Kunskapsuppbyggnad och lärande\n\n\*Rekommenderad punkt, inget krav\.\*/);
  });

  it('every required clause heading appears for cases with very little in them', () => {
    const thin = { organisation: { name: 'Kista SC' } };
    const asked = needs(thin);
    const md = draftAgreement(thin, { asOf: AS_OF, draftAnyway: true });
    expect(asked.size).toBeGreaterThan(10);
    for (const clause of asked.keys()) expect(headings(md)).toContain(clauseHeading(clause as ClauseId, 'sv'));
  });

  it('shows a visible placeholder for each unknown fact, in both languages', () => {
    const input = mergeCase(base, { organisation: { orgNumber: null, legalForm: null }, partnership: { cityContribution: { fundingSek: null } } });
    const sv = draftAgreement(input, { asOf: AS_OF, draftAnyway: true });
    expect(sv).toContain('organisationsnummer [UPPGIFT SAKNAS: organisationsnummer], [UPPGIFT SAKNAS: juridisk form]');
    expect(sv).toContain('sammanlagt **[UPPGIFT SAKNAS: kommunens medel]**');
    const en = draftAgreement(input, { asOf: AS_OF, locale: 'en', draftAnyway: true });
    expect(en).toContain('organisation number [MISSING: organisation number], [MISSING: legal form]');
    expect(en).not.toContain('UPPGIFT SAKNAS');
    // The count in the preamble is the number of placeholders in the text.
    const count = (sv.match(/\[UPPGIFT SAKNAS:/g) ?? []).length;
    expect(sv).toContain(`UPPGIFT SAKNAS där ärendet saknar en uppgift (${count} st.)`);
    expect(count).toBeGreaterThanOrEqual(4);
  });

  it('warns when the payment plan does not add up, with both sums', () => {
    const md = draftAgreement(mergeCase(base, { agreement: { paymentPlan: [{ dueOn: '2025-01-31', amountSek: 450000 }, { dueOn: '2026-01-31', amountSek: 350000 }] } }), { asOf: AS_OF });
    expect(md).toContain('| | **Summa** | **800 000 kr** |');
    expect(md).toContain('> **Obs!** Utbetalningsplanen summerar till 800 000 kr, men stadens medel enligt ärendet är 900 000 kr.');
  });

  it('notes unspent funds under Återbetalning when the follow-up shows undelivered activities', () => {
    const md = draftAgreement(
      mergeCase(base, { followUp: { reports: [{ periodStart: '2025-01-01', periodEnd: '2025-06-30', dueOn: '2025-08-15', submittedOn: '2025-08-10', activitiesDelivered: 'none', unspentFundsSek: 300000 }] } }),
      { asOf: '2025-09-01' },
    );
    expect(md).toMatch(/## \d+\. Återbetalning[\s\S]*Outnyttjade medel enligt den senaste rapporten: 300 000 kr\./);
    // The schedule comes from the agreement period, not from the register of reports.
    expect(md).toContain('| 1 | redovisning | 2025-01-01 – 2025-12-31 | [FYLL I: datum, med tid för revisorns granskning efter periodens slut och före nästa utbetalning] |');
    expect(md).not.toContain('2025-01-01 – 2025-06-30');
  });

  it('escapes Markdown in every text from the case', () => {
    const hostile = mergeCase(base, {
      organisation: { name: '**Fet** [länk](https://example.org) <script>alert(1)</script>' },
      partnership: {
        title: '# Rubrik\n| kolumn |',
        goals: [{ description: 'rad ett\n| rad två', indicator: '`kod`', target: '> citat' }],
        organisationContribution: { other: '- lista\n1. lista' },
      },
    });
    const md = draftAgreement(hostile, { asOf: AS_OF });
    // A word with a URL becomes inline code (no link, no autolink can form in it).
    expect(md).toContain('\\*\\*Fet\\*\\* `[länk](https://example.org)` &lt;script\\>alert(1)&lt;/script\\>');
    expect(md).not.toContain('<script>');
    expect(md).not.toMatch(/[^`]\[länk\]\(/);
    expect(md).toContain('*\\# Rubrik \\| kolumn \\|*');
    // The goal stays one table row: the newline is gone and the pipe escaped.
    expect(md).toContain('| 1 | rad ett \\| rad två | \\`kod\\` | \\> citat |');
    expect(md).toContain('- \\- lista 1. lista');
    expect(md).not.toMatch(/^# Rubrik/m);
  });

  it('is deterministic', () => {
    expect(draftAgreement(base, { asOf: AS_OF })).toBe(draftAgreement(base, { asOf: AS_OF }));
  });

  it('throws IopInputError naming every bad field and option', () => {
    let err: unknown;
    try {
      draftAgreement({ organisation: { orgNumber: '802500-1235' }, agreement: { clauses: ['nope'] } } as unknown, { asOf: '2025-02-30' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IopInputError);
    const paths = (err as IopInputError).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['options.asOf', 'organisation.orgNumber', 'agreement.clauses[0]']));
    expect(() => draftAgreement(base, { ruleSet: 'goteborg-2020' as string })).toThrow(IopInputError);
    expect(() => draftAgreement(base, { locale: 'de' as never })).toThrow(IopInputError);
  });
});
