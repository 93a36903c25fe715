// The iterative walker behind the raw-input checks (case caps in domain/limits.ts, the rule and
// overlay guard in rules/json-guard.ts). It walks a value with an explicit stack, never by
// recursion, so a value nested 10 000 levels deep cannot overflow the call stack; and it stops
// as soon as a limit is crossed, so an oversized input costs no more work than the limit allows.
import type { Text } from './text.js';

/** The caps a walk checks (the case caps without the CLI's byte cap; the rule format's). */
export interface WalkLimits {
  /** Longest string value anywhere in the value, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** Longest field name (object key). The case schema's own names are at most 30 characters. */
  readonly maxKeyLength: number;
  /** Sum of the lengths of every string in the value. */
  readonly maxTotalStringLength: number;
  /** Longest array anywhere in the value. */
  readonly maxArrayLength: number;
  /** Most keys in any one object. */
  readonly maxObjectKeys: number;
  /** Deepest nesting of objects and arrays; the value itself is level 1. */
  readonly maxDepth: number;
  /** Most values (objects, arrays, strings, numbers, …) in the whole value. */
  readonly maxNodes: number;
}

/** An issue as the public `InputIssue` has it: where, a code, and the message in both languages. */
export interface WalkIssue {
  readonly path: string;
  readonly code: WalkCode;
  readonly message: Text;
}

/** Stop collecting after this many problems: the first ones are enough to act on. */
export const MAX_PROBLEMS = 50;

export function clip(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const k = clip(key);
  return path ? `${path}.${k}` : k;
}

export const fmt = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** What a walk found: machine kind, where, and the message in both languages. */
export interface Problem {
  readonly path: string;
  readonly kind: 'limit' | 'not_json' | 'unreadable' | 'forbidden_key' | 'invalid';
  /** For `limit`: which one. */
  readonly limit?: keyof WalkLimits;
  readonly message: Text;
}

/** The issue codes a walk can give (each one is in the public list of input issue codes). */
export type WalkCode = 'limit_exceeded' | 'not_json' | 'unreadable' | 'forbidden_key' | 'invalid_value';

export function codeOf(p: Problem): WalkCode {
  return p.kind === 'limit' ? 'limit_exceeded' : p.kind === 'invalid' ? 'invalid_value' : p.kind;
}

