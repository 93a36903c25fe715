// `npm start`: assess every case in examples/ with the built library and print the verdicts.
// The examples are assessed as of a fixed date so what they print does not drift with the clock.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assess, formatVerdict } from '../dist/index.js';

const AS_OF = '2025-03-01';
const dir = new URL('../examples/', import.meta.url).pathname;
const locale = process.argv.includes('--en') ? 'en' : 'sv';

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
  const input = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const verdict = await assess(input, { asOf: AS_OF, locale });
  console.log(`\n#### examples/${file}  →  ${verdict.outcome}\n`);
  console.log(formatVerdict(verdict, { format: 'text' }));
}
console.log(`Assessed as of ${AS_OF}. One case at a time: npx iop-rules assess examples/<file>.json --as-of ${AS_OF}`);
