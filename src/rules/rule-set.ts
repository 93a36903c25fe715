import { canonicalJson, sha256Hex } from '../_internal/sha256.js';
import type { Text } from '../_internal/text.js';
import { issuesFromZod, type InputIssue, type InputIssueCode } from '../domain/input-error.js';
import { checkOverlaysInput } from './json-guard.js';
import { deepFreeze } from '../_internal/freeze.js';
import { UNKNOWN, type Unknown } from '../facts/types.js';
import { parseRule, type Catalogue, type LoadedRule } from './catalogue.js';
import { AREA_PREFIX } from './check-rule.js';
import { ruleSchemas, type Effective, type Municipality, type ParameterFile, type Severity, type Source } from './rule-schema.js';

/** A rule as it stands in a resolved rule set: its severity after edition and overlay changes. */
export interface RuleInSet {
  readonly rule: LoadedRule;
  readonly severity: Severity;
}

/** Law + one guideline edition + overlays. Not yet filtered by date: `inForce` does that. */
export interface RuleSet {
  readonly id: string;
  readonly title: Text;
  /** Layer ids, law first: `law`, the edition and the folders it uses, then `overlay:<id>`. */
  readonly layers: readonly string[];
  readonly effective: Effective;
  readonly rules: readonly RuleInSet[];
  readonly parameters: ReadonlyMap<string, ParameterFile>;
  /** sha256 of the canonical JSON of every rule (with its severity) and parameter in the set. */
  readonly hash: string;
  /**
   * The edition's municipality (the party the draft names), or absent for an edition not tied to
   * one. From the edition only: overlays cannot set it. Not part of `hash`, which covers what
   * the verdict is computed from.
   */
  readonly municipality?: Municipality;
}

/** What `listRuleSets()` returns for each edition. */
export interface RuleSetInfo {
  readonly id: string;
  readonly title: Text;
  readonly description?: Text;
  readonly sources: readonly Source[];
  readonly effective: Effective;
  /** Whether `asOf` can pick this edition when no `ruleSet` is given. */
  readonly defaultCandidate: boolean;
  readonly overlays: readonly string[];
  /** The municipality the edition belongs to (the party a draft names); absent for the national model. */
  readonly municipality?: Municipality;
}

