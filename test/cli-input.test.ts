// The CLI with hostile input: exit 4 with every issue on stderr, no stack trace unless --debug,
// bounded reading of files and stdin, and no terminal control characters echoed back.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { safeAssess } from '../src/assess.js';
import { DEFAULT_MAX_INPUT_BYTES, InputTooLargeError, main, type CliIO } from '../src/cli/main.js';
import { DEFAULT_INPUT_LIMITS } from '../src/domain/limits.js';
import { favourableCase } from '../src/testing/builders.js';

const AS_OF = '2025-03-01';

interface MemoryIo extends CliIO {
  out: string;
  err: string;
  reads: Array<{ what: string; max: number }>;
}

/** An in-memory io that enforces the byte limit the way bin.ts does. */
function memoryIo(files: Record<string, string>, stdin = ''): MemoryIo {
  const bounded = (what: string, text: string, max: number): string => {
    io.reads.push({ what, max });
    const bytes = Buffer.byteLength(text);
    if (bytes > max) throw new InputTooLargeError(what, max);
    return text;
  };
  const io: MemoryIo = {
    out: '',
    err: '',
    reads: [],
    readFile: async (path, max) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return bounded(path, text, max);
    },
    readStdin: async (max) => bounded('stdin', stdin, max),
    stdout: (t) => {
      io.out += t;
    },
    stderr: (t) => {
      io.err += t;
    },
  };
  return io;
}

const STACK = /^\s+at /m;

const BAD_CASE = {
  organisation: { orgNumber: '802500-1235', registeredSince: '2023-02-30', taxDebtSek: -5, nmae: 'typo' },
  partnership: { area: 'SPORTS', period: { start: '2026-01-01', end: '2025-01-01' } },
  agreement: { clauses: ['parties', 'secrecy'] },
};

describe('iop-rules assess with invalid input', () => {
  it('exits 4 and names every issue by path on stderr, without a stack trace', async () => {
    const io = memoryIo({ 'bad.json': JSON.stringify(BAD_CASE) });
    const code = await main(['assess', 'bad.json', '--as-of', AS_OF], io);
    expect(code).toBe(4);
    expect(io.out).toBe('');
    const res = await safeAssess(BAD_CASE as unknown, { asOf: AS_OF });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.issues.length).toBeGreaterThanOrEqual(7);
    for (const i of res.error.issues) expect(io.err).toContain(`  ${i.path}: ${i.message.sv}`);
    expect(io.err).toContain(`Ogiltig indata (${res.error.issues.length})`);
    expect(io.err).not.toMatch(STACK);
  });

  it('prints the messages in English with --locale en', async () => {
    const io = memoryIo({ 'bad.json': JSON.stringify(BAD_CASE) });
    expect(await main(['assess', 'bad.json', '--as-of', AS_OF, '--locale', 'en'], io)).toBe(4);
    expect(io.err).toContain('Invalid input (');
    expect(io.err).toContain('organisation.orgNumber: must be a valid organisation number');
  });

  it('adds the stack trace only with --debug', async () => {
    const io = memoryIo({ 'bad.json': JSON.stringify(BAD_CASE) });
    expect(await main(['assess', 'bad.json', '--as-of', AS_OF, '--debug'], io)).toBe(4);
    expect(io.err).toMatch(STACK);
  });

  it('exits 4 on text that is not JSON, and on JSON that is not a case', async () => {
    for (const text of ['not json', '{"a":', '', '[1,2', 'null', '"case"', '[]']) {
      const io = memoryIo({ 'x.json': text });
      expect(await main(['assess', 'x.json', '--as-of', AS_OF], io), JSON.stringify(text)).toBe(4);
      expect(io.err).not.toMatch(STACK);
      expect(io.err.length).toBeGreaterThan(0);
    }
  });

  it('reads a file with a byte-order mark as the JSON after it: a clean verdict', async () => {
    const io = memoryIo({ 'bom.json': `\ufeff${JSON.stringify(favourableCase())}` });
    const code = await main(['assess', 'bom.json', '--as-of', AS_OF, '--format', 'json'], io);
    const verdict = JSON.parse(io.out) as { outcome: string };
    expect(verdict.outcome).toBe('eligible');
    expect(code).toBe(0);
    expect(io.err).toBe('');
  });

  it('names an unreadable file with its own exit code (7), not a crash', async () => {
    const io = memoryIo({});
    expect(await main(['assess', 'missing.json'], io)).toBe(7);
    expect(io.err).toContain('missing.json');
    expect(io.err).not.toMatch(STACK);
  });

  it('strips terminal control characters from what it echoes back', async () => {
    const evil = JSON.stringify({ ['\u001b[2J\u001b[31mevil\u0007\nfake line']: 1 });
    const io = memoryIo({ 'evil.json': evil });
    expect(await main(['assess', 'evil.json', '--as-of', AS_OF], io)).toBe(4);
    // eslint-disable-next-line no-control-regex
    expect(io.err).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(io.err).not.toMatch(/^fake line/m);
    expect(io.err).toContain('evil');
  });
});

