// Overlays: the bundled Rinkeby-Kista overlay by id, the same overlay passed as JSON, and the
// checks a JSON overlay must pass (docs/overlays.md).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, IopInputError, safeAssess, type Finding, type Verdict } from '../src/index.js';

const dir = join(import.meta.dirname, '..', 'rules', 'overlays', 'rinkeby-kista');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
const bundledManifest = readJson('overlay.json');
const bundledRules = readdirSync(dir)
  .filter((f) => f.startsWith('IOP-RK-') && f.endsWith('.json'))
  .sort()
  .map(readJson);

/**
 * The bundled overlay as a JSON overlay. Rule ids must be unique across the catalogue, so the
 * copy gets its own manifest id and prefix (RK → RKX); everything else is the files' content.
 */
function jsonCopy(): { overlay: Record<string, unknown>; rules: Array<Record<string, unknown>> } {
  const { $schema: _m, ...manifest } = structuredClone(bundledManifest);
  return {
    overlay: { ...manifest, id: 'rinkeby-kista-json', prefix: 'RKX' },
    rules: bundledRules.map((r) => {
      const { $schema: _s, ...rule } = structuredClone(r);
      return { ...rule, id: String(rule.id).replace('IOP-RK-', 'IOP-RKX-') };
    }),
  };
}

const cases: Array<{ name: string; asOf: string; input: unknown }> = [
  { name: 'a partnership in a priority area', asOf: '2025-03-01', input: { partnership: { priorityAreas: ['egen-forsorjning'], activityPlan: true } } },
  { name: 'a partnership outside the priority areas', asOf: '2025-03-01', input: { partnership: { priorityAreas: ['kultur'] } } },
  { name: 'nothing known', asOf: '2025-03-01', input: {} },
  {
    name: 'during the 2022–2023 agreements, goals without indicators',
    asOf: '2023-06-01',
    input: { partnership: { priorityAreas: ['forebyggande-barn-unga'], activityPlan: true, goals: [{ description: 'Trygghet', indicator: '' }] } },
  },
];

const overlayFindings = (v: Verdict, prefix: string): Finding[] => v.findings.filter((f) => f.ruleId.startsWith(`IOP-${prefix}-`));

/** A finding without its id and layer: what must be equal between the bundled and the JSON copy. */
function comparable(f: Finding): unknown {
  const { ruleId, layer: _layer, ...rest } = f;
  return { n: ruleId.slice(ruleId.lastIndexOf('-') + 1), ...rest };
}

describe('the bundled rinkeby-kista overlay, selected by id', () => {
  it('adds its rules and the layer overlay:rinkeby-kista', async () => {
    const input = { partnership: { priorityAreas: ['kultur'] } };
    // RK-001 covers the plan years 2022 and 2023 (docs/decisions/0015-agreement-severities-and-editions.md).
    const without = await assess(input, { asOf: '2023-06-01', ruleSet: 'stockholm-2017' });
    const withOverlay = await assess(input, { asOf: '2023-06-01', ruleSet: 'stockholm-2017', overlays: ['rinkeby-kista'] });
    expect(without.ruleSet.layers).not.toContain('overlay:rinkeby-kista');
    expect(overlayFindings(without, 'RK')).toEqual([]);
    expect(withOverlay.ruleSet.layers).toEqual(['law', 'stockholm-2017', 'common', 'overlay:rinkeby-kista']);
    expect(withOverlay.ruleSet.hash).not.toBe(without.ruleSet.hash);
    const rk1 = withOverlay.findings.find((f) => f.ruleId === 'IOP-RK-001');
    expect(rk1).toMatchObject({ area: 'partnership', severity: 'major', status: 'fail', layer: 'overlay:rinkeby-kista' });
    expect(rk1?.explanation).toContain('kultur');
    expect(withOverlay.areas.partnership.status).toBe('fail');
    // Everything else is unchanged: the overlay only adds.
    const others = (v: Verdict) => v.findings.filter((f) => !f.ruleId.startsWith('IOP-RK-'));
    expect(others(withOverlay)).toEqual(others(without));
  });

  it('RK-001 covers the plan years 2022–2023, RK-002 runs on, RK-003 from the response (2023-03-05)', async () => {
    const ids = async (asOf: string) => overlayFindings(await assess({}, { asOf, overlays: ['rinkeby-kista'] }), 'RK').map((f) => f.ruleId);
    expect(await ids('2021-12-31')).toEqual([]);
    expect(await ids('2023-03-04')).toEqual(['IOP-RK-001', 'IOP-RK-002']);
    expect(await ids('2023-12-31')).toEqual(['IOP-RK-001', 'IOP-RK-002', 'IOP-RK-003']);
    expect(await ids('2024-01-01')).toEqual(['IOP-RK-002', 'IOP-RK-003']);
  });

  it('an unknown overlay id is an input error naming options.overlays[0]', async () => {
    const res = await safeAssess({}, { asOf: '2025-03-01', overlays: ['rinkeby'] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.issues.map((i) => i.path)).toEqual(['options.overlays[0]']);
  });
});

describe('the same overlay passed as JSON', () => {
  it.each(cases.map((c) => [c.name, c] as const))('gives the same findings as the bundled one: %s', async (_n, c) => {
    const bundled = await assess(c.input, { asOf: c.asOf, overlays: ['rinkeby-kista'] });
    const json = await assess(c.input, { asOf: c.asOf, overlays: [jsonCopy()] });
    expect(json.ruleSet.layers.at(-1)).toBe('overlay:rinkeby-kista-json');
    const a = overlayFindings(bundled, 'RK');
    const b = overlayFindings(json, 'RKX');
    expect(a.length).toBeGreaterThan(0);
    expect(b.map(comparable)).toEqual(a.map(comparable));
    expect(b.every((f) => f.layer === 'overlay:rinkeby-kista-json')).toBe(true);
    expect(json.outcome).toBe(bundled.outcome);
    expect(json.areas).toEqual(bundled.areas);
  });

  it('can change the severity of a guideline rule', async () => {
    const ov = jsonCopy();
    ov.overlay.severity = { 'IOP-PART-009': 'major' };
    const v = await assess({ partnership: { linkedToPoliticalPlan: false } }, { asOf: '2025-03-01', ruleSet: 'stockholm-2023', overlays: [ov] });
    expect(v.findings.find((f) => f.ruleId === 'IOP-PART-009')).toMatchObject({ severity: 'major', status: 'fail' });
  });

  it('reusing the bundled ids is refused: the prefix of the bundled overlay is reserved', async () => {
    const ov = jsonCopy();
    ov.overlay.prefix = 'RK';
    ov.rules = ov.rules.map((r) => ({ ...r, id: String(r.id).replace('RKX', 'RK') }));
    const res = await safeAssess({}, { asOf: '2025-03-01', overlays: [ov] });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.issues.map((i) => [i.path, i.code])).toEqual([['options.overlays[0].overlay.prefix', 'reserved_prefix']]);
  });
});

