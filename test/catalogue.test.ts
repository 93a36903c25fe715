// The bundled catalogue: valid, unique, consistent with the fact dictionary and its own docs.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuleSets, listRules } from '../src/index.js';
import { bundledCatalogue, loadCatalogue, RuleDefinitionError } from '../src/rules/catalogue.js';
import { FACTS } from '../src/facts/registry.js';
import { placeholders } from '../src/rules/check-rule.js';

const cat = bundledCatalogue();
const all = [...cat.law, ...[...cat.guidelines.values()].flatMap((g) => g.rules), ...[...cat.overlays.values()].flatMap((o) => o.rules)];

describe('bundled catalogue', () => {
  it('loads, and every rule id is unique', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it('has the three rule sets of the README', () => {
    expect(listRuleSets().map((r) => r.id).sort()).toEqual(['national', 'stockholm-2017', 'stockholm-2023']);
  });

  it('every rule has sv and en texts and at least one source with a reference', () => {
    for (const r of all) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      for (const s of r.sources) expect(s.ref.trim().length, r.id).toBeGreaterThan(0);
      for (const t of [r.title, r.explanation.pass, r.explanation.fail, r.explanation.unknown]) {
        expect(t.sv.trim().length, r.id).toBeGreaterThan(0);
        expect(t.en.trim().length, r.id).toBeGreaterThan(0);
      }
    }
  });

  it('every placeholder names a fact or a parameter', () => {
    for (const r of all) {
      const texts = [r.title, r.explanation.pass, r.explanation.fail, r.explanation.unknown, r.explanation.notApplicable, r.remedy].filter((t) => t !== undefined);
      for (const t of texts) {
        for (const name of [...placeholders(t.sv), ...placeholders(t.en)]) {
          const ok = name.startsWith('param.') ? cat.parameters.has(name.slice(6)) : FACTS.has(name);
          expect(ok, `${r.id}: {${name}}`).toBe(true);
        }
      }
    }
  });

  it('a rule on a field added beyond the core case model is blocker or major only where a statute makes the fact decisive', () => {
    // Each added field, and the rules that may weigh it as blocker or major, with the statute.
    const decisive: Record<string, readonly string[]> = {
      'partnership.taskOfAnotherAuthority': ['IOP-KL-002'], // 2 kap. 2 § and 13 kap. 8 § KL
      'partnership.openToNonMembers': ['IOP-ORG-002'], // 2 kap. 1 § KL
      'partnership.supportsBusinessActivity': ['IOP-KL-003'], // 2 kap. 8 § KL
      'partnership.stateAid.significantInvestment': ['IOP-AGR-023'], // 2012/21/EU art. 2.2
      'partnership.stateAid.entrustmentAct': ['IOP-AID-005'], // 2012/21/EU art. 4; 360/2012, 2023/2832
      'partnership.stateAid.socialNeedsService': ['IOP-AID-006'], // 2012/21/EU art. 2.1 b–c
      'partnership.stateAid.overcompensationArrangements': ['IOP-AID-007'], // 2012/21/EU art. 4 e, 5, 6
      // through derived facts; `insolvent: false` (a core field) settles both without the added field
      'organisation.inBankruptcyOrLiquidation': ['IOP-ORG-008'],
      'organisation.inReconstruction': ['IOP-ORG-023'],
      'partnership.stateAid.registeredInCentralRegister': [],
    };
    const added = Object.keys(decisive);
    // Guideline rules that a core field settles without the added one (insolvent: false).
    const settledByDesignField = new Set(['IOP-ORG-008', 'IOP-ORG-023']);
    const uses = (c: unknown): string[] =>
      c && typeof c === 'object'
        ? 'fact' in c
          ? [String((c as { fact: string }).fact)]
          : Object.values(c as object).flatMap((v) => (Array.isArray(v) ? v.flatMap(uses) : uses(v)))
        : [];
    for (const r of all) {
      const on = uses(r.conditions).filter((f) => added.includes(f));
      if (!on.length || r.severity === 'advisory' || r.severity === 'info') continue;
      for (const f of on) expect(decisive[f], `${r.id} is ${r.severity} on the added field ${f}`).toContain(r.id);
      if (!settledByDesignField.has(r.id)) expect(r.layerKind, `${r.id} rests on a statute`).toBe('law');
    }
  });

  it('lists the rules in force for a rule set and date', () => {
    const now = listRules('stockholm-2023', '2025-03-01').map((r) => r.id);
    const before = listRules('stockholm-2017', '2016-06-01').map((r) => r.id);
    expect(now).toContain('IOP-ORG-001');
    expect(before).not.toContain('IOP-ORG-001');
    expect(before).toContain('IOP-KL-001');
  });
});

