// Limits on raw input, checked before any schema parses it (docs/limits.md, docs/security.md).
//
// Everything here walks the input with an explicit stack, never by recursion, so a value
// nested 10 000 levels deep cannot overflow the call stack; and every walk stops as soon as a
// limit is crossed, so an oversized input costs no more work than the limit allows.
import type { Text } from '../_internal/text.js';
import { LeafSchema, OPERATORS, RULE_LIMITS } from '../rules/rule-schema.js';
import type { InputIssue, InputIssueCode } from './input-error.js';

/** Caps on the raw shape of one input case. Every one can be changed per call (`AssessOptions.limits`). */
export interface InputLimits {
  /** Longest string value anywhere in the case, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** Longest field name (object key). The schema's own names are at most 30 characters. */
  readonly maxKeyLength: number;
  /** Sum of the lengths of every string in the case. */
  readonly maxTotalStringLength: number;
  /** Longest array anywhere in the case. */
  readonly maxArrayLength: number;
  /** Most keys in any one object. */
  readonly maxObjectKeys: number;
  /** Deepest nesting of objects and arrays; the case itself is level 1. */
  readonly maxDepth: number;
  /** Most values (objects, arrays, strings, numbers, …) in the whole case. */
  readonly maxNodes: number;
  /** Largest JSON text the CLI reads from a file or stdin, in bytes (the library never reads text). */
  readonly maxJsonBytes: number;
}

/**
 * The defaults. A real case has about 150 values, nests 6 levels deep and has no array longer
 * than its payment plan; every schema text field is at most 2 000 characters. The defaults sit
 * well above that and well below what would make parsing slow.
 */
export const DEFAULT_INPUT_LIMITS: InputLimits = Object.freeze({
  maxStringLength: 10_000,
  maxKeyLength: 200,
  maxTotalStringLength: 1_000_000,
  maxArrayLength: 1_000,
  maxObjectKeys: 200,
  maxDepth: 16,
  maxNodes: 100_000,
  maxJsonBytes: 5 * 1024 * 1024,
});

const LIMIT_KEYS = Object.keys(DEFAULT_INPUT_LIMITS) as Array<keyof InputLimits>;

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

type WalkLimits = Omit<InputLimits, 'maxJsonBytes'>;

/** Stop collecting after this many problems: the first ones are enough to act on. */
const MAX_PROBLEMS = 50;

function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const k = clip(key);
  return path ? `${path}.${k}` : k;
}

const fmt = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** What a walk found: machine kind, where, and the message in both languages. */
interface Problem {
  readonly path: string;
  readonly kind: 'limit' | 'not_json' | 'unreadable' | 'forbidden_key' | 'invalid';
  /** For `limit`: which one. */
  readonly limit?: keyof WalkLimits;
  readonly message: Text;
}

function codeOf(p: Problem): InputIssueCode {
  return p.kind === 'limit' ? 'limit_exceeded' : p.kind === 'invalid' ? 'invalid_value' : p.kind;
}

