import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main, EXIT } from '../src/cli/main.js';
import { favourableCase } from '../src/testing/index.js';
import { memoryIO } from './helpers/cli-io.js';

const AS_OF = ['--as-of', '2025-03-01'];

describe('iop-rules assess', () => {
  it.each([
    ['examples/loparakademin-eligible.json', EXIT.eligible],
    ['examples/husby-atelje-not-eligible.json', EXIT['not-eligible']],
    ['examples/rinkeby-folkets-hus-incomplete.json', EXIT.incomplete],
    ['examples/fryshuset-conditional.json', EXIT.conditional],
    ['examples/studieframjandet-procurement.json', EXIT['not-eligible']],
  ])('%s exits %i', async (file, code) => {
    const io = memoryIO();
    expect(await main(['assess', file, ...AS_OF], io)).toBe(code);
    expect(io.err).toBe('');
    expect(io.out).toMatch(/BEDÖMNING AV IDÉBURET OFFENTLIGT PARTNERSKAP/);
  });

  it('--format json prints exactly one Verdict JSON document', async () => {
    const io = memoryIO();
    await main(['assess', 'examples/loparakademin-eligible.json', ...AS_OF, '--format', 'json'], io);
    const v = JSON.parse(io.out) as { outcome: string; asOf: string; findings: unknown[] };
    expect(v.outcome).toBe('eligible');
    expect(v.asOf).toBe('2025-03-01');
    expect(v.findings.length).toBeGreaterThan(20);
  });

  it('reads stdin with -, and writes English with --locale en', async () => {
    const io = memoryIO({ stdin: JSON.stringify(favourableCase({ organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } })) });
    expect(await main(['assess', '-', ...AS_OF, '--locale', 'en'], io)).toBe(EXIT['not-eligible']);
    expect(io.out).toMatch(/Not eligible/);
    expect(io.out).toMatch(/IOP-ORG-008/);
  });

  it('prints every bad field with its path on stderr and exits 4, without a stack trace', async () => {
    const io = memoryIO({ stdin: JSON.stringify({ organisation: { orgNumber: '123', registeredSince: '2023-02-30', annualRevenueSek: -3 }, partnership: { period: { start: '2025-05-01', end: '2025-01-01' } } }) });
    expect(await main(['assess', '-', ...AS_OF], io)).toBe(EXIT.invalidInput);
    for (const p of ['organisation.orgNumber', 'organisation.registeredSince', 'organisation.annualRevenueSek', 'partnership.period.end']) expect(io.err).toContain(p);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(io.out).toBe('');
  });

  it('non-JSON is invalid input (4); an unknown rule set or bad flag is a usage error (5)', async () => {
    const a = memoryIO({ stdin: '{not json' });
    expect(await main(['assess', '-'], a)).toBe(EXIT.invalidInput);
    expect(a.err).toMatch(/JSON/);
    const b = memoryIO();
    expect(await main(['assess', 'examples/loparakademin-eligible.json', '--rule-set', 'nope'], b)).toBe(EXIT.usage);
    expect(b.err).toMatch(/nope/);
    expect(await main(['assess', 'examples/loparakademin-eligible.json', '--frobnicate'], memoryIO())).toBe(EXIT.usage);
    expect(await main(['assess'], memoryIO())).toBe(EXIT.usage);
    expect(await main(['bogus'], memoryIO())).toBe(EXIT.usage);
    expect(await main(['assess', 'examples/loparakademin-eligible.json', '--format', 'pdf'], memoryIO())).toBe(EXIT.usage);
  });

  it('a missing file is its own exit code (7), not invalid input', async () => {
    const io = memoryIO();
    expect(await main(['assess', 'examples/does-not-exist.json'], io)).toBe(EXIT.unreadable);
    expect(io.err).toMatch(/does-not-exist/);
  });
});

