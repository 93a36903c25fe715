/**
 * iop-rules/testing: helpers for test suites that assert eligibility.
 * Case builders, vitest matchers and the runner for case files (docs/case-files.md).
 */
export { favourableCase, mergeCase } from './builders.js';
export type { CasePatch } from './builders.js';
export { iopMatchers } from './matchers.js';
export type { IopMatchers } from './matchers.js';
export { CASE_STATUSES, CaseFileSchema, CaseSchema, caseFileJsonSchema, runCase, runCaseFile } from './case-file.js';
export type { CaseFile, CaseResult, CaseRunOptions, CaseStatus, RuleCase } from './case-file.js';
