/**
 * iop-rules: Swedish IOP (idéburet offentligt partnerskap) rules as code.
 *
 * Validate a case, evaluate the law and a city's guideline as declarative JSON rules, and get
 * an explained three-valued verdict in Swedish and English. See README.md and docs/.
 */
export { assess, safeAssess, assessMany, listRuleSets, listRules, compareRuleSets, caseJsonSchema } from './assess.js';
export type { AssessOptions, RuleInfo, RuleSetComparison } from './assess.js';
export { prepareRuleSet, type PreparedRuleSet } from './prepare.js';
export { formatVerdict } from './format/format-verdict.js';
export { ruleJsonSchema } from './rules/json-schema.js';
export type { VerdictFormat } from './format/format-verdict.js';
export { draftAgreement, IopDraftRefusedError, type DraftOptions } from './draft/draft-agreement.js';
export { IopInputError } from './domain/input-error.js';
export { DEFAULT_INPUT_LIMITS } from './domain/limits.js';
export type { InputLimits } from './domain/limits.js';
export type { InputIssue } from './domain/input-error.js';
export { RuleDefinitionError } from './rules/catalogue.js';
export { IopCaseSchema } from './domain/case.js';
export type { IopCase, Organisation, Partnership, Agreement, FollowUp, LegalForm, ClauseId } from './domain/case.js';
export type { RuleSetInfo } from './rules/rule-set.js';
export type { Area, Severity, Source, Effective, RuleFile, Municipality } from './rules/rule-schema.js';
export type { Trace, TraceLeaf, TraceGroup, Tri } from './engine/evaluate.js';
export type {
  Verdict,
  Finding,
  FindingStatus,
  Outcome,
  AreaResult,
  MissingFact,
  ChangeSet,
  FactChange,
  FactUse,
  Recommendation,
  RecommendedForm,
  ParameterUse,
} from './verdict/types.js';
export type { Locale, Text } from './_internal/text.js';
export { VERSION } from './version.js';
// Types the public API uses, and types for literals a caller writes.
export type { FactValue } from './facts/types.js';
export type { Operator, Condition } from './rules/rule-schema.js';
export type { AreaStatus } from './verdict/types.js';
export type { CaseInput, CheckedCase } from './domain/case-input.js';
export type { RuleSetId, KnownRuleSet } from './rules/rule-set-ids.js';
export type { FormatOptions } from './format/format-verdict.js';
export type { CompactVerdict, CompactFinding } from './format/compact.js';
export { compactVerdict } from './format/compact.js';
export { RULE_SET_IDS, isRuleSetId } from './rules/rule-set-ids.js';
export { validateCase, groupIssuesByField, jsonPointer } from './validate-case.js';
export type { CaseIssue, CaseValidation, ValidateCaseOptions, GroupedCaseIssues } from './validate-case.js';
export type { CaseJsonSchemaOptions } from './case-json-schema.js';
export { INPUT_ISSUE_CODES, DEFECT_CODES, IopDefect } from './domain/input-error.js';
export type { InputIssueCode, DefectCode } from './domain/input-error.js';
export { describeFact, type FactInfo } from './fact-info.js';
