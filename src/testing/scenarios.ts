import * as z from 'zod';
import { safeAssess } from '../assess.js';
import type { FindingStatus, Verdict } from '../verdict/types.js';

const Status = z.enum(['pass', 'fail', 'unknown', 'not-applicable', 'absent']);

/** One scenario: a case, the options to assess it with, and what the verdict must say. */
export const ScenarioSchema = z.strictObject({
  name: z.string().min(1).max(500),
  asOf: z.string().optional(),
  ruleSet: z.string().optional(),
  locale: z.enum(['sv', 'en']).optional(),
  overlays: z.array(z.unknown()).optional(),
  input: z.unknown(),
  expect: z.strictObject({
    outcome: z.enum(['eligible', 'conditional', 'incomplete', 'not-eligible', 'invalid-input']).optional(),
    recommendation: z.enum(['iop', 'procurement', 'grant', 'undetermined']).optional(),
    /** Rule id → status; `absent` means the rule gives no finding (not in force). */
    findings: z.record(z.string(), Status).optional(),
    /** Fact ids that must be among the missing facts. */
    asks: z.array(z.string()).optional(),
    /** Input paths that must be named by the input error (with outcome invalid-input). */
    invalidPaths: z.array(z.string()).optional(),
  }),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

const FileSchema = z.union([ScenarioSchema, z.array(ScenarioSchema), z.strictObject({ scenarios: z.array(ScenarioSchema) })]);

export interface ScenarioResult {
  readonly name: string;
  readonly ok: boolean;
  /** What did not match, one sentence each. Empty when ok. */
  readonly problems: readonly string[];
  readonly verdict?: Verdict;
}

/** Assess one scenario and compare the verdict with its expectations. */
export async function runScenario(s: Scenario): Promise<ScenarioResult> {
  const res = await safeAssess(s.input, {
    ...(s.asOf !== undefined ? { asOf: s.asOf } : {}),
    ...(s.ruleSet !== undefined ? { ruleSet: s.ruleSet } : {}),
    ...(s.locale !== undefined ? { locale: s.locale } : {}),
    ...(s.overlays !== undefined ? { overlays: s.overlays } : {}),
  });
  const problems: string[] = [];
  const e = s.expect;
  if (!res.ok) {
    if (e.outcome !== 'invalid-input') problems.push(`input error: ${res.error.issues.map((i) => `${i.path}: ${i.message.en}`).join('; ')}`);
    for (const p of e.invalidPaths ?? []) if (!res.error.issues.some((i) => i.path === p)) problems.push(`no input issue at ${p}`);
    return { name: s.name, ok: problems.length === 0, problems };
  }
  const v = res.verdict;
  if (e.outcome && e.outcome !== v.outcome) problems.push(`outcome is ${v.outcome}, expected ${e.outcome}`);
  if (e.recommendation && e.recommendation !== v.recommendation.form) problems.push(`recommendation is ${v.recommendation.form}, expected ${e.recommendation}`);
  for (const [id, want] of Object.entries(e.findings ?? {})) {
    const got: FindingStatus | 'absent' = v.findings.find((f) => f.ruleId === id)?.status ?? 'absent';
    if (got !== want) problems.push(`${id} is ${got}, expected ${want}`);
  }
  for (const fact of e.asks ?? []) if (!v.missingFacts.some((m) => m.fact === fact)) problems.push(`does not ask for ${fact}`);
  return { name: s.name, ok: problems.length === 0, problems, verdict: v };
}

/** Run a scenario file's contents (one scenario, a list, or `{ scenarios: [...] }`). */
export async function runScenarioFile(json: unknown): Promise<ScenarioResult[]> {
  const parsed = FileSchema.safeParse(json);
  if (!parsed.success) {
    return [{ name: '(scenario file)', ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`) }];
  }
  const list = Array.isArray(parsed.data) ? parsed.data : 'scenarios' in parsed.data ? parsed.data.scenarios : [parsed.data];
  const out: ScenarioResult[] = [];
  for (const s of list) out.push(await runScenario(s));
  return out;
}
