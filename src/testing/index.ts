/**
 * iop-rules/testing: helpers for test suites that assert eligibility.
 * Case builders, vitest matchers and a runner for scenario files.
 */
export { favourableCase, mergeCase } from './builders.js';
export { iopMatchers } from './matchers.js';
export type { IopMatchers } from './matchers.js';
export { runScenario, runScenarioFile, ScenarioSchema } from './scenarios.js';
export type { Scenario, ScenarioResult } from './scenarios.js';
