// Golden verdicts for the bundled examples. A diff in test/golden/verdicts/ IS a behaviour
// change: review it like code, then update deliberately with `npx vitest run test/golden -u`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess, formatVerdict } from '../../src/index.js';

const AS_OF = '2025-03-01';
const dir = join(import.meta.dirname, '../../examples');
const examples = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

/** The outcome each example was written to show (its file name says so too). */
const INTENDED: Record<string, string> = {
  'loparakademin-eligible.json': 'eligible',
  'husby-atelje-not-eligible.json': 'not-eligible',
  'rinkeby-folkets-hus-incomplete.json': 'incomplete',
  'fryshuset-conditional.json': 'conditional',
  'studieframjandet-procurement.json': 'not-eligible',
};

describe('examples', () => {
  it('there are at least three, and each one has an intended outcome', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const f of examples) expect(INTENDED[f], f).toBeDefined();
  });

  it.each(examples)('%s', async (file) => {
    const input: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const name = file.replace(/\.json$/, '');
    const sv = await assess(input, { asOf: AS_OF });
    expect(sv.outcome).toBe(INTENDED[file]);
    await expect(`${JSON.stringify(sv, null, 2)}\n`).toMatchFileSnapshot(`verdicts/${name}.verdict.json`);
    await expect(formatVerdict(sv, { format: 'text' })).toMatchFileSnapshot(`verdicts/${name}.sv.txt`);
    const en = await assess(input, { asOf: AS_OF, locale: 'en' });
    await expect(formatVerdict(en, { format: 'text' })).toMatchFileSnapshot(`verdicts/${name}.en.txt`);
  });

  it('the procurement example is recommended for procurement', async () => {
    const input: unknown = JSON.parse(readFileSync(join(dir, 'studieframjandet-procurement.json'), 'utf8'));
    expect((await assess(input, { asOf: AS_OF })).recommendation.form).toBe('procurement');
  });
});
