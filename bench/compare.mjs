// Compare this build with another build of the library, side by side in one process:
//   node --expose-gc bench/compare.mjs /path/to/other/checkout   (that checkout built: dist/)
// Prints µs per assess for both in interleaved rounds (medians; the machine may be shared),
// throughput with 100 calls in flight, a JSON overlay's cost after first use, cold start in
// new processes, and whether the verdicts are byte-identical for the examples and 300 variants.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OTHER = resolve(process.argv[2] ?? '');
if (!process.argv[2]) {
  console.error('usage: node bench/compare.mjs /path/to/other/checkout');
  process.exit(2);
}
const load = async (root) => ({
  lib: await import(pathToFileURL(join(root, 'dist/index.js')).href),
  testing: await import(pathToFileURL(join(root, 'dist/testing.js')).href),
});
const A = await load(OTHER);
const B = await load(ROOT);
const AS_OF = '2025-03-01';
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(readFileSync(join(ROOT, 'examples', f), 'utf8')));
const variants = [];
for (let i = 0; i < 300; i++) {
  const base = examples[i % examples.length];
  const org = base.organisation ?? {};
  variants.push({ ...base, organisation: { ...org, taxDebtSek: (i * 997) % 4000, ...(i % 7 === 0 ? { insolvent: true } : {}) }, ...(i % 11 === 0 ? { agreement: undefined } : {}) });
}
const cases = [B.testing.favourableCase({ organisation: { taxDebtSek: 1200 } }), ...examples];
const tiny = (n) => ({ id: `IOP-BS-00${n}`, version: 1, area: 'organisation', severity: 'info', title: { sv: 't', en: 't' }, explanation: { pass: { sv: 'p', en: 'p' }, fail: { sv: 'f', en: 'f' }, unknown: { sv: 'u', en: 'u' } }, sources: [{ ref: 'bench', title: 'bench' }], effective: { from: '2000-01-01', to: null }, conditions: { fact: 'organisation.insolvent', operator: 'equal', value: false } });
const overlay = { overlay: { id: 'bench-bs', title: { sv: 'B', en: 'B' }, sources: [{ ref: 'bench', title: 'bench' }], effective: { from: '2000-01-01', to: null }, prefix: 'BS' }, rules: [tiny(1), tiny(2)] };

// 1. Same verdicts?
let same = 0;
let differ = 0;
for (const c of [...examples, ...variants]) {
  for (const locale of ['sv', 'en']) {
    const [a, b] = await Promise.all([A.lib.safeAssess(c, { asOf: AS_OF, locale }), B.lib.safeAssess(c, { asOf: AS_OF, locale })]);
    const ja = JSON.stringify(a.ok ? a.verdict : a.error.issues);
    const jb = JSON.stringify(b.ok ? b.verdict : b.error.issues);
    if (ja === jb) same++;
    else differ++;
  }
}
console.log(`verdicts: ${same} byte-identical, ${differ} different (examples and ${variants.length} variants, sv and en)`);

// 2. Interleaved timing
const now = () => performance.now();
async function per(fn, n) {
  const t = now();
  for (let i = 0; i < n; i++) await fn(i);
  return ((now() - t) * 1000) / n;
}
const contenders = {
  'assess, other': (i) => A.lib.assess(cases[i % cases.length], { asOf: AS_OF }),
  'assess, this': (i) => B.lib.assess(cases[i % cases.length], { asOf: AS_OF }),
  'assess + JSON overlay, other': (i) => A.lib.assess(cases[i % cases.length], { asOf: AS_OF, overlays: [overlay] }),
  'assess + JSON overlay, this': (i) => B.lib.assess(cases[i % cases.length], { asOf: AS_OF, overlays: [overlay] }),
  '100 in flight, other': () => Promise.all(Array.from({ length: 100 }, (_, j) => A.lib.assess(cases[j % cases.length], { asOf: AS_OF }))),
  '100 in flight, this': () => Promise.all(Array.from({ length: 100 }, (_, j) => B.lib.assess(cases[j % cases.length], { asOf: AS_OF }))),
};
const rounds = 7;
const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (const fn of Object.values(contenders)) await per(fn, 5);
for (let r = 0; r < rounds; r++) {
  for (const [k, fn] of Object.entries(contenders)) times[k].push(await per(fn, k.startsWith('100') ? 2 : 100));
}
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (a, b) => med(times[a].map((x, i) => x / times[b][i]));
for (const k of Object.keys(contenders)) {
  const v = med(times[k]);
  console.log(`  ${k.padEnd(32)} ${k.startsWith('100') ? `${Math.round(100 / (v / 1e6))}/s` : `${Math.round(v)} µs/call`}`);
}
console.log(`this / other: assess ${ratio('assess, this', 'assess, other').toFixed(2)}×, with a JSON overlay ${ratio('assess + JSON overlay, this', 'assess + JSON overlay, other').toFixed(2)}×, 100 in flight ${ratio('100 in flight, this', '100 in flight, other').toFixed(2)}× the time`);
console.log(`JSON overlay adds: other +${((ratio('assess + JSON overlay, other', 'assess, other') - 1) * 100).toFixed(0)} %, this +${((ratio('assess + JSON overlay, this', 'assess, this') - 1) * 100).toFixed(0)} %`);

// 3. Cold start, alternating, median of 5 each
const cold = (root) => {
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(join(root, 'dist/index.js')).href)}); const ti = performance.now(); await m.assess({ organisation: { name: 'X' } }, { asOf: '${AS_OF}' }); console.log(JSON.stringify([ti - t, performance.now() - ti]));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(r.stdout);
};
const ca = [];
const cb = [];
for (let i = 0; i < 5; i++) {
  ca.push(cold(OTHER));
  cb.push(cold(ROOT));
}
const mc = (xs) => xs.sort((a, b) => a[0] + a[1] - b[0] - b[1])[2];
const [ai, af] = mc(ca);
const [bi, bf] = mc(cb);
console.log(`cold start (import + first verdict): other ${Math.round(ai)} + ${Math.round(af)} ms, this ${Math.round(bi)} + ${Math.round(bf)} ms (${((bi + bf) / (ai + af)).toFixed(2)}×)`);
