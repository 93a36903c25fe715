import type { DerivedFactDef } from '../types.js';

/** Derived facts for the state-aid area. */
export const STATE_AID_DERIVED: readonly DerivedFactDef[] = [];
