import type * as z from 'zod';
import bundled, { prepared } from 'virtual:iop-catalogue';
import { deepFreeze } from '../_internal/freeze.js';
import { formatPath } from '../domain/input-error.js';
import { checkRuleJson } from './json-guard.js';
import { AREA_PREFIX, checkParameter, checkRule, type RuleProblem } from './check-rule.js';
import {
  ruleSchemas,
  type Edition,
  type OverlayManifest,
  type ParameterFile,
  type RuleFile,
} from './rule-schema.js';

/**
 * A broken bundled rule file. This is a defect in the package, not a caller mistake:
 * it throws when the catalogue is first loaded, and `test/catalogue.test.ts` catches it first.
 */
export class RuleDefinitionError extends Error {
  readonly code = 'IOP_RULE_DEFINITION' as const;
  readonly problems: readonly RuleProblem[];
  constructor(file: string, problems: readonly RuleProblem[]) {
    super(`rules/${file}: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
    this.name = 'RuleDefinitionError';
    this.problems = problems;
  }
}

/** Which layer a rule came from. */
export type LayerKind = 'law' | 'guideline' | 'overlay';

/** A validated rule with where it came from. */
export interface LoadedRule extends RuleFile {
  readonly layer: string;
  readonly layerKind: LayerKind;
}

export interface GuidelineFolder {
  readonly id: string;
  readonly edition: Edition | undefined;
  readonly rules: readonly LoadedRule[];
}

export interface OverlayLayer {
  readonly manifest: OverlayManifest;
  readonly rules: readonly LoadedRule[];
}

/** The whole validated catalogue. */
export interface Catalogue {
  readonly law: readonly LoadedRule[];
  readonly guidelines: ReadonlyMap<string, GuidelineFolder>;
  readonly overlays: ReadonlyMap<string, OverlayLayer>;
  readonly parameters: ReadonlyMap<string, ParameterFile>;
  /** Every rule id in the catalogue, to keep ids unique. */
  readonly ruleIds: ReadonlySet<string>;
  /** Rule-set hashes computed at build time, by `edition|overlay…` (the bundled catalogue only). */
  readonly hashes?: ReadonlyMap<string, string>;
}

function zodProblems(error: z.ZodError): RuleProblem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Parse one rule file (schema, then semantics). Returns the rule or its problems. */
export function parseRule(
  json: unknown,
  params: ReadonlyMap<string, ParameterFile>,
  opts: { overlayPrefix?: string } = {},
): { ok: true; rule: RuleFile } | { ok: false; problems: RuleProblem[] } {
  // Before the schema: no JSONPath `path`, no `$`/prototype keys, no code, no over-deep trees (the schema recurses).
  const raw = checkRuleJson(json);
  if (raw.length) return { ok: false, problems: raw.map(({ path, message }) => ({ path, message })) };
  const parsed = ruleSchemas().RuleFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const problems = checkRule(parsed.data, params, opts);
  return problems.length ? { ok: false, problems } : { ok: true, rule: parsed.data };
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Validate a set of `{ path, json }` files (paths relative to rules/) into a catalogue. Throws on any defect. */
export function loadCatalogue(files: ReadonlyArray<{ readonly path: string; readonly json: unknown }>): Catalogue {
  const parameters = new Map<string, ParameterFile>();
  for (const f of files) {
    if (!f.path.startsWith('parameters/')) continue;
    const parsed = ruleSchemas().ParameterFileSchema.safeParse(f.json);
    if (!parsed.success) throw new RuleDefinitionError(f.path, zodProblems(parsed.error));
    if (fileName(f.path) !== `${parsed.data.id}.json`) throw new RuleDefinitionError(f.path, [{ path: 'id', message: 'file name must be the parameter id' }]);
    const problems = checkParameter(parsed.data);
    if (problems.length) throw new RuleDefinitionError(f.path, problems);
    parameters.set(parsed.data.id, parsed.data);
  }

  const law: LoadedRule[] = [];
  const guidelineRules = new Map<string, LoadedRule[]>();
  const editions = new Map<string, Edition>();
  const overlayManifests = new Map<string, OverlayManifest>();
  const overlayFiles = new Map<string, Array<{ path: string; json: unknown }>>();
  const ruleIds = new Set<string>();

  const addRule = (f: { path: string; json: unknown }, layer: string, layerKind: LayerKind, overlayPrefix?: string): LoadedRule => {
    const res = parseRule(f.json, parameters, overlayPrefix !== undefined ? { overlayPrefix } : {});
    if (!res.ok) throw new RuleDefinitionError(f.path, res.problems);
    if (fileName(f.path) !== `${res.rule.id}.json`) throw new RuleDefinitionError(f.path, [{ path: 'id', message: `file name must be ${res.rule.id}.json` }]);
    if (ruleIds.has(res.rule.id)) throw new RuleDefinitionError(f.path, [{ path: 'id', message: `rule id ${res.rule.id} is used twice` }]);
    ruleIds.add(res.rule.id);
    return { ...res.rule, layer, layerKind };
  };

  for (const f of files) {
    const parts = f.path.split('/');
    const top = parts[0];
    if (top === 'parameters') continue;
    if (top === 'law') {
      const rule = addRule(f, 'law', 'law');
      if (parts[1] !== rule.area) throw new RuleDefinitionError(f.path, [{ path: 'area', message: `law rules live in rules/law/<area>/; this one is in ${parts[1] ?? '?'}` }]);
      law.push(rule);
    } else if (top === 'guidelines' && parts.length >= 3) {
      const folder = parts[1] ?? '';
      if (parts.length === 3 && parts[2] === 'edition.json') {
        const parsed = ruleSchemas().EditionSchema.safeParse(f.json);
        if (!parsed.success) throw new RuleDefinitionError(f.path, zodProblems(parsed.error));
        if (parsed.data.id !== folder) throw new RuleDefinitionError(f.path, [{ path: 'id', message: `edition id must be the folder name "${folder}"` }]);
        editions.set(folder, parsed.data);
      } else {
        const list = guidelineRules.get(folder) ?? [];
        list.push(addRule(f, folder, 'guideline'));
        guidelineRules.set(folder, list);
      }
    } else if (top === 'overlays' && parts.length >= 3) {
      const id = parts[1] ?? '';
      if (parts.length === 3 && parts[2] === 'overlay.json') {
        const parsed = ruleSchemas().OverlayManifestSchema.safeParse(f.json);
        if (!parsed.success) throw new RuleDefinitionError(f.path, zodProblems(parsed.error));
        if (parsed.data.id !== id) throw new RuleDefinitionError(f.path, [{ path: 'id', message: `overlay id must be the folder name "${id}"` }]);
        overlayManifests.set(id, parsed.data);
      } else {
        const list = overlayFiles.get(id) ?? [];
        list.push(f);
        overlayFiles.set(id, list);
      }
    } else {
      throw new RuleDefinitionError(f.path, [{ path: '', message: 'unexpected file: rules/ holds law/, guidelines/<id>/, overlays/<id>/ and parameters/' }]);
    }
  }

  const guidelines = new Map<string, GuidelineFolder>();
  for (const folder of new Set([...editions.keys(), ...guidelineRules.keys()])) {
    guidelines.set(folder, { id: folder, edition: editions.get(folder), rules: guidelineRules.get(folder) ?? [] });
  }
  const lawIds = new Set(law.map((r) => r.id));
  const guidelineIds = new Set([...guidelineRules.values()].flat().map((r) => r.id));
  for (const [folder, ed] of editions) {
    const path = `guidelines/${folder}/edition.json`;
    for (const u of ed.uses) {
      if (!guidelines.has(u) || u === folder) throw new RuleDefinitionError(path, [{ path: 'uses', message: `no guideline folder "${u}"` }]);
    }
    for (const id of [...ed.omit, ...Object.keys(ed.severity)]) {
      if (lawIds.has(id)) throw new RuleDefinitionError(path, [{ path: 'omit/severity', message: `${id} is a law rule: an edition cannot switch law off or change its severity` }]);
      if (!guidelineIds.has(id)) throw new RuleDefinitionError(path, [{ path: 'omit/severity', message: `no guideline rule ${id}` }]);
    }
  }

  const overlays = new Map<string, OverlayLayer>();
  for (const [id, manifest] of overlayManifests) {
    if (AREA_PREFIX[manifest.prefix] !== undefined) throw new RuleDefinitionError(`overlays/${id}/overlay.json`, [{ path: 'prefix', message: `${manifest.prefix} is the prefix of the law's and editions' ${AREA_PREFIX[manifest.prefix]} rules` }]);
    if ([...overlays.values()].some((o) => o.manifest.prefix === manifest.prefix)) throw new RuleDefinitionError(`overlays/${id}/overlay.json`, [{ path: 'prefix', message: `prefix ${manifest.prefix} is used by another overlay` }]);
    const rules = (overlayFiles.get(id) ?? []).map((f) => addRule(f, `overlay:${id}`, 'overlay', manifest.prefix));
    for (const rid of Object.keys(manifest.severity)) {
      if (lawIds.has(rid)) throw new RuleDefinitionError(`overlays/${id}/overlay.json`, [{ path: 'severity', message: `${rid} is a law rule: an overlay cannot change it` }]);
      if (!guidelineIds.has(rid) && !rules.some((r) => r.id === rid)) throw new RuleDefinitionError(`overlays/${id}/overlay.json`, [{ path: 'severity', message: `no guideline rule ${rid}` }]);
    }
    overlays.set(id, { manifest, rules });
  }
  for (const id of overlayFiles.keys()) {
    if (!overlayManifests.has(id)) throw new RuleDefinitionError(`overlays/${id}/`, [{ path: '', message: 'overlay folder without overlay.json' }]);
  }

  return { law, guidelines, overlays, parameters, ruleIds };
}

let cached: Catalogue | undefined;

/** The validated catalogue as plain JSON, with the hashes of the bundled rule sets. */
export interface PreparedCatalogue {
  readonly law: readonly LoadedRule[];
  readonly guidelines: ReadonlyArray<GuidelineFolder>;
  readonly overlays: ReadonlyArray<readonly [string, OverlayLayer]>;
  readonly parameters: readonly ParameterFile[];
  readonly ruleIds: readonly string[];
  /** Rule-set hash by `edition|overlay…` (each edition alone and with each bundled overlay). */
  readonly hashes: Readonly<Record<string, string>>;
}

function reviveCatalogue(p: PreparedCatalogue): Catalogue {
  return {
    law: p.law,
    guidelines: new Map(p.guidelines.map((g) => [g.id, g])),
    overlays: new Map(p.overlays),
    parameters: new Map(p.parameters.map((x) => [x.id, x])),
    ruleIds: new Set(p.ruleIds),
    hashes: new Map(Object.entries(p.hashes)),
  };
}

/**
 * The catalogue bundled with the package, deep-frozen, so keeping the one validated copy is safe.
 */
export function bundledCatalogue(): Catalogue {
  // Validated and hashed at build time (scripts/catalogue-plugin.mjs) when the build could;
  // otherwise here. Frozen: its rules, texts, sources and dates reach callers through verdicts
  // and listRules.
  cached ??= deepFreeze(prepared ? reviveCatalogue(prepared as PreparedCatalogue) : loadCatalogue(bundled));
  return cached;
}
