// The form-ready JSON Schema of the case (issue 10 item 1): titles from the fact dictionary, dates as
// `format: "date"`, nullable fields as type lists, enums with labels; validated with ajv in both dialects
// against every example and against the bad-input catalogue.
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft07 from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema, caseFieldText } from '../src/case-json-schema.js';
import { INPUT_FACTS } from '../src/facts/input-facts.js';
import { ROWS } from './helpers/bad-input-catalogue.js';

type Json = Record<string, unknown>;

const EXAMPLES = readdirSync('examples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(`examples/${f}`, 'utf8')) as Json }));

const SHIPPED = {
  'case.schema.json': { locale: 'sv', target: 'draft-2020-12' },
  'case.en.schema.json': { locale: 'en', target: 'draft-2020-12' },
  'case.draft-07.schema.json': { locale: 'sv', target: 'draft-07' },
  'case.en.draft-07.schema.json': { locale: 'en', target: 'draft-07' },
} as const;

function compile(schema: Json) {
  const draft07 = String(schema.$schema).includes('draft-07');
  // strict: false because `x-`-free titles on every node are fine, but ajv's strictTypes dislikes type lists with
  // keywords that apply to one of the types (maxLength on ["string","null"]); that is valid JSON Schema.
  const ajv = draft07 ? new AjvDraft07({ allErrors: true, strict: false }) : new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Every schema node with the dotted path of its field (`a.b`, list entries `a.b[]`). */
function nodes(schema: unknown, path = ''): Array<{ path: string; node: Json }> {
  if (typeof schema !== 'object' || schema === null) return [];
  const node = schema as Json;
  const out = [{ path, node }];
  for (const [k, v] of Object.entries((node.properties as Json | undefined) ?? {})) out.push(...nodes(v, path ? `${path}.${k}` : k));
  if (node.items) out.push(...nodes(node.items, `${path}[]`));
  return out;
}

/** A JSON value survives a JSON round trip unchanged (a Date, Map, undefined or class instance does not). */
function isJsonData(x: unknown): boolean {
  try {
    const text = JSON.stringify(x);
    if (text === undefined) return false;
    return JSON.stringify(JSON.parse(text)) === text && deepPlain(x);
  } catch {
    return false;
  }
}
function deepPlain(x: unknown): boolean {
  if (x === null || typeof x !== 'object') return typeof x !== 'function' && typeof x !== 'bigint' && x !== undefined && (typeof x !== 'number' || Number.isFinite(x));
  if (Array.isArray(x)) return x.every(deepPlain);
  const proto: unknown = Object.getPrototypeOf(x);
  if (proto !== null && proto !== Object.prototype) return false;
  return Object.keys(x).every((k) => deepPlain((x as Json)[k]));
}

/**
 * What JSON Schema cannot say, by issue code (docs/input.md, "What the JSON Schema cannot check"):
 * the check digit, the order of two dates, and the raw-input guard (total size, depth, key count, prototype keys).
 */
const NOT_EXPRESSIBLE = new Set(['invalid_org_number', 'period_end_before_start', 'limit_exceeded', 'forbidden_key', 'unreadable', 'not_json']);

describe('caseJsonSchema', () => {
  it.each(Object.entries(SHIPPED))('the shipped schema/%s is what caseJsonSchema(%o) returns', (file, opts) => {
    expect(JSON.parse(readFileSync(`schema/${file}`, 'utf8'))).toEqual(caseJsonSchema(opts));
  });

  it('defaults to Swedish and draft 2020-12, and draft-07 when asked', () => {
    expect(caseJsonSchema()).toEqual(caseJsonSchema({ locale: 'sv', target: 'draft-2020-12' }));
    expect(caseJsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(caseJsonSchema({ target: 'draft-07' }).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it.each(['sv', 'en'] as const)('every field has a title in %s; every input fact has its label and question', (locale) => {
    const all = nodes(caseJsonSchema({ locale }));
    const untitled = all.filter(({ node }) => typeof node.title !== 'string' || !node.title).map((n) => n.path);
    expect(untitled).toEqual([]);
    const byPath = new Map(all.map((n) => [n.path, n.node]));
    for (const fact of INPUT_FACTS) {
      const node = byPath.get(fact.id);
      expect(node, `no schema field for fact ${fact.id}`).toBeDefined();
      expect(node?.description).toBe(fact.question[locale]);
      if (!caseFieldText(fact.id, locale)?.title) throw new Error(`no title for ${fact.id}`);
    }
    // Swedish and English titles differ on the whole (one language per schema).
    expect(byPath.get('organisation.legalForm')?.title).toBe(locale === 'sv' ? 'Juridisk form' : 'Legal form');
  });

  it('has no anyOf pickers, no editable $schema, dates with format "date", enums as labelled consts', () => {
    for (const locale of ['sv', 'en'] as const) {
      for (const target of ['draft-2020-12', 'draft-07'] as const) {
        const schema = caseJsonSchema({ locale, target });
        const text = JSON.stringify(schema);
        expect(text).not.toContain('"anyOf"');
        expect(Object.keys(schema.properties as Json)).not.toContain('$schema');
        const all = nodes(schema);
        for (const { path, node } of all) {
          if (Array.isArray(node.oneOf)) {
            for (const alt of node.oneOf as Json[]) {
              expect(Object.keys(alt).sort(), path).toEqual(['const', 'title']);
              if (alt.const !== null) expect(alt.title, path).not.toBe(alt.const === 'ideell-forening' ? 'ideell-forening' : undefined);
            }
          }
        }
        const dates = all.filter(({ node }) => node.format === 'date').map((n) => n.path);
        expect(dates).toEqual(expect.arrayContaining(['organisation.registeredSince', 'partnership.period.start', 'agreement.signedOn', 'followUp.reports[].dueOn']));
        expect(all.find((n) => n.path === 'organisation.insolvent')?.node.type).toEqual(['boolean', 'null']);
        const legal = all.find((n) => n.path === 'organisation.legalForm')?.node.oneOf as Json[];
        expect(legal.find((o) => o.const === 'ideell-forening')?.title).toBe(locale === 'sv' ? 'ideell förening' : 'non-profit association');
        expect(legal.at(-1)).toEqual({ const: null, title: locale === 'sv' ? 'Okänt' : 'Unknown' });
      }
    }
  });

  describe.each(Object.entries(SHIPPED))('ajv with schema/%s', (file) => {
    const validate = compile(JSON.parse(readFileSync(`schema/${file}`, 'utf8')) as Json);

    it.each(EXAMPLES.map((e) => [e.file, e.json] as const))('accepts examples/%s', (_f, json) => {
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    });

    it('refuses every catalogue row it can express, and accepts only what docs/input.md lists as beyond it', () => {
      const slipped: string[] = [];
      let refused = 0;
      for (const row of ROWS) {
        if (!('issue' in row) || row.issue.startsWith('options')) continue; // options are not part of the case
        const input = row.input();
        if (!isJsonData(input)) continue; // not JSON at all: no JSON Schema validator ever sees it
        if (validate(input)) {
          if (!row.code || !NOT_EXPRESSIBLE.has(row.code)) slipped.push(`${row.name} (${row.code ?? 'no code'})`);
        } else refused++;
      }
      expect(slipped).toEqual([]);
      expect(refused).toBeGreaterThanOrEqual(40);
    });

    it('refuses an impossible date and a badly formed organisation number, accepts a bad check digit', () => {
      expect(validate({ organisation: { registeredSince: '2023-02-30' } })).toBe(false);
      expect(validate({ organisation: { registeredSince: '2024-02-29' } })).toBe(true);
      expect(validate({ organisation: { orgNumber: '80200-00000' } })).toBe(false);
      expect(validate({ organisation: { orgNumber: '802000-0000' } })).toBe(true); // check digit: beyond JSON Schema
      expect(validate({ $schema: '../schema/case.schema.json', organisation: null })).toBe(true);
      expect(validate({ organisation: { sharedNeeds: true } })).toBe(false);
    });
  });
});
