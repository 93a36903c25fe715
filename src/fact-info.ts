import type { Locale } from './_internal/text.js';
import { FACTS } from './facts/registry.js';
import type { FactType } from './facts/types.js';

/** A fact as a user interface shows it: its label, the question to ask, its type and allowed values. */
export interface FactInfo {
  readonly id: string;
  /** `input`: a field of the case (its id is the dotted path); `derived`: computed from `dependsOn`. */
  readonly kind: 'input' | 'derived';
  readonly type: FactType;
  readonly label: string;
  readonly question: string;
  readonly values?: readonly string[];
  /** For a derived fact: the case fields it is computed from (answer these to settle it). */
  readonly dependsOn?: readonly string[];
}

/**
 * The label and question of a fact named in a verdict (`missingFacts[].fact`, `toEligible[].changes[].fact`,
 * `findings[].facts[].id`), in one language; undefined for an id that is not a fact.
 */
export function describeFact(id: string, locale: Locale = 'sv'): FactInfo | undefined {
  const def = FACTS.get(id);
  if (!def) return undefined;
  const loc: Locale = locale === 'en' ? 'en' : 'sv';
  return {
    id: def.id,
    kind: def.kind,
    type: def.type,
    label: def.label[loc],
    question: def.question[loc],
    ...(def.values ? { values: [...def.values] } : {}),
    ...(def.kind === 'derived' ? { dependsOn: [...def.dependsOn] } : {}),
  };
}
