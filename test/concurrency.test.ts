// Overlapping assess calls share prepared rule sets and pooled Engines. json-rules-engine keeps
// its run status on the Engine, so two runs on one Engine at once could silently skip rules;
// here many overlapping calls must give exactly the verdicts sequential calls give.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import { favourableCase } from '../src/testing/builders.js';

const dir = join(import.meta.dirname, '../examples');
const examples: unknown[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);

const calls: Array<{ input: unknown; options: { asOf: string; locale?: 'sv' | 'en'; overlays?: unknown[] } }> = [];
for (let i = 0; i < 240; i++) {
  const input = i % 3 === 0 ? favourableCase({ organisation: { taxDebtSek: (i * 37) % 2000 } }) : examples[i % examples.length];
  const options = {
    asOf: ['2025-03-01', '2023-06-15', '2019-01-01'][i % 3] as string,
    ...(i % 4 === 0 ? { locale: 'en' as const } : {}),
    ...(i % 5 === 0 ? { overlays: ['rinkeby-kista'] } : {}),
  };
  calls.push({ input, options });
}

describe('overlapping assess calls', () => {
  it('240 calls in flight at once give the same verdicts, byte for byte, as the same calls one at a time', async () => {
    const sequential: string[] = [];
    for (const c of calls) sequential.push(JSON.stringify(await assess(c.input, c.options)));
    const overlapping = await Promise.all(calls.map(async (c) => JSON.stringify(await assess(c.input, c.options))));
    expect(overlapping.length).toBe(sequential.length);
    for (let i = 0; i < calls.length; i++) expect(overlapping[i], `call ${i}`).toBe(sequential[i]);
    // The cases differ, so a run that skipped rules would show: not every verdict is the same.
    expect(new Set(sequential).size).toBeGreaterThan(10);
  }, 60_000); // 480 verdicts on a shared 2-core machine
});
