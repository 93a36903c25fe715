// The draft as data (issue 12 item 7): the municipality's name comes from the edition, and every
// dated legal switch from a parameter or a rule, not from code. See
// docs/decisions/0020-draft-as-data.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftAgreement, IopInputError, listRuleSets } from '../src/index.js';
import { PROCESSOR_LAW } from '../src/draft/clauses/personal-data.js';
import { DE_MINIMIS_REGIMES, SGEI_DE_MINIMIS_REGIMES } from '../src/draft/clauses/state-aid.js';
import { ruleSchemas, type ParameterFile } from '../src/rules/rule-schema.js';

const { EditionSchema } = ruleSchemas();
import { favourableCase, mergeCase } from '../src/testing/builders.js';

const AS_OF = '2025-03-01';
const base = favourableCase();
const DRAFT_DIR = join(import.meta.dirname, '../src/draft');

/** Every .ts file under src/draft, with its comments removed (line and block). */
function draftSources(): Array<{ file: string; code: string }> {
  const out: Array<{ file: string; code: string }> = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.ts')) {
        const code = readFileSync(full, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
        out.push({ file: relative(DRAFT_DIR, full), code });
      }
    }
  };
  walk(DRAFT_DIR);
  return out;
}

describe('the municipality comes from the edition', () => {
  it('the Stockholm editions name Stockholms stad, call it staden and sign in Stockholm', () => {
    const signed = mergeCase(base, { agreement: { signedOn: '2024-12-15' } });
    const sv = draftAgreement(signed, { asOf: AS_OF });
    // The party is the legal person, Stockholms kommun (which calls itself Stockholms stad), acting through the board.
    expect(sv).toContain('- **Stockholms kommun** (Stockholms stad), organisationsnummer 212000-0142, genom [FYLL I: nämnden], enligt nämndens beslut');
    expect(sv).toContain('nedan kallad staden, och');
    expect(sv).toContain('| Ort och datum | Stockholm 2024-12-15 | Stockholm 2024-12-15 |');
    expect(sv).not.toMatch(/\bkommunen\b/);
    const en = draftAgreement(signed, { asOf: AS_OF, locale: 'en' });
    expect(en).toContain('- **Stockholms kommun** (City of Stockholm), organisation number 212000-0142, acting through [FILL IN: the board]');
    expect(en).toContain("The city's part besides the funding");
    const s2017 = draftAgreement(mergeCase(signed, { agreement: { clauses: [...(base.agreement?.clauses ?? [])] } }), { asOf: AS_OF, ruleSet: 'stockholm-2017' });
    expect(s2017).toContain('- **Stockholms kommun** (Stockholms stad), organisationsnummer 212000-0142, genom');
  });

  it('the national model names no municipality: a fill-in for the name, "kommunen" / "the municipality" for the party', () => {
    const signed = mergeCase(base, { agreement: { signedOn: '2024-12-15' } });
    const sv = draftAgreement(signed, { asOf: AS_OF, ruleSet: 'national' });
    expect(sv).toContain('- **[FYLL I: kommunens namn]**, organisationsnummer [FYLL I: kommunens organisationsnummer], genom [FYLL I: nämnden]');
    expect(sv).toContain('nedan kallad kommunen, och');
    expect(sv).toContain('Kommunen finansierar partnerskapet');
    expect(sv).toContain('| | För kommunen | För organisationen |');
    // No place is printed for a municipality the edition does not know.
    expect(sv).toContain('| Ort och datum | 2024-12-15 | 2024-12-15 |');
    expect(sv).not.toMatch(/\bstaden\b|\bstadens\b|\bStaden\b|Stockholm/);
    const en = draftAgreement(signed, { asOf: AS_OF, ruleSet: 'national', locale: 'en' });
    expect(en).toContain('hereinafter the municipality, and');
    expect(en).toContain("The municipality's part besides the funding");
    expect(en).not.toMatch(/\bthe city\b|\bThe city\b|Stockholm/);
  });

  it('listRuleSets tells which editions belong to a municipality', () => {
    const byId = new Map(listRuleSets().map((r) => [r.id, r]));
    expect(byId.get('stockholm-2023')?.municipality?.name).toEqual({ sv: 'Stockholms stad', en: 'City of Stockholm' });
    expect(byId.get('stockholm-2017')?.municipality?.short).toEqual({ sv: 'staden', en: 'the city' });
    expect(byId.get('national')?.municipality).toBeUndefined();
  });

  it('a JSON overlay cannot set the municipality: the key is refused, naming the field', () => {
    const overlay = {
      overlay: {
        id: 'goteborg-test',
        title: { sv: 'Test', en: 'Test' },
        sources: [{ ref: 'Test', title: 'Test' }],
        effective: { from: '2024-01-01', to: null },
        prefix: 'GBG',
        municipality: { name: { sv: 'Göteborgs stad', en: 'City of Gothenburg' }, short: { sv: 'staden', en: 'the city' } },
      },
      rules: [],
    };
    let err: unknown;
    try {
      draftAgreement(base, { asOf: AS_OF, overlays: [overlay] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IopInputError);
    const issue = (err as IopInputError).issues.find((i) => i.path.startsWith('options.overlays[0]'));
    expect(issue?.path).toMatch(/^options\.overlays\[0\]\.overlay/);
    expect(`${issue?.message.sv} ${issue?.message.en}`).toContain('municipality');
    // Without the key the same overlay is accepted and the party stays the edition's.
    const { municipality: _m, ...plain } = overlay.overlay;
    expect(draftAgreement(base, { asOf: AS_OF, overlays: [{ overlay: plain, rules: [] }] })).toContain('- **Stockholms kommun** (Stockholms stad)');
  });

  it('the edition schema refuses a short name the draft cannot inflect', () => {
    const edition = JSON.parse(readFileSync(join(import.meta.dirname, '../rules/guidelines/stockholm-2023/edition.json'), 'utf8')) as Record<string, unknown>;
    expect(EditionSchema.safeParse(edition).success).toBe(true);
    const withShort = (short: unknown) => ({ ...edition, municipality: { ...(edition.municipality as object), short } });
    expect(EditionSchema.safeParse(withShort({ sv: 'Staden', en: 'the city' })).success).toBe(false);
    expect(EditionSchema.safeParse(withShort({ sv: 'staden', en: 'city' })).success).toBe(false);
    expect(EditionSchema.safeParse(withShort({ sv: 'kommunen', en: 'the municipality' })).success).toBe(true);
    const withNumber = (orgNumber: unknown) => ({ ...edition, municipality: { ...(edition.municipality as object), orgNumber } });
    expect(EditionSchema.safeParse(withNumber('2120000142')).success).toBe(false);
    expect(EditionSchema.safeParse(withNumber('212000-0142')).success).toBe(true);
  });

  it('no clause writer names Stockholm or "staden" itself (comments aside)', () => {
    const files = draftSources();
    expect(files.length).toBeGreaterThan(10);
    const hits = files.filter(({ code }) => /Stockholm|\bstaden\b|\bstadens\b|\bStaden\b|\bthe city\b|\bThe city\b/.test(code)).map((f) => f.file);
    expect(hits).toEqual([]);
  });
});

/** A parameter file as bundled. */
function param(id: string): ParameterFile {
  return JSON.parse(readFileSync(join(import.meta.dirname, `../rules/parameters/${id}.json`), 'utf8')) as ParameterFile;
}

/** Each switch in a parameter: the last day of one value and the first day of the next. */
function switches(id: string): Array<{ before: string; after: string; from: boolean; to: boolean }> {
  const values = param(id).values;
  const out: Array<{ before: string; after: string; from: boolean; to: boolean }> = [];
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1];
    const next = values[i];
    if (!prev || !next || prev.to === null) continue;
    out.push({ before: prev.to, after: next.from, from: prev.value as boolean, to: next.value as boolean });
  }
  return out;
}

