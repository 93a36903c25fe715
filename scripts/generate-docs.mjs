// Generates files that must not drift from the code and the rules:
//   rules/rule.schema.json   JSON Schema for rule files (from the zod schema, via the built library)
//   schema/case*.schema.json JSON Schema of the input case (sv/en, draft 2020-12 and draft-07)
//   schema/case-file.schema.json  JSON Schema of a case file (test/rules/*.cases.json, `iop-rules test`)
//   docs/rules.md            the readable rule catalogue, from rules/**/*.json
// `--check` writes nothing and fails when a committed file is stale (CI runs this).
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { caseJsonSchema, ruleJsonSchema } from '../dist/index.js';
import { caseFileJsonSchema } from '../dist/testing.js';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.json') && !e.name.endsWith('.schema.json') ? [join(dir, e.name)] : []));
}

const files = walk(join(root, 'rules')).map((f) => ({ path: relative(join(root, 'rules'), f).split(sep).join('/'), json: JSON.parse(readFileSync(f, 'utf8')) }));
const rules = files.filter((f) => /IOP-[A-Z]+-\d{3}\.json$/.test(f.path));
const editions = files.filter((f) => f.path.endsWith('/edition.json'));
const overlays = files.filter((f) => f.path.endsWith('/overlay.json'));
const params = files.filter((f) => f.path.startsWith('parameters/'));

const AREAS = ['organisation', 'partnership', 'local-government', 'procurement', 'state-aid', 'agreement', 'follow-up'];
const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const src = (s) => (s.url ? `[${cell(s.ref)}](${s.url})` : cell(s.ref));
const layerOf = (path) => (path.startsWith('law/') ? 'law' : path.startsWith('overlays/') ? `overlay:${path.split('/')[1]}` : path.split('/')[1]);

const md = [];
md.push('# Rule catalogue', '');
md.push('Generated from `rules/` by `npm run docs:generate`; do not edit by hand (CI fails when it is stale).', '');
md.push(`${rules.length} rules, ${params.length} parameters, ${editions.length} rule sets, ${overlays.length} overlay(s).`, '');
md.push('Stockholm\'s own guideline texts are not public in our sources. Each rule names the documents it rests on; see [provenance.md](provenance.md).', '');
md.push('## Rule sets', '');
md.push('| id | title | in force | uses | leaves out | severity changes |', '|---|---|---|---|---|---|');
for (const { json: e } of editions) {
  md.push(`| \`${e.id}\` | ${cell(e.title.sv)} / ${cell(e.title.en)} | ${e.effective.from} – ${e.effective.to ?? ''} | ${(e.uses ?? []).join(', ')} | ${(e.omit ?? []).join(', ')} | ${Object.entries(e.severity ?? {}).map(([k, v]) => `${k} → ${v}`).join(', ')} |`);
}
md.push('');
if (overlays.length) {
  md.push('## Overlays', '', '| id | title | in force | prefix |', '|---|---|---|---|');
  for (const { json: o } of overlays) md.push(`| \`${o.id}\` | ${cell(o.title.sv)} | ${o.effective.from} – ${o.effective.to ?? ''} | ${o.prefix} |`);
  md.push('');
}
for (const area of AREAS) {
  const list = rules.filter((r) => r.json.area === area).sort((a, b) => (a.json.id < b.json.id ? -1 : 1));
  if (!list.length) continue;
  md.push(`## ${area}`, '', '| id | severity | layer | title | sources | in force |', '|---|---|---|---|---|---|');
  for (const { path, json: r } of list) {
    md.push(`| ${r.id} v${r.version} | ${r.severity} | ${layerOf(path)} | ${cell(r.title.sv)}<br>*${cell(r.title.en)}* | ${r.sources.map(src).join('<br>')} | ${r.effective.from} – ${r.effective.to ?? ''} |`);
  }
  md.push('');
}
md.push('## Parameters', '', '| id | unit | from | to | value | sources |', '|---|---|---|---|---|---|');
for (const { json: p } of params) {
  for (const v of p.values) md.push(`| \`${p.id}\` | ${p.unit} | ${v.from} | ${v.to ?? ''} | ${v.value} | ${v.sources.map(src).join('<br>')} |`);
}
md.push('');

const outputs = [
  ['rules/rule.schema.json', `${JSON.stringify(ruleJsonSchema(), null, 2)}\n`],
  // The case schema in both languages and both dialects; examples point at the Swedish 2020-12 one.
  ['schema/case.schema.json', `${JSON.stringify(caseJsonSchema({ locale: 'sv' }), null, 2)}\n`],
  ['schema/case.en.schema.json', `${JSON.stringify(caseJsonSchema({ locale: 'en' }), null, 2)}\n`],
  ['schema/case.draft-07.schema.json', `${JSON.stringify(caseJsonSchema({ locale: 'sv', target: 'draft-07' }), null, 2)}\n`],
  ['schema/case.en.draft-07.schema.json', `${JSON.stringify(caseJsonSchema({ locale: 'en', target: 'draft-07' }), null, 2)}\n`],
  ['schema/case-file.schema.json', `${JSON.stringify(caseFileJsonSchema(), null, 2)}\n`],
  ['docs/rules.md', `${md.join('\n')}`],
];
let stale = 0;
for (const [rel, content] of outputs) {
  const file = join(root, rel);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (current === content) continue;
  if (check) {
    console.error(`docs:check: ${rel} is stale; run npm run docs:generate`);
    stale++;
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    console.log(`wrote ${rel}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('docs:check: generated files are up to date');
