import type { Locale } from '../_internal/text.js';
import { FACTS } from '../facts/registry.js';
import type { FactType, FactValue } from '../facts/types.js';

/** Group the integer part in threes with a space, Swedish style: 534890 → "534 890". */
export function groupDigits(n: number, locale: Locale, decimals = 0): string {
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const dec = frac && !/^0+$/.test(frac) ? (locale === 'sv' ? ',' : '.') + frac.replace(/0+$/, '') : '';
  return `${neg ? '−' : ''}${grouped}${dec}`;
}

/** An amount in kronor: `534 890 kr`. Öre are shown only when there are any. */
export function formatSek(n: number, locale: Locale): string {
  return `${groupDigits(n, locale, 2)} kr`;
}

const UNKNOWN_TEXT: Record<Locale, string> = { sv: 'okänt', en: 'unknown' };

/** Readable names for enum values, in both languages. Values without an entry print as they are. */
const VALUE_LABELS: Record<string, readonly [sv: string, en: string]> = {
  'ideell-forening': ['ideell förening', 'non-profit association'],
  stiftelse: ['stiftelse', 'foundation'],
  'ekonomisk-forening': ['ekonomisk förening', 'economic association'],
  'registrerat-trossamfund': ['registrerat trossamfund', 'registered religious community'],
  'aktiebolag-svb': ['aktiebolag med särskild vinstutdelningsbegränsning (svb)', 'limited company with special profit restriction (svb)'],
  aktiebolag: ['aktiebolag', 'limited company'],
  handelsbolag: ['handelsbolag', 'trading partnership'],
  'enskild-firma': ['enskild firma', 'sole trader'],
  annan: ['annan form', 'other form'],
  'social-services': ['socialtjänst', 'social services'],
  'labour-market': ['arbetsmarknad', 'labour market'],
  education: ['utbildning', 'education'],
  culture: ['kultur', 'culture'],
  sports: ['idrott', 'sports'],
  'elderly-care': ['äldreomsorg', 'elderly care'],
  health: ['hälsa', 'health'],
  other: ['annat', 'other'],
  organisation: ['organisationen', 'the organisation'],
  city: ['staden', 'the city'],
  joint: ['båda gemensamt', 'both jointly'],
  'evidence-based': ['evidensbaserade', 'evidence-based'],
  'proven-experience': ['beprövad erfarenhet', 'proven experience'],
  none: ['ingen', 'none'],
  'de-minimis': ['stöd av mindre betydelse (de minimis)', 'de minimis aid'],
  'sgei-de-minimis': ['SGEI de minimis', 'SGEI de minimis'],
  'sgei-decision': ['SGEI-beslutet (2012/21/EU)', 'the SGEI Decision (2012/21/EU)'],
  notified: ['anmält stöd', 'notified aid'],
  full: ['fullt ut', 'in full'],
  partial: ['delvis', 'in part'],
};

/** The readable name of an enum value in a locale. */
export function valueLabel(value: string, locale: Locale): string {
  const l = VALUE_LABELS[value];
  return l ? l[locale === 'sv' ? 0 : 1] : value;
}

/** Write a value for a reader, by its type. */
export function formatValue(value: FactValue | null | undefined, type: FactType | 'EUR' | 'SEK' | 'years' | 'count', locale: Locale): string {
  if (value === null || value === undefined) return UNKNOWN_TEXT[locale];
  if (typeof value === 'boolean') return locale === 'sv' ? (value ? 'ja' : 'nej') : value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : locale === 'sv' ? '(inga)' : '(none)';
  if (typeof value === 'number') {
    switch (type) {
      case 'sek':
      case 'SEK':
        return formatSek(value, locale);
      case 'eur':
      case 'EUR':
        return `${groupDigits(value, locale, 2)} euro`;
      case 'ratio':
        return `${groupDigits(value * 100, locale, 1)}${locale === 'sv' ? ' %' : '%'}`;
      case 'months':
        return `${groupDigits(value, locale)} ${locale === 'sv' ? (value === 1 ? 'månad' : 'månader') : value === 1 ? 'month' : 'months'}`;
      case 'days':
        return `${groupDigits(value, locale)} ${locale === 'sv' ? (value === 1 ? 'dag' : 'dagar') : value === 1 ? 'day' : 'days'}`;
      case 'years':
        return `${groupDigits(value, locale)} ${locale === 'sv' ? 'år' : value === 1 ? 'year' : 'years'}`;
      case 'year':
        return String(value);
      default:
        return groupDigits(value, locale, 4);
    }
  }
  return type === 'enum' && typeof value === 'string' ? valueLabel(value, locale) : String(value);
}

/** Write a fact's value by the fact's type. */
export function formatFact(id: string, value: FactValue | null, locale: Locale): string {
  const def = FACTS.get(id);
  return formatValue(value, def?.type ?? 'text', locale);
}

/**
 * Fill `{fact.id}` and `{param.id}` placeholders. The load-time check guarantees every name
 * resolves; `lookup` returns the already formatted text.
 */
export function fillPlaceholders(text: string, lookup: (name: string) => string): string {
  const parts = templateOf(text);
  if (parts.length === 1) return parts[0] as string;
  let out = '';
  // Even indexes are literal text, odd ones placeholder names.
  for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? (parts[i] as string) : lookup(parts[i] as string);
  return out;
}

/** Texts split into literal parts and placeholder names, once per distinct text (bounded). */
const TEMPLATES = new Map<string, readonly string[]>();
const MAX_TEMPLATES = 20_000;

function templateOf(text: string): readonly string[] {
  const hit = TEMPLATES.get(text);
  if (hit) return hit;
  const parts = text.split(/\{([^{}\s]*)\}/);
  if (TEMPLATES.size >= MAX_TEMPLATES) TEMPLATES.clear();
  TEMPLATES.set(text, parts);
  return parts;
}
