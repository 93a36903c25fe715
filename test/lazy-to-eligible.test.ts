// `toEligible` (and `toEligibleCutShort`) are searched on first read. A verdict must look the
// same whether or not they were read: in JSON, spread, structuredClone and deep equality; and a
// caller may assign them like any other field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import { searchChangeSets } from '../src/verdict/to-eligible.js';

const ex = (f: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, '../examples', f), 'utf8'));
const opts = { asOf: '2025-03-01' };
const files = ['husby-atelje-not-eligible.json', 'fryshuset-conditional.json', 'rinkeby-folkets-hus-incomplete.json', 'loparakademin-eligible.json'];

describe('toEligible is searched when first read', () => {
  it.each(files)('%s: JSON is the same whether toEligible was read first or not', async (f) => {
    const unread = await assess(ex(f), opts);
    const read = await assess(ex(f), opts);
    const sets = read.toEligible;
    expect(JSON.stringify(unread)).toBe(JSON.stringify(read));
    // What the lazy field holds is what the search over the verdict's own findings gives.
    expect(sets).toEqual(read.outcome === 'eligible' ? [] : searchChangeSets(read.findings).sets);
  });

  it('a verdict that is not eligible has change sets, and they survive spread and structuredClone', async () => {
    const v = await assess(ex('husby-atelje-not-eligible.json'), opts);
    const spread = { ...v };
    const cloned = structuredClone(v);
    expect(spread.toEligible.length).toBeGreaterThan(0);
    expect(cloned.toEligible).toEqual(spread.toEligible);
    expect(Object.getOwnPropertyDescriptor(spread, 'toEligible')).toHaveProperty('value');
  });

  it('after the read, toEligibleCutShort is gone when the search was not cut short, and the keys keep their order', async () => {
    const v = await assess(ex('husby-atelje-not-eligible.json'), opts);
    const keysBefore = Object.keys(v);
    expect(keysBefore.indexOf('toEligible')).toBe(keysBefore.indexOf('missingFacts') + 1);
    expect(v.toEligibleCutShort).toBeUndefined();
    expect('toEligibleCutShort' in v).toBe(false);
    expect(Object.keys(v)).toEqual(keysBefore.filter((k) => k !== 'toEligibleCutShort'));
    expect(Object.getOwnPropertyDescriptor(v, 'toEligible')?.get).toBeUndefined(); // a plain field now
  });

  it('a caller may assign toEligible before or after it was read', async () => {
    const v = await assess(ex('fryshuset-conditional.json'), opts);
    (v as { toEligible: unknown }).toEligible = [];
    expect(v.toEligible).toEqual([]);
    const w = await assess(ex('fryshuset-conditional.json'), opts);
    void w.toEligible;
    (w as { toEligible: unknown }).toEligible = ['x'];
    expect(w.toEligible).toEqual(['x']);
  });
});
