import * as z from 'zod';
import { isIsoDate } from '../domain/primitives.js';
import { OPERATORS, type Operator } from './operators.js';

/** The verdict areas (docs/verdict.md). Every rule belongs to exactly one. */
export const AREAS = [
  'organisation',
  'partnership',
  'local-government',
  'procurement',
  'state-aid',
  'agreement',
  'follow-up',
] as const;
export type Area = (typeof AREAS)[number];

export const SEVERITIES = ['blocker', 'major', 'advisory', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The closed list of operators a rule may use: the names in the operator table
 * (`rules/operators.ts`), which says what each one means and which facts it fits.
 */
export { OPERATORS, type Operator } from './operators.js';

/** Limits a rule file must stay within (documented in docs/rule-authoring.md). */
export const RULE_LIMITS = {
  maxDepth: 8,
  maxLeaves: 64,
  maxTextLength: 2000,
  maxListValues: 64,
  maxRulesPerLayer: 1000,
} as const;

export const RULE_ID = /^IOP-[A-Z]{2,6}-\d{3}$/;

export const PARAMETER_UNITS = ['SEK', 'EUR', 'months', 'years', 'ratio', 'count', 'date', 'boolean'] as const;

/** A leaf's right-hand value: a scalar, a list of scalars, or a parameter (`{ param }`) looked up on the date. */
export type LeafValue = string | number | boolean | (string | number | boolean)[] | { param: string };

/** One comparison: a fact, an operator of the table, a value. */
export interface Leaf {
  fact: string;
  operator: Operator;
  value: LeafValue;
}

export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | Leaf;

/** A condition's leaves, left to right (under `not` too). */
export function conditionLeaves(c: Condition | undefined, out: Leaf[] = []): Leaf[] {
  if (!c) return out;
  if ('all' in c) for (const x of c.all) conditionLeaves(x, out);
  else if ('any' in c) for (const x of c.any) conditionLeaves(x, out);
  else if ('not' in c) conditionLeaves(c.not, out);
  else out.push(c);
  return out;
}

/**
 * The zod schemas of the rule format, built on first use: the bundled catalogue is validated at
 * build time, so a process that never reads a JSON overlay (or generates the JSON Schema) never
 * builds them, and the import costs less.
 */
function buildRuleSchemas() {
  const str = (max: number = RULE_LIMITS.maxTextLength) => z.string().min(1).max(max);

  const TextSchema = z.strictObject({ sv: str(), en: str() });

  const IsoDateString = z.string().refine(isIsoDate, { message: 'must be an existing date written YYYY-MM-DD' });

  const SourceSchema = z.strictObject({
    /** Citation in the usual Swedish form: `SFS 2022:900 3 § 2 p.`, `2 kap. 1 § KL`, `Stadsrevisionen 3/2021`. */
    ref: str(300),
    title: str(500),
    url: z.url({ protocol: /^https?$/ }).max(1000).optional(),
    /** The source's own words, where we have them. */
    quote: str().optional(),
  });

  const EffectiveSchema = z
    .strictObject({ from: IsoDateString, to: IsoDateString.nullable() })
    .refine((e) => e.to === null || e.to >= e.from, { message: 'effective.to is before effective.from', path: ['to'] });

  const Scalar = z.union([z.string().max(200), z.number(), z.boolean()]);
  const ParamRef = z.strictObject({ param: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/) });
  const LeafValueSchema = z.union([Scalar, z.array(Scalar).min(1).max(RULE_LIMITS.maxListValues), ParamRef]);

  const LeafSchema: z.ZodType<Leaf> = z.strictObject({
    fact: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/, { message: 'must be a fact id such as organisation.legalForm' }),
    operator: z.enum(OPERATORS),
    value: LeafValueSchema,
  });

  const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
    z.union([
      z.strictObject({ all: z.array(ConditionSchema).min(1).max(RULE_LIMITS.maxLeaves) }),
      z.strictObject({ any: z.array(ConditionSchema).min(1).max(RULE_LIMITS.maxLeaves) }),
      z.strictObject({ not: ConditionSchema }),
      LeafSchema,
    ]),
  );

  const OutcomeTexts = z.strictObject({
    pass: TextSchema,
    fail: TextSchema,
    unknown: TextSchema,
    /** Shown when `appliesTo` is false. Optional: a generic text is used otherwise. */
    notApplicable: TextSchema.optional(),
  });

  /** One rule file (docs/rule-authoring.md). Strict: unknown keys are refused. */
  const RuleFileSchema = z.strictObject({
    $schema: z.string().max(300).optional(),
    id: z.string().regex(RULE_ID, { message: 'must look like IOP-ORG-001' }),
    version: z.number().int().min(1),
    area: z.enum(AREAS),
    severity: z.enum(SEVERITIES),
    /** When this evaluates false the rule is not applicable; unknown keeps the rule open. */
    appliesTo: ConditionSchema.optional(),
    title: TextSchema,
    /** Why the rule reads its sources this way: choices made where the source is unclear. */
    description: TextSchema.optional(),
    explanation: OutcomeTexts,
    remedy: TextSchema.optional(),
    sources: z.array(SourceSchema).min(1).max(20),
    effective: EffectiveSchema,
    conditions: ConditionSchema,
  });

  /**
   * The municipality whose guidelines an edition are: the party the draft agreement names. `name` is
   * its full name ("Stockholms stad"); `short` is how the agreement refers to it after that, a
   * definite noun in lower case ("staden", "the city"), from which the draft forms the genitive
   * (+s, +'s) and the capitalised form; `seat` is the place printed by the signatures.
   * `legalName` is the legal person that is the party when the everyday name differs from it
   * ("Stockholms kommun", which calls itself Stockholms stad); `orgNumber` its organisation
   * number. Left out, the draft names the party by `name` and leaves the number to fill in.
   */
  const MunicipalitySchema = z.strictObject({
    name: TextSchema,
    legalName: str(100).optional(),
    orgNumber: z.string().regex(/^\d{6}-\d{4}$/, { message: 'must be an organisation number written NNNNNN-NNNN' }).optional(),
    short: z.strictObject({
      sv: z.string().regex(/^[a-zåäö]+$/, { message: 'must be one lower-case Swedish word in the definite form, such as "staden" or "kommunen"' }).max(40),
      en: z.string().regex(/^the [a-z]+( [a-z]+)?$/, { message: 'must be "the" and a lower-case noun, such as "the city" or "the municipality"' }).max(40),
    }),
    seat: str(60).optional(),
  });

  /** What an edition's and an overlay's manifests share: a name, a title, sources and dates. */
  const manifestFields = {
    $schema: z.string().max(300).optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/),
    title: TextSchema,
    description: TextSchema.optional(),
    sources: z.array(SourceSchema).min(1).max(20),
    /** When the edition or overlay applies; `asOf` picks the newest Stockholm edition in force. */
    effective: EffectiveSchema,
  };
  /** Severity changes for guideline rules. Law rules keep their severity. */
  const severityChanges = () => z.record(z.string().regex(RULE_ID), z.enum(SEVERITIES)).default({});

  /** Manifest of a guideline edition: `rules/guidelines/<id>/edition.json`. */
  const EditionSchema = z.strictObject({
    ...manifestFields,
    /** Whether this edition may be picked by default from `asOf` (the Stockholm editions). */
    defaultCandidate: z.boolean(),
    /** Other guideline folders whose rules this edition includes (e.g. `common`). */
    uses: z.array(z.string().regex(/^[a-z][a-z0-9-]{1,40}$/)).max(10).default([]),
    /** Rule ids from `uses` folders this edition leaves out. Law rules cannot be left out. */
    omit: z.array(z.string().regex(RULE_ID)).max(200).default([]),
    severity: severityChanges(),
    /**
     * The municipality the edition belongs to, named as the party in the draft agreement. Left out
     * for an edition not tied to a municipality (the national model): the draft then leaves the
     * name for the case officer and calls the party "kommunen" / "the municipality". Overlays
     * cannot set it.
     */
    municipality: MunicipalitySchema.optional(),
  });

  /** Manifest of an overlay: `rules/overlays/<id>/overlay.json`, or the `overlay` key of a JSON overlay. */
  const OverlayManifestSchema = z.strictObject({
    ...manifestFields,
    /** The id prefix the overlay's rules use: `IOP-<prefix>-NNN`. */
    prefix: z.string().regex(/^[A-Z]{2,6}$/),
    severity: severityChanges(),
  });

  /** A JSON overlay handed to `assess({ overlays })`: the manifest plus its rules. */
  const OverlayInputSchema = z.strictObject({
    overlay: OverlayManifestSchema,
    rules: z.array(z.unknown()).max(RULE_LIMITS.maxRulesPerLayer),
  });

  /** A dated parameter: `rules/parameters/<id>.json`. Each value carries its own source. */
  const ParameterFileSchema = z.strictObject({
    $schema: z.string().max(300).optional(),
    id: z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/),
    title: TextSchema,
    description: TextSchema.optional(),
    unit: z.enum(PARAMETER_UNITS),
    values: z
      .array(
        z.strictObject({
          from: IsoDateString,
          to: IsoDateString.nullable(),
          value: z.union([z.number(), z.string().max(200), z.boolean()]),
          sources: z.array(SourceSchema).min(1).max(10),
          note: TextSchema.optional(),
        }),
      )
      .min(1)
      .max(200),
  });

  return { TextSchema, IsoDateString, SourceSchema, EffectiveSchema, LeafValueSchema, LeafSchema, ConditionSchema, RuleFileSchema, MunicipalitySchema, EditionSchema, OverlayManifestSchema, OverlayInputSchema, ParameterFileSchema };
}

type RuleSchemas = ReturnType<typeof buildRuleSchemas>;
let built: RuleSchemas | undefined;

/** The rule format's zod schemas (built once, on first call). */
export function ruleSchemas(): RuleSchemas {
  built ??= buildRuleSchemas();
  return built;
}

export type Source = z.infer<RuleSchemas['SourceSchema']>;
export type Effective = z.infer<RuleSchemas['EffectiveSchema']>;
export type RuleFile = z.infer<RuleSchemas['RuleFileSchema']>;
export type Municipality = z.infer<RuleSchemas['MunicipalitySchema']>;
export type Edition = z.infer<RuleSchemas['EditionSchema']>;
export type OverlayManifest = z.infer<RuleSchemas['OverlayManifestSchema']>;
export type ParameterFile = z.infer<RuleSchemas['ParameterFileSchema']>;
