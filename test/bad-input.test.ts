// The bad-input catalogue (issue 5): what a web form or an old database might send. Each row
// gives an IopInputError naming the bad field (or a clean verdict where the input is in fact
// valid), never another exception. Text rows go through the CLI: exit 4, every issue on stderr.
import { afterAll, describe, expect, it } from 'vitest';
import { assess, safeAssess } from '../src/assess.js';
import { main, type CliIO } from '../src/cli/main.js';
import { IopInputError } from '../src/domain/input-error.js';
import { AS_OF, ROWS } from './helpers/bad-input-catalogue.js';
import { favourableCase } from '../src/testing/builders.js';

describe('the bad-input catalogue', () => {
  afterAll(() => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('has at least 50 malformed rows', () => {
    expect(ROWS.filter((r) => 'issue' in r).length).toBeGreaterThanOrEqual(50);
  });

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const options = row.options ?? { asOf: AS_OF };
    let res: Awaited<ReturnType<typeof safeAssess>>;
    try {
      res = await safeAssess(row.input(), options);
    } catch (e) {
      throw new Error(`safeAssess threw: ${String(e)}`, { cause: e });
    }
    if ('verdict' in row) {
      if (!res.ok) throw new Error(`expected a verdict: ${res.error.message}`);
      expect(['eligible', 'conditional', 'incomplete', 'not-eligible']).toContain(res.verdict.outcome);
      return;
    }
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error).toBeInstanceOf(IopInputError);
    expect(res.error.code).toBe('IOP_INPUT_ERROR');
    const hit = res.error.issues.find((i) => (row.prefix ? i.path.startsWith(row.issue) : i.path === row.issue));
    expect(hit, `no issue at "${row.issue}": ${res.error.issues.map((i) => `${i.path} (${i.code})`).join(', ')}`).toBeDefined();
    if (row.code) expect(hit?.code).toBe(row.code);
    for (const i of res.error.issues) {
      expect(i.message.sv.trim()).not.toBe('');
      expect(i.message.en.trim()).not.toBe('');
      expect(i.path.length).toBeLessThan(400);
    }
    // assess() rejects with the same error type, never anything else.
    await expect(assess(row.input(), options)).rejects.toBeInstanceOf(IopInputError);
  });
});

// ---------------------------------------------------------------------------------------------
// Text rows, through the CLI
// ---------------------------------------------------------------------------------------------

function memoryIo(files: Record<string, string>): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readFile: async (path: string, max: number) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      if (Buffer.byteLength(text) > max) throw new Error(`file is ${Buffer.byteLength(text)} bytes; the limit is ${max}`);
      return text;
    },
    readStdin: async () => '',
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
  };
  return io;
}

const TEXT_ROWS: Array<{ name: string; text: string; exit: number | 'verdict' }> = [
  { name: 'not JSON at all', text: 'organisation: Kista SC', exit: 4 },
  { name: 'an empty file', text: '', exit: 4 },
  { name: 'JSON cut off', text: '{"organisation": {"name": "Kista', exit: 4 },
  { name: 'single quotes', text: "{'organisation': {}}", exit: 4 },
  { name: 'a trailing comma', text: '{"organisation": {},}', exit: 4 },
  { name: 'NaN as a bare word', text: '{"organisation": {"taxDebtSek": NaN}}', exit: 4 },
  { name: 'a NUL byte', text: '\u0000', exit: 4 },
  { name: 'a byte-order mark before broken JSON', text: '\ufeff{', exit: 4 },
  { name: 'JSON null', text: 'null', exit: 4 },
  { name: 'a duplicate key whose last value is wrong', text: '{"organisation": {"name": "A", "name": 5}}', exit: 4 },
  { name: '10 000-deep arrays', text: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, exit: 4 },
  { name: 'numbers too large for a double', text: '{"organisation": {"taxDebtSek": 1e400}}', exit: 4 },
  { name: 'a byte-order mark before a valid case', text: `\ufeff${JSON.stringify(favourableCase())}`, exit: 'verdict' },
  { name: 'CRLF line endings and tabs', text: JSON.stringify(favourableCase(), null, '\t').replace(/\n/g, '\r\n'), exit: 'verdict' },
];

describe('the bad-input catalogue through the CLI', () => {
  it.each(TEXT_ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const io = memoryIo({ 'case.json': row.text });
    const code = await main(['assess', 'case.json', '--as-of', AS_OF, '--format', 'json', '--locale', 'en'], io);
    if (row.exit === 'verdict') {
      expect(code).toBeLessThanOrEqual(3);
      expect((JSON.parse(io.out) as { outcome: string }).outcome).toBeDefined();
      return;
    }
    expect(code).toBe(row.exit);
    expect(io.out).toBe('');
    expect(io.err).not.toMatch(/^\s+at /m);
    // Where the text is JSON, every issue the library finds is named on stderr.
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.text.replace(/^\ufeff/, ''));
    } catch {
      expect(io.err).toMatch(/not valid JSON/);
      return;
    }
    const res = await safeAssess(parsed, { asOf: AS_OF });
    expect(res.ok).toBe(false);
    if (!res.ok) for (const i of res.error.issues) expect(io.err).toContain(`${i.path || '(root)'}: `);
  });
});
