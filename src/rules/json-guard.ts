// The raw guard for rule and overlay JSON, run before any schema parses it: sizes, depth, keys,
// plain data only (docs/limits.md, docs/security.md). Uses the iterative walker in
// src/_internal/walk.ts, so no input can overflow the stack.
import type { Text } from '../_internal/text.js';
import { MAX_PROBLEMS, clip, codeOf, fmt, isPlainObject, join, notJson, toIssues, walk, type Problem, type WalkLimits } from '../_internal/walk.js';
import type { InputIssue } from '../domain/input-error.js';
import { OPERATORS, RULE_LIMITS, ruleSchemas } from './rule-schema.js';

/** Most overlays one call may name. */
export const MAX_OVERLAYS = 20;

/**
 * Caps on a JSON overlay and on each rule in it, derived from the rule format's own limits
 * (`RULE_LIMITS`, docs/rule-authoring.md). Not configurable: they are part of the rule format.
 */
export const OVERLAY_LIMITS = Object.freeze({
  /** The overlay manifest (`overlay`): a few texts, sources and severity changes. */
  manifest: Object.freeze({
    maxStringLength: RULE_LIMITS.maxTextLength,
    maxKeyLength: 100,
    maxTotalStringLength: 200_000,
    maxArrayLength: 64,
    maxObjectKeys: 200,
    maxDepth: 6,
    maxNodes: 10_000,
  }),
  /** One rule. Depth: a condition tree of `RULE_LIMITS.maxDepth` levels is 2 × that deep as JSON, plus the rule and a value list. */
  rule: Object.freeze({
    maxStringLength: RULE_LIMITS.maxTextLength,
    maxKeyLength: 100,
    maxTotalStringLength: 200_000,
    maxArrayLength: Math.max(RULE_LIMITS.maxLeaves, RULE_LIMITS.maxListValues),
    maxObjectKeys: 50,
    maxDepth: 2 * RULE_LIMITS.maxDepth + 1,
    maxNodes: 10_000,
  }),
  maxRules: RULE_LIMITS.maxRulesPerLayer,
  maxConditionDepth: RULE_LIMITS.maxDepth,
});


const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys an overlay manifest may never hold. `depth` 1 is the manifest itself. */
function forbiddenManifestKey(key: string, depth: number): Text | undefined {
  if (PROTOTYPE_KEYS.has(key)) {
    return { sv: `fältnamnet "${key}" är inte tillåtet`, en: `the field name "${key}" is not allowed` };
  }
  if (key.startsWith('$') && !(key === '$schema' && depth === 1)) {
    return { sv: `fältnamn som börjar med "$" stöds inte: "${clip(key, 40)}"`, en: `field names starting with "$" are not supported: "${clip(key, 40)}"` };
  }
  return undefined;
}

/** Keys a rule file may never hold, with the reason. `depth` 1 is the rule object itself. */
function forbiddenRuleKey(key: string, depth: number): Text | undefined {
  if (key === 'path') {
    return {
      sv: 'JSONPath/`path` stöds inte i regler (fältet "path" godtas inte): ett löv läser ett faktum enbart via dess id (`fact`)',
      en: 'JSONPath/`path` is not supported in rules (the field "path" is refused): a leaf reads a fact by its id (`fact`) only',
    };
  }
  if (PROTOTYPE_KEYS.has(key)) {
    return { sv: `fältnamnet "${key}" är inte tillåtet i regler`, en: `the field name "${key}" is not allowed in rules` };
  }
  if (key.startsWith('$') && !(key === '$schema' && depth === 1)) {
    return {
      sv: `fältnamn som börjar med "$" (JSONPath) stöds inte i regler: "${clip(key, 40)}"`,
      en: `field names starting with "$" (JSONPath) are not supported in rules: "${clip(key, 40)}"`,
    };
  }
  return undefined;
}

function ruleLabel(k: keyof WalkLimits): string {
  return k === 'maxDepth' ? `rule format: at most ${OVERLAY_LIMITS.rule.maxDepth} levels of JSON nesting` : `rule format limit ${k}`;
}

const GROUP_KEYS = ['all', 'any', 'not'] as const;
const LEAF_KEYS = ['fact', 'operator', 'value'];