describe('a broken rule file is a defect caught at load', () => {
  const good = (cat.law.find((r) => r.id === 'IOP-KL-004') ?? cat.law[0]) as unknown as Record<string, unknown>;
  const { layer: _l, layerKind: _k, ...json } = good;
  const load = (path: string, body: unknown) => () => loadCatalogue([{ path, json: body }]);

  it('refuses an unknown fact, naming the file and the field', () => {
    const bad = { ...json, conditions: { all: [{ fact: 'organisation.nope', operator: 'equal', value: true }] } };
    expect(load('law/local-government/IOP-KL-004.json', bad)).toThrow(/IOP-KL-004\.json.*conditions\.all\[0\]\.fact.*unknown fact/);
  });

  it('refuses an operator that does not fit the fact type', () => {
    const bad = { ...json, conditions: { all: [{ fact: 'partnership.involvesMyndighetsutovning', operator: 'greaterThan', value: 1 }] } };
    expect(load('law/local-government/IOP-KL-004.json', bad)).toThrow(RuleDefinitionError);
  });

  it('refuses a placeholder that resolves to nothing', () => {
    const bad = { ...json, title: { sv: 'Hej {organisation.nope}', en: 'Hi' } };
    expect(load('law/local-government/IOP-KL-004.json', bad)).toThrow(/placeholder \{organisation\.nope\}/);
  });

  it('refuses a file whose name is not its id, and a rule in the wrong area folder', () => {
    expect(load('law/local-government/IOP-KL-999.json', json)).toThrow(/file name/);
    expect(load('law/organisation/IOP-KL-004.json', json)).toThrow(/rules\/law\/<area>/);
  });

  it('refuses a leaf with a JSONPath `path`', () => {
    const bad = { ...json, conditions: { all: [{ fact: 'partnership.involvesMyndighetsutovning', operator: 'equal', value: false, path: '$.x' }] } };
    expect(load('law/local-government/IOP-KL-004.json', bad)).toThrow(RuleDefinitionError);
  });

  it('refuses an edition that tries to leave out a law rule', () => {
    const edition = { id: 'x-edition', title: { sv: 'x', en: 'x' }, sources: [{ ref: 'x', title: 'x' }], effective: { from: '2020-01-01', to: null }, defaultCandidate: false, uses: [], omit: ['IOP-KL-004'] };
    expect(() =>
      loadCatalogue([
        { path: 'law/local-government/IOP-KL-004.json', json },
        { path: 'guidelines/x-edition/edition.json', json: edition },
      ]),
    ).toThrow(/law rule/);
  });
});

describe('fact dictionary', () => {
  it('every fact has sv and en labels and questions', () => {
    for (const f of FACTS.values()) {
      for (const t of [f.label, f.question]) {
        expect(t.sv.length, f.id).toBeGreaterThan(3);
        expect(t.en.length, f.id).toBeGreaterThan(3);
      }
    }
  });
});

describe('shipped rule texts stand alone', () => {
  // Rules and parameters ship in the package: no text may point at the project's internal
  // working documents, and the law and common layers speak of "kommunen", not one city.
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : []));
  const root = join(import.meta.dirname, '../rules');
  const all = files(root);

  it.each(all.map((f) => [relative(root, f), f] as const))('%s refers to no internal working document', (_name, f) => {
    expect(readFileSync(f, 'utf8')).not.toMatch(/domänbrief|domain brief|ärendebeskrivning|ärendetext|issue text|DESIGN ?§|§ ?13 (rad|row)|\[S\d+\]/i);
  });

  it('the law and common layers say "kommunen", not "staden", in every text a case officer reads', () => {
    const texts = (node: unknown, key = ''): string[] =>
      Array.isArray(node) ? node.flatMap((x) => texts(x, key))
      : node && typeof node === 'object' ? Object.entries(node).flatMap(([k, v]) => (k === 'sources' ? [] : texts(v, k)))
      : key === 'sv' && typeof node === 'string' ? [node] : [];
    for (const f of all.filter((x) => /rules\/(law|guidelines\/common)\//.test(x))) {
      for (const t of texts(JSON.parse(readFileSync(f, 'utf8')))) expect(t, relative(root, f)).not.toMatch(/\b[Ss]taden?s?\b/);
    }
  });
});
