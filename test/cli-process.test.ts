// The built CLI in a child process: what a new user meets in a shell (pipes, FIFOs, help,
// usage errors, exit codes, one language per run). Runs after `npm run build`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = 'dist/cli.js';
const LOP = 'examples/loparakademin-eligible.json';
const AS_OF = ['--as-of', '2025-03-01'];
const tmp = mkdtempSync(join(tmpdir(), 'iop-cli-'));
const STACK = /^\s+at /m;

function cli(args: string[], input?: string | Buffer) {
  const res = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}
function bash(script: string) {
  const res = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

describe.runIf(existsSync(BIN))('the built CLI', { timeout: 60_000 }, () => {
  describe('pipes and streams', () => {
    it('a closed output pipe ends quietly with the command exit code, no EPIPE trace', () => {
      const json = bash(`node ${BIN} assess ${LOP} ${AS_OF.join(' ')} --format json | head -c 10 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`);
      expect(json.out.trim()).toBe('rc=0');
      expect(json.err).toBe('');
      const rules = bash(`node ${BIN} rules --format json | head -1 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`);
      expect(rules.out.trim()).toBe('rc=0');
      expect(rules.err).toBe('');
      const husby = bash(`node ${BIN} assess examples/husby-atelje-not-eligible.json ${AS_OF.join(' ')} --format json | head -c 1 >/dev/null; echo "rc=\${PIPESTATUS[0]}"`);
      expect(husby.out.trim()).toBe('rc=1');
      expect(husby.err).not.toMatch(/EPIPE|Error/);
    });

    it('reads a pipe given as a file to its end (process substitution, /dev/stdin)', () => {
      const sub = bash(`node ${BIN} assess <(cat ${LOP}) ${AS_OF.join(' ')} --format json`);
      expect(sub.code).toBe(0);
      expect((JSON.parse(sub.out) as { outcome: string }).outcome).toBe('eligible');
      const dev = bash(`node ${BIN} assess /dev/stdin ${AS_OF.join(' ')} < ${LOP} > /dev/null`);
      expect(dev.code).toBe(0);
    });

    it('a FIFO without a writer: exit 7 after --input-timeout, with a clear message', () => {
      const fifo = join(tmp, 'no-writer.fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const t0 = Date.now();
      const r = cli(['assess', fifo, '--input-timeout', '1', '--locale', 'en']);
      expect(r.code).toBe(7);
      expect(Date.now() - t0).toBeLessThan(15_000);
      expect(r.err).toMatch(/no-writer\.fifo: no data for 1 s; gave up \(--input-timeout\)/);
      expect(r.err).not.toMatch(STACK);
    });

    it('a FIFO with a writer is read like a file', () => {
      const fifo = join(tmp, 'with-writer.fifo');
      const r = bash(`mkfifo ${fifo}; (sleep 0.3; cat ${LOP} > ${fifo}) & node ${BIN} assess ${fifo} ${AS_OF.join(' ')} --input-timeout 10 >/dev/null; echo "rc=$?"; wait`);
      expect(r.out.trim()).toBe('rc=0');
    });

    it('stdin that never closes: exit 7 after --input-timeout', async () => {
      const child = spawn(process.execPath, [BIN, 'assess', '-', '--input-timeout', '1'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdin.write('{"organisation": ');
      const code = await new Promise<number | null>((resolve) => {
        const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('exit', (c) => {
          clearTimeout(kill);
          resolve(c);
        });
      });
      child.stdin.destroy();
      expect(code).toBe(7);
      expect(err).toMatch(/stdin: ingen data på 1 s/);
    });
  });

  describe('input that is not what it seems', () => {
    it('refuses text that is not UTF-8 (exit 4) and says where', () => {
      const latin1 = join(tmp, 'latin1.json');
      writeFileSync(latin1, Buffer.from('{"organisation": {"name": "R\xf6relsegl\xe4dje"}}', 'latin1'));
      const r = cli(['assess', latin1, ...AS_OF, '--locale', 'en']);
      expect(r.code).toBe(4);
      expect(r.err).toMatch(/is not UTF-8 text \(invalid byte 0xf6 at offset 28\)/);
      const utf16 = cli(['assess', '-', ...AS_OF], Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]));
      expect(utf16.code).toBe(4);
      expect(utf16.err).toMatch(/UTF-16/);
    });

    it('refuses a key given twice in one object (exit 4), naming its path', () => {
      const r = cli(['assess', '-', ...AS_OF, '--locale', 'en'], '{"organisation": {"insolvent": false, "name": "x", "insolvent": true}}');
      expect(r.code).toBe(4);
      expect(r.err).toMatch(/organisation\.insolvent: stdin: the key occurs twice/);
      // The same key in two different objects is fine.
      const ok = cli(['assess', '-', ...AS_OF], '{"organisation": {"name": "a"}, "partnership": {"title": "b", "period": {"start": "2025-01-01", "end": "2025-12-31"}}}');
      expect(ok.code).not.toBe(4);
    });

    it('a missing file or a directory is exit 7, not 4', () => {
      for (const path of ['examples/nope.json', 'examples']) {
        const r = cli(['assess', path, '--locale', 'en']);
        expect(r.code, path).toBe(7);
        expect(r.err).toMatch(/cannot read examples/);
        expect(r.err).not.toMatch(STACK);
      }
    });

    it('an over-size input is exit 4, and a device is bounded by the cap', () => {
      const r = cli(['assess', '/dev/zero', '--max-input-bytes', '1000', '--locale', 'en']);
      expect(r.code).toBe(4);
      expect(r.err).toMatch(/larger than the limit of 1000 bytes/);
    });
  });

  describe('help and usage errors', () => {
    it('each command has its own help, with defaults and valid values', { timeout: 30_000 }, () => {
      const assessHelp = cli(['assess', '--help', '--locale', 'en']);
      const draftHelp = cli(['draft', '--help', '--locale', 'en']);
      expect(assessHelp.code).toBe(0);
      expect(assessHelp.out).not.toBe(draftHelp.out);
      expect(assessHelp.out).toMatch(/^Usage: iop-rules assess FILE\|-/);
      expect(assessHelp.out).toMatch(/default: today in Stockholm/);
      expect(assessHelp.out).toMatch(/stockholm-2017, national, stockholm-2023/);
      expect(draftHelp.out).toMatch(/^Usage: iop-rules draft/);
      expect(cli(['help', 'assess', '--locale', 'en']).out).toBe(assessHelp.out);
      const overview = cli(['help']);
      expect(overview.code).toBe(0);
      for (const c of ['assess', 'questions', 'draft', 'compare', 'rules', 'rule-sets', 'schema', 'test', 'verify']) expect(overview.out).toContain(`iop-rules ${c}`);
      expect(overview.out).toMatch(/7 kan inte läsa/);
    });

    it('usage errors are short, specific, in the run language, with a suggestion', () => {
      const typo = cli(['assess', LOP, '--asof', '2025-03-01', '--locale', 'en']);
      expect(typo.code).toBe(5);
      expect(typo.err).toBe('assess: unknown option --asof. Did you mean --as-of?\nMore: iop-rules assess --help\n');
      const sv = cli(['assess', LOP, '--asof', '2025-03-01']);
      expect(sv.err).toMatch(/^assess: okänt alternativ --asof\. Menade du --as-of\?/);
      expect(sv.err).not.toMatch(/positional|Unknown option/);
      const cmd = cli(['asess', LOP]);
      expect(cmd.code).toBe(5);
      expect(cmd.err).toMatch(/Menade du assess\?/);
      expect(cmd.err.split('\n').length).toBeLessThanOrEqual(3);
    });

    it('options are checked per command', () => {
      const from = cli(['rules', '--from', 'x', '--locale', 'en']);
      expect(from.code).toBe(5);
      expect(from.err).toMatch(/--from is not an option of this command \(it belongs to compare\)/);
      expect(cli(['schema', '--locale', 'de']).code).toBe(5);
      expect(cli(['rule-sets', '--as-of', '2025-01-01']).code).toBe(5);
      expect(cli(['questions', LOP, '--format', 'html']).code).toBe(5);
      expect(cli(['assess', LOP, '--compact']).code).toBe(5);
    });
  });

  describe('commands', () => {
    it('rule-sets lists the rule sets oldest first', () => {
      const r = cli(['rule-sets', '--format', 'json']);
      const froms = (JSON.parse(r.out) as Array<{ effective: { from: string } }>).map((s) => s.effective.from);
      expect(froms).toEqual([...froms].sort());
      const text = cli(['rule-sets', '--locale', 'en']).out.split('\n').filter(Boolean).map((l) => l.split(' ')[0]);
      expect(text).toEqual(['stockholm-2017', 'national', 'stockholm-2023']);
    });

    it('test runs the project\u2019s own rule case files, a file or a directory', { timeout: 120_000 }, () => {
      const one = cli(['test', 'test/rules/IOP-AGR-001.cases.json']);
      expect(one.code, one.out + one.err).toBe(0);
      expect(one.out).toMatch(/✓ test\/rules\/IOP-AGR-001\.cases\.json: /);
      const dir = cli(['test', 'test/rules', '--locale', 'en']);
      expect(dir.code).toBe(0);
      expect(dir.out).toMatch(/\n\d+ cases hold, 0 do not \(\d{2,} file\(s\)\)\.\n$/);
    });

    it('test: a wrong expectation is exit 1; a file that is not a case file is exit 4 with paths', () => {
      const d = join(tmp, 'cases');
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, 'wrong.cases.json'), JSON.stringify({ rule: 'IOP-ORG-008', base: {}, cases: [{ name: 'fel', asOf: '2025-03-01', patch: { organisation: { insolvent: true, insolvencyProceeding: 'bankruptcy' } }, expect: 'pass' }] }));
      const wrong = cli(['test', d, '--locale', 'en']);
      expect(wrong.code).toBe(1);
      expect(wrong.out).toMatch(/IOP-ORG-008 is fail, expected pass/);
      const bad = join(tmp, 'bad.cases.json');
      writeFileSync(bad, JSON.stringify({ cases: [{ name: 'x', asOf: '2025-13-01', expect: 'pass' }] }));
      const r = cli(['test', bad, '--locale', 'en']);
      expect(r.code).toBe(4);
      expect(r.out).toMatch(/cases\[0\]\.asOf/);
      expect(r.out).toMatch(/cases\[0\]\.expect/);
    });

    it('schema prints the case, case-file and rule schemas', () => {
      const caseFile = JSON.parse(cli(['schema', 'case-file']).out) as { properties: Record<string, unknown> };
      expect(Object.keys(caseFile.properties)).toEqual(expect.arrayContaining(['rule', 'base', 'cases']));
      expect(cli(['schema', 'pdf']).code).toBe(5);
    });

    it('--compact gives a verdict a fraction of the full one, with texts and source refs', () => {
      const full = cli(['assess', 'examples/husby-atelje-not-eligible.json', ...AS_OF, '--format', 'json']).out;
      const compact = cli(['assess', 'examples/husby-atelje-not-eligible.json', ...AS_OF, '--format', 'json', '--compact']).out;
      expect(compact.length).toBeLessThan(full.length / 3);
      const c = JSON.parse(compact) as { outcome: string; findings: Array<{ ruleId: string; explanation: string; sources: string[] }>; missingFacts: unknown[] };
      expect(c.outcome).toBe('not-eligible');
      expect(c.findings[0]?.explanation.length).toBeGreaterThan(0);
      expect(typeof c.findings[0]?.sources[0]).toBe('string');
      expect(c.missingFacts.length).toBeGreaterThan(0);
    });

    it('one language per run: English input errors and output with --locale en', () => {
      const r = cli(['assess', '-', ...AS_OF, '--locale', 'en'], '{"organisation": {"orgNumber": "1"}}');
      expect(r.code).toBe(4);
      expect(r.err).toMatch(/^Invalid input \(1\):/);
      expect(r.err).not.toMatch(/Ogiltig|ska vara/);
      const text = cli(['assess', 'examples/husby-atelje-not-eligible.json', ...AS_OF, '--locale', 'en']).out;
      expect(text).not.toMatch(/\b(Regeluppsättning|Bedömningsdag|uppfyllt|Källa|Åtgärd)\b/);
    });
  });
});