/** True for `{}` literals, `JSON.parse` objects and `Object.create(null)`, from any realm. */
export function isPlainObject(x: object): boolean {
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function describe(x: unknown): Text {
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
export function notJson(x: unknown, object: boolean): Text {
  const d = describe(x);
  return object
    ? { sv: `${d.sv} är inte ett vanligt JSON-objekt`, en: `${d.en} is not a plain JSON object` }
    : { sv: `${d.sv} är inte JSON-data`, en: `${d.en} is not JSON data` };
}

export interface WalkOptions {
  readonly limits: WalkLimits;
  /** Path prefix for every reported path. */
  readonly root: string;
  /** A key that must not appear, with the reason; undefined when the key is fine. */
  readonly forbiddenKey?: (key: string, depth: number) => Text | undefined;
  /** Label for a limit in messages: `limits.maxDepth` for cases, the rule format for rules. */
  readonly label: (limit: keyof WalkLimits) => string;
}

/**
 * Walk a value iteratively and report what crosses a limit or is not JSON data. Does not
 * descend into an array or object that is itself over a limit, and stops the whole walk at
 * `maxNodes` values or MAX_PROBLEMS problems.
 */
export function walk(value: unknown, opts: WalkOptions): Problem[] {
  const { limits, label } = opts;
  const out: Problem[] = [];
  // A value's path is spelled out only when a problem is reported there: each node keeps its
  // parent and key, so a walk that finds nothing builds no path strings.
  interface Node {
    readonly v: unknown;
    readonly parent: Node | undefined;
    readonly key: string | number | undefined;
    readonly depth: number;
  }
  const pathOf = (n: Node | undefined): string => {
    const keys: Array<string | number> = [];
    for (let c = n; c?.key !== undefined; c = c.parent) keys.push(c.key);
    let path = opts.root;
    for (let i = keys.length - 1; i >= 0; i--) path = join(path, keys[i] as string | number);
    return path;
  };
  const stack: Node[] = [{ v: value, parent: undefined, key: undefined, depth: 1 }];
  let nodes = 0;
  let totalText = 0;
  let textReported = false;
  const limit = (path: string, sv: string, en: string, which: keyof WalkLimits): void => {
    out.push({ path, kind: 'limit', limit: which, message: { sv: `${sv} (${label(which)})`, en: `${en} (${label(which)})` } });
  };
  const text = (s: string, at: () => string, what: { sv: string; en: string }, which: 'maxStringLength' | 'maxKeyLength'): boolean => {
    const max = limits[which];
    if (s.length > max) {
      limit(at(), `${what.sv} har ${fmt(s.length)} tecken; högst ${fmt(max)} tillåts`, `${what.en} has ${fmt(s.length)} characters; at most ${fmt(max)} are allowed`, which);
      return false;
    }
    totalText += s.length;
    if (totalText > limits.maxTotalStringLength && !textReported) {
      textReported = true;
      limit(at(), `texterna är sammanlagt längre än ${fmt(limits.maxTotalStringLength)} tecken`, `the texts together are longer than ${fmt(limits.maxTotalStringLength)} characters`, 'maxTotalStringLength');
      return false;
    }
    return true;
  };

  let current: Node | undefined;
  try {
    while (stack.length && out.length < MAX_PROBLEMS) {
      const node = stack.pop() as Node;
      const { v, depth } = node;
      current = node;
      const here = (): string => pathOf(node);
      if (++nodes > limits.maxNodes) {
        limit(opts.root, `indata har fler än ${fmt(limits.maxNodes)} värden`, `the input has more than ${fmt(limits.maxNodes)} values`, 'maxNodes');
        break;
      }
      if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'number') continue;
      if (typeof v === 'string') {
        text(v, here, { sv: 'texten', en: 'the text' }, 'maxStringLength');
        continue;
      }
      if (typeof v !== 'object') {
        out.push({ path: here(), kind: 'not_json', message: notJson(v, false) });
        continue;
      }
      if (depth > limits.maxDepth) {
        limit(here(), `nästlat djupare än ${limits.maxDepth} nivåer`, `nested deeper than ${limits.maxDepth} levels`, 'maxDepth');
        continue;
      }
      if (Array.isArray(v)) {
        if (v.length > limits.maxArrayLength) {
          limit(here(), `listan har ${fmt(v.length)} element; högst ${fmt(limits.maxArrayLength)} tillåts`, `the list has ${fmt(v.length)} items; at most ${fmt(limits.maxArrayLength)} are allowed`, 'maxArrayLength');
          continue;
        }
        // Push in reverse so problems come out in input order.
        for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], parent: node, key: i, depth: depth + 1 });
        continue;
      }
      if (!isPlainObject(v)) {
        out.push({ path: here(), kind: 'not_json', message: notJson(v, true) });
        continue;
      }
      const keys = Object.keys(v);
      if (keys.length > limits.maxObjectKeys) {
        limit(here(), `objektet har ${fmt(keys.length)} fält; högst ${fmt(limits.maxObjectKeys)} tillåts`, `the object has ${fmt(keys.length)} fields; at most ${fmt(limits.maxObjectKeys)} are allowed`, 'maxObjectKeys');
        continue;
      }
      const children: Node[] = [];
      for (const key of keys) {
        const at = (): string => join(here(), key);
        if (!text(key, at, { sv: 'fältnamnet', en: 'the field name' }, 'maxKeyLength')) continue;
        const bad = opts.forbiddenKey?.(key, depth);
        if (bad) {
          out.push({ path: at(), kind: 'forbidden_key', message: bad });
          continue;
        }
        const desc = Object.getOwnPropertyDescriptor(v, key);
        if (desc && !('value' in desc)) {
          out.push({ path: at(), kind: 'not_json', message: { sv: 'ett fält med get/set-funktion är inte JSON-data', en: 'a field with a getter or setter is not JSON data' } });
          continue;
        }
        // Read through the object (not the descriptor) so that a Proxy's traps run here, inside the try.
        children.push({ v: (v as Record<string, unknown>)[key], parent: node, key, depth: depth + 1 });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
    }
  } catch (e) {
    const msg = clip(e instanceof Error ? e.message : String(e), 200);
    out.push({ path: pathOf(current), kind: 'unreadable', message: { sv: `kan inte läsas: ${msg}`, en: `cannot be read: ${msg}` } });
  }
  return out;
}

export function toIssues(problems: readonly Problem[], codeOf: (p: Problem) => WalkCode): WalkIssue[] {
  return problems.map((p) => ({ path: p.path, code: codeOf(p), message: p.message }));
}
