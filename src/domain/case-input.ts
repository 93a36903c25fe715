import type * as z from 'zod';
import type { IopCaseSchema } from './case.js';

/**
 * A case as a caller writes it: the input type of the case schema (every field optional,
 * `null` for "unknown"). Annotate a literal with it (`const c = { … } satisfies CaseInput`) to
 * have misspelt fields and wrong values caught by the compiler; data from outside can stay
 * `unknown`, since `assess` validates it at run time anyway.
 */
export type CaseInput = z.input<typeof IopCaseSchema>;

/**
 * `assess`'s input type: an object written in code is checked against CaseInput (a misspelt
 * field is a compile error), while `unknown` or `any` data is accepted and validated at run time.
 */
export type CheckedCase<T> = unknown extends T ? T : T extends object ? CaseInput : T;
