// __proto__, constructor and prototype keys in case input: a clean unknown-field issue, no
// pollution of Object.prototype, and fact reading is never fooled by inherited properties.
import { afterEach, describe, expect, it } from 'vitest';
import { safeAssess } from '../../src/assess.js';
import { resolveFacts } from '../../src/facts/resolve.js';
import { UNKNOWN } from '../../src/facts/types.js';
import type { IopCase } from '../../src/domain/case.js';
import { favourableCase } from '../../src/testing/builders.js';

afterEach(() => {
  const proto = Object.prototype as unknown as Record<string, unknown>;
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  for (const k of ['polluted', 'insolvent', 'organisation', 'legalForm']) expect(Object.prototype.hasOwnProperty.call(proto, k), k).toBe(false);
});

async function issuesOf(input: unknown): Promise<string[]> {
  const res = await safeAssess(input, { asOf: '2025-03-01' });
  if (res.ok) throw new Error('expected an input error');
  return res.error.issues.map((i) => `${i.path} ${i.code}`);
}

describe('prototype keys in a case', () => {
  it('JSON.parse makes __proto__ an own key: reported as an unknown field at each level', async () => {
    expect(await issuesOf(JSON.parse('{"__proto__": {"polluted": true}}'))).toEqual(['__proto__ unrecognized_key']);
    expect(await issuesOf(JSON.parse('{"organisation": {"__proto__": {"insolvent": false, "polluted": true}}}'))).toEqual(['organisation.__proto__ unrecognized_key']);
    expect(await issuesOf(JSON.parse('{"followUp": {"reports": [{"__proto__": {"polluted": 1}}]}}'))).toEqual(['followUp.reports[0].__proto__ unrecognized_key']);
  });

  it('constructor and prototype keys are unknown fields too', async () => {
    expect(await issuesOf(JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'))).toEqual(['constructor unrecognized_key']);
    expect(await issuesOf({ partnership: { prototype: { polluted: true }, constructor: 1 } })).toEqual(['partnership.prototype unrecognized_key', 'partnership.constructor unrecognized_key']);
  });

  it('an object whose prototype carries case fields is not plain data: refused, not read through', async () => {
    // What `{ ...x, __proto__: y }` or a careless deep-merge of a JSON patch produces.
    const sneaky = Object.create({ followUp: { reports: [] }, organisation: { insolvent: true } }) as Record<string, unknown>;
    sneaky.partnership = favourableCase().partnership;
    expect(await issuesOf(sneaky)).toEqual([' not_json']);
  });
});

describe('fact reading', () => {
  it('reads only own properties: inherited values are unknown', () => {
    const input = Object.create({ organisation: { insolvent: true, legalForm: 'stiftelse' } }) as IopCase;
    const facts = resolveFacts(input, '2025-03-01', () => UNKNOWN);
    expect(facts.get('organisation.insolvent')).toBe(UNKNOWN);
    expect(facts.get('organisation.legalForm')).toBe(UNKNOWN);
    const inner = { organisation: Object.create({ insolvent: true }) as object } as IopCase;
    expect(resolveFacts(inner, '2025-03-01', () => UNKNOWN).get('organisation.insolvent')).toBe(UNKNOWN);
  });

  it('does not read Object.prototype members as facts', () => {
    const facts = resolveFacts({ organisation: {} } as IopCase, '2025-03-01', () => UNKNOWN);
    expect(facts.get('organisation.name')).toBe(UNKNOWN);
    expect(() => facts.get('organisation.constructor')).toThrow(/unknown fact id/);
  });
});