describe('iop-rules verify with a malformed stored verdict', () => {
  it('is invalid input (exit 4), never an internal error', async () => {
    const c = JSON.stringify(favourableCase());
    for (const stored of [
      { ruleSet: { id: 'stockholm-2023', layers: 5 }, asOf: AS_OF },
      { ruleSet: { id: 'stockholm-2023', layers: ['law'] }, asOf: AS_OF, findings: 5 },
      { ruleSet: { id: 'stockholm-2023', layers: ['law'] }, asOf: AS_OF, findings: [null] },
      { ruleSet: null, asOf: AS_OF },
      [],
    ]) {
      const io = memoryIo({ 'v.json': JSON.stringify(stored), 'c.json': c });
      expect(await main(['verify', 'v.json', 'c.json'], io), JSON.stringify(stored)).toBe(4);
      expect(io.err).not.toMatch(/internal error/);
      expect(io.err).not.toMatch(STACK);
    }
  });
});

describe('bounded reading', () => {
  it('passes the byte limit to every read, by default DEFAULT_INPUT_LIMITS.maxJsonBytes', async () => {
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(DEFAULT_INPUT_LIMITS.maxJsonBytes);
    const io = memoryIo({ 'case.json': JSON.stringify(favourableCase()) });
    await main(['assess', 'case.json', '--as-of', AS_OF], io);
    expect(io.reads).toEqual([{ what: 'case.json', max: DEFAULT_INPUT_LIMITS.maxJsonBytes }]);
  });

  it('refuses over-size stdin with exit 4 and says why', async () => {
    const text = JSON.stringify(favourableCase());
    const io = memoryIo({}, text);
    const code = await main(['assess', '-', '--as-of', AS_OF, '--max-input-bytes', '100', '--locale', 'en'], io);
    expect(code).toBe(4);
    expect(io.reads).toEqual([{ what: 'stdin', max: 100 }]);
    expect(io.err).toMatch(/stdin is larger than the limit of 100 bytes/);
    expect(io.err).not.toMatch(STACK);
    // The same stdin under a large enough limit is read and assessed.
    const ok = memoryIo({}, text);
    expect(await main(['assess', '-', '--as-of', AS_OF, '--max-input-bytes', String(Buffer.byteLength(text))], ok)).toBe(0);
  });

  it('refuses an over-size file and an over-size overlay file the same way', async () => {
    const io = memoryIo({ 'case.json': JSON.stringify(favourableCase()), 'big.json': `{"x": "${'y'.repeat(2000)}"}` });
    expect(await main(['assess', 'case.json', '--overlay', 'big.json', '--max-input-bytes', '1500'], io)).toBe(4);
    expect(io.err).toContain('big.json');
  });

  it('refuses a bad --max-input-bytes as a usage error', async () => {
    for (const bad of ['0', '-1', '1.5', 'lots']) {
      const io = memoryIo({});
      expect(await main(['assess', '-', '--max-input-bytes', bad], io), bad).toBe(5);
    }
  });

  it.skipIf(!existsSync('dist/cli.js'))('the real binary stops reading stdin at the limit (exit 4, no stack)', () => {
    const big = `{"organisation": {"name": "${'x'.repeat(300_000)}"}}`;
    const res = spawnSync(process.execPath, ['dist/cli.js', 'assess', '-', '--max-input-bytes', '1000', '--locale', 'en'], { input: big, encoding: 'utf8', timeout: 20_000 });
    expect(res.status).toBe(4);
    expect(res.stderr).toMatch(/larger than the limit of 1000 bytes/);
    expect(res.stderr).not.toMatch(STACK);
  });
});

describe('hostile overlays through the CLI', () => {
  it('refuses a JSONPath overlay rule with exit 4, naming the rule and JSONPath, and runs nothing', async () => {
    const rule = {
      id: 'IOP-TST-001',
      version: 1,
      area: 'organisation',
      severity: 'advisory',
      title: { sv: 't', en: 't' },
      explanation: { pass: { sv: 'p', en: 'p' }, fail: { sv: 'f', en: 'f' }, unknown: { sv: 'u', en: 'u' } },
      sources: [{ ref: 'r', title: 't' }],
      effective: { from: '2020-01-01', to: null },
      conditions: { all: [{ fact: 'organisation.insolvent', operator: 'equal', value: false, path: "$[?(@.constructor.constructor('globalThis.PWNED=1')())]" }] },
    };
    const overlay = { overlay: { id: 'x', title: { sv: 'x', en: 'x' }, sources: [{ ref: 'x', title: 'x' }], effective: { from: '2020-01-01', to: null }, prefix: 'TST' }, rules: [rule] };
    const io = memoryIo({ 'case.json': JSON.stringify(favourableCase()), 'ov/evil.json': JSON.stringify(overlay) });
    expect(await main(['assess', 'case.json', '--overlay', 'ov/evil.json', '--as-of', AS_OF, '--locale', 'en'], io)).toBe(4);
    expect(io.err).toContain('options.overlays[0].rules[0].conditions.all[0].path: rule IOP-TST-001:');
    expect(io.err).toContain('JSONPath/`path` is not supported in rules');
    expect((globalThis as Record<string, unknown>).PWNED).toBeUndefined();
  });
});
