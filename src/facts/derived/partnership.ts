import { UNKNOWN, type DeriveContext, type DerivedFactDef } from '../types.js';
import { anyTrue, bool, num, perYear, periodLengthMonths, round } from './helpers.js';

const OWN_CONTRIBUTION_QUESTION = {
  sv: 'Vad är organisationens egen insats värd: egna pengar, antal ideella timmar, och värdet av lokaler och annat den bidrar med (kr)?',
  en: "What is the organisation's own contribution worth: its own money, number of volunteer hours, and the value of premises and anything else it contributes (SEK)?",
};

const OWN_CONTRIBUTION_INPUTS = [
  'partnership.organisationContribution.fundingSek',
  'partnership.organisationContribution.volunteerHours',
  'partnership.organisationContribution.premises',
  'partnership.organisationContribution.premisesValueSek',
  'partnership.organisationContribution.other',
  'partnership.organisationContribution.otherValueSek',
];

/**
 * The organisation's own contribution in SEK: its money, its volunteer hours at the parameter's
 * rate, and premises and other contributions at the value the case gives them. `known` sums the
 * parts that are known; `unknown` is true when a part that counts is not (money or hours not
 * given; premises or another contribution stated but not valued, or not known whether there are
 * any). An unvalued free text counts as unknown, never as a value.
 */
function ownContribution(ctx: DeriveContext): { known: number; unknown: boolean; rate: number | typeof UNKNOWN } {
  let known = 0;
  let unknown = false;
  const funding = num(ctx.get('partnership.organisationContribution.fundingSek'));
  if (funding === UNKNOWN) unknown = true;
  else known += funding;
  const hours = num(ctx.get('partnership.organisationContribution.volunteerHours'));
  const rateValue = ctx.param('partnership.volunteerHourValueSek');
  const rate = typeof rateValue === 'number' ? rateValue : UNKNOWN;
  if (hours === UNKNOWN || rate === UNKNOWN) unknown = true;
  else known += hours * rate;
  const premises = bool(ctx.get('partnership.organisationContribution.premises'));
  const premisesValue = num(ctx.get('partnership.organisationContribution.premisesValueSek'));
  if (premisesValue !== UNKNOWN) known += premisesValue;
  else if (premises !== false) unknown = true;
  const other = ctx.get('partnership.organisationContribution.other');
  const otherValue = num(ctx.get('partnership.organisationContribution.otherValueSek'));
  if (otherValue !== UNKNOWN) known += otherValue;
  else if (typeof other === 'string' && other.trim() !== '') unknown = true;
  return { known, unknown, rate };
}

