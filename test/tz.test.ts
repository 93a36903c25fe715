// The same verdict bytes under every time zone. The library is bundled from src/ once, then
// run in child processes with TZ set to zones that are far apart, that skipped a calendar day
// (Pacific/Kiritimati 1994-12-31, Pacific/Apia 2011-12-30) or that move their clocks
// (Europe/Stockholm, America/Los_Angeles). Each child assesses the golden examples and the
// day-skip reproductions; its output must equal the golden files and every other zone's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { favourableCase } from '../src/testing/builders.js';
import { SEED, validCase } from './properties/arbitraries.js';
// @ts-expect-error -- a plain .mjs build helper without type declarations.
import { esbuildCatalogue } from '../scripts/catalogue-plugin.mjs';

const ZONES = ['UTC', 'Europe/Stockholm', 'Pacific/Kiritimati', 'Pacific/Apia', 'America/Los_Angeles', 'Asia/Tokyo'] as const;
const root = resolve(import.meta.dirname, '..');
const examplesDir = join(root, 'examples');
const goldenDir = join(root, 'test/golden/verdicts');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort();

/** What each child runs: plain JS against the bundle, printing one JSON document. */
const CHILD = `
import { assess, draftAgreement, formatVerdict, safeAssess } from './lib.mjs';
import { readFileSync } from 'node:fs';
const [examplesDir, ...files] = process.argv.slice(2);
const out = { zone: process.env.TZ, offset2024: new Date(2024, 0, 1).getTimezoneOffset(), examples: {}, extra: {} };
for (const f of files) {
  const input = JSON.parse(readFileSync(examplesDir + '/' + f, 'utf8'));
  const sv = await assess(input, { asOf: '2025-03-01' });
  const en = await assess(input, { asOf: '2025-03-01', locale: 'en' });
  out.examples[f] = {
    verdict: JSON.stringify(sv, null, 2) + '\\n',
    sv: formatVerdict(sv, { format: 'text' }),
    en: formatVerdict(en, { format: 'text' }),
    md: formatVerdict(sv, { format: 'markdown' }),
    html: formatVerdict(en, { format: 'html' }),
    draft: draftAgreement(input, { asOf: '2025-03-01', draftAnyway: true }),
  };
}
const lop = JSON.parse(readFileSync(examplesDir + '/loparakademin-eligible.json', 'utf8'));
const status = (v, id) => v.findings.find((f) => f.ruleId === id)?.status;
const fact = (v, id) => v.findings.flatMap((f) => f.facts).find((x) => x.id === id)?.value;
// The reproduction of a case date on a day Kiritimati skipped: the aid per year is 15 001 000 EUR, over the 15 M cap.
const skipped = structuredClone(lop);
skipped.partnership.period = { start: '1994-01-01', end: '1994-12-31' };
skipped.agreement.period = { start: '1994-01-01', end: '1994-12-31' };
skipped.agreement.signedOn = '1993-12-15';
skipped.agreement.paymentPlan = [{ dueOn: '1994-01-31', amountSek: 15001000 }];
skipped.partnership.cityContribution.fundingSek = 15001000;
skipped.partnership.stateAid = { economicActivity: true, affectsTrade: true, route: 'sgei-decision', grantedOn: '1993-12-10', eurSekRate: 1, priorAid: [], socialNeedsService: false };
const v1 = await assess(skipped, { asOf: '2025-03-01' });
out.extra.kiritimati = { aid006: status(v1, 'IOP-AID-006'), perYear: fact(v1, 'partnership.stateAid.amountPerYearEur'), hash: v1.ruleSet.hash, json: JSON.stringify(v1) };
const apia = structuredClone(lop);
apia.agreement.period = { start: '2011-01-01', end: '2011-12-30' };
const v2 = await assess(apia, { asOf: '2025-03-01' });
out.extra.apia = { lengthMonths: fact(v2, 'agreement.lengthMonths'), json: JSON.stringify(v2) };
// A Date asOf is the calendar day in Stockholm at that instant, whatever the machine's zone.
const v3 = await assess(lop, { asOf: new Date(Date.UTC(2023, 11, 31, 23, 30)) });
out.extra.dateAsOf = { asOf: v3.asOf, ruleSet: v3.ruleSet.id };
const v4 = await safeAssess({}, { asOf: '1025-03-01' });
// The sweep: random cases whose dates sit on skipped and DST days, each verdict (or error) hashed.
const { createHash } = await import('node:crypto');
const sweep = JSON.parse(readFileSync('./sweep.json', 'utf8'));
out.sweep = [];
for (const c of sweep) {
  const res = await safeAssess(c.input, { asOf: c.asOf });
  out.sweep.push(createHash('sha256').update(JSON.stringify(res.ok ? res.verdict : res.error.issues)).digest('hex').slice(0, 16) + (res.ok ? ' ' + res.verdict.outcome : ' error'));
}
out.extra.typo = v4.ok ? v4.verdict.outcome : v4.error.issues.map((i) => i.path + ' ' + i.code);
console.log(JSON.stringify(out));
`;

/** Days some zone skipped or moved its clock on: Kiritimati, Apia, Kwajalein, and Stockholm's and Los Angeles' DST days. */
const HARD_DAYS = ['1994-12-31', '1994-12-30', '1995-01-01', '2011-12-29', '2011-12-30', '2011-12-31', '1993-08-20', '1993-08-21', '2024-03-31', '2024-10-27', '2024-03-10', '2024-02-29', '2023-12-31', '2024-01-01'];