function treeProblem(path: string, sv: string, en: string, limit?: keyof WalkLimits): Problem {
  return { path, kind: limit ? 'limit' : 'invalid', ...(limit ? { limit } : {}), message: { sv, en } };
}

/**
 * Check one condition tree before the (recursive) schema sees it, iteratively: nesting at most
 * `RULE_LIMITS.maxDepth` levels (reported once per tree), every node a group or a leaf, and each
 * leaf checked by the leaf schema, so a bad operator is reported at `….operator`, not as the
 * union's "invalid input" at the node.
 */
function checkTree(tree: unknown, path: string): Problem[] {
  const max = OVERLAY_LIMITS.maxConditionDepth;
  const out: Problem[] = [];
  const stack: Array<{ c: unknown; path: string; level: number }> = [{ c: tree, path, level: 1 }];
  let visits = 0;
  while (stack.length && out.length < MAX_PROBLEMS && visits++ < OVERLAY_LIMITS.rule.maxNodes) {
    const { c, path: p, level } = stack.pop() as { c: unknown; path: string; level: number };
    if (c === null || typeof c !== 'object' || Array.isArray(c) || !isPlainObject(c)) {
      out.push(treeProblem(p, 'ett villkor är ett objekt: all/any/not eller ett löv { fact, operator, value }', 'a condition is an object: all/any/not or a leaf { fact, operator, value }'));
      continue;
    }
    if (level > max) {
      out.push(treeProblem(p, `villkoren är nästlade djupare än ${max} nivåer (all/any/not)`, `the conditions are nested deeper than ${max} levels (all/any/not)`, 'maxDepth'));
      break; // once per tree: fix the depth first
    }
    const own = (k: string): unknown => {
      const d = Object.getOwnPropertyDescriptor(c, k);
      return d && 'value' in d ? d.value : undefined;
    };
    const keys = Object.keys(c);
    const groups = GROUP_KEYS.filter((k) => keys.includes(k));
    if (keys.includes('condition')) {
      out.push(treeProblem(`${p}.condition`, 'namngivna villkor (`condition`) stöds inte i regler: skriv ut villkoret', 'named conditions (`condition`) are not supported in rules: write the condition out'));
      continue;
    }
    if (groups.length) {
      const extra = keys.filter((k) => k !== groups[0]);
      if (groups.length > 1 || extra.length) {
        out.push(treeProblem(p, `en grupp har exakt ett av all/any/not och inget annat (här: ${keys.map((k) => clip(k, 20)).join(', ')})`, `a group has exactly one of all/any/not and nothing else (here: ${keys.map((k) => clip(k, 20)).join(', ')})`));
        continue;
      }
      const g = groups[0] as (typeof GROUP_KEYS)[number];
      const v = own(g);
      if (g === 'not') stack.push({ c: v, path: `${p}.not`, level: level + 1 });
      else if (!Array.isArray(v) || v.length === 0 || v.length > RULE_LIMITS.maxLeaves) {
        out.push(treeProblem(`${p}.${g}`, `"${g}" är en lista med 1–${RULE_LIMITS.maxLeaves} villkor`, `"${g}" is a list of 1–${RULE_LIMITS.maxLeaves} conditions`));
      } else for (let i = v.length - 1; i >= 0; i--) stack.push({ c: v[i], path: `${p}.${g}[${i}]`, level: level + 1 });
      continue;
    }
    // A leaf.
    const value = own('value');
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, 'fact')) {
      out.push(treeProblem(`${p}.value.fact`, 'att jämföra med ett annat faktum stöds inte i regler: gör ett härlett faktum', 'comparing with another fact is not supported in rules: make a derived fact'));
      continue;
    }
    const parsed = ruleSchemas().LeafSchema.safeParse(c);
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const at = issue.path.length ? `${p}.${issue.path.map(String).join('.')}` : p;
      const field = issue.path[0];
      if (issue.code === 'unrecognized_keys') {
        const where = issue.path.length ? 'i värdet' : 'i ett löv';
        const whereEn = issue.path.length ? 'in the value' : 'in a leaf';
        for (const k of issue.keys) out.push(treeProblem(`${at}.${clip(k)}`, `okänt fält ${where} (ett löv har ${LEAF_KEYS.join(', ')})`, `unknown field ${whereEn} (a leaf has ${LEAF_KEYS.join(', ')})`));
      } else if (typeof field === 'string' && own(field) === undefined) {
        out.push(treeProblem(at, `"${field}" saknas (ett löv har ${LEAF_KEYS.join(', ')})`, `"${field}" is missing (a leaf has ${LEAF_KEYS.join(', ')})`));
      } else if (field === 'operator') {
        const op = clip(String(own('operator')), 40);
        out.push(treeProblem(at, `okänd operator "${op}" (tillåtna: ${OPERATORS.join(', ')})`, `unknown operator "${op}" (allowed: ${OPERATORS.join(', ')})`));
      } else if (field === 'value') {
        out.push(
          treeProblem(
            at,
            `ett värde är text (högst 200 tecken), ett tal, true/false, en lista med 1–${RULE_LIMITS.maxListValues} sådana eller { "param": id }`,
            `a value is text (at most 200 characters), a number, true/false, a list of 1–${RULE_LIMITS.maxListValues} of those, or { "param": id }`,
          ),
        );
      } else out.push(treeProblem(at, issue.message, issue.message));
    }
  }
  return out;
}

