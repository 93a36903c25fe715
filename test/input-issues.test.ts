// Issue codes are a closed list (issue 12 item 6), each documented in docs/input.md, and validateCase
// reports them per field with path, segments and JSON Pointer (issue 10 item 2).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFECT_CODES, INPUT_ISSUE_CODES, IopDefect } from '../src/domain/input-error.js';
import { groupIssuesByField, jsonPointer, validateCase } from '../src/validate-case.js';
import { safeAssess } from '../src/assess.js';
import { favourableCase, mergeCase } from '../src/testing/builders.js';
import { ROWS } from './helpers/bad-input-catalogue.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every code literal the source emits: `code: 'x'`, a `code = 'x'` default, or a helper's last argument `…, 'x')` after a message. */
function emittedCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bcode(?::\s*InputIssueCode)?\s*[:=]\s*'([a-z_]+)'/g)) found.set(m[1] as string, file);
    // issue(path, sv, en, 'code') and optIssue(…) helpers: a string literal right after a template or string message.
    for (const m of text.matchAll(/(?:issue|optIssue)\([^;]*?[`'],\s*'([a-z_]+)'\)/g)) found.set(m[1] as string, file);
  }
  return found;
}

const DOC = readFileSync('docs/input.md', 'utf8');

describe('issue codes', () => {
  it('every code emitted in src/ is in INPUT_ISSUE_CODES', () => {
    const listed = new Set<string>(INPUT_ISSUE_CODES);
    const emitted = emittedCodes();
    expect(emitted.size).toBeGreaterThan(10);
    // 'custom' is zod's own code for a refinement's issue (`ctx.addIssue({ code: 'custom' })`), mapped by input-error.ts.
    const strays = [...emitted].filter(([c]) => !listed.has(c) && c !== 'custom').map(([c, f]) => `${c} (${f})`);
    expect(strays).toEqual([]);
  });

  it('every issue code and every defect code is documented in docs/input.md', () => {
    const missing = [...INPUT_ISSUE_CODES, ...DEFECT_CODES].filter((c) => !DOC.includes(`| \`${c}\` |`));
    expect(missing).toEqual([]);
  });

  it('every defect thrown in src/ uses a listed defect code', () => {
    const thrown = new Set<string>();
    for (const file of sources('src')) for (const m of readFileSync(file, 'utf8').matchAll(/new IopDefect\('([a-z_]+)'/g)) thrown.add(m[1] as string);
    expect(thrown.size).toBeGreaterThan(0);
    expect([...thrown].filter((c) => !(DEFECT_CODES as readonly string[]).includes(c))).toEqual([]);
    const e = new IopDefect('unknown_fact', 'x');
    expect([e.code, e.defect, e.name]).toEqual(['IOP_DEFECT', 'unknown_fact', 'IopDefect']);
  });

  it('every issue the bad-input catalogue produces carries a listed code', async () => {
    const seen = new Set<string>();
    for (const row of ROWS) {
      const res = await safeAssess(row.input(), row.options ?? { asOf: '2025-03-01' });
      if (!res.ok) for (const i of res.error.issues) seen.add(i.code);
    }
    expect(seen.size).toBeGreaterThan(8);
    expect([...seen].filter((c) => !(INPUT_ISSUE_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});

describe('validateCase', () => {
  it('returns the typed case when it is valid, and runs no rules', () => {
    const r = validateCase(favourableCase());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.organisation?.name).toBe(favourableCase().organisation?.name);
  });

  it('addresses each issue by dotted path, segments and JSON Pointer, with code and both messages', () => {
    const input = mergeCase(favourableCase(), {
      organisation: { orgNumber: '802000-0000', registeredSince: '2023-02-30' },
      followUp: { reports: [{}, {}, { dueOn: 'soon' }] },
      agreement: { period: { start: '2025-05-01', end: '2025-01-01' } },
    });
    const r = validateCase(input, { locale: 'en' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const by = new Map(r.issues.map((i) => [i.path, i]));
    expect(by.get('organisation.orgNumber')).toMatchObject({ code: 'invalid_org_number', pointer: '/organisation/orgNumber', segments: ['organisation', 'orgNumber'] });
    expect(by.get('organisation.registeredSince')?.code).toBe('invalid_date');
    expect(by.get('followUp.reports[2].dueOn')).toMatchObject({ pointer: '/followUp/reports/2/dueOn', segments: ['followUp', 'reports', 2, 'dueOn'], code: 'invalid_date' });
    expect(by.get('agreement.period.end')?.code).toBe('period_end_before_start');
    for (const i of r.issues) {
      expect(i.text).toBe(i.message.en);
      expect(i.message.sv).not.toBe('');
    }
    // The same issues assess reports, path for path.
    return safeAssess(input, { asOf: '2025-03-01' }).then((a) => {
      expect(a.ok).toBe(false);
      if (!a.ok) expect(a.error.issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual(r.issues.map((i) => `${i.path}:${i.code}`).sort());
    });
  });

  it('names an unknown key in its segments and pointer, escaped as RFC 6901 says', () => {
    const r = validateCase({ organisation: { 'a/b~c': 1 } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]).toMatchObject({ code: 'unrecognized_key', segments: ['organisation', 'a/b~c'], pointer: '/organisation/a~1b~0c' });
    expect(r.issues[0]?.text).toMatch(/okänt fält/);
    expect(jsonPointer([])).toBe('');
  });

  it('reports the raw-input guard and unreadable input as issues, never throws', () => {
    const deep: Record<string, unknown> = {};
    let x = deep;
    for (let i = 0; i < 200; i++) x = (x.a = {}) as Record<string, unknown>;
    const r = validateCase({ organisation: deep });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.code).toBe('limit_exceeded');
    const r2 = validateCase(new Map());
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.issues[0]?.code).toBe('not_json');
  });

  it('groups issues by field like zod flattenError, by path or by pointer', () => {
    const r = validateCase({ organisation: { insolvent: 'no', taxDebtSek: -1 }, partnership: 'x' }, { locale: 'sv' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const g = groupIssuesByField(r.issues);
    expect(Object.keys(g.fieldErrors).sort()).toEqual(['organisation.insolvent', 'organisation.taxDebtSek', 'partnership']);
    expect(g.fieldErrors['organisation.taxDebtSek']?.[0]).toMatch(/mindre än 0/);
    expect(g.formErrors).toEqual([]);
    expect(Object.keys(groupIssuesByField(r.issues, { by: 'pointer' }).fieldErrors)).toContain('/organisation/insolvent');
    const root = validateCase(42);
    if (!root.ok) expect(groupIssuesByField(root.issues).formErrors).toHaveLength(1);
  });
});

describe('describeFact', () => {
  it('gives an input or derived fact its label and question in one language', async () => {
    const { describeFact } = await import('../src/fact-info.js');
    expect(describeFact('organisation.legalForm', 'en')).toMatchObject({ kind: 'input', type: 'enum', label: 'Legal form' });
    expect(describeFact('organisation.legalForm')?.label).toBe('Juridisk form');
    const derived = describeFact('agreement.paymentPlanTotalSek', 'sv');
    expect(derived).toMatchObject({ kind: 'derived', label: 'Utbetalningsplanens summa' });
    expect(derived?.dependsOn?.length).toBeGreaterThan(0);
    expect(describeFact('no.such.fact')).toBeUndefined();
  });
});