/** True for `{}` literals, `JSON.parse` objects and `Object.create(null)`, from any realm. */
function isPlainObject(x: object): boolean {
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function describe(x: unknown): Text {
  if (typeof x === 'function') return { sv: 'en funktion', en: 'a function' };
  if (typeof x === 'symbol') return { sv: 'en symbol', en: 'a symbol' };
  if (typeof x === 'bigint') return { sv: 'ett bigint-tal', en: 'a bigint' };
  const name = (x as { constructor?: { name?: unknown } }).constructor?.name;
  if (name === 'Object') return { sv: 'ett objekt med ändrad prototyp', en: 'an object with a changed prototype' };
  return typeof name === 'string' && name
    ? { sv: `ett ${clip(name, 30)}-objekt`, en: `a ${clip(name, 30)} object` }
    : { sv: 'ett objekt som inte är ett vanligt objekt', en: 'a non-plain object' };
}

/** "X is not JSON data" / "X is not a plain JSON object", in both languages. */
function notJson(x: unknown, object: boolean): Text {
  const d = describe(x);
  return object
    ? { sv: `${d.sv} är inte ett vanligt JSON-objekt`, en: `${d.en} is not a plain JSON object` }
    : { sv: `${d.sv} är inte JSON-data`, en: `${d.en} is not JSON data` };
}

interface WalkOptions {
  readonly limits: WalkLimits;
  /** Path prefix for every reported path. */
  readonly root: string;
  /** A key that must not appear, with the reason; undefined when the key is fine. */
  readonly forbiddenKey?: (key: string, path: string, depth: number) => Text | undefined;
  /** Label for a limit in messages: `limits.maxDepth` for cases, the rule format for rules. */
  readonly label: (limit: keyof WalkLimits) => string;
}

/**
 * Walk a value iteratively and report what crosses a limit or is not JSON data. Does not
 * descend into an array or object that is itself over a limit, and stops the whole walk at
 * `maxNodes` values or MAX_PROBLEMS problems.
 */
function walk(value: unknown, opts: WalkOptions): Problem[] {
  const { limits, label } = opts;
  const out: Problem[] = [];
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: opts.root, depth: 1 }];
  let nodes = 0;
  let totalText = 0;
  let textReported = false;
  const limit = (path: string, sv: string, en: string, which: keyof WalkLimits): void => {
    out.push({ path, kind: 'limit', limit: which, message: { sv: `${sv} (${label(which)})`, en: `${en} (${label(which)})` } });
  };
  const text = (s: string, path: string, what: { sv: string; en: string }, which: 'maxStringLength' | 'maxKeyLength'): boolean => {
    const max = limits[which];
    if (s.length > max) {
      limit(path, `${what.sv} har ${fmt(s.length)} tecken; högst ${fmt(max)} tillåts`, `${what.en} has ${fmt(s.length)} characters; at most ${fmt(max)} are allowed`, which);
      return false;
    }
    totalText += s.length;
    if (totalText > limits.maxTotalStringLength && !textReported) {
      textReported = true;
      limit(path, `texterna är sammanlagt längre än ${fmt(limits.maxTotalStringLength)} tecken`, `the texts together are longer than ${fmt(limits.maxTotalStringLength)} characters`, 'maxTotalStringLength');
      return false;
    }
    return true;
  };

  let current = opts.root;
  try {
    while (stack.length && out.length < MAX_PROBLEMS) {
      const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
      current = path;
      if (++nodes > limits.maxNodes) {
        limit(opts.root, `indata har fler än ${fmt(limits.maxNodes)} värden`, `the input has more than ${fmt(limits.maxNodes)} values`, 'maxNodes');
        break;
      }
      if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number') continue;
      if (typeof v === 'string') {
        text(v, path, { sv: 'texten', en: 'the text' }, 'maxStringLength');
        continue;
      }
      if (typeof v !== 'object') {
        out.push({ path, kind: 'not_json', message: notJson(v, false) });
        continue;
      }
      if (depth > limits.maxDepth) {
        limit(path, `nästlat djupare än ${limits.maxDepth} nivåer`, `nested deeper than ${limits.maxDepth} levels`, 'maxDepth');
        continue;
      }
      if (Array.isArray(v)) {
        if (v.length > limits.maxArrayLength) {
          limit(path, `listan har ${fmt(v.length)} element; högst ${fmt(limits.maxArrayLength)} tillåts`, `the list has ${fmt(v.length)} items; at most ${fmt(limits.maxArrayLength)} are allowed`, 'maxArrayLength');
          continue;
        }
        // Push in reverse so problems come out in input order.
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, i), depth: depth + 1 });
        continue;
      }
      if (!isPlainObject(v)) {
        out.push({ path, kind: 'not_json', message: notJson(v, true) });
        continue;
      }
      const keys = Object.keys(v);
      if (keys.length > limits.maxObjectKeys) {
        limit(path, `objektet har ${fmt(keys.length)} fält; högst ${fmt(limits.maxObjectKeys)} tillåts`, `the object has ${fmt(keys.length)} fields; at most ${fmt(limits.maxObjectKeys)} are allowed`, 'maxObjectKeys');
        continue;
      }
      const children: Array<{ v: unknown; path: string; depth: number }> = [];
      for (const key of keys) {
        const p = join(path, key);
        if (!text(key, p, { sv: 'fältnamnet', en: 'the field name' }, 'maxKeyLength')) continue;
        const bad = opts.forbiddenKey?.(key, path, depth);
        if (bad) {
          out.push({ path: p, kind: 'forbidden_key', message: bad });
          continue;
        }
        const desc = Object.getOwnPropertyDescriptor(v, key);
        if (desc && !('value' in desc)) {
          out.push({ path: p, kind: 'not_json', message: { sv: 'ett fält med get/set-funktion är inte JSON-data', en: 'a field with a getter or setter is not JSON data' } });
          continue;
        }
        // Read through the object (not the descriptor) so that a Proxy's traps run here, inside the try.
        children.push({ v: (v as Record<string, unknown>)[key], path: p, depth: depth + 1 });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as (typeof children)[number]);
    }
  } catch (e) {
    const msg = clip(e instanceof Error ? e.message : String(e), 200);
    out.push({ path: current, kind: 'unreadable', message: { sv: `kan inte läsas: ${msg}`, en: `cannot be read: ${msg}` } });
  }
  return out;
}

