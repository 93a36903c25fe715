// The municipality as the draft names it: from the edition's `municipality` (one place:
// rules/guidelines/<edition>/edition.json); an edition without one (the national model) leaves
// the name for the case officer and calls the party "kommunen" / "the municipality".
import type { Text } from '../../_internal/text.js';
import type { Municipality } from '../../rules/rule-schema.js';

/** The forms of the municipality's short name in one language. */
export interface PartyForms {
  /** Definite form, in a sentence: "staden", "the city". */
  readonly def: string;
  /** Definite form at the start of a sentence: "Staden", "The city". */
  readonly Def: string;
  /** Genitive: "stadens", "the city's". */
  readonly gen: string;
  /** Genitive at the start of a sentence: "Stadens", "The city's". */
  readonly Gen: string;
}

/** What the draft says for the municipality. */
export interface MunicipalityWords {
  /** Full name for the parties clause, or undefined when the edition names no municipality. */
  readonly name: Text | undefined;
  /** The legal person's name when it differs from `name` ("Stockholms kommun"), or undefined. */
  readonly legalName: string | undefined;
  /** The municipality's organisation number, or undefined (the draft leaves it to fill in). */
  readonly orgNumber: string | undefined;
  readonly sv: PartyForms;
  readonly en: PartyForms;
  /** The place printed with the signing date, or undefined. */
  readonly seat: string | undefined;
}

/** The short name when the edition names no municipality. */
const GENERIC_SHORT: Municipality['short'] = { sv: 'kommunen', en: 'the municipality' };

const capitalise = (s: string): string => (s[0]?.toUpperCase() ?? '') + s.slice(1);

/** The draft's words for an edition's municipality (or for none). */
export function municipalityWords(m: Municipality | undefined): MunicipalityWords {
  const short = m?.short ?? GENERIC_SHORT;
  return {
    name: m?.name,
    legalName: m?.legalName,
    orgNumber: m?.orgNumber,
    sv: { def: short.sv, Def: capitalise(short.sv), gen: `${short.sv}s`, Gen: `${capitalise(short.sv)}s` },
    en: { def: short.en, Def: capitalise(short.en), gen: `${short.en}'s`, Gen: `${capitalise(short.en)}'s` },
    seat: m?.seat,
  };
}
