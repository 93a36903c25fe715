import type { DerivedFactDef } from '../types.js';

/** Derived facts for the procurement area. */
export const PROCUREMENT_DERIVED: readonly DerivedFactDef[] = [];
