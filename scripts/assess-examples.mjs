// `npm start`: assess every case in examples/ with the built library and print one line per
// example (file → outcome, rules that fail or are unknown, questions). `--full` prints every
// verdict as well; `--out DIR` writes each verdict (text and JSON) to DIR instead. `--en`: English.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { assess, formatVerdict } from '../dist/index.js';

const AS_OF = '2025-03-01';
const dir = new URL('../examples/', import.meta.url).pathname;
const args = process.argv.slice(2);
const locale = args.includes('--en') ? 'en' : 'sv';
const full = args.includes('--full');
const outIdx = args.indexOf('--out');
const outDir = outIdx >= 0 ? args[outIdx + 1] : undefined;
if (outIdx >= 0 && !outDir) {
  console.error('--out needs a directory');
  process.exit(5);
}
if (outDir) mkdirSync(outDir, { recursive: true });

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const width = Math.max(...files.map((f) => `examples/${f}`.length));
const rows = [];
for (const file of files) {
  const verdict = await assess(JSON.parse(readFileSync(join(dir, file), 'utf8')), { asOf: AS_OF, locale });
  const count = (s) => verdict.findings.filter((f) => f.status === s).length;
  rows.push(`${`examples/${file}`.padEnd(width)}  →  ${verdict.outcome.padEnd(12)}  ${count('fail')} fail, ${count('unknown')} unknown, ${verdict.missingFacts.length} questions`);
  if (full) console.log(`\n#### examples/${file}  →  ${verdict.outcome}\n\n${formatVerdict(verdict, { format: 'text' })}`);
  if (outDir) {
    const stem = basename(file, '.json');
    writeFileSync(join(outDir, `${stem}.txt`), formatVerdict(verdict, { format: 'text' }));
    writeFileSync(join(outDir, `${stem}.verdict.json`), `${JSON.stringify(verdict, null, 2)}\n`);
  }
}
console.log(rows.join('\n'));
console.log(
  `\nAssessed as of ${AS_OF}.${outDir ? ` Verdicts written to ${outDir}/.` : ' Full verdicts: npm start -- --full (or --out DIR).'}\nOne case: npx iop-rules assess examples/<file>.json --as-of ${AS_OF}`,
);
