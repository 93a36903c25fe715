// The draft as data (issue 12 item 7): the municipality's name comes from the edition, and every
// dated legal switch from a parameter or a rule, not from code. See
// docs/decisions/0020-draft-as-data.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftAgreement, IopInputError, listRuleSets } from '../src/index.js';
import { EditionSchema } from '../src/rules/rule-schema.js';
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
    expect(sv).toContain('- **Stockholms stad**, genom [FYLL I: nämnd]');
    expect(sv).toContain('nedan kallad staden, och');
    expect(sv).toContain('| Ort och datum | Stockholm 2024-12-15 | Stockholm 2024-12-15 |');
    expect(sv).not.toMatch(/\bkommunen\b/);
    const en = draftAgreement(signed, { asOf: AS_OF, locale: 'en' });
    expect(en).toContain('- **City of Stockholm**, acting through');
    expect(en).toContain("The city's part besides the funding");
    const s2017 = draftAgreement(mergeCase(signed, { agreement: { clauses: [...(base.agreement?.clauses ?? [])] } }), { asOf: AS_OF, ruleSet: 'stockholm-2017' });
    expect(s2017).toContain('- **Stockholms stad**, genom');
  });

  it('the national model names no municipality: a fill-in for the name, "kommunen" / "the municipality" for the party', () => {
    const signed = mergeCase(base, { agreement: { signedOn: '2024-12-15' } });
    const sv = draftAgreement(signed, { asOf: AS_OF, ruleSet: 'national' });
    expect(sv).toContain('- **[FYLL I: kommunens namn]**, genom');
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
    expect(draftAgreement(base, { asOf: AS_OF, overlays: [{ overlay: plain, rules: [] }] })).toContain('- **Stockholms stad**');
  });

  it('the edition schema refuses a short name the draft cannot inflect', () => {
    const edition = JSON.parse(readFileSync(join(import.meta.dirname, '../rules/guidelines/stockholm-2023/edition.json'), 'utf8')) as Record<string, unknown>;
    expect(EditionSchema.safeParse(edition).success).toBe(true);
    const withShort = (short: unknown) => ({ ...edition, municipality: { ...(edition.municipality as object), short } });
    expect(EditionSchema.safeParse(withShort({ sv: 'Staden', en: 'the city' })).success).toBe(false);
    expect(EditionSchema.safeParse(withShort({ sv: 'staden', en: 'city' })).success).toBe(false);
    expect(EditionSchema.safeParse(withShort({ sv: 'kommunen', en: 'the municipality' })).success).toBe(true);
  });

  it('no clause writer names Stockholm or "staden" itself (comments aside)', () => {
    const files = draftSources();
    expect(files.length).toBeGreaterThan(10);
    const hits = files.filter(({ code }) => /Stockholm|\bstaden\b|\bstadens\b|\bStaden\b|\bthe city\b|\bThe city\b/.test(code)).map((f) => f.file);
    expect(hits).toEqual([]);
  });
});
