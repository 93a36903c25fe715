import { FACTS } from '../facts/registry.js';
import { isIsoDate } from '../domain/primitives.js';
import type { Condition, Leaf, ParameterFile, RuleFile } from './rule-schema.js';
import { RULE_LIMITS } from './rule-schema.js';
import { operatorSpec, operatorsFor, typeClass } from './operators.js';

/** A problem found in a rule file: where, and what. */
export interface RuleProblem {
  readonly path: string;
  readonly message: string;
}

/** Which area each id prefix belongs to. Overlay prefixes may use any area. */
export const AREA_PREFIX: Readonly<Record<string, string>> = {
  ORG: 'organisation',
  PART: 'partnership',
  KL: 'local-government',
  PROC: 'procurement',
  AID: 'state-aid',
  AGR: 'agreement',
  FU: 'follow-up',
};

const NUMERIC_UNITS = ['SEK', 'EUR', 'months', 'years', 'ratio', 'count'];

function checkLeaf(leaf: Leaf, path: string, params: ReadonlyMap<string, ParameterFile>, out: RuleProblem[]): void {
  const def = FACTS.get(leaf.fact);
  if (!def) {
    out.push({ path: `${path}.fact`, message: `unknown fact "${leaf.fact}" (not in the fact dictionary, src/facts/)` });
    return;
  }
  const cls = typeClass(def.type);
  const spec = operatorSpec(leaf.operator);
  if (!spec.fits.includes(cls)) {
    out.push({
      path: `${path}.operator`,
      message: `operator "${leaf.operator}" does not apply to ${def.type} fact "${leaf.fact}" (allowed: ${operatorsFor(cls).join(', ')})`,
    });
    return;
  }
  const v = leaf.value;
  const isList = spec.value === 'list';
  if (typeof v === 'object' && !Array.isArray(v)) {
    const p = params.get(v.param);
    if (!p) {
      out.push({ path: `${path}.value.param`, message: `unknown parameter "${v.param}" (no rules/parameters/${v.param}.json)` });
      return;
    }
    const ok =
      (cls === 'numeric' && NUMERIC_UNITS.includes(p.unit)) ||
      (cls === 'date' && p.unit === 'date') ||
      (cls === 'boolean' && p.unit === 'boolean');
    if (!ok || isList) out.push({ path: `${path}.value.param`, message: `parameter "${v.param}" (${p.unit}) cannot be compared with ${def.type} fact "${leaf.fact}" by ${leaf.operator}` });
    return;
  }
  if (isList !== Array.isArray(v)) {
    out.push({ path: `${path}.value`, message: isList ? `"${leaf.operator}" needs a list of values` : `"${leaf.operator}" needs a single value, not a list` });
    return;
  }
  const values = Array.isArray(v) ? v : [v];
  for (const x of values) {
    const good =
      cls === 'boolean'
        ? typeof x === 'boolean'
        : cls === 'numeric'
          ? typeof x === 'number' && Number.isFinite(x)
          : cls === 'date'
            ? typeof x === 'string' && isIsoDate(x)
            : typeof x === 'string';
    if (!good) {
      out.push({ path: `${path}.value`, message: `${JSON.stringify(x)} is not a valid value for ${def.type} fact "${leaf.fact}"` });
      continue;
    }
    if (def.values && typeof x === 'string' && (cls === 'string' || cls === 'list') && !def.values.includes(x)) {
      out.push({ path: `${path}.value`, message: `"${x}" is not one of the values of "${leaf.fact}": ${def.values.join(', ')}` });
    }
  }
}

