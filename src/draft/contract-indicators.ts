import type { Text } from '../_internal/text.js';

/**
 * Wording that documents enforceable, mutual obligations: the signs of a public contract that
 * the procurement rules test (IOP-PROC-*: a service the city specifies, sanctions for
 * non-performance, payment per delivered unit) and that HFD 2020 ref. 15 and C-451/08 Helmut
 * Müller rely on ("ömsesidiga rättigheter och skyldigheter", legally enforceable obligations).
 * The one list: the draft checks its own text against it (a note in the preamble when case text
 * brings such wording in), and test/draft.test.ts checks that no draft for an eligible case
 * contains any of them. See docs/decisions/0013-draft-grant-type-wording.md.
 */
export interface ContractIndicator {
  readonly id: string;
  /** Matched case-insensitively against the draft's text, in both languages. */
  readonly pattern: RegExp;
  readonly why: Text;
}

export const CONTRACT_INDICATORS: readonly ContractIndicator[] = [
  {
    id: 'undertaking',
    pattern: /åtar sig att|åtagande att|undertakes? to/i,
    why: { sv: 'ett åtagande att prestera', en: 'an undertaking to perform' },
  },
  {
    id: 'rescission-for-breach',
    pattern: /\bhäv(a|er|ning)\b|väsentligt bryter|avtalsbrott|\brescind|rescission|material breach|breach of contract/i,
    why: { sv: 'hävning för avtalsbrott', en: 'rescission for breach' },
  },
  {
    id: 'general-court',
    pattern: /allmän domstol|general jurisdiction|skiljenämnd|skiljeförfarande|arbitration/i,
    why: { sv: 'tvister som avgörs av domstol eller skiljenämnd', en: 'disputes decided by a court or arbitration' },
  },
  {
    id: 'damages-or-penalty',
    pattern: /skadestånd|\bvite\b|\bviten\b|prisavdrag|\bdamages\b|liquidated|penalt(y|ies)|price reduction/i,
    why: { sv: 'skadestånd, vite eller prisavdrag', en: 'damages, penalties or price reductions' },
  },
  {
    id: 'sanction',
    pattern: /sanktion|\bsanctions?\b/i,
    why: { sv: 'sanktioner för utebliven prestation', en: 'sanctions for non-performance' },
  },
  {
    id: 'per-unit-payment',
    pattern: /per levererad|per utförd|ersättning per (deltagare|timme|plats)|per delivered|payment per (participant|hour|place)/i,
    why: { sv: 'ersättning per levererad enhet', en: 'payment per delivered unit' },
  },
  {
    id: 'purchaser-provider',
    pattern: /\bbeställare\b|\butförare(n)?\b|\bleverantör(en)?\b|\bpurchaser\b|\bsupplier\b|\bcontractor\b/i,
    why: { sv: 'beställare och utförare', en: 'purchaser and provider' },
  },
];

/** The indicators whose pattern occurs in a text. */
export function contractIndicatorsIn(text: string): ContractIndicator[] {
  return CONTRACT_INDICATORS.filter((c) => c.pattern.test(text));
}
