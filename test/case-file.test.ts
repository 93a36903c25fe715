// The public case-file runner: the format of test/rules/*.cases.json, run through runCaseFile.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseFileJsonSchema, runCaseFile } from '../src/testing/index.js';
import { favourableCase } from '../src/testing/index.js';

describe('runCaseFile', () => {
  it('runs a project rule case file as it is', async () => {
    const file = JSON.parse(readFileSync('test/rules/IOP-ORG-008.cases.json', 'utf8')) as unknown;
    const results = await runCaseFile(file);
    expect(results.length).toBeGreaterThan(3);
    expect(results.filter((r) => !r.ok)).toEqual([]);
  });

  it('checks whole-verdict expectations and reports what differs, in the asked language', async () => {
    const results = await runCaseFile(
      {
        base: favourableCase(),
        cases: [
          { name: 'ok', asOf: '2025-03-01', outcome: 'eligible', recommendation: 'iop', findings: { 'IOP-ORG-008': 'pass' } },
          { name: 'wrong', asOf: '2025-03-01', patch: { organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } }, outcome: 'eligible', findings: { 'IOP-ORG-008': 'pass' } },
          { name: 'unknown fact asked', asOf: '2025-03-01', patch: { organisation: { insolvent: null } }, asks: ['organisation.insolvent'] },
          { name: 'refused', asOf: '2025-03-01', input: { organisation: { orgNumber: '1' } }, outcome: 'invalid-input', invalidPaths: ['organisation.orgNumber'] },
        ],
      },
      { locale: 'sv' },
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
    expect(results[1]?.problems).toEqual(['utfallet är not-eligible, väntat eligible', 'IOP-ORG-008 är fail, väntat pass']);
  });

  it('a file that is not a case file gives one result naming every problem, never a throw', async () => {
    for (const bad of [null, [], { cases: [] }, { cases: [{ name: 'x', asOf: '2025-03-01' }] }, { rule: 'nope', cases: [{ name: 'x', asOf: '2025-03-01', expect: 'pass' }] }]) {
      const r = await runCaseFile(bad);
      expect(r, JSON.stringify(bad)).toHaveLength(1);
      expect(r[0]?.invalidFile).toBe(true);
      expect(r[0]?.problems.length).toBeGreaterThan(1);
    }
    const typo = await runCaseFile({ cases: [{ name: 'x', asOf: '2025-03-01', outcom: 'eligible' }] });
    expect(typo[0]?.problems.join('\n')).toMatch(/cases\[0\]\.outcom: unknown field/);
  });

  it('the shipped JSON Schema is the zod schema, and describes the fields', () => {
    const shipped = JSON.parse(readFileSync('schema/case-file.schema.json', 'utf8')) as unknown;
    expect(shipped).toEqual(caseFileJsonSchema());
    const items = (caseFileJsonSchema() as { properties: { cases: { items: { properties: Record<string, unknown>; required: string[] } } } }).properties.cases.items;
    expect(items.required.sort()).toEqual(['asOf', 'name']);
    expect(Object.keys(items.properties)).toEqual(expect.arrayContaining(['expect', 'outcome', 'findings', 'asks', 'invalidPaths', 'patch', 'input']));
  });
});
