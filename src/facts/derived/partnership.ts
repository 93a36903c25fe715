import { UNKNOWN, type DerivedFactDef } from '../types.js';
import { anyTrue, bool, date, num, perYear, periodMonths, round } from './helpers.js';

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
    compute: (ctx) => {
      const start = date(ctx.get('partnership.period.start'));
      const end = date(ctx.get('partnership.period.end'));
      if (start === UNKNOWN || end === UNKNOWN) return UNKNOWN;
      // Both dates count, as for agreement.lengthMonths: 2025-01-01 to 2026-12-31 is 24 months.
      return periodMonths(start, end);
    },
  },
  {
    kind: 'derived',
    id: 'partnership.cityFundingPerYearSek',
    type: 'sek',
    label: { sv: 'Stadens medel per år', en: "City's funding per year" },
    question: {
      sv: 'Hur mycket bidrar staden med under perioden, och vilken period gäller partnerskapet?',
      en: 'How much does the city contribute over the period, and what period does the partnership cover?',
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
    label: { sv: 'Staden bidrar med resurser', en: 'The city contributes resources' },
    question: {
      sv: 'Vad bidrar staden med: pengar, lokaler eller personal?',
      en: 'What does the city contribute: money, premises or staff?',
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
];
