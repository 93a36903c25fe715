// Nothing a caller receives can reach the library's state: after a caller has tried to change
// every object and array in a verdict, listRules() and listRuleSets(), the next verdicts are
// byte-identical to the ones before (the reliability trial's reproductions, then in general).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleFiles } from './helpers/rule-files.js';
import { assess, listRules, listRuleSets, prepareRuleSet } from '../src/index.js';
import { verdictFor } from '../src/assess.js';
import { IopCaseSchema } from '../src/domain/case.js';
import { loadCatalogue } from '../src/rules/catalogue.js';
import { assembleRuleSet } from '../src/rules/rule-set.js';
import { overlay, rule } from './hostile/fixtures.js';

const ex = (f: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../examples', f), 'utf8'));
const husby = ex('husby-atelje-not-eligible.json');
const lop = ex('loparakademin-eligible.json');
const opts = { asOf: '2025-03-01' };


const attempt = (f: () => void): void => {
  try {
    f();
  } catch {
    // A frozen object refuses the change (TypeError in strict code): that is one way to be safe.
  }
};

/** Try to change every value reachable from `root`: overwrite each field, push onto each array. */
function vandalise(root: unknown): void {
  const stack: unknown[] = [root];
  const seen = new Set<object>();
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
    for (const key of Object.keys(v)) {
      const old = (v as Record<string, unknown>)[key];
      attempt(() => {
        (v as Record<string, unknown>)[key] = typeof old === 'string' ? '1900-01-01' : typeof old === 'number' ? -1 : 'MUTATED';
      });
    }
    if (Array.isArray(v)) attempt(() => v.push('MUTATED'));
  }
}

describe('returned objects do not alias library state', () => {
  it('the trial: editing a finding’s dates, an edition’s dates and a listed rule’s title changes no later verdict', async () => {
    const before = JSON.stringify(await assess(husby, opts));
    const beforeLop = JSON.stringify(await assess(lop, opts));
    const v = await assess(husby, opts);
    attempt(() => {
      (v.findings.find((f) => f.ruleId === 'IOP-ORG-001')?.effective as { to: string | null }).to = '1900-01-01';
    });
    attempt(() => {
      (listRuleSets().find((s) => s.id === 'stockholm-2023')?.effective as { from: string }).from = '2099-01-01';
    });
    attempt(() => {
      (listRules('stockholm-2023', '2025-03-01').find((r) => r.id === 'IOP-KL-001')?.title as { en: string }).en = 'MUTATED';
    });
    expect(JSON.stringify(await assess(husby, opts))).toBe(before);
    expect(JSON.stringify(await assess(lop, opts))).toBe(beforeLop);
  });

  it('after every field of a verdict (with a bundled and a JSON overlay), listRules and listRuleSets is vandalised, verdicts are unchanged', async () => {
    const ov = overlay([rule()]);
    const o = { asOf: '2025-03-01', overlays: ['rinkeby-kista', ov], locale: 'en' as const };
    const refs = [JSON.stringify(await assess(husby, o)), JSON.stringify(await assess(lop, opts))];
    vandalise(await assess(husby, o));
    vandalise(await assess(lop, opts));
    vandalise(listRules('stockholm-2023', '2025-03-01', ['rinkeby-kista']));
    vandalise(listRuleSets());
    vandalise(prepareRuleSet(o).ruleSet);
    expect(JSON.stringify(await assess(husby, o))).toBe(refs[0]);
    expect(JSON.stringify(await assess(lop, opts))).toBe(refs[1]);
    // The caller's own overlay object, changed after use (and caching by content): an overlay
    // with the first content still yields the first verdict, the cache kept its own copy.
    vandalise(ov);
    expect(JSON.stringify(await assess(husby, { ...o, overlays: ['rinkeby-kista', overlay([rule()])] }))).toBe(refs[0]);
    // Not only the caches: on a date not used before, the verdict equals one from a freshly loaded catalogue.
    const fresh = assembleRuleSet(loadCatalogue(ruleFiles()), { asOf: '2025-03-02', overlays: ['rinkeby-kista'] });
    if (!fresh.ok) throw new Error('fresh catalogue');
    const expected = await verdictFor(IopCaseSchema.parse(husby), { asOf: '2025-03-02', locale: 'en', set: fresh.set });
    expect(JSON.stringify(await assess(husby, { asOf: '2025-03-02', locale: 'en', overlays: ['rinkeby-kista'] }))).toBe(JSON.stringify(expected));
  });
});

describe('prepareRuleSet', () => {
  it('gives the same verdicts as assess with the same options, and refuses bad options up front', async () => {
    const o = { asOf: '2025-03-01', overlays: ['rinkeby-kista'] };
    const p = prepareRuleSet(o);
    expect(p.asOf).toBe('2025-03-01');
    expect(p.ruleSet.layers).toContain('overlay:rinkeby-kista');
    for (const c of [husby, lop, {}]) expect(JSON.stringify(await p.assess(c))).toBe(JSON.stringify(await assess(c, o)));
    const bad = await p.safeAssess({ organisation: { nope: 1 } } as unknown);
    expect(bad.ok).toBe(false);
    expect(() => prepareRuleSet({ asOf: '2025-02-30' })).toThrow(/asOf/);
  });
});