/** What the guard checks. */
export interface GuardOptions {
  /**
   * Check the condition trees' shape (groups, leaves, operators). Default true. Without it the
   * guard still checks sizes, keys and that everything is plain JSON data: enough to read an
   * overlay safely (as when looking up an overlay already checked in full by its JSON text).
   */
  readonly trees?: boolean;
}

/** A problem in a rule file: the path inside the rule and an English message (RuleProblem's shape). */
export interface RuleJsonProblem {
  readonly path: string;
  readonly message: string;
  readonly sv: string;
}

/**
 * Check a raw rule (bundled file or overlay rule) before the schema parses it: no JSONPath
 * `path`, no `$`-keys, no `__proto__`/`constructor`/`prototype` keys, nothing that is not JSON
 * data (functions, getters, class instances), condition trees at most `RULE_LIMITS.maxDepth`
 * levels deep and sizes within the rule format. Iterative: a 10 000-deep tree is reported,
 * not recursed into. Returns the problems with paths relative to the rule.
 */
export function checkRuleJson(json: unknown, opts: GuardOptions = {}): RuleJsonProblem[] {
  const tree: Problem[] = [];
  try {
    if (opts.trees !== false && json !== null && typeof json === 'object' && !Array.isArray(json) && isPlainObject(json)) {
      for (const key of ['appliesTo', 'conditions'] as const) {
        const desc = Object.getOwnPropertyDescriptor(json, key);
        if (desc && 'value' in desc) tree.push(...checkTree(desc.value, key));
      }
    }
  } catch {
    // Unreadable (a Proxy that throws): the walk below reports it.
  }
  const problems = walk(json, { limits: OVERLAY_LIMITS.rule, root: '', forbiddenKey: forbiddenRuleKey, label: ruleLabel });
  // A too-deep condition tree is reported once, by the condition check, not again as raw depth.
  const deep = tree.filter((t) => t.limit === 'maxDepth').map((t) => t.path.split('.')[0] as string);
  const rest = problems.filter((p) => !(p.limit === 'maxDepth' && deep.some((d) => p.path === d || p.path.startsWith(`${d}.`))));
  // Where the walk found something more specific (a `path` key, a function) at or below a node, keep only that.
  const under = (p: string, node: string) => p === node || p.startsWith(`${node}.`) || p.startsWith(`${node}[`);
  const kept = tree.filter((t) => !rest.some((w) => under(w.path, t.path)));
  return [...kept, ...rest].map((p) => ({ path: p.path, message: p.message.en, sv: p.message.sv }));
}

function ruleIdOf(rule: unknown, j: number): string {
  if (rule === null || typeof rule !== 'object') return `#${j}`;
  const d = Object.getOwnPropertyDescriptor(rule, 'id');
  return d && 'value' in d && typeof d.value === 'string' ? clip(d.value, 40) : `#${j}`;
}

/**
 * Check \`AssessOptions.overlays\` before any schema parses it: how many overlays, and for each
 * JSON overlay that it is plain data, the size and keys of its manifest, the number of rules,
 * and every rule by \`checkRuleJson\`. Messages about a rule name it (\`rule IOP-RK-001: …\`).
 */
