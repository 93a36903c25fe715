// Hostile rule overlays (another department's JSON): refused at load, with a message that names
// the rule and the field, and nothing in them ever runs.
import { afterEach, describe, expect, it } from 'vitest';
import { safeAssess } from '../../src/assess.js';
import { IopInputError } from '../../src/domain/input-error.js';
import { runEngine } from '../../src/engine/json-rules-engine.js';
import { loadCatalogue } from '../../src/rules/catalogue.js';
import { RULE_LIMITS } from '../../src/rules/rule-schema.js';
import { resolveRuleSet } from '../../src/rules/rule-set.js';
import { favourableCase } from '../../src/testing/builders.js';
import { LEAF, nestedAll, nestedNot, overlay, rule } from './fixtures.js';

const CANARY_PATH = "$[?(@.constructor.constructor('globalThis.PWNED=1')())]";
const g = globalThis as Record<string, unknown>;

afterEach(() => {
  expect(g.PWNED).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

async function refused(ov: unknown): Promise<IopInputError> {
  const res = await safeAssess(favourableCase(), { asOf: '2025-03-01', overlays: [ov] });
  if (res.ok) throw new Error('the overlay was accepted');
  expect(res.error).toBeInstanceOf(IopInputError);
  for (const i of res.error.issues) expect(i.path.startsWith('options.overlays[0]')).toBe(true);
  return res.error;
}

const messages = (e: IopInputError, locale: 'sv' | 'en' = 'en') => e.issues.map((i) => `${i.path} ${i.message[locale]}`).join('\n');

describe('a well-formed overlay (positive control)', () => {
  it('is accepted and its rule gives a finding', async () => {
    const res = await safeAssess(favourableCase(), { asOf: '2025-03-01', overlays: [overlay([rule(), rule({ id: 'IOP-TST-002', conditions: nestedNot(RULE_LIMITS.maxDepth) })])] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.verdict.ruleSet.layers).toContain('overlay:test-overlay');
    expect(res.verdict.findings.find((f) => f.ruleId === 'IOP-TST-001')?.status).toBe('pass');
    // A tree exactly at the depth limit is fine: `not` seven times around a leaf is "not insolvent ≠ false"…
    expect(res.verdict.findings.find((f) => f.ruleId === 'IOP-TST-002')?.status).toBe('fail');
  });
});

describe('JSONPath and `path`', () => {
  it('refuses a leaf with a JSONPath `path`, says so and names the rule; the canary stays unset', async () => {
    const e = await refused(overlay([rule({ conditions: { all: [{ ...LEAF, path: CANARY_PATH }] } })]));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.path).toBe('options.overlays[0].rules[0].conditions.all[0].path');
    expect(e.issues[0]?.message.en).toMatch(/JSONPath\/`path` is not supported in rules/);
    expect(e.issues[0]?.message.en).toContain('IOP-TST-001');
    expect(e.issues[0]?.message.sv).toMatch(/JSONPath\/`path` stöds inte/);
    expect(e.issues[0]?.message.sv).toContain('IOP-TST-001');
  });

  it('refuses `path` in appliesTo and in a value object too', async () => {
    const e = await refused(
      overlay([rule({ appliesTo: { any: [{ ...LEAF, path: '$.x' }] }, conditions: { all: [{ ...LEAF, value: { param: 'x.y', path: '$..*' } }] } })]),
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual([
      'options.overlays[0].rules[0].appliesTo.any[0].path',
      'options.overlays[0].rules[0].conditions.all[0].value.path',
    ]);
  });

  it('refuses $-keys anywhere in a rule, but allows $schema at its root', async () => {
    const e = await refused(overlay([rule({ $schema: '../rule.schema.json', conditions: { all: [{ ...LEAF, $where: 'x' }] }, title: { sv: 'a', en: 'b', $ref: '#' } })]));
    expect(e.issues.map((i) => i.path).sort()).toEqual(['options.overlays[0].rules[0].conditions.all[0].$where', 'options.overlays[0].rules[0].title.$ref']);
    expect(messages(e)).toMatch(/starting with "\$" \(JSONPath\)/);
  });

  it('never lets a path reach jsonpath-plus: the engine adapter refuses paths itself', async () => {
    // Below the schema: even if a condition with a path were built, our resolver throws first.
    const leaf = { name: 'c0', fact: 'organisation', operator: 'equal', value: 1, path: CANARY_PATH };
    await expect(runEngine([{ name: 'r', conditions: { all: [leaf as never] } }], { organisation: { name: 'x' } })).rejects.toThrow(/paths are not supported/);
  });

  it('a bundled rule file with `path` is a defect that throws at load, naming the file and JSONPath', () => {
    const files = [{ path: 'law/organisation/IOP-ORG-001.json', json: rule({ id: 'IOP-ORG-001', conditions: { all: [{ ...LEAF, path: CANARY_PATH }] } }) }];
    expect(() => loadCatalogue(files)).toThrow(/rules\/law\/organisation\/IOP-ORG-001\.json: conditions\.all\[0\]\.path: JSONPath\/`path` is not supported/);
  });
});

describe('prototype keys and code', () => {
  it('refuses __proto__, constructor and prototype keys (as JSON.parse makes them) with the rule and field', async () => {
    const json = JSON.stringify(overlay([rule()])).replace('"conditions":{"all":[{', '"conditions":{"all":[{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
    const e = await refused(JSON.parse(json));
    const paths = e.issues.map((i) => i.path);
    expect(paths).toContain('options.overlays[0].rules[0].conditions.all[0].__proto__');
    expect(paths).toContain('options.overlays[0].rules[0].conditions.all[0].constructor');
    expect(messages(e)).toMatch(/rule IOP-TST-001: .*"__proto__" is not allowed in rules/);
  });

  it('refuses __proto__ in the manifest and at the top of the overlay', async () => {
    const e1 = await refused(JSON.parse('{"overlay": {"__proto__": {"polluted": true}}, "rules": []}'));
    expect(e1.issues.map((i) => i.path)).toEqual(['options.overlays[0].overlay.__proto__']);
    const e2 = await refused(JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(overlay([])).slice(1)}`));
    expect(e2.issues.map((i) => i.path)).toEqual(['options.overlays[0].__proto__']);
  });

  it('never calls functions, getters, toJSON or toString found in an overlay', async () => {
    const called: string[] = [];
    const evil = rule({
      conditions: { all: [{ ...LEAF, value: () => called.push('value') }] },
      toJSON: () => called.push('toJSON'),
      remedy: { sv: 'x', en: 'y', toString: () => called.push('toString') },
    });
    Object.defineProperty(evil, 'severity', { enumerable: true, get: () => (called.push('getter'), 'advisory') });
    const e = await refused(overlay([evil]));
    expect(called).toEqual([]);
    const paths = e.issues.map((i) => i.path);
    expect(paths).toContain('options.overlays[0].rules[0].conditions.all[0].value');
    expect(paths).toContain('options.overlays[0].rules[0].severity');
    expect(paths).toContain('options.overlays[0].rules[0].toJSON');
    expect(messages(e)).toMatch(/rule IOP-TST-001: .*function is not JSON data/);
  });

  it('refuses an overlay object with a getter or a throwing Proxy without calling into it', async () => {
    let touched = false;
    const withGetter = overlay([rule()]);
    Object.defineProperty(withGetter, 'rules', { enumerable: true, get: () => ((touched = true), []) });
    const e = await refused(withGetter);
    expect(touched).toBe(false);
    expect(e.issues[0]?.code).toBe('not_json');
    const trap = new Proxy(overlay([rule()]), {
      ownKeys() {
        throw new Error('trap');
      },
    });
    const e2 = await refused(trap);
    expect(e2.issues[0]?.code).toBe('unreadable');
  });
});

describe('unknown operators and facts', () => {
  it('refuses an unknown operator, naming the rule and the field', async () => {
    const e = await refused(overlay([rule({ conditions: { all: [{ ...LEAF, operator: 'regex' }] } })]));
    expect(e.issues.map((i) => i.path)).toEqual(['options.overlays[0].rules[0].conditions.all[0].operator']);
    expect(e.issues[0]?.message.en).toMatch(/^rule IOP-TST-001: conditions\.all\[0\]\.operator: unknown operator "regex" \(allowed: equal, /);
  });

  it('refuses an operator json-rules-engine knows but we do not (decorators like everyFact:equal)', async () => {
    const e = await refused(overlay([rule({ conditions: { all: [{ ...LEAF, operator: 'everyFact:equal' }] } })]));
    expect(e.issues.map((i) => i.path)).toContain('options.overlays[0].rules[0].conditions.all[0].operator');
  });

  it('refuses an unknown fact, naming the rule and the field', async () => {
    const e = await refused(overlay([rule({ conditions: { all: [{ ...LEAF, fact: 'organisation.secretSauce' }] } })]));
    expect(messages(e)).toMatch(/^options\.overlays\[0\]\.rules\[0\]\.conditions\.all\[0\]\.fact rule IOP-TST-001: unknown fact "organisation\.secretSauce"/);
  });

  it('refuses a fact-to-fact comparison, a shared condition reference and a leaf without operator, each with its own message', async () => {
    const e = await refused(
      overlay([
        rule({ id: 'IOP-TST-002', conditions: { all: [{ ...LEAF, value: { fact: 'organisation.name' } }] } }),
        rule({ id: 'IOP-TST-003', conditions: { all: [{ condition: 'shared' }] } }),
        rule({ id: 'IOP-TST-004', conditions: { any: [{ fact: 'organisation.insolvent', value: true }] } }),
      ]),
    );
    const text = messages(e);
    expect(text).toContain('rules[0].conditions.all[0].value.fact rule IOP-TST-002: conditions.all[0].value.fact: comparing with another fact is not supported');
    expect(text).toContain('rules[1].conditions.all[0].condition rule IOP-TST-003: conditions.all[0].condition: named conditions (`condition`) are not supported');
    expect(text).toContain('rules[2].conditions.any[0].operator rule IOP-TST-004: conditions.any[0].operator: "operator" is missing');
  });
});

describe('size and depth limits', () => {
  it(`refuses a condition tree deeper than ${RULE_LIMITS.maxDepth} levels, naming the rule and the tree`, async () => {
    for (const tree of [nestedNot(RULE_LIMITS.maxDepth + 1), nestedAll(RULE_LIMITS.maxDepth + 1)]) {
      const e = await refused(overlay([rule({ conditions: tree })]));
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]?.path).toMatch(/^options\.overlays\[0\]\.rules\[0\]\.conditions\./);
      expect(e.issues[0]?.message.en).toMatch(/^rule IOP-TST-001: conditions\..*nested deeper than 8 levels/);
    }
  });

  it('refuses a 10 000-deep tree in conditions or appliesTo without overflowing the stack', async () => {
    const e = await refused(overlay([rule({ appliesTo: nestedNot(10_000), conditions: nestedAll(10_000) })]));
    expect(e.issues.map((i) => i.path.split('.').slice(0, 4).join('.')).sort()).toEqual([
      'options.overlays[0].rules[0].appliesTo',
      'options.overlays[0].rules[0].conditions',
    ]);
    // The reported path stops at the limit: it does not grow with the input.
    for (const i of e.issues) expect(i.path.length).toBeLessThan(200);
  });

  it('refuses 10 000-deep nesting outside the conditions too (title, sources, manifest)', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { x: deep };
    const e = await refused(overlay([rule({ title: { sv: deep, en: 'x' } })], { description: deep }));
    expect(e.issues).toHaveLength(2);
    expect(e.issues[0]?.path).toMatch(/^options\.overlays\[0\]\.overlay\.description\.x\.x/);
    expect(e.issues[0]?.code).toBe('limit_exceeded');
    expect(e.issues[1]?.path).toMatch(/^options\.overlays\[0\]\.rules\[0\]\.title\.sv\.x\.x/);
    expect(e.issues[1]?.message.en).toMatch(/^rule IOP-TST-001: title\.sv(\.x)+: nested deeper than 17 levels/);
  });

  it(`refuses more than ${RULE_LIMITS.maxRulesPerLayer} rules in one overlay`, async () => {
    const many = Array.from({ length: 5000 }, (_, i) => rule({ id: `IOP-TST-${String(i % 1000).padStart(3, '0')}` }));
    const e = await refused(overlay(many));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.path).toBe('options.overlays[0].rules');
    expect(e.issues[0]?.message.en).toContain('5 000 rules; at most 1 000');
  });

  it('refuses huge strings in a rule, naming the rule and the field', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    const e = await refused(overlay([rule({ id: 'IOP-TST-007', explanation: { ...(rule().explanation as object), fail: { sv: huge, en: 'x' } } })]));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]?.path).toBe('options.overlays[0].rules[0].explanation.fail.sv');
    expect(e.issues[0]?.message.en).toMatch(/^rule IOP-TST-007: explanation\.fail\.sv: the text has 10 485 760 characters; at most 2 000/);
  });

  it('refuses a huge rule id or field name without echoing it whole', async () => {
    const e = await refused(overlay([rule({ id: 'I'.repeat(1_000_000) })]));
    expect(e.issues[0]?.path).toBe('options.overlays[0].rules[0].id');
    for (const i of e.issues) expect(i.message.en.length).toBeLessThan(500);
    const key = 'k'.repeat(100_000);
    const e2 = await refused(overlay([rule({ [key]: 1 })]));
    for (const i of e2.issues) {
      expect(i.path.length).toBeLessThan(200);
      expect(i.message.en.length).toBeLessThan(500);
    }
  });

  it('refuses a 100 000-item list in a leaf value', async () => {
    const e = await refused(overlay([rule({ conditions: { all: [{ fact: 'organisation.legalForm', operator: 'in', value: new Array(100_000).fill('stiftelse') }] } })]));
    expect(e.issues[0]?.path).toBe('options.overlays[0].rules[0].conditions.all[0].value');
    expect(e.issues[0]?.message.en).toMatch(/100 000 items/);
  });

  it('refuses more than 20 overlays', async () => {
    const res = await safeAssess(favourableCase(), { asOf: '2025-03-01', overlays: new Array(21).fill('x') });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.issues.map((i) => i.path)).toEqual(['options.overlays']);
  });

  it('refuses a bundled overlay named twice (its rules would give two findings each)', () => {
    const src = [{ ref: 'Test', title: 'Test' }];
    const cat = loadCatalogue([
      { path: 'guidelines/edition-x/edition.json', json: { id: 'edition-x', title: { sv: 'X', en: 'X' }, sources: src, effective: { from: '2020-01-01', to: null }, defaultCandidate: true } },
      { path: 'overlays/district/overlay.json', json: { id: 'district', title: { sv: 'D', en: 'D' }, sources: src, effective: { from: '2020-01-01', to: null }, prefix: 'TST' } },
      { path: 'overlays/district/IOP-TST-001.json', json: rule() },
    ]);
    const once = resolveRuleSet(cat, { asOf: '2025-03-01', overlays: ['district'] });
    expect(once.ok && once.set.rules.map((r) => r.rule.id)).toEqual(['IOP-TST-001']);
    const twice = resolveRuleSet(cat, { asOf: '2025-03-01', overlays: ['district', 'district'] });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.issues.map((i) => `${i.path}: ${i.message.en}`)).toEqual(['options.overlays[1]: overlay "district" is used twice']);
  });
});
