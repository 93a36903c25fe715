import { canonicalJson, sha256Hex } from '../_internal/sha256.js';
import type { Text } from '../_internal/text.js';
import { issuesFromZod, type InputIssue, type InputIssueCode } from '../domain/input-error.js';
import { checkOverlaysInput } from '../domain/limits.js';
import { UNKNOWN, type Unknown } from '../facts/types.js';
import { parseRule, type Catalogue, type LoadedRule } from './catalogue.js';
import { OverlayInputSchema, type Effective, type ParameterFile, type Severity, type Source } from './rule-schema.js';

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

const hashCache = new Map<string, string>();

function hashOf(key: string | undefined, rules: readonly RuleInSet[], params: ReadonlyMap<string, ParameterFile>): string {
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

export type ResolveResult = { ok: true; set: RuleSet } | { ok: false; issues: InputIssue[] };

function issue(path: string, sv: string, en: string, code: InputIssueCode = 'invalid_option'): InputIssue {
  return { path, code, message: { sv, en } };
}

/** Assemble a rule set by id (or default for `asOf`) with overlays (bundled ids or JSON). */
export function resolveRuleSet(
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
      keyParts.push(ov);
      rules.push(...layer.rules);
      for (const [rid, sev] of Object.entries(layer.manifest.severity)) severity.set(rid, sev);
      return;
    }
    cacheable = false;
    const parsed = OverlayInputSchema.safeParse(ov);
    if (!parsed.success) {
      // Our own sv/en messages for each schema problem, not zod's English text.
      for (const zi of issuesFromZod(parsed.error, [])) {
        issues.push(issue(`${base}${zi.path ? `.${zi.path}` : ''}`, `ogiltigt overlay: ${zi.message.sv}`, `invalid overlay: ${zi.message.en}`, 'invalid_overlay'));
      }
      return;
    }
    const { overlay, rules: overlayRules } = parsed.data;
    if (layers.includes(`overlay:${overlay.id}`)) {
      issues.push(issue(`${base}.overlay.id`, `overlay "${overlay.id}" används två gånger`, `overlay "${overlay.id}" is used twice`, 'invalid_overlay'));
      return;
    }
    const seen = new Set(rules.map((r) => r.id));
    overlayRules.forEach((raw, j) => {
      const res = parseRule(raw, cat.parameters, { overlayPrefix: overlay.prefix });
      const ruleId = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id.slice(0, 40) : `#${j}`;
      if (!res.ok) {
        for (const p of res.problems) issues.push(issue(`${base}.rules[${j}].${p.path}`, `regel ${ruleId}: ${p.message}`, `rule ${ruleId}: ${p.message}`, 'invalid_overlay_rule'));
        return;
      }
      if (seen.has(res.rule.id) || cat.ruleIds.has(res.rule.id)) {
        issues.push(issue(`${base}.rules[${j}].id`, `regel-id ${res.rule.id} finns redan`, `rule id ${res.rule.id} already exists`, 'invalid_overlay_rule'));
        return;
      }
      seen.add(res.rule.id);
      rules.push({ ...res.rule, layer: `overlay:${overlay.id}`, layerKind: 'overlay' });
    });
    const inThisSet = new Set(rules.map((r) => r.id));
    for (const [rid, sev] of Object.entries(overlay.severity)) {
      if (lawIds.has(rid)) {
        issues.push(issue(`${base}.overlay.severity.${rid}`, `${rid} är en lagregel: ett overlay kan inte ändra den`, `${rid} is a law rule: an overlay cannot change it`, 'invalid_overlay'));
      } else if (!inThisSet.has(rid)) {
        // A typo here would otherwise change nothing, silently.
        issues.push(issue(`${base}.overlay.severity.${rid}`, `regeln ${rid} finns inte i regeluppsättningen ${id}`, `rule ${rid} is not in rule set ${id}`, 'invalid_overlay'));
      } else severity.set(rid, sev);
    }
    layers.push(`overlay:${overlay.id}`);
  });
  if (issues.length) return { ok: false, issues };

  const inSet: RuleInSet[] = rules.map((rule) => ({
    rule,
    severity: rule.layerKind === 'law' ? rule.severity : (severity.get(rule.id) ?? rule.severity),
  }));
  const hash = hashOf(cacheable ? keyParts.join('|') : undefined, inSet, cat.parameters);
  return {
    ok: true,
    set: { id, title: edition.title, layers, effective: edition.effective, rules: inSet, parameters: cat.parameters, hash },
  };
}