export function checkOverlaysInput(overlays: readonly unknown[], root = 'options.overlays', opts: GuardOptions = {}): InputIssue[] {
  if (overlays.length > MAX_OVERLAYS) {
    return [{ path: root, code: 'limit_exceeded', message: { sv: `högst ${MAX_OVERLAYS} overlay per bedömning (${fmt(overlays.length)} angavs)`, en: `at most ${MAX_OVERLAYS} overlays per assessment (${fmt(overlays.length)} given)` } }];
  }
  const issues: InputIssue[] = [];
  overlays.forEach((ov, i) => {
    const base = `${root}[${i}]`;
    if (typeof ov === 'string') {
      if (ov.length > 200) issues.push({ path: base, code: 'limit_exceeded', message: { sv: 'ett overlay-id är högst 200 tecken', en: 'an overlay id is at most 200 characters' } });
      return;
    }
    if (ov === null || typeof ov !== 'object' || Array.isArray(ov)) return; // the schema says what it should be
    try {
      if (!isPlainObject(ov)) {
        issues.push({ path: base, code: 'not_json', message: notJson(ov, true) });
        return;
      }
      const own = new Map<string, unknown>();
      const keys = Object.keys(ov);
      if (keys.length > 10) {
        issues.push({ path: base, code: 'limit_exceeded', message: { sv: 'ett overlay har bara fälten overlay och rules', en: 'an overlay has only the fields overlay and rules' } });
        return;
      }
      for (const k of keys) {
        const d = Object.getOwnPropertyDescriptor(ov, k);
        if (PROTOTYPE_KEYS.has(k)) issues.push({ path: join(base, k), code: 'invalid_overlay', message: { sv: `fältnamnet "${k}" är inte tillåtet`, en: `the field name "${k}" is not allowed` } });
        else if (d && !('value' in d)) issues.push({ path: join(base, k), code: 'not_json', message: { sv: 'ett fält med get/set-funktion är inte JSON-data', en: 'a field with a getter or setter is not JSON data' } });
        else own.set(k, d?.value);
      }
      const manifest = own.get('overlay');
      if (manifest !== undefined) {
        const problems = walk(manifest, { limits: OVERLAY_LIMITS.manifest, root: `${base}.overlay`, forbiddenKey: forbiddenManifestKey, label: (k) => `overlay limit ${k}` });
        issues.push(...toIssues(problems, codeOf));
      }
      const rules = own.get('rules');
      if (!Array.isArray(rules)) return; // the schema says what it should be
      if (rules.length > OVERLAY_LIMITS.maxRules) {
        issues.push({
          path: `${base}.rules`,
          code: 'limit_exceeded',
          message: {
            sv: `overlayt har ${fmt(rules.length)} regler; högst ${fmt(OVERLAY_LIMITS.maxRules)} tillåts (RULE_LIMITS.maxRulesPerLayer)`,
            en: `the overlay has ${fmt(rules.length)} rules; at most ${fmt(OVERLAY_LIMITS.maxRules)} are allowed (RULE_LIMITS.maxRulesPerLayer)`,
          },
        });
        return;
      }
      for (let j = 0; j < rules.length && issues.length < MAX_PROBLEMS; j++) {
        const d = Object.getOwnPropertyDescriptor(rules, j);
        if (d && !('value' in d)) {
          issues.push({ path: `${base}.rules[${j}]`, code: 'not_json', message: { sv: 'ett element med get/set-funktion är inte JSON-data', en: 'an item with a getter or setter is not JSON data' } });
          continue;
        }
        const rule: unknown = d?.value;
        const id = ruleIdOf(rule, j);
        for (const p of checkRuleJson(rule, opts)) {
          issues.push({
            path: p.path ? `${base}.rules[${j}].${p.path}` : `${base}.rules[${j}]`,
            code: 'invalid_overlay_rule',
            message: { sv: `regel ${id}: ${p.path || '(regeln)'}: ${p.sv}`, en: `rule ${id}: ${p.path || '(the rule)'}: ${p.message}` },
          });
        }
      }
    } catch (e) {
      const msg = clip(e instanceof Error ? e.message : String(e), 200);
      issues.push({ path: base, code: 'unreadable', message: { sv: `kan inte läsas: ${msg}`, en: `cannot be read: ${msg}` } });
    }
  });
  return issues;
}
