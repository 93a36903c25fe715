import * as z from 'zod';
import { Amount, Count, IsoDate, OrgNumber, Period, SignedAmount } from './primitives.js';

// Every fact is optional and nullable: omitted or `null` means "unknown", never false.
// Objects are strict: an unknown key (a typo) is an input error, not a silent unknown.

const bool = z.boolean().nullish();
const text = z.string().max(2000).nullish();

/** Legal forms an organisation can have (docs/input.md). */
export const LEGAL_FORMS = [
  'ideell-forening',
  'stiftelse',
  'ekonomisk-forening',
  'registrerat-trossamfund',
  'aktiebolag-svb',
  'aktiebolag',
  'handelsbolag',
  'enskild-firma',
  'annan',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const PARTNERSHIP_AREAS = [
  'social-services',
  'labour-market',
  'education',
  'culture',
  'sports',
  'elderly-care',
  'health',
  'other',
] as const;

/**
 * Priority-area ids a board has defined, with the board's own wording. `partnership.priorityAreas`
 * stays a free list (other boards use other ids); the draft prints the wording for a known id and
 * the text as written otherwise. The one table: IOP-RK-001 tests these ids, and
 * test/draft-safe.test.ts checks that every id it tests has a label here.
 */
export const PRIORITY_AREA_LABELS: Readonly<Record<string, { readonly sv: string; readonly en: string }>> = {
  // Rinkeby-Kista stadsdelsnämnd, plan years 2022–2023 (its response to KS 2022/1171, 2023-03-05).
  'egen-forsorjning': {
    sv: 'stöd och insatser för egen försörjning med prioritet på kvinnor som står långt ifrån arbetsmarknaden',
    en: 'support and measures towards self-sufficiency, with priority for women far from the labour market',
  },
  'forebyggande-barn-unga': {
    sv: 'förebyggande stöd och insatser för företrädesvis barn och unga samt unga med funktionsvariationer',
    en: 'preventive support and measures mainly for children and young people, including young people with disabilities',
  },
};

export const INITIATORS = ['organisation', 'city', 'joint'] as const;
export const METHOD_BASES = ['evidence-based', 'proven-experience', 'none'] as const;
export const STATE_AID_ROUTES = ['none', 'de-minimis', 'sgei-de-minimis', 'sgei-decision', 'notified'] as const;
export const DELIVERY_LEVELS = ['full', 'partial', 'none'] as const;
/** Which insolvency proceeding an insolvent organisation is in (added field, docs/input.md). */
export const INSOLVENCY_PROCEEDINGS = ['bankruptcy', 'liquidation', 'reconstruction'] as const;

/** Clause ids an agreement may contain (docs/input.md). */
export const CLAUSE_IDS = [
  'parties',
  'background',
  'purpose-goals',
  'activities',
  'contributions',
  'financing',
  'period',
  'follow-up',
  'changes',
  'termination',
  'disputes',
  'repayment',
  'knowledge-building',
  'personal-data',
  'insurance',
  'communication',
  'insyn',
  'entrustment-act',
] as const;
export type ClauseId = (typeof CLAUSE_IDS)[number];

/** The idéburen organisation that would be the city's partner. */
export const OrganisationSchema = z
  .strictObject({
    name: text,
    orgNumber: OrgNumber.nullish(),
    legalForm: z.enum(LEGAL_FORMS).nullish(),
    registeredSince: IsoDate.nullish(),
    registeredIdeburen: bool,
    publicBenefitPurpose: bool,
    dissolutionClause: bool,
    publicControl: bool,
    valueTransfersOutsideSector: bool,
    democraticStructure: bool,
    democracyConditionMet: bool,
    genderEqualityWork: bool,
    insolvent: bool,
    taxDebtSek: Amount.nullish(),
    enforcementDebtSek: Amount.nullish(),
    bankAccountInOwnName: bool,
    latestAnnualReportYear: z.number().int().min(1900).max(2200).nullish(),
    auditReportClean: bool,
    statutesAdopted: IsoDate.nullish(),
    equitySek: SignedAmount.nullish(),
    annualRevenueSek: Amount.nullish(),
    /** Added field (docs/input.md): bankruptcy and liquidation block, företagsrekonstruktion is a major risk. */
    insolvencyProceeding: z.enum(INSOLVENCY_PROCEEDINGS).nullish(),
  })
  .superRefine((o, ctx) => {
    if (o.insolvent === false && o.insolvencyProceeding) {
      ctx.addIssue({
        code: 'custom',
        path: ['insolvencyProceeding'],
        message: 'contradicts organisation.insolvent',
        params: { code: 'contradicts_field' },
      });
    }
  });
export type Organisation = z.infer<typeof OrganisationSchema>;

const Goal = z.strictObject({
  description: text,
  indicator: text,
  target: z.union([z.number(), z.string().max(500)]).nullish(),
});

const PriorAid = z.strictObject({
  grantedOn: IsoDate.nullish(),
  amountEur: Amount.nullish(),
  kind: z.enum(['de-minimis', 'sgei-de-minimis', 'other']).nullish(),
});

const StateAid = z.strictObject({
  economicActivity: bool,
  affectsTrade: bool,
  route: z.enum(STATE_AID_ROUTES).nullish(),
  grantedOn: IsoDate.nullish(),
  eurSekRate: z.number().gt(0).nullish(),
  priorAid: z.array(PriorAid).max(1000).nullish(),
  /** Added field (docs/decisions/0007-procurement-and-state-aid.md): the de minimis aid is (or will be) entered in the central register, a duty from 2026-01-01. */
  registeredInCentralRegister: bool,
  /** Added field (docs/input.md): an entrustment over ten years needs a significant investment to amortise (2012/21/EU art. 2.2). */
  significantInvestment: bool,
  /** Added field (docs/input.md): a written entrustment act exists, in the agreement or as a separate decision (2012/21/EU art. 4). */
  entrustmentAct: bool,
  /** Added field (docs/input.md): the service meets the social needs listed in 2012/21/EU art. 2.1 c, or is hospital care (art. 2.1 b). */
  socialNeedsService: bool,
  /** Added field (docs/input.md): the entrustment act describes how overcompensation is avoided and recovered (2012/21/EU art. 4 e). */
  overcompensationArrangements: bool,
});

/** The proposed partnership (the IOP itself). */
export const PartnershipSchema = z.strictObject({
  title: text,
  area: z.enum(PARTNERSHIP_AREAS).nullish(),
  initiatedBy: z.enum(INITIATORS).nullish(),
  initialDialogueHeld: bool,
  dialogueOpenToOthers: bool,
  sharedNeed: bool,
  jointGoal: bool,
  generalInterest: bool,
  benefitsMunicipalityResidents: bool,
  serviceSpecifiedByCity: bool,
  paymentPerDeliveredUnit: bool,
  sanctionsForNonPerformance: bool,
  marketExists: bool,
  profitExpected: bool,
  detailedSteeringByCity: bool,
  partOfStandardGrant: bool,
  linkedToPoliticalPlan: bool,
  intendedLongTerm: bool,
  involvesMyndighetsutovning: bool,
  handsOverMunicipalTask: bool,
  /** Added field (docs/input.md): the task is one only the state, another municipality/region or someone else must handle (KL 2:2). */
  taskOfAnotherAuthority: bool,
  methodBasis: z.enum(METHOD_BASES).nullish(),
  priorityAreas: z.array(z.string().max(200)).max(100).nullish(),
  period: Period.nullish(),
  cityContribution: z
    .strictObject({ fundingSek: Amount.nullish(), premises: bool, staff: bool })
    .nullish(),
  organisationContribution: z
    .strictObject({
      fundingSek: Amount.nullish(),
      volunteerHours: Amount.nullish(),
      premises: bool,
      other: text,
      /** Added field (docs/input.md): the value of the premises the organisation provides, SEK (IOP-PART-003). */
      premisesValueSek: Amount.nullish(),
      /** Added field (docs/input.md): the value of the organisation's other contribution, SEK (IOP-PART-003). */
      otherValueSek: Amount.nullish(),
    })
    .nullish(),
  goals: z.array(Goal).max(200).nullish(),
  activityPlan: bool,
  knowledgeSharing: bool,
  handlesPersonalDataForCity: bool,
  stateAid: StateAid.nullish(),
  /** Added field (docs/input.md): the funded activity is open to others than the organisation's members. */
  openToNonMembers: bool,
  /** Added field (docs/input.md): the support is aimed at the organisation's business (näringsverksamhet), KL 2:8. */
  supportsBusinessActivity: bool,
  /** Added field (docs/input.md): the activities are aimed at children; the draft then carries the register-extract clause (lag 2013:852). */
  reachesChildren: bool,
  /** Added field (docs/input.md): the administration's IOP process is described and available to idéburna organisations (IOP-PART-020, advisory). */
  processPublic: bool,
});
export type Partnership = z.infer<typeof PartnershipSchema>;

/** The draft överenskommelse, when one exists. */
export const AgreementSchema = z.strictObject({
  clauses: z.array(z.enum(CLAUSE_IDS)).max(CLAUSE_IDS.length * 2).nullish(),
  signedOn: IsoDate.nullish(),
  period: Period.nullish(),
  paymentPlan: z
    .array(z.strictObject({ dueOn: IsoDate.nullish(), amountSek: Amount.nullish() }))
    .max(1000)
    .nullish(),
  noticePeriodMonths: Count.max(120).nullish(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

const Report = z.strictObject({
  periodStart: IsoDate.nullish(),
  periodEnd: IsoDate.nullish(),
  dueOn: IsoDate.nullish(),
  submittedOn: IsoDate.nullish(),
  activitiesDelivered: z.enum(DELIVERY_LEVELS).nullish(),
  indicators: z
    .array(
      z.strictObject({
        id: z.string().max(200).nullish(),
        target: z.number().nullish(),
        actual: z.number().nullish(),
      }),
    )
    .max(200)
    .nullish(),
  unspentFundsSek: Amount.nullish(),
});

/** Follow-up of a running partnership. */
export const FollowUpSchema = z.strictObject({
  reports: z.array(Report).max(500).nullish(),
  /** Added field (docs/input.md): funds unspent at the end have been repaid, or a decision to let the organisation keep them is recorded (IOP-FU-006). */
  unspentFundsSettled: bool,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

/** The whole case handed to `assess`. */
export const IopCaseSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  organisation: OrganisationSchema.nullish(),
  partnership: PartnershipSchema.nullish(),
  agreement: AgreementSchema.nullish(),
  followUp: FollowUpSchema.nullish(),
});
/** A validated IOP case. Every fact may be `null`/absent, meaning unknown. */
export type IopCase = z.infer<typeof IopCaseSchema>;