/** Put every date of a case near one hard day: ends on it (±1), starts a year before, other dates on it (±1). */
function onHardDays(c: unknown, day: string, jitter: number[]): unknown {
  let k = 0;
  const shift = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  const walk = (x: unknown, key: string): unknown => {
    if (typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x)) {
      const j = jitter[k++ % jitter.length] ?? 0;
      return /start$/i.test(key) ? shift(day, j - 364) : shift(day, j);
    }
    if (Array.isArray(x)) return x.map((v) => walk(v, key));
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([kk, v]) => [kk, walk(v, kk)]));
    return x;
  };
  return walk(c, '');
}

/** 120 cases: the favourable case and random valid ones, their dates moved onto hard days. */
function sweepCases(): Array<{ input: unknown; asOf: string }> {
  const arb = fc.record({
    base: fc.oneof(fc.constant(favourableCase() as unknown), validCase as fc.Arbitrary<unknown>),
    day: fc.constantFrom(...HARD_DAYS),
    jitter: fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 1, maxLength: 5 }),
    asOf: fc.constantFrom('2025-03-01', '2024-01-01', '2023-12-31', '2011-12-31', '1995-01-01'),
  });
  return fc.sample(arb, { seed: SEED, numRuns: 120 }).map((r) => ({ input: onHardDays(r.base, r.day, r.jitter), asOf: r.asOf }));
}

interface ChildOut {
  sweep: string[];
  zone: string;
  offset2024: number;
  examples: Record<string, Record<'verdict' | 'sv' | 'en' | 'md' | 'html' | 'draft', string>>;
  extra: {
    kiritimati: { aid006: string; perYear: number; hash: string; json: string };
    apia: { lengthMonths: number; json: string };
    dateAsOf: { asOf: string; ruleSet: string };
    typo: unknown;
  };
}

let dir = '';
const outputs = new Map<string, ChildOut>();

beforeAll(async () => {
  // Inside node_modules/.cache, so the bundle finds the runtime dependencies it leaves external.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  dir = mkdtempSync(join(root, 'node_modules/.cache/iop-tz-'));
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'src/index.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: join(dir, 'lib.mjs'),
    packages: 'external',
    logLevel: 'silent',
    plugins: [esbuildCatalogue(join(root, 'rules'))],
  });
  writeFileSync(join(dir, 'child.mjs'), CHILD);
  writeFileSync(join(dir, 'sweep.json'), JSON.stringify(sweepCases()));
  for (const zone of ZONES) {
    const env = { ...process.env, TZ: zone };
    const text = execFileSync(process.execPath, [join(dir, 'child.mjs'), examplesDir, ...examples], { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    outputs.set(zone, JSON.parse(text) as ChildOut);
  }
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('time zones', () => {
  it('the children really ran in different zones', () => {
    expect(outputs.get('UTC')?.offset2024).toBe(0);
    expect(outputs.get('Europe/Stockholm')?.offset2024).toBe(-60);
    expect(outputs.get('Pacific/Kiritimati')?.offset2024).toBe(-840);
    expect(outputs.get('America/Los_Angeles')?.offset2024).toBe(480);
  });

  it.each(ZONES)('%s: the golden verdicts and texts, byte for byte', (zone) => {
    const out = outputs.get(zone);
    expect(out).toBeDefined();
    for (const f of examples) {
      const name = f.replace(/\.json$/, '');
      const got = out?.examples[f];
      expect(got?.verdict, `${zone} ${name} verdict`).toBe(readFileSync(join(goldenDir, `${name}.verdict.json`), 'utf8'));
      expect(got?.sv, `${zone} ${name} sv`).toBe(readFileSync(join(goldenDir, `${name}.sv.txt`), 'utf8'));
      expect(got?.en, `${zone} ${name} en`).toBe(readFileSync(join(goldenDir, `${name}.en.txt`), 'utf8'));
    }
  });

  it.each(ZONES)('%s: Markdown, HTML, drafts and the reproductions equal UTC', (zone) => {
    expect(outputs.get(zone)).toEqual(outputs.get('UTC') && { ...outputs.get('UTC'), zone, offset2024: outputs.get(zone)?.offset2024 });
  });

  it('the sweep gives verdicts, not only errors', () => {
    const sweep = outputs.get('UTC')?.sweep ?? [];
    expect(sweep).toHaveLength(120);
    expect(sweep.filter((x) => !x.endsWith(' error')).length).toBeGreaterThan(60);
  });

  it('a case date on a day Kiritimati skipped: the aid per year is over the cap everywhere', () => {
    for (const zone of ZONES) {
      expect(outputs.get(zone)?.extra.kiritimati.aid006, zone).toBe('fail');
      expect(outputs.get(zone)?.extra.kiritimati.perYear, zone).toBe(15_001_000);
    }
  });

  it('a period ending on the day Apia skipped is 11 whole months everywhere (the last month lacks a day)', () => {
    for (const zone of ZONES) expect(outputs.get(zone)?.extra.apia.lengthMonths, zone).toBe(11);
  });

  it('a Date asOf is the Stockholm calendar day of its instant everywhere', () => {
    for (const zone of ZONES) expect(outputs.get(zone)?.extra.dateAsOf, zone).toEqual({ asOf: '2024-01-01', ruleSet: 'stockholm-2023' });
  });

  it('a typo year before any rule is refused everywhere', () => {
    for (const zone of ZONES) expect(outputs.get(zone)?.extra.typo, zone).toEqual(['options.asOf no_rules_in_force']);
  });
});
