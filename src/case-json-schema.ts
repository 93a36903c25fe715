import * as z from 'zod';
import type { Locale } from './_internal/text.js';
import { IopCaseSchema } from './domain/case.js';
import { FACTS } from './facts/registry.js';
import { valueLabel } from './verdict/render.js';

/** Options for `caseJsonSchema`. */
export interface CaseJsonSchemaOptions {
  /** Language of every `title` and `description`. Default `sv`. */
  locale?: Locale;
  /** JSON Schema dialect. Default `draft-2020-12`; `draft-07` for form libraries whose validator expects it. */
  target?: 'draft-2020-12' | 'draft-07';
}

type Json = Record<string, unknown>;

/**
 * Titles of the schema nodes that are not input facts: the groups (`organisation`, `partnership.period`)
 * and the fields inside list entries (`partnership.goals[].indicator`). A list's own title is here too when its
 * fact counts the entries ("number of goals" is the fact, "goals" the field). Every other field takes its
 * title (label) and description (question) from the fact dictionary, so a field added with its fact needs no
 * entry here. A test fails when a field has neither.
 */
const NODE_TEXTS: Record<string, readonly [sv: string, en: string, svDesc?: string, enDesc?: string]> = {
  '': ['IOP-ärende', 'IOP case', 'Uppgifterna om ett tänkt idéburet offentligt partnerskap. Ett fält som saknas eller är null betyder okänt.', 'The facts of a proposed idea-based public partnership. A missing or null field means unknown.'],
  organisation: ['Organisationen', 'The organisation', 'Den idéburna organisation som skulle bli stadens partner.', 'The idéburen organisation that would be the city’s partner.'],
  partnership: ['Partnerskapet', 'The partnership', 'Det föreslagna partnerskapet (själva IOP:n).', 'The proposed partnership (the IOP itself).'],
  agreement: ['Överenskommelsen', 'The agreement', 'Utkastet till överenskommelse, om det finns ett.', 'The draft agreement, when one exists.'],
  followUp: ['Uppföljning', 'Follow-up', 'Uppföljningen av ett pågående partnerskap.', 'Follow-up of a running partnership.'],
  'partnership.period': ['Partnerskapets period', 'Partnership period'],
  'agreement.period': ['Avtalsperiod', 'Agreement period'],
  'partnership.cityContribution': ['Stadens bidrag', 'The city’s contribution'],
  'partnership.organisationContribution': ['Organisationens bidrag', 'The organisation’s contribution'],
  'partnership.stateAid': ['Statsstöd', 'State aid'],
  'partnership.goals': ['Mål', 'Goals'],
  'partnership.goals[]': ['Mål', 'Goal'],
  'partnership.goals[].description': ['Målbeskrivning', 'Goal description'],
  'partnership.goals[].indicator': ['Indikator', 'Indicator'],
  'partnership.goals[].target': ['Målvärde', 'Target value'],
  'partnership.priorityAreas[]': ['Prioriterat område', 'Priority area'],
  'partnership.stateAid.priorAid': ['Tidigare stöd av mindre betydelse', 'Prior de minimis aid'],
  'partnership.stateAid.priorAid[]': ['Tidigare stöd', 'Prior aid'],
  'partnership.stateAid.priorAid[].grantedOn': ['Beviljat', 'Granted on'],
  'partnership.stateAid.priorAid[].amountEur': ['Belopp (euro)', 'Amount (EUR)'],
  'partnership.stateAid.priorAid[].kind': ['Slag av stöd', 'Kind of aid'],
  'agreement.clauses[]': ['Klausul', 'Clause'],
  'agreement.paymentPlan': ['Utbetalningsplan', 'Payment plan'],
  'agreement.paymentPlan[]': ['Utbetalning', 'Payment'],
  'agreement.paymentPlan[].dueOn': ['Förfallodag', 'Due on'],
  'agreement.paymentPlan[].amountSek': ['Belopp (kr)', 'Amount (SEK)'],
  'followUp.reports': ['Uppföljningsrapporter', 'Follow-up reports'],
  'followUp.reports[]': ['Rapport', 'Report'],
  'followUp.reports[].periodStart': ['Rapportperiodens start', 'Report period start'],
  'followUp.reports[].periodEnd': ['Rapportperiodens slut', 'Report period end'],
  'followUp.reports[].dueOn': ['Ska lämnas senast', 'Due on'],
  'followUp.reports[].submittedOn': ['Lämnad', 'Submitted on'],
  'followUp.reports[].activitiesDelivered': ['Genomförda aktiviteter', 'Activities delivered'],
  'followUp.reports[].indicators': ['Indikatorer', 'Indicators'],
  'followUp.reports[].indicators[]': ['Indikator', 'Indicator'],
  'followUp.reports[].indicators[].id': ['Indikatorns id', 'Indicator id'],
  'followUp.reports[].indicators[].target': ['Målvärde', 'Target'],
  'followUp.reports[].indicators[].actual': ['Utfall', 'Actual'],
  'followUp.reports[].unspentFundsSek': ['Outnyttjade medel från kommunen vid periodens slut, överfört överskott inräknat (kr)', 'The municipality’s funds unspent at the end of the period, carried-over surplus included (SEK)'],
};

