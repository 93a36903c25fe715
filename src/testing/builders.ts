import type { IopCase } from '../domain/case.js';

type DeepPartial<T> = T extends readonly (infer U)[] ? readonly U[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> | null } : T;

/**
 * A patch onto a case: every field optional, objects merged field by field, arrays and values
 * replaced, `null` for "unknown". Typed, so a misspelt field is a compile error.
 */
export type CasePatch<T = IopCase> = DeepPartial<T>;

function isPlain(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Deep-merge data: objects merge, arrays and scalars replace, `null` sets unknown. For JSON from outside. */
export function mergeData(base: unknown, patch: unknown): unknown {
  if (!isPlain(patch) || !isPlain(base)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    // Never let a patch reach an object's prototype.
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = mergeData(out[k], v);
  }
  return out;
}

/**
 * Deep-merge `patch` onto `base`: objects merge, arrays and scalars replace, `null` sets unknown.
 * `mergeCase(favourableCase(), { organisation: { insolvent: true } })`.
 */
export function mergeCase<T extends object>(base: T, patch: CasePatch<T>): T {
  return mergeData(base, patch) as T;
}

/**
 * A case that answers every field of the case model favourably (the added fields too) (modelled on a sports partnership in
 * Rinkeby-Kista, period 2025–2026). Under the current rule sets it comes out `eligible` on
 * 2025-03-01. Override any part: `favourableCase({ organisation: { insolvent: true } })`.
 */
export function favourableCase(overrides: CasePatch = {}): IopCase {
  const base: IopCase = {
    organisation: {
      name: 'Löparakademin',
      orgNumber: '802500-1234',
      legalForm: 'ideell-forening',
      registeredSince: '2015-03-01',
      registeredIdeburen: true,
      publicBenefitPurpose: true,
      dissolutionClause: true,
      publicControl: false,
      valueTransfersOutsideSector: false,
      democraticStructure: true,
      democracyConditionMet: true,
      genderEqualityWork: true,
      insolvent: false,
      taxDebtSek: 0,
      enforcementDebtSek: 0,
      bankAccountInOwnName: true,
      latestAnnualReportYear: 2024,
      auditReportClean: true,
      statutesAdopted: '2019-04-10',
      equitySek: 850000,
      annualRevenueSek: 4200000,
    },
    partnership: {
      title: 'Rörelseglädje för barn och unga i Rinkeby-Kista',
      area: 'sports',
      initiatedBy: 'joint',
      initialDialogueHeld: true,
      dialogueOpenToOthers: true,
      sharedNeed: true,
      jointGoal: true,
      generalInterest: true,
      benefitsMunicipalityResidents: true,
      serviceSpecifiedByCity: false,
      paymentPerDeliveredUnit: false,
      sanctionsForNonPerformance: false,
      marketExists: false,
      profitExpected: false,
      detailedSteeringByCity: false,
      partOfStandardGrant: false,
      linkedToPoliticalPlan: true,
      intendedLongTerm: true,
      involvesMyndighetsutovning: false,
      handsOverMunicipalTask: false,
      taskOfAnotherAuthority: false,
      methodBasis: 'proven-experience',
      priorityAreas: ['forebyggande-barn-unga'],
      period: { start: '2025-01-01', end: '2026-12-31' },
      cityContribution: { fundingSek: 900000, premises: true, staff: false },
      organisationContribution: { fundingSek: 150000, volunteerHours: 2400, premises: true, other: 'Ledare, tränare och utrustning' },
      goals: [
        { description: 'Fler barn och unga i stadsdelsområdet rör sig regelbundet', indicator: 'Antal unika deltagare per termin', target: 300 },
        { description: 'Fler flickor deltar', indicator: 'Andel flickor bland deltagarna (%)', target: 45 },
      ],
      activityPlan: true,
      knowledgeSharing: true,
      handlesPersonalDataForCity: false,
      stateAid: { economicActivity: false, affectsTrade: false, route: 'none', grantedOn: '2024-12-10', eurSekRate: 11.5, priorAid: [], significantInvestment: false },
      openToNonMembers: true,
      supportsBusinessActivity: false,
    },
    agreement: {
      clauses: [
        'parties', 'background', 'purpose-goals', 'activities', 'contributions', 'financing', 'period', 'follow-up',
        'changes', 'termination', 'disputes', 'repayment', 'knowledge-building', 'insurance', 'communication',
      ],
      signedOn: '2024-12-15',
      period: { start: '2025-01-01', end: '2026-12-31' },
      paymentPlan: [
        { dueOn: '2025-01-31', amountSek: 450000 },
        { dueOn: '2026-01-31', amountSek: 450000 },
      ],
      noticePeriodMonths: 6,
    },
    // The report plan: one report a year, the one on 2025 due by the second payment (IOP-FU-008
    // is unknown for later payments without due dates; decision 0019). None is submitted yet.
    followUp: {
      reports: [
        { periodStart: '2025-01-01', periodEnd: '2025-12-31', dueOn: '2026-01-31' },
        { periodStart: '2026-01-01', periodEnd: '2026-12-31', dueOn: '2027-02-28' },
      ],
    },
  };
  return mergeCase(base, overrides);
}
