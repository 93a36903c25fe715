// The bundled catalogue is validated and hashed at build time (scripts/catalogue-plugin.mjs runs
// src/rules/build-catalogue.ts); the library trusts what the build shipped. These tests check
// that what ships is exactly what the run-time loader makes of the rule files, hashes included.
import { prepared as shipped } from 'virtual:iop-catalogue';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from './helpers/rule-files.js';
import { prepareCatalogue, type PreparedCatalogue } from '../src/rules/build-catalogue.js';
import { bundledCatalogue, loadCatalogue } from '../src/rules/catalogue.js';
import { assembleRuleSet } from '../src/rules/rule-set.js';


const prepared = shipped as PreparedCatalogue | undefined;

describe('build-time catalogue', () => {
  it('ships, prepared, exactly what the run-time loader makes of the rule files', () => {
    expect(prepared).toBeDefined();
    expect(JSON.parse(JSON.stringify(prepareCatalogue(ruleFiles())))).toEqual(JSON.parse(JSON.stringify(prepared)));
  });

  it('its precomputed hashes equal hashes computed now from the rule files, for every edition with and without each bundled overlay', () => {
    const fresh = loadCatalogue(ruleFiles());
    const hashes = Object.entries(prepared?.hashes ?? {});
    const editions = [...fresh.guidelines.values()].filter((g) => g.edition).length;
    expect(editions).toBeGreaterThanOrEqual(3);
    expect(hashes.length).toBe(editions * (1 + fresh.overlays.size));
    for (const [key, hash] of hashes) {
      const [ruleSet, ...overlays] = key.split('|');
      const res = assembleRuleSet(fresh, { ruleSet, asOf: '2025-03-01', overlays });
      if (!res.ok) throw new Error(key);
      expect(res.set.hash, key).toBe(hash);
      const shipped = assembleRuleSet(bundledCatalogue(), { ruleSet, asOf: '2025-03-01', overlays });
      expect(shipped.ok && shipped.set.hash, key).toBe(hash);
    }
  });

  it('a broken rule file fails the preparation (and so the build), naming the file', () => {
    const files = ruleFiles().map((f) => (f.path.endsWith('IOP-ORG-001.json') ? { ...f, json: { ...(f.json as object), severity: 'fatal' } } : f));
    expect(() => prepareCatalogue(files)).toThrow(/IOP-ORG-001\.json/);
  });
});