/** Walk a condition tree: depth, leaf count, and each leaf's fact, operator and value. */
export function checkCondition(
  cond: Condition,
  path: string,
  params: ReadonlyMap<string, ParameterFile>,
  out: RuleProblem[],
): { leaves: number; facts: string[] } {
  const facts: string[] = [];
  let leaves = 0;
  let tooDeep = false;
  const walk = (c: Condition, p: string, depth: number): void => {
    if (depth > RULE_LIMITS.maxDepth) {
      tooDeep = true;
      return;
    }
    if ('all' in c) c.all.forEach((x, i) => walk(x, `${p}.all[${i}]`, depth + 1));
    else if ('any' in c) c.any.forEach((x, i) => walk(x, `${p}.any[${i}]`, depth + 1));
    else if ('not' in c) walk(c.not, `${p}.not`, depth + 1);
    else {
      leaves++;
      facts.push(c.fact);
      checkLeaf(c, p, params, out);
    }
  };
  walk(cond, path, 1);
  if (tooDeep) out.push({ path, message: `condition tree is deeper than ${RULE_LIMITS.maxDepth} levels` });
  if (leaves > RULE_LIMITS.maxLeaves) out.push({ path, message: `condition tree has ${leaves} leaves (at most ${RULE_LIMITS.maxLeaves})` });
  return { leaves, facts };
}

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/** Placeholder names used in a text: `{organisation.name}`, `{param.lou.directAwardLimitSek}`. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Full semantic check of one rule (the schema has already passed). */
export function checkRule(
  rule: RuleFile,
  params: ReadonlyMap<string, ParameterFile>,
  opts: { overlayPrefix?: string } = {},
): RuleProblem[] {
  const out: RuleProblem[] = [];
  const prefix = rule.id.split('-')[1] ?? '';
  if (opts.overlayPrefix !== undefined) {
    if (prefix !== opts.overlayPrefix) out.push({ path: 'id', message: `overlay rules must use the overlay's prefix: IOP-${opts.overlayPrefix}-NNN` });
  } else if (AREA_PREFIX[prefix] !== rule.area) {
    out.push({ path: 'id', message: `id prefix ${prefix} does not match area "${rule.area}"` });
  }
  checkCondition(rule.conditions, 'conditions', params, out);
  if (rule.appliesTo) checkCondition(rule.appliesTo, 'appliesTo', params, out);

  const texts: Array<[string, string]> = [];
  const addText = (p: string, t: { sv: string; en: string } | undefined): void => {
    if (t) texts.push([`${p}.sv`, t.sv], [`${p}.en`, t.en]);
  };
  addText('title', rule.title);
  addText('explanation.pass', rule.explanation.pass);
  addText('explanation.fail', rule.explanation.fail);
  addText('explanation.unknown', rule.explanation.unknown);
  addText('explanation.notApplicable', rule.explanation.notApplicable);
  addText('remedy', rule.remedy);
  for (const [p, t] of texts) {
    for (const name of placeholders(t)) {
      if (name.startsWith('param.')) {
        if (!params.has(name.slice(6))) out.push({ path: p, message: `placeholder {${name}} names no parameter` });
      } else if (!FACTS.has(name)) {
        out.push({ path: p, message: `placeholder {${name}} names no fact` });
      }
    }
    if (/[{}]/.test(t.replace(PLACEHOLDER, ''))) out.push({ path: p, message: 'unbalanced { or } in text' });
  }
  return out;
}

/** Check a parameter file: values sorted, not overlapping, and of the declared unit. */
export function checkParameter(p: ParameterFile): RuleProblem[] {
  const out: RuleProblem[] = [];
  let prevTo: string | null | undefined;
  p.values.forEach((v, i) => {
    if (v.to !== null && v.to < v.from) out.push({ path: `values[${i}].to`, message: 'to is before from' });
    if (i > 0 && (prevTo === null || (prevTo !== undefined && v.from <= prevTo))) {
      out.push({ path: `values[${i}].from`, message: 'overlaps the previous value (values must be in date order, not overlapping)' });
    }
    prevTo = v.to;
    const okType =
      p.unit === 'date' ? typeof v.value === 'string' && isIsoDate(v.value) : p.unit === 'boolean' ? typeof v.value === 'boolean' : typeof v.value === 'number';
    if (!okType) out.push({ path: `values[${i}].value`, message: `value does not fit unit ${p.unit}` });
  });
  return out;
}
