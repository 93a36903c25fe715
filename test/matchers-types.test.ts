// The matcher augmentation exactly as docs/getting-started.md shows it: with it, the matchers
// type-check (`npm run typecheck` covers this file) and work.
import { describe, expect, it } from 'vitest';
import { assess } from '../src/index.js';
import { favourableCase, iopMatchers, type IopMatchers } from '../src/testing/index.js';

expect.extend(iopMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends IopMatchers<T> {}
}

describe('iopMatchers with the documented augmentation', () => {
  it('toHaveFinding and toBeEligible type-check and assert', async () => {
    const v = await assess(favourableCase({ organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } }), { asOf: '2025-03-01' });
    expect(v).toHaveFinding('IOP-ORG-008', 'fail');
    expect(v).not.toBeEligible();
    expect(await assess(favourableCase(), { asOf: '2025-03-01' })).toBeEligible();
  });
});
