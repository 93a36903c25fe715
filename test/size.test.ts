// Size budgets (issue 10 item 5): the web app's JavaScript and a browser bundle of the main entry, gzip -9,
// below the budgets written in docs/performance.md. Needs dist/ (npm test builds it first).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('bundle size', () => {
  it('the app and the main entry stay within their gzip budgets, and docs/performance.md states them', async () => {
    if (!existsSync('dist/index.js')) throw new Error('dist/index.js is missing: run `npm run build` first (npm test does).');
    const script: string = '../scripts/size.mjs';
    const { sizes, BUDGETS } = (await import(/* @vite-ignore */ script)) as {
      sizes: () => Promise<Record<'app' | 'main', { gzip: number; minified: number }>>;
      BUDGETS: Record<'app' | 'main', number>;
    };
    const s = await sizes();
    expect(s.main.gzip).toBeGreaterThan(50_000); // a real bundle was measured
    expect(s.app.gzip, `app ${s.app.gzip} B gzip`).toBeLessThanOrEqual(BUDGETS.app);
    expect(s.main.gzip, `main ${s.main.gzip} B gzip`).toBeLessThanOrEqual(BUDGETS.main);
    const doc = readFileSync('docs/performance.md', 'utf8');
    for (const b of Object.values(BUDGETS)) expect(doc).toContain(`${(b / 1000).toFixed(0)} kB`);
  }, 60_000);
});
