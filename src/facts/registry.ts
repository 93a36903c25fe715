import { IopDefect } from '../domain/input-error.js';
import { AGREEMENT_DERIVED } from './derived/agreement.js';
import { FOLLOW_UP_DERIVED } from './derived/follow-up.js';
import { ORGANISATION_DERIVED } from './derived/organisation.js';
import { PARTNERSHIP_DERIVED } from './derived/partnership.js';
import { PROCUREMENT_DERIVED } from './derived/procurement.js';
import { STATE_AID_DERIVED } from './derived/state-aid.js';
import { INPUT_FACTS } from './input-facts.js';
import type { FactDef } from './types.js';

/** Every fact a rule may name, input and derived, by id. Ids are unique (checked here, at load). */
export const FACTS: ReadonlyMap<string, FactDef> = (() => {
  const all: FactDef[] = [
    ...INPUT_FACTS,
    ...ORGANISATION_DERIVED,
    ...PARTNERSHIP_DERIVED,
    ...PROCUREMENT_DERIVED,
    ...STATE_AID_DERIVED,
    ...AGREEMENT_DERIVED,
    ...FOLLOW_UP_DERIVED,
  ];
  const map = new Map<string, FactDef>();
  for (const def of all) {
    if (map.has(def.id)) throw new IopDefect('duplicate_fact', `fact id defined twice: ${def.id}`);
    map.set(def.id, def);
  }
  for (const def of all) {
    if (def.kind !== 'derived') continue;
    for (const dep of def.dependsOn) {
      const d = map.get(dep);
      if (!d || d.kind !== 'input') throw new IopDefect('bad_fact_dependency', `derived fact ${def.id} depends on ${dep}, which is not an input fact`);
    }
  }
  return map;
})();

/** The fact's definition, or undefined when no such fact exists. */
export function factDef(id: string): FactDef | undefined {
  return FACTS.get(id);
}