/** Facts about the partnership computed from the input. */
export const PARTNERSHIP_DERIVED: readonly DerivedFactDef[] = [
  {
    kind: 'derived',
    id: 'partnership.lengthMonths',
    type: 'months',
    label: { sv: 'Partnerskapets längd (månader)', en: 'Length of the partnership (months)' },
    question: {
      sv: 'Vilken period gäller partnerskapet (start- och slutdatum)?',
      en: 'What period does the partnership cover (start and end date)?',
    },
    dependsOn: ['partnership.period.start', 'partnership.period.end'],
    // Both dates count, as for agreement.lengthMonths: 2025-01-01 to 2026-12-31 is 24 months.
    compute: (ctx) => periodLengthMonths(ctx, 'partnership.period'),
  },
  {
    kind: 'derived',
    id: 'partnership.cityFundingPerYearSek',
    type: 'sek',
    label: { sv: 'Kommunens medel per år', en: "City's funding per year" },
    question: {
      sv: 'Hur mycket bidrar kommunen med under perioden, och vilken period gäller partnerskapet?',
      en: 'How much does the municipality contribute over the period, and what period does the partnership cover?',
    },
    dependsOn: ['partnership.cityContribution.fundingSek', 'partnership.period.start', 'partnership.period.end'],
    compute: (ctx) => {
      const v = perYear(ctx.get('partnership.cityContribution.fundingSek'), ctx.get('partnership.period.start'), ctx.get('partnership.period.end'));
      return v === UNKNOWN ? UNKNOWN : Math.round(v);
    },
  },
  {
    kind: 'derived',
    id: 'partnership.organisationContributes',
    type: 'boolean',
    label: { sv: 'Organisationen bidrar med egna resurser', en: 'The organisation contributes its own resources' },
    question: {
      sv: 'Vad bidrar organisationen med: egna pengar, ideella timmar, lokaler eller annat?',
      en: 'What does the organisation contribute: its own money, volunteer hours, premises or other resources?',
    },
    dependsOn: [
      'partnership.organisationContribution.fundingSek',
      'partnership.organisationContribution.volunteerHours',
      'partnership.organisationContribution.premises',
      'partnership.organisationContribution.other',
    ],
    // Kleene OR: one known contribution > 0 settles it; all known and zero means none.
    compute: (ctx) => {
      const funding = num(ctx.get('partnership.organisationContribution.fundingSek'));
      const hours = num(ctx.get('partnership.organisationContribution.volunteerHours'));
      const premises = bool(ctx.get('partnership.organisationContribution.premises'));
      const other = ctx.get('partnership.organisationContribution.other');
      return anyTrue([
        funding === UNKNOWN ? UNKNOWN : funding > 0,
        hours === UNKNOWN ? UNKNOWN : hours > 0,
        premises,
        other === UNKNOWN ? UNKNOWN : typeof other === 'string' && other.trim().length > 0,
      ]);
    },
  },
  {
    kind: 'derived',
    id: 'partnership.goalsWithIndicatorShare',
    type: 'ratio',
    label: { sv: 'Andel mål med indikator', en: 'Share of goals with an indicator' },
    question: {
      sv: 'Vilka indikatorer ska användas för att följa upp målen?',
      en: 'Which indicators will be used to follow up the goals?',
    },
    dependsOn: ['partnership.goals'],
    compute: (ctx) => {
      const goals = ctx.input.partnership?.goals;
      if (goals == null) return UNKNOWN;
      if (goals.length === 0) return 0;
      const withIndicator = goals.filter((g) => typeof g.indicator === 'string' && g.indicator.trim() !== '').length;
      return round(withIndicator / goals.length);
    },
  },
  {
    kind: 'derived',
    id: 'partnership.cityContributes',
    type: 'boolean',
    label: { sv: 'Kommunen bidrar med resurser', en: 'The municipality contributes resources' },
    question: {
      sv: 'Vad bidrar kommunen med: pengar, lokaler eller personal?',
      en: 'What does the municipality contribute: money, premises or staff?',
    },
    dependsOn: [
      'partnership.cityContribution.fundingSek',
      'partnership.cityContribution.premises',
      'partnership.cityContribution.staff',
    ],
    // Kleene OR, like organisationContributes: one known contribution settles it; all known and none means no.
    compute: (ctx) => {
      const funding = num(ctx.get('partnership.cityContribution.fundingSek'));
      return anyTrue([
        funding === UNKNOWN ? UNKNOWN : funding > 0,
        bool(ctx.get('partnership.cityContribution.premises')),
        bool(ctx.get('partnership.cityContribution.staff')),
      ]);
    },
  },
  {
    kind: 'derived',
    id: 'partnership.organisationContributionValueSek',
    type: 'sek',
    label: { sv: 'Värdet av organisationens egen insats', en: "Value of the organisation's own contribution" },
    question: OWN_CONTRIBUTION_QUESTION,
    dependsOn: OWN_CONTRIBUTION_INPUTS,
    params: ['partnership.volunteerHourValueSek'],
    // docs/decisions/0016-own-contribution-valued.md: unknown while any counted part is unknown.
    compute: (ctx) => {
      const v = ownContribution(ctx);
      return v.unknown ? UNKNOWN : round(v.known, 2);
    },
  },
  {
    kind: 'derived',
    id: 'partnership.ownContributionShare',
    type: 'ratio',
    label: { sv: 'Organisationens insats i förhållande till kommunens medel', en: "The organisation's contribution relative to the municipality's funding" },
    question: OWN_CONTRIBUTION_QUESTION,
    dependsOn: [...OWN_CONTRIBUTION_INPUTS, 'partnership.cityContribution.fundingSek'],
    params: ['partnership.volunteerHourValueSek'],
    compute: (ctx) => {
      const v = ownContribution(ctx);
      const city = num(ctx.get('partnership.cityContribution.fundingSek'));
      if (v.unknown || city === UNKNOWN || city <= 0) return UNKNOWN;
      return round(v.known / city);
    },
  },
  {
    kind: 'derived',
    id: 'partnership.ownContributionSufficient',
    type: 'boolean',
    label: { sv: 'Organisationens egen insats når golvet', en: "The organisation's own contribution reaches the floor" },
    question: OWN_CONTRIBUTION_QUESTION,
    dependsOn: [...OWN_CONTRIBUTION_INPUTS, 'partnership.cityContribution.fundingSek'],
    params: ['partnership.volunteerHourValueSek', 'partnership.minOwnContributionShare'],
    // The known parts already reaching the floor settle it (more can only add); all parts known
    // and below the floor settle it the other way; otherwise unknown. With no city funding there
    // is nothing to match (IOP-PART-003 tests the city's contribution separately).
    compute: (ctx) => {
      const v = ownContribution(ctx);
      const city = num(ctx.get('partnership.cityContribution.fundingSek'));
      const share = ctx.param('partnership.minOwnContributionShare');
      if (city === UNKNOWN || typeof share !== 'number' || v.rate === UNKNOWN) return UNKNOWN;
      if (city <= 0) return true;
      const floor = city * share;
      if (v.known >= floor && v.known > 0) return true;
      return v.unknown ? UNKNOWN : false;
    },
  },
];