function toIssues(problems: readonly Problem[], codeOf: (p: Problem) => InputIssueCode): InputIssue[] {
  return problems.map((p) => ({ path: p.path, code: codeOf(p), message: p.message }));
}

/**
 * Check a raw case against the limits before any schema work: sizes, depth, and that it is
 * plain JSON-like data (no functions, getters, class instances). Returns every problem found
 * (up to 50), each with its path and code `limit_exceeded`, `not_json` or `unreadable`.
 * An empty list means the schema may parse the value.
 */
export function checkLimits(value: unknown, limits: InputLimits = DEFAULT_INPUT_LIMITS): InputIssue[] {
  const problems = walk(value, { limits, root: '', label: (k) => `limits.${k}` });
  return toIssues(problems, codeOf);
}

/**
 * Read `AssessOptions.limits`: each given field must be a whole number ≥ 1. Fields left out
 * keep their default. Bad fields are reported and replaced by the default.
 */
export function resolveLimits(given: unknown, path = 'options.limits'): { limits: InputLimits; issues: InputIssue[] } {
  if (given === undefined) return { limits: DEFAULT_INPUT_LIMITS, issues: [] };
  const issues: InputIssue[] = [];
  if (given === null || typeof given !== 'object' || Array.isArray(given)) {
    return { limits: DEFAULT_INPUT_LIMITS, issues: [{ path, code: 'invalid_option', message: { sv: 'ska vara ett objekt', en: 'must be an object' } }] };
  }
  const out: Record<string, number> = { ...DEFAULT_INPUT_LIMITS };
  for (const key of Object.keys(given)) {
    const v = (given as Record<string, unknown>)[key];
    if (!(LIMIT_KEYS as string[]).includes(key)) {
      issues.push({ path: join(path, key), code: 'invalid_option', message: { sv: `okänd gräns (finns: ${LIMIT_KEYS.join(', ')})`, en: `unknown limit (available: ${LIMIT_KEYS.join(', ')})` } });
    } else if (v === undefined) {
      continue;
    } else if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
      issues.push({ path: join(path, key), code: 'invalid_option', message: { sv: 'ska vara ett heltal ≥ 1', en: 'must be a whole number ≥ 1' } });
    } else out[key] = v;
  }
  return { limits: Object.freeze(out) as unknown as InputLimits, issues };
}

// ---------------------------------------------------------------------------------------------
// Rules and overlays
// ---------------------------------------------------------------------------------------------

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Keys an overlay manifest may never hold. `depth` 1 is the manifest itself. */
function forbiddenManifestKey(key: string, _path: string, depth: number): Text | undefined {
  if (PROTOTYPE_KEYS.has(key)) {
    return { sv: `fältnamnet "${key}" är inte tillåtet`, en: `the field name "${key}" is not allowed` };
  }
  if (key.startsWith('$') && !(key === '$schema' && depth === 1)) {
    return { sv: `fältnamn som börjar med "$" stöds inte: "${clip(key, 40)}"`, en: `field names starting with "$" are not supported: "${clip(key, 40)}"` };
  }
  return undefined;
}

/** Keys a rule file may never hold, with the reason. `depth` 1 is the rule object itself. */
function forbiddenRuleKey(key: string, _path: string, depth: number): Text | undefined {
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
    const parsed = LeafSchema.safeParse(c);
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
export function checkRuleJson(json: unknown): RuleJsonProblem[] {
  const tree: Problem[] = [];
  try {
    if (json !== null && typeof json === 'object' && !Array.isArray(json) && isPlainObject(json)) {
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
export function checkOverlaysInput(overlays: readonly unknown[], root = 'options.overlays'): InputIssue[] {
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
        for (const p of checkRuleJson(rule)) {
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