describe('other commands', () => {
  it('rules lists the rules in force with id, area, severity, title, sources and dates', async () => {
    const io = memoryIO();
    expect(await main(['rules', '--rule-set', 'stockholm-2023', '--as-of', '2025-03-01', '--format', 'json'], io)).toBe(0);
    const rules = JSON.parse(io.out) as Array<{ id: string; area: string; severity: string; title: { sv: string }; sources: unknown[]; effective: { from: string } }>;
    const kl1 = rules.find((r) => r.id === 'IOP-KL-001');
    expect(kl1).toMatchObject({ area: 'local-government', severity: 'blocker', effective: { from: '1992-01-01' } });
    expect(rules.every((r) => r.sources.length > 0)).toBe(true);
    const text = memoryIO();
    await main(['rules', '--rule-set', 'stockholm-2017', '--as-of', '2016-06-01'], text);
    expect(text.out).toContain('IOP-KL-001');
    expect(text.out).not.toContain('IOP-ORG-001');
  });

  it('questions lists the missing facts, decisive first', async () => {
    const io = memoryIO();
    expect(await main(['questions', 'examples/rinkeby-folkets-hus-incomplete.json', ...AS_OF], io)).toBe(0);
    const first = io.out.split('\n')[0] ?? '';
    expect(first).toMatch(/^1\. .*\(avgörande\)$/);
  });

  it('schema prints the JSON Schema of the input', async () => {
    const io = memoryIO();
    await main(['schema'], io);
    const s = JSON.parse(io.out) as { properties: Record<string, unknown> };
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['organisation', 'partnership', 'agreement', 'followUp']));
  });

  it('compare shows what changes between editions', async () => {
    const io = memoryIO();
    expect(await main(['compare', 'examples/loparakademin-eligible.json', '--from', 'stockholm-2017', '--to', 'stockholm-2023', ...AS_OF, '--format', 'json'], io)).toBe(0);
    const cmp = JSON.parse(io.out) as { from: { ruleSet: string }; to: { ruleSet: string }; changes: unknown[] };
    expect(cmp.from.ruleSet).toBe('stockholm-2017');
    expect(cmp.to.ruleSet).toBe('stockholm-2023');
  });

  it('verify says whether a stored verdict still holds', async () => {
    const stored = memoryIO();
    await main(['assess', 'examples/fryshuset-conditional.json', ...AS_OF, '--format', 'json'], stored);
    const ok = memoryIO({ files: { 'verdict.json': stored.out } });
    expect(await main(['verify', 'verdict.json', 'examples/fryshuset-conditional.json'], ok)).toBe(0);
    expect(ok.out).toMatch(/står sig/);
    const changed = JSON.stringify({ ...(JSON.parse(stored.out) as object), outcome: 'eligible' });
    const no = memoryIO({ files: { 'verdict.json': changed } });
    expect(await main(['verify', 'verdict.json', 'examples/fryshuset-conditional.json'], no)).toBe(1);
    expect(no.out).toMatch(/outcome: eligible → conditional/);
  });

  it('test runs case files and fails on a wrong expectation', async () => {
    const cases = JSON.stringify({
      base: favourableCase(),
      cases: [
        { name: 'gynnsamt fall', asOf: '2025-03-01', outcome: 'eligible', findings: { 'IOP-ORG-001': 'pass' } },
        { name: 'fel förväntan', asOf: '2025-03-01', outcome: 'not-eligible' },
      ],
    });
    const io = memoryIO({ files: { 's.cases.json': cases } });
    expect(await main(['test', 's.cases.json'], io)).toBe(1);
    expect(io.out).toMatch(/✓ s\.cases\.json: gynnsamt fall/);
    expect(io.out).toMatch(/✗ s\.cases\.json: fel förväntan\n\s+utfallet är eligible, väntat not-eligible/);
    const en = memoryIO({ files: { 's.cases.json': cases } });
    expect(await main(['test', 's.cases.json', '--locale', 'en'], en)).toBe(1);
    expect(en.out).toMatch(/outcome is eligible, expected not-eligible/);
  });
});

