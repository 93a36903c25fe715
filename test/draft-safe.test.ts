// The draft is safe to sign: it reads the verdict (and refuses, or heads the document as not to
// be signed, when the case may not be signed as an IOP), its wording is grant-type rather than
// contract-type, and its clauses follow the facts. docs/decisions/0012–0014.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, draftAgreement, IopDraftRefusedError, IopInputError } from '../src/index.js';
import { draftStanding } from '../src/draft/draft-agreement.js';
import { parseCase, resolveOptions } from '../src/assess.js';
import { CONTRACT_INDICATORS, contractIndicatorsIn } from '../src/draft/contract-indicators.js';
import { verdictSync } from '../src/draft/verdict-sync.js';
import { resolveFacts } from '../src/facts/resolve.js';
import { UNKNOWN } from '../src/facts/types.js';
import { paramValueOn } from '../src/rules/rule-set.js';
import { favourableCase, mergeCase } from '../src/testing/builders.js';
import { PRIORITY_AREA_LABELS } from '../src/domain/case.js';

const AS_OF = '2025-03-01';
const dir = join(import.meta.dirname, '../examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const load = (f: string): unknown => JSON.parse(readFileSync(join(dir, f), 'utf8'));
const base = favourableCase();

function syncVerdict(input: unknown, opts: { asOf: string; ruleSet?: string; locale?: 'sv' | 'en'; overlays?: unknown[] }) {
  const o = resolveOptions(opts);
  const parsed = parseCase(input);
  if (!o.ok || !parsed.ok) throw new Error('bad test input');
  const { set, asOf, locale } = o.value;
  const facts = resolveFacts(parsed.value, asOf, (id, date) => {
    const p = set.parameters.get(id);
    const found = p ? paramValueOn(p, date) : UNKNOWN;
    return found === UNKNOWN ? UNKNOWN : found.value;
  });
  return verdictSync(set, facts, asOf, locale);
}

describe('the draft reads the same verdict as assess', () => {
  const variants: Array<[string, unknown, { asOf: string; ruleSet?: string; locale?: 'sv' | 'en'; overlays?: unknown[] }]> = [
    ...examples.map((f): [string, unknown, { asOf: string }] => [f, load(f), { asOf: AS_OF }]),
    ...examples.map((f): [string, unknown, { asOf: string; ruleSet: string; locale: 'en' }] => [`${f} 2017 en`, load(f), { asOf: '2019-06-01', ruleSet: 'stockholm-2017', locale: 'en' }]),
    ['base, national', base, { asOf: AS_OF, ruleSet: 'national' }],
    ['base, rinkeby-kista overlay', base, { asOf: AS_OF, overlays: ['rinkeby-kista'] }],
    ['base with follow-up', mergeCase(base, { followUp: { reports: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-02-28' }] } }), { asOf: '2026-04-01' }],
    ['empty case', {}, { asOf: AS_OF }],
  ];
  it.each(variants)('%s', async (_name, input, opts) => {
    expect(syncVerdict(input, opts)).toEqual(await assess(input, opts));
  });
});

describe('R1: no signable IOP agreement for a case the verdict does not allow', () => {
  for (const f of ['husby-atelje-not-eligible.json', 'studieframjandet-procurement.json']) {
    it(`${f}: refused with the outcome, the form and the failing blockers`, async () => {
      const input = load(f);
      const v = await assess(input, { asOf: AS_OF });
      expect(v.outcome).toBe('not-eligible');
      let err: unknown;
      try {
        draftAgreement(input, { asOf: AS_OF });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(IopDraftRefusedError);
      const refused = err as IopDraftRefusedError;
      expect(refused.verdict.outcome).toBe('not-eligible');
      expect(refused.message).toContain(`rekommenderad form: ${v.recommendation.form === 'procurement' ? 'upphandling' : 'ej avgjord'}`);
      for (const b of v.findings.filter((x) => x.severity === 'blocker' && x.status === 'fail')) expect(refused.message).toContain(`${b.ruleId} (hinder, ej uppfyllt)`);
    });
    it(`${f}: drafted on request under a heading that says it must not be signed`, () => {
      const md = draftAgreement(load(f), { asOf: AS_OF, draftAnyway: true });
      expect(md.split('\n')[0]).toBe('# FÅR INTE TECKNAS SOM IOP – utkast till överenskommelse om idéburet offentligt partnerskap');
      expect(md).toContain('Detta utkast får inte tecknas som en IOP');
      const en = draftAgreement(load(f), { asOf: AS_OF, draftAnyway: true, locale: 'en' });
      expect(en.split('\n')[0]).toMatch(/^# NOT TO BE SIGNED AS AN IOP/);
    });
  }

  it('draftAnyway must be a boolean: anything else is an input error naming the option', () => {
    let err: unknown;
    try {
      draftAgreement(base, { asOf: AS_OF, draftAnyway: 'yes' as never });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IopInputError);
    expect((err as IopInputError).issues.map((i) => i.path)).toEqual(['options.draftAnyway']);
  });

  it('an incomplete case is refused as well: a blocker is still open', () => {
    expect(() => draftAgreement({ organisation: { name: 'Kista SC' } }, { asOf: AS_OF })).toThrow(IopDraftRefusedError);
  });

  it('an eligible case gets an ordinary heading and the verdict in its preamble', () => {
    const md = draftAgreement(base, { asOf: AS_OF });
    expect(md.split('\n')[0]).toBe('# Överenskommelse om idéburet offentligt partnerskap');
    expect(md).toContain('> **Bedömning: uppfyller villkoren; rekommenderad form: IOP.**');
  });

  it('a conditional case lists every failing or open major in its preamble', async () => {
    const input = mergeCase(base, { organisation: { auditReportClean: false }, agreement: { signedOn: '2025-02-15' } });
    const v = await assess(input, { asOf: AS_OF });
    expect(v.outcome).toBe('conditional');
    const md = draftAgreement(input, { asOf: AS_OF });
    expect(md).toContain('Innan överenskommelsen tecknas ska bedömningarna nedan dokumenteras');
    const majors = v.findings.filter((x) => x.severity === 'major' && x.status !== 'pass' && x.status !== 'not-applicable');
    expect(majors.length).toBeGreaterThan(0);
    for (const m of majors) expect(md).toContain(`> - ${m.ruleId} (väsentligt,`);
  });
});

describe('a held draft: conditional, the form open on a procurement indicator (decision 0020)', () => {
  // The base case with the organisation as the city's processor: IOP-PROC-012 (major) fails,
  // no blocker is open, so the outcome is conditional and the form undetermined.
  const processor = mergeCase(base, { partnership: { handlesPersonalDataForCity: true }, agreement: { clauses: [...(base.agreement?.clauses ?? []), 'personal-data'] } });

  it('is drafted without draftAnyway, headed not to be signed until the question is assessed and documented, naming the rule', async () => {
    const v = await assess(processor, { asOf: AS_OF });
    expect([v.outcome, v.recommendation.form]).toEqual(['conditional', 'undetermined']);
    expect(draftStanding(v)).toBe('held');
    const md = draftAgreement(processor, { asOf: AS_OF });
    expect(md.split('\n')[0]).toBe('# FÅR INTE UNDERTECKNAS FÖRRÄN UPPHANDLINGSFRÅGAN ÄR BEDÖMD OCH DOKUMENTERAD – utkast till överenskommelse om idéburet offentligt partnerskap');
    expect(md).toContain('Utkastet får inte undertecknas förrän upphandlingsfrågan (IOP-PROC-012) har bedömts och bedömningen har dokumenterats i ärendet.');
    // The hard wording belongs to the refused drafts.
    expect(md).not.toContain('FÅR INTE TECKNAS SOM IOP');
    expect(md).not.toContain('otillåten direktupphandling');
    const en = draftAgreement(processor, { asOf: AS_OF, locale: 'en' });
    expect(en.split('\n')[0]).toBe('# NOT TO BE SIGNED UNTIL THE PROCUREMENT QUESTION HAS BEEN ASSESSED AND DOCUMENTED – draft agreement on an idea-driven public partnership');
    expect(en).toContain('The draft must not be signed until the procurement question (IOP-PROC-012) has been assessed');
  });

  it('the preamble prints each rule once, with its status and explanation, never its pass title', async () => {
    const v = await assess(processor, { asOf: AS_OF });
    const f = v.findings.find((x) => x.ruleId === 'IOP-PROC-012');
    expect(f?.status).toBe('fail');
    const md = draftAgreement(processor, { asOf: AS_OF });
    const box = md.split('\n').filter((l) => l.startsWith('> - '));
    expect(box.filter((l) => l.includes('IOP-PROC-012'))).toHaveLength(1);
    const line = box.find((l) => l.includes('IOP-PROC-012')) ?? '';
    expect(line.startsWith('> - IOP-PROC-012 (väsentligt, ej uppfyllt): ')).toBe(true);
    expect(line).not.toContain(f?.title ?? '?');
    // Every line in the box that names a rule names its status.
    for (const l of box.filter((x) => /^> - IOP-/.test(x))) expect(l).toMatch(/^> - IOP-[A-Z]+-\d{3} \((hinder|väsentligt|råd|information), (ej uppfyllt|okänt|uppfyllt|ej tillämpligt)\): /);
  });

  it('the other outcomes keep the hard wording: not-eligible, incomplete and form procurement are refused', () => {
    for (const f of examples.filter((x) => x.includes('not-eligible') || x.includes('procurement') || x.includes('incomplete'))) {
      expect(() => draftAgreement(load(f), { asOf: AS_OF })).toThrow(IopDraftRefusedError);
      expect(draftAgreement(load(f), { asOf: AS_OF, draftAnyway: true })).toContain('Att teckna det kan vara en otillåten direktupphandling.');
    }
  });
});

describe('R8: grant-type wording, never contract wording', () => {
  const eligible: Array<[string, unknown]> = [
    ...examples.filter((f) => f.includes('eligible') && !f.includes('not-eligible')).map((f): [string, unknown] => [f, load(f)]),
    ['the base case', base],
    // Personal data, children and an SGEI Decision entrustment, answered so that the case is eligible.
    // (A municipal task handed over for payment is a contract, IOP-PROC-001: never a signable IOP.
    // The organisation as the city's processor is a procurement indicator, IOP-PROC-012: not eligible
    // either, so the parties here are separate controllers.)
    [
      'the base case with personal data, children and an SGEI entrustment',
      mergeCase(base, {
        organisation: { legalForm: 'stiftelse' },
        partnership: {
          handlesPersonalDataForCity: false, reachesChildren: true,
          stateAid: { economicActivity: true, affectsTrade: true, route: 'sgei-decision', entrustmentAct: true, socialNeedsService: true, overcompensationArrangements: true },
        },
        agreement: { clauses: [...(base.agreement?.clauses ?? []), 'entrustment-act', 'personal-data'] },
      }),
    ],
  ];
  it('there is at least one eligible example', () => {
    expect(eligible.length).toBeGreaterThanOrEqual(3);
  });
  it.each(eligible)('%s: no contract indicator in either language', async (_name, input) => {
    for (const locale of ['sv', 'en'] as const) {
      const md = draftAgreement(input, { asOf: AS_OF, locale });
      expect(contractIndicatorsIn(md).map((c) => c.id), locale).toEqual([]);
      expect(md).toContain(locale === 'sv' ? 'Överenskommelsen får inte överlåtas.' : 'The agreement may not be transferred.');
      expect(md).toContain(locale === 'sv' ? 'Organisationen är självständig i förhållande till staden.' : 'The organisation is independent of the city.');
      expect(md).toContain(locale === 'sv' ? 'dialog i den gemensamma styrgruppen' : 'dialogue in the joint steering group');
    }
  });
  it('each indicator catches the wording it names (the list is not vacuous)', () => {
    const samples: Record<string, string> = {
      undertaking: 'Organisationen åtar sig att leverera',
      'rescission-for-breach': 'får häva överenskommelsen',
      'general-court': 'avgörs tvisten av allmän domstol',
      'damages-or-penalty': 'betalar organisationen vite',
      sanction: 'sanktioner vid utebliven prestation',
      'per-unit-payment': 'ersättning per deltagare',
      'purchaser-provider': 'staden som beställare',
    };
    for (const c of CONTRACT_INDICATORS) expect(contractIndicatorsIn(samples[c.id] ?? '').map((x) => x.id), c.id).toContain(c.id);
    expect(contractIndicatorsIn('aktiviteter och aktivitet')).toEqual([]);
  });
  it('case text that brings contract wording in is flagged in the preamble', () => {
    const md = draftAgreement(mergeCase(base, { partnership: { organisationContribution: { other: 'Organisationen åtar sig att leverera 300 platser' } } }), { asOf: AS_OF });
    expect(md).toContain('Texten innehåller formuleringar som tyder på ömsesidigt bindande åtaganden (ett åtagande att prestera)');
  });
});

describe('R2: the personal-data clause follows the facts', () => {
  const withClause = (pd: boolean | null, signedOn = '2024-12-15') =>
    mergeCase(base, { partnership: { handlesPersonalDataForCity: pd }, agreement: { signedOn, clauses: [...(base.agreement?.clauses ?? []), 'personal-data'] } });
  it('processor: art. 28 GDPR and the processor agreement (drafted on request: a processor is a procurement indicator, IOP-PROC-012)', () => {
    const md = draftAgreement(withClause(true), { asOf: AS_OF, draftAnyway: true });
    // The controller is the board that decides the agreement (each board is its own authority).
    expect(md).toContain('Personuppgiftsansvarig för den behandlingen är [FYLL I: nämnden], som beslutar om överenskommelsen; organisationen är nämndens personuppgiftsbiträde');
    expect(md).not.toContain('Staden är personuppgiftsansvarig');
    expect(md).toContain('artikel 28 i dataskyddsförordningen (EU) 2016/679');
    // What art. 28.3 asks the processor agreement to set out, and no clash with the reports.
    expect(md).toContain('Avtalet anger, så som artikel 28.3 i förordningen kräver, föremålet för behandlingen');
    expect(md).toContain('Nämnden och organisationen ingår ett personuppgiftsbiträdesavtal');
    expect(md).toContain('lämnas till nämnden enligt det avtalet, inte i redovisningarna under Uppföljning');
    expect(md).toContain('Personuppgiftsbiträdesavtal');
    const en = draftAgreement(withClause(true), { asOf: AS_OF, draftAnyway: true, locale: 'en' });
    expect(en).toContain('The controller of that processing is [FILL IN: the board], which decides on the agreement');
    expect(en).toContain('As Article 28(3) of the Regulation requires');
  });
  it('handlesPersonalDataForCity false: separate controllers, never a processor', () => {
    const md = draftAgreement(withClause(false), { asOf: AS_OF });
    expect(md).toContain('Var och en av parterna är personuppgiftsansvarig för de personuppgifter den själv behandlar: för stadens del [FYLL I: nämnden], som beslutar om överenskommelsen');
    expect(md).not.toMatch(/personuppgiftsbiträde/i);
    // Joint decisions on purposes and means would make the parties joint controllers (art. 26).
    expect(md).toContain('artikel 26 i dataskyddsförordningen');
  });
  it('the separate-controllers clause is printed whenever the case answers no, even when no rule asks for the clause', () => {
    const notListed = mergeCase(base, { partnership: { handlesPersonalDataForCity: false } });
    expect(notListed.agreement?.clauses).not.toContain('personal-data');
    const md = draftAgreement(notListed, { asOf: AS_OF });
    expect(md).toMatch(/## \d+\. Personuppgifter\n\n\*Rekommenderad punkt: organisationen behandlar personuppgifter om sina deltagare/);
    expect(md).toContain('Var och en av parterna är personuppgiftsansvarig');
    // Before 2018-05-25 no GDPR article is cited.
    const old = draftAgreement(mergeCase(notListed, { agreement: { signedOn: '2018-05-24' } }), { asOf: AS_OF });
    expect(old).toContain('Var och en av parterna är personuppgiftsansvarig');
    expect(old).not.toContain('artikel 26');
  });
  it('unknown: a question and a note, no statement of roles', () => {
    const md = draftAgreement(withClause(null), { asOf: AS_OF, draftAnyway: true });
    expect(md).toContain('Vem som är personuppgiftsansvarig: [UPPGIFT SAKNAS');
    expect(md).toContain('> **Obs!** Ta ställning till rollerna');
    expect(md).not.toContain('Staden är personuppgiftsansvarig och organisationen personuppgiftsbiträde');
  });
  it('signed before 2018-05-25: 30 § PUL; from that day: art. 28 GDPR', () => {
    const old = mergeCase(withClause(true, '2018-05-24'), { partnership: { period: { start: '2018-06-01', end: '2019-05-31' } }, agreement: { period: { start: '2018-06-01', end: '2019-05-31' }, paymentPlan: [{ dueOn: '2018-06-15', amountSek: 900000 }] } });
    const md = draftAgreement(old, { asOf: '2018-05-24', ruleSet: 'stockholm-2017', draftAnyway: true });
    expect(md).toContain('30 § personuppgiftslagen (1998:204)');
    const next = draftAgreement(mergeCase(old, { agreement: { signedOn: '2018-05-25' } }), { asOf: '2018-05-25', ruleSet: 'stockholm-2017', draftAnyway: true });
    expect(next).toContain('artikel 28 i dataskyddsförordningen');
  });
});

describe('repayment concerns the city\'s funds only (review finding 5c)', () => {
  it('unused and remaining funds are the city\'s; the organisation\'s own co-financing is not reclaimed; keeping them is a new support decision', () => {
    const sv = draftAgreement(base, { asOf: AS_OF });
    expect(sv).toContain('betalar organisationen tillbaka den del av stadens medel som inte har använts för verksamheten');
    expect(sv).toContain('Stadens medel som återstår när överenskommelsen upphör betalas tillbaka, om inte nämnden genom ett nytt beslut om stöd har bestämt att organisationen får behålla dem för ett angivet ändamål. Organisationens egna medel omfattas inte.');
    expect(sv).toContain('en ekonomisk redovisning av hur stadens medel har använts och hur mycket av dem som inte har använts');
    const en = draftAgreement(base, { asOf: AS_OF, locale: 'en' });
    expect(en).toContain("The organisation's own funds are not affected.");
  });
});

describe('clauses by target group', () => {
  it('children: the register-extract clause; not children: none; unknown: a note', () => {
    const sv = draftAgreement(mergeCase(base, { partnership: { reachesChildren: true } }), { asOf: AS_OF });
    // The law's own title (SFS 2013:852), and what it says: the person shows, on request, an
    // extract they ordered, at most a year old; the organisation only notes that it was shown.
    expect(sv).toContain('lagen (2013:852) om registerkontroll av personer som ska arbeta med barn');
    // The law lets the organisation ask ("på begäran", 1 and 3 §§); the clause has it ask everyone, volunteers included
    // (an assignment, 3 §), and let no one start without having shown one.
    expect(sv).toContain('Organisationen begär ett utdrag ur belastningsregistret av var och en som erbjuds en anställning eller ett uppdrag i verksamheten som innebär direkt och regelbunden kontakt med barn, också ideella ledare, och låter ingen börja ett sådant arbete utan att ha visat upp ett utdrag som inte är äldre än ett år');
    expect(sv).toContain('Personen beställer själv utdraget. Organisationen beställer inte utdraget och behåller det inte; den antecknar bara att utdraget har visats upp (5 §).');
    expect(sv).not.toMatch(/Organisationen begär ett (begränsat )?registerutdrag/);
    expect(sv).not.toContain('på organisationens begäran');
    const en = draftAgreement(mergeCase(base, { partnership: { reachesChildren: true } }), { asOf: AS_OF, locale: 'en' });
    expect(en).toContain('The person orders the extract themselves. The organisation neither orders nor keeps the extract');
    expect(en).toContain('volunteer leaders included, for an extract from the criminal records register, and lets no one start such work');
    expect(draftAgreement(mergeCase(base, { partnership: { reachesChildren: false } }), { asOf: AS_OF })).not.toContain('2013:852');
    expect(draftAgreement(mergeCase(base, { partnership: { reachesChildren: null } }), { asOf: AS_OF })).toContain('> **Obs!** Det är inte känt om verksamheten riktar sig till barn.');
  });
});

describe('R3: the report schedule comes from the agreement period', () => {
  it('one report per twelve months and a final report on the whole period', () => {
    const md = draftAgreement(mergeCase(base, { followUp: null }), { asOf: AS_OF });
    const due = '[FYLL I: datum, med tid för revisorns granskning efter periodens slut och före nästa utbetalning]';
    expect(md).toContain(`| 1 | redovisning | 2025-01-01 – 2025-12-31 | ${due} |`);
    expect(md).toContain(`| 2 | redovisning och slutredovisning | 2026-01-01 – 2026-12-31 (slutredovisningen: 2025-01-01 – 2026-12-31) | ${due} |`);
  });
  it('a report due on the day of the next payment gets a note; a day earlier does not', () => {
    const plan = { paymentPlan: [{ dueOn: '2025-01-31', amountSek: 450000 }, { dueOn: '2026-01-31', amountSek: 450000 }] };
    const report = (dueOn: string) => ({ followUp: { reports: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn }] }, agreement: plan });
    const same = draftAgreement(mergeCase(base, report('2026-01-31')), { asOf: AS_OF });
    expect(same).toContain('> **Obs!** Redovisningen för 2025-01-01 – 2025-12-31 ska lämnas senast 2026-01-31, samma dag som nästa utbetalning görs tidigast.');
    const before = draftAgreement(mergeCase(base, report('2026-01-30')), { asOf: AS_OF });
    expect(before).not.toContain('samma dag som nästa utbetalning');
  });
  it('takes a due date from the register when a report there covers the same period', () => {
    const md = draftAgreement(mergeCase(base, { followUp: { reports: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-01-15' }] } }), { asOf: AS_OF });
    expect(md).toContain('| 1 | redovisning | 2025-01-01 – 2025-12-31 | 2026-01-15 |');
  });
  it('a payment before signing, or before an earlier period\'s report is due, gets a note', () => {
    const md = draftAgreement(
      mergeCase(base, {
        agreement: { signedOn: '2025-01-10', paymentPlan: [{ dueOn: '2025-01-05', amountSek: 450000 }, { dueOn: '2026-01-31', amountSek: 450000 }] },
        followUp: { reports: [{ periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-02-28' }] },
      }),
      { asOf: AS_OF, draftAnyway: true },
    );
    expect(md).toContain('Minst en utbetalning ligger före den dag överenskommelsen undertecknas.');
    expect(md).toContain('Minst en utbetalning efter den första ligger före sista dagen för redovisningen av en tidigare period');
  });
});

describe('R10: labels, not machine ids', () => {
  it('a priority-area id is printed with the board wording while IOP-RK-001 is in force; unknown text as written', () => {
    // Rinkeby-Kista's priority areas cover the plan years 2022–2023 (IOP-RK-001).
    const during = { asOf: '2023-06-01', overlays: ['rinkeby-kista'], draftAnyway: true };
    const md = draftAgreement(base, during);
    expect(md).toContain('Det avser nämndens prioriterade område förebyggande stöd och insatser för företrädesvis barn och unga samt unga med funktionsvariationer.');
    expect(md).not.toContain('forebyggande-barn-unga');
    const other = draftAgreement(mergeCase(base, { partnership: { priorityAreas: ['Trygghet i Tensta', 'egen-forsorjning'] } }), during);
    expect(other).toContain('prioriterade områden: Trygghet i Tensta; stöd och insatser för egen försörjning');
  });
  it('after IOP-RK-001 (or without a rule on priority areas) the area is left for the year\'s plan, with a note', () => {
    for (const opts of [
      { asOf: '2024-01-01', overlays: ['rinkeby-kista'] },
      { asOf: AS_OF, overlays: ['rinkeby-kista'] },
      { asOf: AS_OF },
    ]) {
      const md = draftAgreement(base, { ...opts, draftAnyway: true });
      expect(md, opts.asOf).toContain('Det avser nämndens prioriterade område enligt nämndens verksamhetsplan för året: [FYLL I: området med verksamhetsplanens formulering].');
      expect(md, opts.asOf).toContain(`> **Obs!** Ärendet anger prioriterat område, men per ${opts.asOf} gäller ingen regel i regeluppsättningen om nämndens prioriterade områden.`);
      expect(md, opts.asOf).not.toContain('förebyggande stöd och insatser');
    }
    // The last day of IOP-RK-001 still prints the board's wording.
    expect(draftAgreement(base, { asOf: '2023-12-31', overlays: ['rinkeby-kista'], draftAnyway: true })).toContain('Det avser nämndens prioriterade område förebyggande stöd');
    // No area in the case: no sentence and no note.
    const none = draftAgreement(mergeCase(base, { partnership: { priorityAreas: [] } }), { asOf: AS_OF });
    expect(none).not.toContain('prioriterade område');
  });
  it('every id IOP-RK-001 tests has the board wording in PRIORITY_AREA_LABELS', () => {
    const rule = JSON.parse(readFileSync(join(import.meta.dirname, '../rules/overlays/rinkeby-kista/IOP-RK-001.json'), 'utf8')) as { conditions: { any: Array<{ value: string }> } };
    const ids = rule.conditions.any.map((c) => c.value);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(Object.keys(PRIORITY_AREA_LABELS)).toContain(id);
  });
  it('no draft of an example prints a machine id of an enumerated value', () => {
    for (const f of examples) {
      const md = draftAgreement(load(f), { asOf: AS_OF, draftAnyway: true });
      expect(md, f).not.toMatch(/forebyggande-barn-unga|egen-forsorjning|ideell-forening|social-services|proven-experience|evidence-based/);
    }
  });
});

describe('R7: the own contribution is valued', () => {
  it('ten volunteer hours against 900 000 kr do not pass (IOP-PART-003) and the draft says so', async () => {
    const token = mergeCase(base, { partnership: { organisationContribution: { fundingSek: 0, volunteerHours: 10, premises: false, other: '' }, cityContribution: { fundingSek: 900000 } } });
    const v = await assess(token, { asOf: AS_OF });
    const f = v.findings.find((x) => x.ruleId === 'IOP-PART-003');
    expect([f?.status, f?.severity]).toEqual(['fail', 'major']);
    expect(f?.explanation).toContain('2 200 kr');
    const md = draftAgreement(token, { asOf: AS_OF });
    expect(md).toContain('Organisationens insats värderas till 2 200 kr');
    expect(md).toContain('> **Obs!** Organisationens egen insats är symbolisk');
  });
  it('the base case values hours, money and valued premises', () => {
    const md = draftAgreement(mergeCase(base, { partnership: { organisationContribution: { premisesValueSek: 60000, other: null } } }), { asOf: AS_OF });
    expect(md).toMatch(/Organisationens insats värderas till [\d  ]+ kr \(\d+ % av stadens medel\), med ideella timmar värderade till 220 kr per timme\./);
  });
});

describe('clauses by state-aid route and area (review §2 items 5, 6)', () => {
  it('de minimis: the written notice under 1407/2013 before 2024 and 2023/2831 from 2024-01-01, and recovery with interest', () => {
    const dm = (grantedOn: string) => mergeCase(base, { partnership: { stateAid: { economicActivity: true, affectsTrade: true, route: 'de-minimis', grantedOn, priorAid: [] } } });
    const before = draftAgreement(dm('2023-12-31'), { asOf: AS_OF, draftAnyway: true });
    expect(before).toContain('stöd av mindre betydelse enligt kommissionens förordning (EU) nr 1407/2013');
    expect(before).toContain('lagen (2013:388) om tillämpning av Europeiska unionens statsstödsregler');
    const after = draftAgreement(dm('2024-01-01'), { asOf: AS_OF, draftAnyway: true });
    expect(after).toContain('stöd av mindre betydelse enligt kommissionens förordning (EU) 2023/2831');
    expect(after).toContain('under de senaste tre åren');
    expect(draftAgreement(base, { asOf: AS_OF })).not.toContain('stöd av mindre betydelse enligt');
  });
  it('culture above 400 000 kr: the account of work against threats and harassment; at 400 000 kr: none', () => {
    const culture = (fundingSek: number) => mergeCase(base, { partnership: { area: 'culture', cityContribution: { fundingSek } } });
    expect(draftAgreement(culture(900000), { asOf: AS_OF, draftAnyway: true })).toContain('hot, våld, kränkningar och sexuella trakasserier');
    expect(draftAgreement(culture(400000), { asOf: AS_OF, draftAnyway: true })).not.toContain('sexuella trakasserier');
  });
  it('social services: a confidentiality clause; other areas: none', () => {
    const md = draftAgreement(mergeCase(base, { partnership: { area: 'social-services' } }), { asOf: AS_OF, draftAnyway: true });
    expect(md).toContain('Möter organisationen i verksamheten enskilda som får insatser från socialtjänsten');
    // Only the exercise of public authority cannot be handed over; insatser for payment are a contract.
    expect(md).toContain('Partnerskapet omfattar ingen myndighetsutövning: beslut om insatser enligt socialtjänstlagen fattas av den nämnd som ansvarar för socialtjänsten och kan inte lämnas över till organisationen (12 kap. 4 § regeringsformen och socialtjänstlagen).');
    expect(md).toContain('det är ett kontrakt som ska upphandlas');
    expect(md).not.toContain('sådana kan inte lämnas över genom en överenskommelse om IOP');
    expect(md).toContain('bara med den enskildes samtycke.');
    // A processor gets the data under the processor agreement too, within the secrecy rules.
    const proc = draftAgreement(mergeCase(base, { partnership: { area: 'social-services', handlesPersonalDataForCity: true } }), { asOf: AS_OF, draftAnyway: true });
    expect(proc).toContain('eller enligt personuppgiftsbiträdesavtalet under Personuppgifter och då bara när offentlighets- och sekretesslagen (2009:400) tillåter det');
    expect(draftAgreement(base, { asOf: AS_OF })).not.toContain('socialtjänsten');
  });
});
