import type { DerivedFactDef } from '../types.js';

/** Derived facts for the follow-up area. */
export const FOLLOW_UP_DERIVED: readonly DerivedFactDef[] = [];