describe('the built CLI', () => {
  const bin = 'dist/cli.js';
  it.runIf(existsSync(bin))('runs as a process with the documented exit code', () => {
    let code = 0;
    try {
      execFileSync(process.execPath, [bin, 'assess', 'examples/husby-atelje-not-eligible.json', ...AS_OF], { encoding: 'utf8' });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(1);
  });
});

describe('iop-rules draft', () => {
  it('prints a draft with every required clause heading and the real figures of the eligible example', async () => {
    const io = memoryIO();
    expect(await main(['draft', 'examples/loparakademin-eligible.json', ...AS_OF], io)).toBe(0);
    for (const h of ['Parter', 'Syfte', 'Uppföljning', 'Återbetalning', 'Uppsägning']) expect(io.out, h).toMatch(new RegExp(`^#+ .*${h}`, 'mi'));
    expect(io.out).toContain('900 000 kr');
    expect(io.out).toContain('802500-1234');
  });

  it('refuses a not-eligible (procurement) case: nothing on stdout, the reasons on stderr, exit 1', async () => {
    const io = memoryIO();
    expect(await main(['draft', 'examples/studieframjandet-procurement.json', ...AS_OF], io)).toBe(EXIT['not-eligible']);
    expect(io.out).toBe('');
    expect(io.err).toContain('Ingen IOP-överenskommelse tas fram');
    expect(io.err).toContain('rekommenderad form: upphandling');
  });

  it('refuses an incomplete case with exit 2', async () => {
    const io = memoryIO();
    expect(await main(['draft', 'examples/rinkeby-folkets-hus-incomplete.json', ...AS_OF], io)).toBe(EXIT.incomplete);
    expect(io.out).toBe('');
    expect(io.err).toContain('ofullständigt underlag');
  });

  it('with --draft-anyway writes the document headed as not to be signed, and still exits non-zero', async () => {
    const io = memoryIO();
    expect(await main(['draft', 'examples/husby-atelje-not-eligible.json', ...AS_OF, '--draft-anyway'], io)).toBe(EXIT['not-eligible']);
    expect(io.out.split('\n')[0]).toBe('# FÅR INTE TECKNAS SOM IOP – utkast till överenskommelse om idéburet offentligt partnerskap');
    expect(io.err).toContain('Bedömning: uppfyller inte villkoren');
    const ok = memoryIO();
    expect(await main(['draft', 'examples/loparakademin-eligible.json', ...AS_OF, '--draft-anyway'], ok)).toBe(0);
    expect(ok.err).toBe('');
  });

  it('writes a held draft (conditional, the procurement question open) without --draft-anyway, with the reasons on stderr and exit 3', async () => {
    const io = memoryIO();
    expect(await main(['draft', 'examples/fryshuset-conditional.json', ...AS_OF], io)).toBe(EXIT.conditional);
    expect(io.out.split('\n')[0]).toBe('# FÅR INTE UNDERTECKNAS FÖRRÄN UPPHANDLINGSFRÅGAN ÄR BEDÖMD OCH DOKUMENTERAD – utkast till överenskommelse om idéburet offentligt partnerskap');
    expect(io.err).toContain('Bedömning: villkorat');
    expect(io.err).toContain('IOP-PROC-012 (väsentligt, ej uppfyllt)');
  });

  it('refuses a conditional case whose form is procurement with exit 1 (3 is kept for a held draft that was written)', async () => {
    // A specified service paid per unit, with city money: a contract's terms (row 1), while no blocker fails.
    const io = memoryIO({ stdin: JSON.stringify(favourableCase({ partnership: { serviceSpecifiedByCity: true, paymentPerDeliveredUnit: true } })) });
    expect(await main(['draft', '-', ...AS_OF], io)).toBe(EXIT['not-eligible']);
    expect(io.out).toBe('');
    expect(io.err).toContain('Bedömning: villkorat');
    expect(io.err).toContain('rekommenderad form: upphandling');
  });

  it('writes English with --locale en, and refuses bad input with exit 4', async () => {
    const en = memoryIO();
    await main(['draft', 'examples/loparakademin-eligible.json', ...AS_OF, '--locale', 'en'], en);
    expect(en.out).toMatch(/^#+ .*Repayment/im);
    const bad = memoryIO({ stdin: '{"organisation":{"orgNumber":"1"}}' });
    expect(await main(['draft', '-'], bad)).toBe(EXIT.invalidInput);
    expect(bad.err).toContain('organisation.orgNumber');
  });
});