/** The day before an ISO date. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe('dated legal switches come from the parameters', () => {
  it('no date literal remains in src/draft (comments aside)', () => {
    const hits = draftSources().flatMap(({ file, code }) => [...code.matchAll(/['"`]\d{4}-\d{2}-\d{2}['"`]/g)].map((m) => `${file}: ${m[0]}`));
    expect(hits).toEqual([]);
    // The check itself catches a literal.
    expect(/['"`]\d{4}-\d{2}-\d{2}['"`]/.test("return day < '2018-05-25'")).toBe(true);
  });

  it('each regime the draft cites is the one the parameter entry names', () => {
    for (const [id, table] of [
      ['stateAid.deMinimisRollingWindow', DE_MINIMIS_REGIMES],
      ['stateAid.sgeiDeMinimisRollingWindow', SGEI_DE_MINIMIS_REGIMES],
    ] as const) {
      const values = param(id).values;
      expect(values.length).toBeGreaterThanOrEqual(2);
      for (const v of values) expect(v.note?.sv, `${id} ${v.from}`).toContain(table[`${v.value as boolean}`].number);
    }
    for (const v of param('personalData.gdprApplies').values) {
      expect(v.note?.sv).toContain(v.value === true ? 'Dataskyddsförordningen' : 'Personuppgiftslagen');
    }
    expect(PROCESSOR_LAW.true.sv).toContain('dataskyddsförordningen');
  });

  const withProcessor = (signedOn: string) =>
    mergeCase(base, { partnership: { handlesPersonalDataForCity: true }, agreement: { signedOn, clauses: [...(base.agreement?.clauses ?? []), 'personal-data'] } });

  it('personal data: the processor-agreement law on each side of personalData.gdprApplies', () => {
    const sw = switches('personalData.gdprApplies');
    expect(sw).toHaveLength(1);
    for (const { before, after, from, to } of sw) {
      expect(dayBefore(after)).toBe(before);
      const old = draftAgreement(withProcessor(before), { asOf: AS_OF, draftAnyway: true });
      expect(old).toContain(PROCESSOR_LAW[`${from}`].sv);
      expect(old).not.toContain(PROCESSOR_LAW[`${to}`].sv);
      const now = draftAgreement(withProcessor(after), { asOf: AS_OF, draftAnyway: true, locale: 'en' });
      expect(now).toContain(PROCESSOR_LAW[`${to}`].en);
      expect(now).not.toContain(PROCESSOR_LAW[`${from}`].en);
    }
    // Before the first law the parameter knows, the officer fills it in.
    expect(draftAgreement(withProcessor('1998-10-23'), { asOf: AS_OF, draftAnyway: true })).toContain('enligt [FYLL I: tillämplig lag om personuppgiftsbiträden]');
  });

  const aid = { economicActivity: true, affectsTrade: true, priorAid: [] };
  const deMinimis = (stateAid: Record<string, unknown>, agreement: Record<string, unknown> = {}) =>
    mergeCase(base, { partnership: { stateAid: { ...aid, route: 'de-minimis', ...stateAid } }, agreement });
  const sgei = (stateAid: Record<string, unknown>, agreement: Record<string, unknown> = {}) =>
    mergeCase(base, {
      organisation: { legalForm: 'stiftelse' },
      partnership: { stateAid: { ...aid, entrustmentAct: true, socialNeedsService: true, overcompensationArrangements: true, eurSekRate: 11.5, route: 'sgei-de-minimis', ...stateAid } },
      agreement,
    });

  it('de minimis: the notice cites the regulation in force on the grant date, on each side of the switch', () => {
    const sw = switches('stateAid.deMinimisRollingWindow');
    expect(sw).toHaveLength(1);
    for (const { before, after, from, to } of sw) {
      const old = draftAgreement(deMinimis({ grantedOn: before }), { asOf: AS_OF, draftAnyway: true });
      expect(old).toContain(`stöd av mindre betydelse enligt ${DE_MINIMIS_REGIMES[`${from}`].regulation.sv}.`);
      expect(old).toContain(DE_MINIMIS_REGIMES[`${from}`].period.sv);
      const now = draftAgreement(deMinimis({ grantedOn: after }), { asOf: AS_OF, draftAnyway: true, locale: 'en' });
      expect(now).toContain(`de minimis aid under ${DE_MINIMIS_REGIMES[`${to}`].regulation.en}.`);
      expect(now).toContain(DE_MINIMIS_REGIMES[`${to}`].period.en);
    }
  });

  it('de minimis: without grantedOn the grant date is the signing date (the same fact the ceiling rules read), not asOf', () => {
    const md = draftAgreement(deMinimis({ grantedOn: null }, { signedOn: '2023-12-20' }), { asOf: AS_OF, draftAnyway: true });
    expect(md).toContain(DE_MINIMIS_REGIMES.false.regulation.sv);
    const later = draftAgreement(deMinimis({ grantedOn: null }, { signedOn: null }), { asOf: AS_OF, draftAnyway: true });
    expect(later).toContain(DE_MINIMIS_REGIMES.true.regulation.sv);
  });

  it('de minimis: a grant date after every regulation the parameter knows leaves the regulation to fill in', () => {
    const md = draftAgreement(deMinimis({ grantedOn: '2031-01-15' }), { asOf: AS_OF, draftAnyway: true });
    expect(md).toContain('stöd av mindre betydelse enligt [FYLL I: förordningen om stöd av mindre betydelse som gäller när stödet beviljas]');
    expect(md).not.toMatch(/2023\/2831|1407\/2013/);
  });

  it('SGEI de minimis: the entrustment cites the regulation in force on the grant date, on each side of the switch', () => {
    const sw = switches('stateAid.sgeiDeMinimisRollingWindow');
    expect(sw).toHaveLength(1);
    for (const { before, after, from, to } of sw) {
      // The assessment date is after the switch for both: the grant date decides.
      const old = draftAgreement(sgei({ grantedOn: before }), { asOf: AS_OF, draftAnyway: true });
      expect(old).toContain(`tjänsten enligt ${SGEI_DE_MINIMIS_REGIMES[`${from}`].regulation.sv} om stöd av mindre betydelse`);
      const now = draftAgreement(sgei({ grantedOn: after }), { asOf: AS_OF, draftAnyway: true, locale: 'en' });
      expect(now).toContain(`organisation under ${SGEI_DE_MINIMIS_REGIMES[`${to}`].regulation.en} on de minimis aid`);
    }
  });
});
