// `npm run bench`: speed and memory of the built library, against the targets below.
// Targets live here, not in timed tests. Exit code 1 when a target is missed.
import { assess, assessMany } from '../dist/index.js';
import { favourableCase } from '../dist/testing.js';

const TARGETS = {
  medianFullCaseMs: 10, // one full case, every rule in force, warm
  p95FullCaseMs: 25,
  minimalCaseMs: 10,
  heapGrowthMbPer5000: 60, // assessMany over 5 000 cases keeps memory flat
};

const now = () => Number(process.hrtime.bigint()) / 1e6;
const opts = { asOf: '2025-03-01' };
const full = favourableCase({ organisation: { taxDebtSek: 1200 } });

for (let i = 0; i < 50; i++) await assess(full, opts); // warm up

const times = [];
for (let i = 0; i < 500; i++) {
  const t = now();
  await assess(full, opts);
  times.push(now() - t);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const p95 = times[Math.floor(times.length * 0.95)];

const tMin = now();
for (let i = 0; i < 200; i++) await assess({ organisation: { name: 'X' } }, opts);
const minimal = (now() - tMin) / 200;

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let n = 0;
function* cases() {
  for (let i = 0; i < 5000; i++) yield favourableCase({ organisation: { taxDebtSek: i % 3 === 0 ? 500 : 0 } });
}
for await (const v of assessMany(cases(), opts)) if (v) n++;
globalThis.gc?.();
const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

const rows = [
  ['full case, median', `${median.toFixed(2)} ms`, `≤ ${TARGETS.medianFullCaseMs} ms`, median <= TARGETS.medianFullCaseMs],
  ['full case, p95', `${p95.toFixed(2)} ms`, `≤ ${TARGETS.p95FullCaseMs} ms`, p95 <= TARGETS.p95FullCaseMs],
  ['minimal case, mean', `${minimal.toFixed(2)} ms`, `≤ ${TARGETS.minimalCaseMs} ms`, minimal <= TARGETS.minimalCaseMs],
  [`heap growth over ${n} cases`, `${growthMb.toFixed(1)} MB`, `≤ ${TARGETS.heapGrowthMbPer5000} MB`, growthMb <= TARGETS.heapGrowthMbPer5000],
];
for (const [what, got, target, ok] of rows) console.log(`${ok ? '✓' : '✗'} ${what.padEnd(30)} ${got.padStart(10)}   target ${target}`);
if (rows.some((r) => !r[3])) process.exit(1);