const UNKNOWN_LABEL: Record<Locale, string> = { sv: 'Okänt', en: 'Unknown' };

/** The regular expression zod writes for our ISO dates; such a string becomes `format: "date"`. */
const DATE_PATTERN = '^(\\d{4})-(\\d{2})-(\\d{2})$';

/** Title and description of the node at a dotted path (`a.b`, list entries as `a.b[]`), or undefined. */
export function caseFieldText(path: string, locale: Locale): { title: string; description?: string } | undefined {
  const own = NODE_TEXTS[path];
  const i = locale === 'sv' ? 0 : 1;
  const fact = FACTS.get(path);
  const input = fact && fact.kind === 'input' ? fact : undefined;
  if (own) {
    const desc = own[i + 2] ?? input?.question[locale];
    return { title: own[i] as string, ...(desc ? { description: desc } : {}) };
  }
  if (input) return { title: input.label[locale], description: input.question[locale] };
  return undefined;
}

function isNullSchema(s: unknown): boolean {
  return typeof s === 'object' && s !== null && (s as Json).type === 'null' && Object.keys(s as Json).length === 1;
}

/** `anyOf: [X, {type:null}]` → X with `null` allowed; `anyOf` of plain types → one `type` list. */
function collapseAnyOf(node: Json): Json {
  const any = node.anyOf;
  if (!Array.isArray(any)) return node;
  // Flatten `anyOf: [{ anyOf: [A, B] }, null]` (a nullable union) first.
  const flat = any.flatMap((s) => (typeof s === 'object' && s !== null && Object.keys(s).length === 1 && Array.isArray((s as Json).anyOf) ? ((s as Json).anyOf as unknown[]) : [s]));
  const nullable = flat.some(isNullSchema);
  const rest = flat.filter((s) => !isNullSchema(s)) as Json[];
  const { anyOf: _drop, ...outer } = node;
  let merged: Json;
  if (rest.length === 1) merged = { ...(rest[0] as Json) };
  else if (rest.every((s) => typeof s.type === 'string' && !('enum' in s) && !('properties' in s) && !('items' in s))) {
    // Plain scalar types with type-specific keywords only (maxLength applies to strings only): one type list.
    merged = Object.assign({}, ...rest, { type: rest.map((s) => s.type as string) });
  } else return node;
  if (nullable) {
    const t = merged.type;
    if (t === undefined) return node;
    merged.type = Array.isArray(t) ? [...t, 'null'] : t === undefined ? t : [t, 'null'];
    if (Array.isArray(merged.enum)) merged.enum = [...merged.enum, null];
  }
  return { ...outer, ...merged };
}

function decorate(node: unknown, path: string, locale: Locale): unknown {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return node;
  let n = collapseAnyOf(node as Json);
  const out: Json = {};
  const text = caseFieldText(path, locale);
  if (text) {
    out.title = text.title;
    if (text.description) out.description = text.description;
  }
  for (const [k, v] of Object.entries(n)) {
    if (k === 'properties' && typeof v === 'object' && v !== null) {
      const props: Json = {};
      for (const [pk, pv] of Object.entries(v as Json)) props[pk] = decorate(pv, path ? `${path}.${pk}` : pk, locale);
      out.properties = props;
    } else if (k === 'items') out.items = decorate(v, `${path}[]`, locale);
    else out[k] = v;
  }
  n = out;
  if (n.type === 'string' || (Array.isArray(n.type) && n.type.includes('string'))) {
    if (n.pattern === DATE_PATTERN) n.format = 'date';
  }
  if (Array.isArray(n.enum)) {
    // Enums as `oneOf` of `{ const, title }`: standard JSON Schema that form libraries render as a labelled select.
    const { enum: values, ...others } = n;
    n = { ...others, oneOf: values.map((v) => ({ const: v, title: typeof v === 'string' ? valueLabel(v, locale) : UNKNOWN_LABEL[locale] })) };
  }
  return n;
}

/**
 * JSON Schema of the input case, ready for a form library: a `title` and `description` on every field in
 * the chosen language (from the fact dictionary), `format: "date"` on dates, nullable fields as
 * `type: [T, "null"]` (no `anyOf` pickers), enums as `oneOf` of `{ const, title }` with readable labels, and no editable
 * `$schema` field (it is still accepted, through `patternProperties`).
 *
 * What JSON Schema cannot express (the organisation number's check digit, a period's end before its start)
 * is checked by `validateCase` and `assess` only; docs/input.md lists it.
 */
export function caseJsonSchema(options: CaseJsonSchemaOptions = {}): Record<string, unknown> {
  const locale: Locale = options.locale === 'en' ? 'en' : 'sv';
  const target = options.target === 'draft-07' ? 'draft-07' : 'draft-2020-12';
  const raw = z.toJSONSchema(IopCaseSchema, { io: 'input', unrepresentable: 'any', target }) as Json;
  const schema = decorate(raw, '', locale) as Json;
  const props = { ...(schema.properties as Json) };
  const dollar = props.$schema;
  delete props.$schema;
  const { $schema: dialect, ...rest } = schema;
  return {
    $schema: dialect,
    ...rest,
    properties: props,
    // `$schema` lets editors find this file; it is accepted but not a field to fill in.
    ...(dollar ? { patternProperties: { '^\\$schema$': dollar } } : {}),
  };
}
