// JSON overlays that pose as something they are not: a bundled overlay's id or prefix, the
// law's or an edition's id range, or another overlay's rules. An overlay names only its own
// rules and its own prefix (docs/overlays.md, docs/security.md).
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, safeAssess } from '../../src/assess.js';
import { bundledCatalogue } from '../../src/rules/catalogue.js';
import { AREA_PREFIX } from '../../src/rules/check-rule.js';
import { reservedNames } from '../../src/rules/rule-set.js';
import { favourableCase } from '../../src/testing/builders.js';
import { SEED } from '../properties/arbitraries.js';
import { overlay, rule } from './fixtures.js';

const AS_OF = '2025-03-01';
const cat = bundledCatalogue();

async function codes(overlays: unknown[], input: unknown = favourableCase()): Promise<Array<[string, string]>> {
  const res = await safeAssess(input, { asOf: AS_OF, overlays });
  if (res.ok) return [];
  return res.error.issues.map((i) => [i.path, i.code]);
}

describe('positive control', () => {
  it('the fixture overlay is accepted and may change a guideline rule and its own', async () => {
    const v = await assess(favourableCase(), { asOf: AS_OF, overlays: [overlay([rule()], { severity: { 'IOP-TST-001': 'major', 'IOP-PART-009': 'major' } })] });
    expect(v.findings.find((f) => f.ruleId === 'IOP-TST-001')?.severity).toBe('major');
    expect(v.findings.find((f) => f.ruleId === 'IOP-PART-009')?.severity).toBe('major');
  });
});

describe('a bundled overlay cannot be impersonated', () => {
  it('the trial: id rinkeby-kista, prefix RK and a blocker IOP-RK-003 while the bundled one is not loaded', async () => {
    const spoof = overlay([rule({ id: 'IOP-RK-003', severity: 'blocker', conditions: { fact: 'organisation.insolvent', operator: 'equal', value: true } })], { id: 'rinkeby-kista', prefix: 'RK' });
    expect(await codes([spoof])).toEqual([['options.overlays[0].overlay.id', 'reserved_overlay_id']]);
  });

  it('its prefix alone is reserved too', async () => {
    expect(await codes([overlay([rule({ id: 'IOP-RK-099' })], { id: 'kista-extra', prefix: 'RK' })])).toEqual([['options.overlays[0].overlay.prefix', 'reserved_prefix']]);
  });

  it('edition ids and "law" are not overlay ids', async () => {
    for (const id of ['law', 'stockholm-2023', 'stockholm-2017', 'national', 'common']) {
      expect(await codes([overlay([rule()], { id })]), id).toEqual([['options.overlays[0].overlay.id', 'reserved_overlay_id']]);
    }
  });

  it('two JSON overlays in one assessment cannot share a prefix', async () => {
    const a = overlay([rule()], { id: 'first-one' });
    const b = overlay([rule({ id: 'IOP-TST-002' })], { id: 'second-one' });
    expect(await codes([a, b])).toEqual([['options.overlays[1].overlay.prefix', 'reserved_prefix']]);
  });
});

describe('the law and the editions keep their id ranges', () => {
  it('the trial: prefix KL to mint IOP-KL-099 "Kommunallagen 2 kap. 1 §" as a blocker', async () => {
    const spoof = overlay([rule({ id: 'IOP-KL-099', area: 'local-government', severity: 'blocker', title: { sv: 'Kommunallagen 2 kap. 1 §', en: 'Local Government Act ch. 2 s. 1' } })], { prefix: 'KL' });
    expect(await codes([spoof])).toEqual([['options.overlays[0].overlay.prefix', 'reserved_prefix']]);
  });

  it.each(Object.keys(AREA_PREFIX))('prefix %s is reserved', async (prefix) => {
    expect(await codes([overlay([rule({ id: `IOP-${prefix}-099` })], { prefix })])).toEqual([['options.overlays[0].overlay.prefix', 'reserved_prefix']]);
  });

  it('any other prefix of two to six capitals is free (property)', async () => {
    const reserved = reservedNames(cat).prefixes;
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Z]{2,6}$/), async (prefix) => {
        const got = await codes([overlay([rule({ id: `IOP-${prefix}-001` })], { prefix })]);
        if (reserved.has(prefix)) expect(got).toEqual([['options.overlays[0].overlay.prefix', 'reserved_prefix']]);
        else expect(got).toEqual([]);
      }),
      { seed: SEED, numRuns: 60 },
    );
    // 60 full verdicts; a loaded CI machine needs more than the default 5 s.
  }, 60_000);
});

describe('an overlay changes only guideline rules and its own', () => {
  it("the trial: severity { 'IOP-RK-001': 'info' } after rinkeby-kista is refused", async () => {
    const ov = overlay([rule()], { severity: { 'IOP-RK-001': 'info' } });
    expect(await codes(['rinkeby-kista', ov])).toEqual([['options.overlays[1].overlay.severity.IOP-RK-001', 'invalid_overlay']]);
  });

  it("nor another JSON overlay's rules", async () => {
    const a = overlay([rule()]);
    const b = overlay([rule({ id: 'IOP-OTH-001' })], { id: 'other-one', prefix: 'OTH', severity: { 'IOP-TST-001': 'info' } });
    expect(await codes([a, b])).toEqual([['options.overlays[1].overlay.severity.IOP-TST-001', 'invalid_overlay']]);
  });

  it('law rules stay refused', async () => {
    expect(await codes([overlay([rule()], { severity: { 'IOP-KL-001': 'info' } })])).toEqual([['options.overlays[0].overlay.severity.IOP-KL-001', 'invalid_overlay']]);
  });

  it('severity changes wait for the overlay to be in force', async () => {
    const later = overlay([rule({ effective: { from: '2099-01-01', to: null } })], { effective: { from: '2099-01-01', to: null }, severity: { 'IOP-PART-009': 'info' } });
    const now = await assess(favourableCase(), { asOf: AS_OF, overlays: [later] });
    const plain = await assess(favourableCase(), { asOf: AS_OF });
    expect(now.findings.find((f) => f.ruleId === 'IOP-PART-009')?.severity).toBe(plain.findings.find((f) => f.ruleId === 'IOP-PART-009')?.severity);
    const then = await assess(favourableCase(), { asOf: '2099-06-01', overlays: [later] });
    expect(then.findings.find((f) => f.ruleId === 'IOP-PART-009')?.severity).toBe('info');
  });
});

describe('the bundled catalogue keeps the same rules', () => {
  it('no bundled overlay uses an area prefix, and no two share one', () => {
    const prefixes = [...cat.overlays.values()].map((o) => o.manifest.prefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const p of prefixes) expect(AREA_PREFIX[p]).toBeUndefined();
  });
});

describe('issue paths', () => {
  it('a rule that is not an object is reported at the rule, without a trailing dot', async () => {
    for (const bad of [42, 'x', null, []]) {
      const got = await codes([overlay([bad])]);
      expect(got.length, JSON.stringify(bad)).toBeGreaterThan(0);
      for (const [path] of got) expect(path, JSON.stringify(bad)).not.toMatch(/\.$/);
      expect(got.map(([path]) => path)).toContain('options.overlays[0].rules[0]');
    }
  });
});
