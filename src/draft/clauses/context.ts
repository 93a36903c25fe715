// What every clause writer shares: the draft's context (case, facts, rule set, verdict, locale)
// and the renderer's small helpers (placeholders, Markdown-safe text from the case, amounts).
import type { Locale } from '../../_internal/text.js';
import type { ClauseId, IopCase } from '../../domain/case.js';
import { FACTS } from '../../facts/registry.js';
import type { FactResolver } from '../../facts/resolve.js';
import { UNKNOWN, type FactValue, type Unknown } from '../../facts/types.js';
import { escapeMarkdownInline } from '../../format/escape.js';
import { paramValueOn, type RuleSet } from '../../rules/rule-set.js';
import { formatSek } from '../../verdict/render.js';
import type { Verdict } from '../../verdict/types.js';
import type { ClauseNeed } from '../required-clauses.js';
import { municipalityWords } from './municipality.js';

export const MARK = {
  missing: { sv: 'UPPGIFT SAKNAS', en: 'MISSING' },
  fill: { sv: 'FYLL I', en: 'FILL IN' },
} as const;

/** Inline text from the case, safe for Markdown (one line, punctuation escaped). */
export function md(s: string): string {
  return escapeMarkdownInline(s.replace(/\s+/g, ' ').trim());
}

export function lowerFirst(s: string): string {
  return s.length > 1 && s[1] === s[1]?.toLowerCase() ? (s[0]?.toLowerCase() ?? '') + s.slice(1) : s;
}

export interface Ctx {
  readonly locale: Locale;
  readonly asOf: string;
  readonly input: IopCase;
  readonly facts: FactResolver;
  readonly set: RuleSet;
  readonly needs: ReadonlyMap<ClauseId, ClauseNeed>;
  readonly verdict: Verdict;
  readonly signable: boolean;
  /** Where the verdict leaves the draft: signable, held until the procurement question is documented, or refused. */
  readonly standing: 'signable' | 'held' | 'refused';
}

/** A rendering of the draft for one case: small helpers closed over the case and locale. */
export function renderer(ctx: Ctx) {
  const { locale, facts, input } = ctx;
  const t = (sv: string, en: string): string => (locale === 'sv' ? sv : en);
  const get = (id: string): FactValue | Unknown => facts.get(id);
  const known = (v: FactValue | Unknown): v is FactValue => v !== UNKNOWN;
  const missing = (what: string): string => `[${MARK.missing[locale]}: ${what}]`;
  const fill = (what?: string): string => (what ? `[${MARK.fill[locale]}: ${what}]` : `[${MARK.fill[locale]}]`);
  /** The placeholder for an unknown fact, named by the fact dictionary's label. */
  const missingFact = (id: string): string => {
    const def = FACTS.get(id);
    return missing(lowerFirst(def ? def.label[locale] : id));
  };
  const str = (id: string): string => {
    const v = get(id);
    // Test emptiness on the escaped text: a value of only invisible characters is missing.
    const shown = typeof v === 'string' ? md(v) : '';
    return shown !== '' ? shown : missingFact(id);
  };
  const sek = (id: string): string => {
    const v = get(id);
    return typeof v === 'number' ? formatSek(v, locale) : missingFact(id);
  };
  const dateOf = (id: string): string => {
    const v = get(id);
    return typeof v === 'string' ? v : missingFact(id);
  };
  const note = (sv: string, en: string): string => `> **${t('Obs!', 'Note:')}** ${t(sv, en)}`;
  /** A SEK parameter's value on asOf, or a placeholder. */
  const sekParam = (id: string): string => {
    const p = ctx.set.parameters.get(id);
    const found = p ? paramValueOn(p, ctx.asOf) : UNKNOWN;
    return found !== UNKNOWN && typeof found.value === 'number' ? formatSek(found.value, locale) : missing(id);
  };
  /**
   * A parameter's value on a date (unknown when no value is in force then): how a clause reads a
   * dated legal switch, so the date lives in rules/parameters and nowhere in the draft.
   */
  const paramOn = (id: string, date: string): number | string | boolean | Unknown => {
    const p = ctx.set.parameters.get(id);
    if (!p) throw new Error(`iop-rules: the draft reads unknown parameter ${id}`);
    const found = paramValueOn(p, date);
    return found === UNKNOWN ? UNKNOWN : found.value;
  };
  /** The municipality as the edition names it (or the generic words when it names none). */
  const mun = municipalityWords(ctx.set.municipality);
  return { t, get, known, missing, fill, missingFact, str, sek, dateOf, note, sekParam, paramOn, mun, input, locale, ctx };
}

export type R = ReturnType<typeof renderer>;
