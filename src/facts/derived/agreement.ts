import type { DerivedFactDef } from '../types.js';

/** Derived facts for the agreement area. */
export const AGREEMENT_DERIVED: readonly DerivedFactDef[] = [];
