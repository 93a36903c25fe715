// Internals the benchmark compares against (bundled by bench/run.mjs with esbuild; not part of
// the package): the bundled catalogue, rule-set resolution and the fact resolver, so the raw
// json-rules-engine run and the closure floor evaluate exactly the rules and facts assess does, and
// the engine part of assess (the prepared rules' distinct leaves on a pooled Engine) can be timed alone.
export { bundledCatalogue } from '../src/rules/catalogue.js';
export { resolveRuleSet, inForce, paramValueOn } from '../src/rules/rule-set.js';
export { resolveFacts } from '../src/facts/resolve.js';
export { UNKNOWN } from '../src/facts/types.js';
export { OPERATOR_TABLE } from '../src/rules/operators.js';
export { IopCaseSchema } from '../src/domain/case.js';
export { preparedFor } from '../src/engine/evaluate.js';