export function ruleSetInfos(cat: Catalogue): RuleSetInfo[] {
  const out: RuleSetInfo[] = [];
  for (const folder of cat.guidelines.values()) {
    const ed = folder.edition;
    if (!ed) continue;
    out.push({
      id: ed.id,
      title: ed.title,
      ...(ed.description ? { description: ed.description } : {}),
      sources: ed.sources,
      effective: ed.effective,
      defaultCandidate: ed.defaultCandidate,
      overlays: [...cat.overlays.keys()],
      ...(ed.municipality ? { municipality: ed.municipality } : {}),
    });
  }
  return out.sort((a, b) => (a.effective.from < b.effective.from ? -1 : a.effective.from > b.effective.from ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The edition used when none is named: the newest default candidate (the Stockholm editions)
 * in force on `asOf`; before the first one, the first one (its rules then apply by their own
 * dates). See docs/decisions/0002-rule-set-dates.md.
 */
export function defaultRuleSetId(cat: Catalogue, asOf: string): string {
  const candidates = ruleSetInfos(cat).filter((r) => r.defaultCandidate);
  const inForce = candidates.filter((r) => r.effective.from <= asOf && (r.effective.to === null || asOf <= r.effective.to));
  const pick = inForce.at(-1) ?? candidates.filter((r) => r.effective.from <= asOf).at(-1) ?? candidates[0];
  if (!pick) throw new Error('iop-rules: the catalogue has no default rule set');
  return pick.id;
}

/** True when the rule is in force on `asOf` (both ends inclusive). */
export function inForce(effective: Effective, asOf: string): boolean {
  return effective.from <= asOf && (effective.to === null || asOf <= effective.to);
}

/** The value of a parameter in force on `date`, with the entry it came from. */
export function paramValueOn(
  p: ParameterFile,
  date: string,
): { value: number | string | boolean; entry: ParameterFile['values'][number] } | Unknown {
  for (const entry of p.values) {
    if (entry.from <= date && (entry.to === null || date <= entry.to)) return { value: entry.value, entry };
  }
  return UNKNOWN;
}

/** Hashes of bundled rule sets, per catalogue, by `edition|overlay…` (seeded with the build's). */
const hashCaches = new WeakMap<Catalogue, Map<string, string>>();

function hashOf(cat: Catalogue, key: string | undefined, rules: readonly RuleInSet[], params: ReadonlyMap<string, ParameterFile>): string {
  let hashCache = hashCaches.get(cat);
  if (!hashCache) {
    hashCache = new Map(cat.hashes ?? []);
    hashCaches.set(cat, hashCache);
  }
  if (key !== undefined) {
    const hit = hashCache.get(key);
    if (hit) return hit;
  }
  const body = canonicalJson({
    rules: rules.map(({ rule, severity }) => {
      const { layer: _layer, layerKind: _kind, ...json } = rule;
      return { ...json, severity };
    }),
    parameters: [...params.values()],
  });
  const h = sha256Hex(body);
  if (key !== undefined) hashCache.set(key, h);
  return h;
}

/**
 * Names a JSON overlay may not take: the ids of the law layer, of every guideline folder and of
 * every bundled overlay, and the id prefixes of the law's and editions' areas (ORG, PART, KL,
 * PROC, AID, AGR, FU) and of every bundled overlay. So an overlay can neither pose as a bundled
 * one (when that one is not loaded) nor mint ids such as IOP-KL-099 that read as law.
 */
export function reservedNames(cat: Catalogue): { ids: ReadonlySet<string>; prefixes: ReadonlySet<string> } {
  return {
    ids: new Set(['law', ...cat.guidelines.keys(), ...cat.overlays.keys()]),
    prefixes: new Set([...Object.keys(AREA_PREFIX), ...[...cat.overlays.values()].map((o) => o.manifest.prefix)]),
  };
}

export type ResolveResult = { ok: true; set: RuleSet } | { ok: false; issues: InputIssue[] };

function issue(path: string, sv: string, en: string, code: InputIssueCode = 'invalid_option'): InputIssue {
  return { path, code, message: { sv, en } };
}

/** Assemble a rule set by id (or default for `asOf`) with overlays (bundled ids or JSON). Uncached: see `resolveRuleSet`. */
export function assembleRuleSet(
  cat: Catalogue,
  opts: { ruleSet?: string | undefined; asOf: string; overlays?: readonly unknown[] | undefined },
): ResolveResult {
  const id = opts.ruleSet ?? defaultRuleSetId(cat, opts.asOf);
  const folder = cat.guidelines.get(id);
  const edition = folder?.edition;
  if (!folder || !edition) {
    const known = ruleSetInfos(cat).map((r) => r.id).join(', ');
    const shown = id.length > 60 ? `${id.slice(0, 60)}…` : id; // a 10 MB id is not echoed back whole
    return { ok: false, issues: [issue('options.ruleSet', `okänd regeluppsättning "${shown}" (finns: ${known})`, `unknown rule set "${shown}" (available: ${known})`, 'unknown_rule_set')] };
  }
  const omit = new Set(edition.omit);
  const severity = new Map<string, Severity>(Object.entries(edition.severity));
  const layers = ['law', id, ...edition.uses];
  const rules: LoadedRule[] = [...cat.law, ...folder.rules];
  for (const u of edition.uses) for (const r of cat.guidelines.get(u)?.rules ?? []) if (!omit.has(r.id)) rules.push(r);

  const issues: InputIssue[] = [];
  const lawIds = new Set(cat.law.map((r) => r.id));
  const reserved = reservedNames(cat);
  // Prefixes taken in this set: the law's and editions' areas, every bundled overlay's, and each JSON overlay's as it is added.
  const prefixes = new Set(reserved.prefixes);
  const keyParts: string[] = [id];
  let cacheable = true;
  // Sizes, depth, keys and plain data first, without recursion: the rule schema recurses (docs/limits.md).
  const guard = checkOverlaysInput(opts.overlays ?? []);
  if (guard.length) return { ok: false, issues: guard };
  (opts.overlays ?? []).forEach((ov, i) => {
    const base = `options.overlays[${i}]`;
    if (typeof ov === 'string') {
      const layer = cat.overlays.get(ov);
      if (!layer) {
        issues.push(issue(base, `okänt overlay "${ov.slice(0, 60)}" (finns: ${[...cat.overlays.keys()].join(', ')})`, `unknown overlay "${ov.slice(0, 60)}" (available: ${[...cat.overlays.keys()].join(', ')})`, 'unknown_overlay'));
        return;
      }
      if (layers.includes(`overlay:${ov}`)) {
        issues.push(issue(base, `overlay "${ov}" används två gånger`, `overlay "${ov}" is used twice`, 'invalid_overlay'));
        return;
      }
      layers.push(`overlay:${ov}`);
      // An overlay's severity changes apply while the overlay is in force (its rules keep their own dates).
      const active = inForce(layer.manifest.effective, opts.asOf);
      keyParts.push(active ? ov : `${ov}@inactive`);
      rules.push(...layer.rules);
      if (active) for (const [rid, sev] of Object.entries(layer.manifest.severity)) severity.set(rid, sev);
      return;
    }
    cacheable = false;
    const parsed = ruleSchemas().OverlayInputSchema.safeParse(ov);
    if (!parsed.success) {
      // Our own sv/en messages for each schema problem, not zod's English text.
      for (const zi of issuesFromZod(parsed.error, [])) {
        issues.push(issue(`${base}${zi.path ? `.${zi.path}` : ''}`, `ogiltigt overlay: ${zi.message.sv}`, `invalid overlay: ${zi.message.en}`, 'invalid_overlay'));
      }
      return;
    }
    const { overlay, rules: overlayRules } = parsed.data;
    if (reserved.ids.has(overlay.id)) {
      issues.push(
        issue(
          `${base}.overlay.id`,
          `id:t "${overlay.id}" är reserverat för lagen, en riktlinjeutgåva eller ett inbyggt overlay: välj ett eget`,
          `the id "${overlay.id}" is reserved for the law, a guideline edition or a bundled overlay: choose one of your own`,
          'reserved_overlay_id',
        ),
      );
      return;
    }
    if (layers.includes(`overlay:${overlay.id}`)) {
      issues.push(issue(`${base}.overlay.id`, `overlay "${overlay.id}" används två gånger`, `overlay "${overlay.id}" is used twice`, 'invalid_overlay'));
      return;
    }
    if (prefixes.has(overlay.prefix)) {
      const why = reserved.prefixes.has(overlay.prefix)
        ? { sv: 'reserverat för lagens och riktlinjernas regler eller ett inbyggt overlay', en: "reserved for the law's and the guidelines' rules or a bundled overlay" }
        : { sv: 'används redan av ett annat overlay i samma bedömning', en: 'already used by another overlay in the same assessment' };
      issues.push(issue(`${base}.overlay.prefix`, `prefixet "${overlay.prefix}" är ${why.sv}: välj ett eget`, `the prefix "${overlay.prefix}" is ${why.en}: choose one of your own`, 'reserved_prefix'));
      return;
    }
    prefixes.add(overlay.prefix);
    const seen = new Set(rules.map((r) => r.id));
    overlayRules.forEach((raw, j) => {
      const res = parseRule(raw, cat.parameters, { overlayPrefix: overlay.prefix });
      const ruleId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id.slice(0, 40) : `#${j}`;
      if (!res.ok) {
        for (const p of res.problems) issues.push(issue(`${base}.rules[${j}]${p.path ? `.${p.path}` : ''}`, `regel ${ruleId}: ${p.message}`, `rule ${ruleId}: ${p.message}`, 'invalid_overlay_rule'));
        return;
      }
      if (seen.has(res.rule.id) || cat.ruleIds.has(res.rule.id)) {
        issues.push(issue(`${base}.rules[${j}].id`, `regel-id ${res.rule.id} finns redan`, `rule id ${res.rule.id} already exists`, 'invalid_overlay_rule'));
        return;
      }
      seen.add(res.rule.id);
      rules.push({ ...res.rule, layer: `overlay:${overlay.id}`, layerKind: 'overlay' });
    });
    const inThisSet = new Map(rules.map((r) => [r.id, r]));
    const own = `overlay:${overlay.id}`;
    const active = inForce(overlay.effective, opts.asOf);
    for (const [rid, sev] of Object.entries(overlay.severity)) {
      const target = inThisSet.get(rid);
      if (lawIds.has(rid)) {
        issues.push(issue(`${base}.overlay.severity.${rid}`, `${rid} är en lagregel: ett overlay kan inte ändra den`, `${rid} is a law rule: an overlay cannot change it`, 'invalid_overlay'));
      } else if (!target) {
        // A typo here would otherwise change nothing, silently.
        issues.push(issue(`${base}.overlay.severity.${rid}`, `regeln ${rid} finns inte i regeluppsättningen ${id}`, `rule ${rid} is not in rule set ${id}`, 'invalid_overlay'));
      } else if (target.layerKind === 'overlay' && target.layer !== own) {
        const other = target.layer.slice('overlay:'.length);
        issues.push(
          issue(
            `${base}.overlay.severity.${rid}`,
            `${rid} hör till overlayt ${other}: ett overlay kan bara ändra riktlinjeregler och sina egna`,
            `${rid} belongs to the overlay ${other}: an overlay can change only guideline rules and its own`,
            'invalid_overlay',
          ),
        );
      } else if (active) severity.set(rid, sev);
    }
    layers.push(`overlay:${overlay.id}`);
  });
  if (issues.length) return { ok: false, issues };

  const inSet: RuleInSet[] = rules.map((rule) => ({
    rule,
    severity: rule.layerKind === 'law' ? rule.severity : (severity.get(rule.id) ?? rule.severity),
  }));
  const hash = hashOf(cat, cacheable ? keyParts.join('|') : undefined, inSet, cat.parameters);
  return {
    ok: true,
    set: { id, title: edition.title, layers, effective: edition.effective, rules: inSet, parameters: cat.parameters, hash, ...(edition.municipality ? { municipality: edition.municipality } : {}) },
  };
}

// ---------------------------------------------------------------------------------------------
// Resolved rule sets, memoised by content
// ---------------------------------------------------------------------------------------------

/** Resolved rule sets kept per catalogue, most recently used last. */
const RESOLVED_CACHE_SIZE = 64;
const resolvedCache = new WeakMap<Catalogue, Map<string, RuleSet>>();

/**
 * `assembleRuleSet`, memoised: a rule set with the same edition, date and overlays (bundled ids,
 * or JSON overlays with the same content) is resolved, validated and hashed once, then reused
 * (at most 64 per catalogue; the least recently used goes first). A JSON overlay is checked by
 * the raw guard on every call (no getter or non-JSON value is ever read past it), then keyed by
 * its JSON text; a first use is assembled from that very text, so what is cached is exactly
 * what the key says. The result is deep-frozen: callers share it. Refusals are not cached.
 */
export function resolveRuleSet(
  cat: Catalogue,
  opts: { ruleSet?: string | undefined; asOf: string; overlays?: readonly unknown[] | undefined },
): ResolveResult {
  const overlays = opts.overlays ?? [];
  // Sizes, keys and plain data only: what makes reading the overlay as JSON text safe. The
  // full guard (condition trees too) runs in assembleRuleSet on a first use; a cached entry
  // exists only for a text that passed it.
  const guard = checkOverlaysInput(overlays, undefined, { trees: false });
  if (guard.length) return assembleRuleSet(cat, opts);
  const parts: string[] = [];
  try {
    for (const ov of overlays) {
      const text = JSON.stringify(ov) as string | undefined;
      // undefined, a function or a symbol has no JSON text: let the assembly report it.
      if (typeof text !== 'string') return assembleRuleSet(cat, opts);
      parts.push(`${typeof ov === 'string' ? 's' : 'j'}${text}`);
    }
  } catch {
    return assembleRuleSet(cat, opts); // not serialisable: let the assembly report it
  }
  const key = JSON.stringify([opts.ruleSet ?? null, opts.asOf, parts]);
  let cache = resolvedCache.get(cat);
  if (!cache) {
    cache = new Map();
    resolvedCache.set(cat, cache);
  }
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { ok: true, set: hit };
  }
  const copies = parts.map((p) => (p.startsWith('s') ? (JSON.parse(p.slice(1)) as string) : (JSON.parse(p.slice(1)) as unknown)));
  const res = assembleRuleSet(cat, { ...opts, overlays: copies });
  if (!res.ok) return res;
  const set = deepFreeze(res.set);
  cache.set(key, set);
  if (cache.size > RESOLVED_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return { ok: true, set };
}
