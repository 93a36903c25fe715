import { parseISO } from 'date-fns/parseISO';
import { getYear } from 'date-fns/getYear';
import { UNKNOWN, type DerivedFactDef } from '../types.js';
import { date, monthsBetween, num, round } from './helpers.js';

/** Facts about the organisation computed from the input (dates, shares). */
export const ORGANISATION_DERIVED: readonly DerivedFactDef[] = [
  {
    kind: 'derived',
    id: 'organisation.monthsRegistered',
    type: 'months',
    label: { sv: 'Månader sedan registrering', en: 'Months since registration' },
    question: {
      sv: 'Sedan vilket datum har organisationen organisationsnummer (registreringsbevis)?',
      en: 'Since what date has the organisation had its organisation number (registration certificate)?',
    },
    dependsOn: ['organisation.registeredSince'],
    compute: (ctx) => {
      const since = date(ctx.get('organisation.registeredSince'));
      if (since === UNKNOWN) return UNKNOWN;
      return Math.max(0, monthsBetween(since, ctx.asOf));
    },
  },
  {
    kind: 'derived',
    id: 'organisation.annualReportAgeYears',
    type: 'int',
    label: { sv: 'Årsredovisningens ålder (år)', en: 'Age of the annual report (years)' },
    question: {
      sv: 'Vilket räkenskapsår avser organisationens senaste årsredovisning eller årsbokslut?',
      en: "Which financial year does the organisation's latest annual report or year-end accounts cover?",
    },
    dependsOn: ['organisation.latestAnnualReportYear'],
    compute: (ctx) => {
      const year = num(ctx.get('organisation.latestAnnualReportYear'));
      if (year === UNKNOWN) return UNKNOWN;
      return getYear(parseISO(ctx.asOf)) - year;
    },
  },
  {
    kind: 'derived',
    id: 'organisation.cityFundingShare',
    type: 'ratio',
    label: {
      sv: 'Stadens medel som andel av organisationens intäkter',
      en: "The city's funding as a share of the organisation's income",
    },
    question: {
      sv: 'Hur stora var organisationens intäkter senaste året, och hur mycket bidrar staden med per år?',
      en: "What was the organisation's revenue last year, and how much does the city contribute per year?",
    },
    dependsOn: [
      'organisation.annualRevenueSek',
      'partnership.cityContribution.fundingSek',
      'partnership.period.start',
      'partnership.period.end',
    ],
    // The share of the organisation's income that would come from this partnership if its
    // other income stayed as in the latest year: perYear / (revenue + perYear). Bounded in
    // [0, 1] and defined when revenue is 0. See docs/decisions/0004-financial-capacity.md.
    compute: (ctx) => {
      const revenue = num(ctx.get('organisation.annualRevenueSek'));
      const perYear = num(ctx.get('partnership.cityFundingPerYearSek'));
      if (revenue === UNKNOWN || perYear === UNKNOWN) return UNKNOWN;
      if (revenue + perYear === 0) return 0;
      return round(perYear / (revenue + perYear));
    },
  },
];