describe('a bad JSON overlay is rejected like a bad bundled rule', () => {
  async function rejected(ov: unknown): Promise<IopInputError> {
    await expect(assess({}, { asOf: '2025-03-01', overlays: [ov] })).rejects.toBeInstanceOf(IopInputError);
    const res = await safeAssess({}, { asOf: '2025-03-01', overlays: [ov] });
    if (res.ok) throw new Error('expected the overlay to be rejected');
    return res.error;
  }

  it('a leaf naming an unknown fact', async () => {
    const ov = jsonCopy();
    const rule = ov.rules[1] as { conditions: { all: Array<{ fact: string }> } };
    const leaf = rule.conditions.all[0];
    if (!leaf) throw new Error('RK-002 has no leaf');
    leaf.fact = 'partnership.activityPlans';
    const err = await rejected(ov);
    expect(err.issues).toHaveLength(1);
    expect(err.issues[0]?.path).toBe('options.overlays[0].rules[1].conditions.all[0].fact');
    expect(err.issues[0]?.code).toBe('invalid_overlay_rule');
    expect(err.issues[0]?.message.en).toContain('IOP-RKX-002');
    expect(err.issues[0]?.message.en).toContain('partnership.activityPlans');
  });

  it('a leaf with a `path` key (no JSONPath in rules)', async () => {
    const ov = jsonCopy();
    const rule = ov.rules[0] as { conditions: { any: Array<Record<string, unknown>> } };
    const leaf = rule.conditions.any[0];
    if (!leaf) throw new Error('RK-001 has no leaf');
    leaf.path = '$.priorityAreas[0]';
    const err = await rejected(ov);
    expect(err.issues.map((i) => i.path)).toEqual(['options.overlays[0].rules[0].conditions.any[0].path']);
    expect(err.issues[0]?.code).toBe('invalid_overlay_rule');
    expect(err.issues[0]?.message.en).toMatch(/JSONPath\/`path` is not supported/);
  });

  it('a rule id that does not use the overlay prefix', async () => {
    const ov = jsonCopy();
    const first = ov.rules[0];
    if (!first) throw new Error('no rule');
    first.id = 'IOP-PART-099';
    const err = await rejected(ov);
    expect(err.issues.map((i) => i.path)).toEqual(['options.overlays[0].rules[0].id']);
  });

  it('a manifest that changes the severity of a law rule', async () => {
    const ov = jsonCopy();
    ov.overlay.severity = { 'IOP-KL-001': 'advisory' };
    const err = await rejected(ov);
    expect(err.issues.map((i) => i.path)).toEqual(['options.overlays[0].overlay.severity.IOP-KL-001']);
  });

  it('a manifest that changes the severity of a rule that does not exist (a typo)', async () => {
    const ov = jsonCopy();
    ov.overlay.severity = { 'IOP-PART-999': 'advisory' };
    const err = await rejected(ov);
    expect(err.issues.map((i) => i.path)).toEqual(['options.overlays[0].overlay.severity.IOP-PART-999']);
    expect(err.issues[0]?.message.sv).toMatch(/finns inte/);
  });

  it('a manifest schema problem is explained in Swedish, not in zod\'s English', async () => {
    const ov = jsonCopy();
    ov.overlay.omit = ['IOP-PART-001'];
    const err = await rejected(ov);
    expect(err.issues[0]?.message.sv).toMatch(/okänt fält "omit"/);
  });

  it('a manifest that tries to leave rules out (overlays cannot switch rules off)', async () => {
    const ov = jsonCopy();
    ov.overlay.omit = ['IOP-KL-001'];
    const err = await rejected(ov);
    expect(err.issues.map((i) => i.path)).toEqual(['options.overlays[0].overlay.omit']);
    expect(err.issues[0]?.message.en).toContain('"omit"');
  });

  it('a valid JSON overlay does not weaken the law layer', async () => {
    const input = { partnership: { generalInterest: false, benefitsMunicipalityResidents: true } };
    const plain = await assess(input, { asOf: '2025-03-01' });
    const v = await assess(input, { asOf: '2025-03-01', overlays: [jsonCopy()] });
    const kl1 = (x: Verdict) => x.findings.find((f) => f.ruleId === 'IOP-KL-001');
    expect(kl1(v)).toEqual(kl1(plain));
    expect(kl1(v)).toMatchObject({ severity: 'blocker', status: 'fail' });
    expect(v.outcome).toBe('not-eligible');
  });
});
