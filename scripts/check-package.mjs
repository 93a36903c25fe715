// `npm run check:package` (part of `npm test`; run after `npm run build`). Fails when:
//   - publint --strict reports anything;
//   - attw reports a problem in ANY resolution mode (node10, node16 from CJS and ESM, bundler);
//   - the rule catalogue is bundled into more than one file of a module format (an app that loads
//     `iop-rules` and `iop-rules/testing` would load it twice and get two IopInputError classes);
//   - the packed tarball has sourcemaps, or lacks a file the package promises (schemas, entries).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const problems = [];

function run(label, cmd, args) {
  const res = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  process.stdout.write(res.stdout ?? '');
  process.stderr.write(res.stderr ?? '');
  if (res.status !== 0) problems.push(`${label} failed (exit ${res.status})`);
}

run('publint --strict', bin('publint'), ['--strict']);
// No --profile and no --ignore-rules: every resolution mode counts, node10 included.
run('attw', bin('attw'), ['--pack', '.', '--format', 'table-flipped']);

/** A string only the catalogue module contains: the start of the prepared catalogue as the catalogue plugin embeds it. */
const MARKER = '{"law":[';
const dist = join(root, 'dist');
for (const ext of ['.js', '.cjs']) {
  const holders = readdirSync(dist).filter((f) => f.endsWith(ext) && readFileSync(join(dist, f), 'utf8').includes(MARKER));
  if (holders.length !== 1) problems.push(`the rule catalogue is in ${holders.length} ${ext} files (${holders.join(', ')}); it must be in exactly one`);
}

const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = packed[0].files.map((f) => f.path);
const maps = files.filter((f) => f.endsWith('.map'));
if (maps.length) problems.push(`the tarball has ${maps.length} sourcemap(s), e.g. ${maps[0]}`);
const required = [
  'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts',
  'dist/testing.js', 'dist/testing.cjs', 'dist/testing.d.ts', 'dist/testing.d.cts', 'dist/cli.js',
  'testing/package.json', 'schema/case.schema.json', 'schema/case-file.schema.json', 'rules/rule.schema.json',
];
for (const f of required) if (!files.includes(f)) problems.push(`the tarball lacks ${f}`);
const src = files.filter((f) => f.startsWith('src/') || f.startsWith('test/'));
if (src.length) problems.push(`the tarball ships source or tests: ${src.slice(0, 3).join(', ')}`);

if (problems.length) {
  for (const p of problems) console.error(`check:package: ${p}`);
  process.exit(1);
}
console.log(`check:package: publint and attw (all resolution modes) clean; one catalogue per module format; ${files.length} files, ${packed[0].unpackedSize} bytes unpacked, no sourcemaps`);
