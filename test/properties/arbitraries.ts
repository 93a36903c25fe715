// Hand-written fast-check arbitraries for IOP cases: valid ones (every field omitted, null or a
// valid value), invalid ones (a valid case with one known defect, and where it is), and the
// options to assess them with. Kept to the core case model (docs/input.md); boolean and enum facts that other developers
// add to the fact dictionary are picked up from it, so new fields are exercised too.
import * as fc from 'fast-check';
import {
  CLAUSE_IDS,
  DELIVERY_LEVELS,
  INITIATORS,
  LEGAL_FORMS,
  METHOD_BASES,
  PARTNERSHIP_AREAS,
  STATE_AID_ROUTES,
} from '../../src/domain/case.js';
import { FACTS } from '../../src/facts/registry.js';

/** The seed every property runs with, so a failure replays exactly. */
export const SEED = 20261126;

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

const DAY = 86_400_000;
const MIN_DAY = Date.UTC(1990, 0, 1) / DAY;
const MAX_DAY = Date.UTC(2030, 11, 31) / DAY;

/** An ISO date that exists, 1990-01-01 … 2030-12-31. */
export const isoDate = fc.integer({ min: MIN_DAY, max: MAX_DAY }).map((d) => new Date(d * DAY).toISOString().slice(0, 10));

/** The Luhn check digit for nine digits (weights 2,1,2,… from the left, as for organisationsnummer). */
export function luhnDigit(nine: readonly number[]): number {
  let sum = 0;
  nine.forEach((d, i) => {
    let n = i % 2 === 0 ? d * 2 : d;
    if (n > 9) n -= 9;
    sum += n;
  });
  return (10 - (sum % 10)) % 10;
}

const digits9 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 });

/** A valid organisation number `NNNNNN-NNNN` (Luhn-checked). */
export const orgNumber = digits9.map((d) => {
  const all = [...d, luhnDigit(d)].join('');
  return `${all.slice(0, 6)}-${all.slice(6)}`;
});

/** A well-formed organisation number whose check digit is wrong. */
export const badOrgNumber = fc.tuple(digits9, fc.integer({ min: 1, max: 9 })).map(([d, off]) => {
  const all = [...d, (luhnDigit(d) + off) % 10].join('');
  return `${all.slice(0, 6)}-${all.slice(6)}`;
});

/** A period with end ≥ start; either side may be unknown. */
export const period = fc
  .tuple(isoDate, isoDate)
  .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }))
  .chain((p) =>
    fc.record({ start: fc.option(fc.constant(p.start), { nil: null }), end: fc.option(fc.constant(p.end), { nil: null }) }, { requiredKeys: [] }),
  );

/** Free text without braces (a brace in input would look like a leftover placeholder). */
export const text = (max = 60) => fc.string({ maxLength: max, unit: 'grapheme' }).map((s) => s.replace(/[{}]/g, ''));

const amount = fc.oneof(fc.integer({ min: 0, max: 50_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }));
const signed = fc.integer({ min: -10_000_000, max: 100_000_000 });
const bool = fc.boolean();

/** A value or unknown: `null`. (Leaving the key out is the other unknown: `requiredKeys: []`.) */
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 4 });

function rec(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const m: Record<string, fc.Arbitrary<unknown>> = Object.fromEntries(Object.entries(model).map(([k, a]) => [k, opt(a)]));
  return fc.record(m, { requiredKeys: [] });
}

// ---------------------------------------------------------------------------------------------
// The case
// ---------------------------------------------------------------------------------------------

const organisationModel = {
  name: text(),
  orgNumber,
  legalForm: fc.constantFrom(...LEGAL_FORMS),
  registeredSince: isoDate,
  registeredIdeburen: bool,
  publicBenefitPurpose: bool,
  dissolutionClause: bool,
  publicControl: bool,
  valueTransfersOutsideSector: bool,
  democraticStructure: bool,
  democracyConditionMet: bool,
  genderEqualityWork: bool,
  insolvent: bool,
  taxDebtSek: amount,
  enforcementDebtSek: amount,
  bankAccountInOwnName: bool,
  latestAnnualReportYear: fc.integer({ min: 1990, max: 2030 }),
  auditReportClean: bool,
  statutesAdopted: isoDate,
  equitySek: signed,
  annualRevenueSek: amount,
};
export const organisation = rec(organisationModel);

const goal = rec({ description: text(), indicator: text(), target: fc.oneof(fc.integer({ min: 0, max: 1000 }), text(20)) });
const priorAid = rec({ grantedOn: isoDate, amountEur: amount, kind: fc.constantFrom('de-minimis', 'sgei-de-minimis', 'other') });

const stateAidModel = {
  economicActivity: bool,
  affectsTrade: bool,
  route: fc.constantFrom(...STATE_AID_ROUTES),
  grantedOn: isoDate,
  eurSekRate: fc.double({ min: 8, max: 13, noNaN: true }),
  priorAid: fc.array(priorAid, { maxLength: 3 }),
  registeredInCentralRegister: bool,
};
const cityContributionModel = { fundingSek: amount, premises: bool, staff: bool };
const organisationContributionModel = { fundingSek: amount, volunteerHours: amount, premises: bool, other: text() };

const partnershipModel = {
  title: text(),
  area: fc.constantFrom(...PARTNERSHIP_AREAS),
  initiatedBy: fc.constantFrom(...INITIATORS),
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
  taskOfAnotherAuthority: bool,
  methodBasis: fc.constantFrom(...METHOD_BASES),
  priorityAreas: fc.array(fc.oneof(fc.constantFrom('forebyggande-barn-unga', 'arbete-och-sysselsattning', 'trygghet'), text(30)), { maxLength: 4 }),
  period,
  cityContribution: rec(cityContributionModel),
  organisationContribution: rec(organisationContributionModel),
  goals: fc.array(goal, { maxLength: 3 }),
  activityPlan: bool,
  knowledgeSharing: bool,
  handlesPersonalDataForCity: bool,
  stateAid: rec(stateAidModel),
};
export const partnership = rec(partnershipModel);

const agreementModel = {
  clauses: fc.uniqueArray(fc.constantFrom(...CLAUSE_IDS), { maxLength: CLAUSE_IDS.length }),
  signedOn: isoDate,
  period,
  paymentPlan: fc.array(rec({ dueOn: isoDate, amountSek: amount }), { maxLength: 4 }),
  noticePeriodMonths: fc.integer({ min: 0, max: 24 }),
};
export const agreement = rec(agreementModel);

const report = rec({
  periodStart: isoDate,
  periodEnd: isoDate,
  dueOn: isoDate,
  submittedOn: isoDate,
  activitiesDelivered: fc.constantFrom(...DELIVERY_LEVELS),
  indicators: fc.array(rec({ id: text(20), target: fc.integer({ min: 0, max: 500 }), actual: fc.integer({ min: 0, max: 500 }) }), { maxLength: 3 }),
  unspentFundsSek: amount,
});

export const followUp = rec({ reports: fc.array(report, { maxLength: 3 }) });

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

function getAt(root: Obj, path: readonly string[]): Json | undefined {
  let cur: Json | undefined = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, seg) ? cur[seg] : undefined;
  }
  return cur;
}

/** Write `value` at a dotted path, creating objects on the way; leaves a `null` parent alone. */
function setAt(root: Obj, path: readonly string[], value: Json): void {
  let cur: Obj = root;
  for (const seg of path.slice(0, -1)) {
    const next = cur[seg];
    if (next === null) return; // the parent is unknown: so is everything under it
    if (next === undefined) cur[seg] = {};
    cur = cur[seg] as Obj;
  }
  cur[path[path.length - 1] as string] = value;
}

/** Every field path the hand-written model above covers. */
const HAND_WRITTEN = new Set<string>(
  (
    [
      ['organisation', organisationModel],
      ['partnership', partnershipModel],
      ['partnership.stateAid', stateAidModel],
      ['partnership.cityContribution', cityContributionModel],
      ['partnership.organisationContribution', organisationContributionModel],
      ['agreement', agreementModel],
    ] as const
  ).flatMap(([prefix, model]) => Object.keys(model).map((k) => `${prefix}.${k}`)),
);

/**
 * Boolean and enum input facts in the fact dictionary that the hand-written model does not
 * cover (fields added after it was written). Each gets a random value or stays unknown.
 */
const EXTRA_FACTS = [...FACTS.values()].filter((d) => d.kind === 'input' && !HAND_WRITTEN.has(d.id) && (d.type === 'boolean' || (d.type === 'enum' && d.values)));

const extras = fc.tuple(
  ...EXTRA_FACTS.map((d) => opt<boolean | string>(d.type === 'boolean' ? bool : fc.constantFrom(...(d.values as readonly string[])))),
);

/** A valid case: every part and every field may be absent or null. */
export const validCase: fc.Arbitrary<Obj> = fc
  .tuple(
    fc.record({ organisation: opt(organisation), partnership: opt(partnership), agreement: opt(agreement), followUp: opt(followUp) }, { requiredKeys: [] }),
    extras,
  )
  .map(([c, extra]) => {
    const out = structuredClone(c) as Obj;
    EXTRA_FACTS.forEach((d, i) => {
      const path = d.id.split('.');
      const v = extra[i] as Json | undefined;
      // Only where the hand-written model left the field out, and never under an unknown parent.
      if (v === undefined || v === null || getAt(out, path) !== undefined) return;
      if (path.slice(0, -1).some((_, j) => getAt(out, path.slice(0, j + 1)) === null)) return;
      setAt(out, path, v);
    });
    // A proceeding beside `insolvent: false` is a contradiction, an input error: keep the case valid.
    const org = out.organisation;
    if (org && typeof org === 'object' && !Array.isArray(org) && org.insolvent === false) delete org.insolvencyProceeding;
    return out;
  });

/** The dates the properties assess on: before, inside and after the rule sets' boundaries. */
export const asOf = fc.constantFrom('2017-06-30', '2018-01-01', '2020-05-15', '2022-12-31', '2023-01-01', '2024-01-01', '2025-03-01', '2026-07-01');

/** A rule set by id, or the default for the date. */
export const ruleSet = fc.constantFrom(undefined, 'national', 'stockholm-2017', 'stockholm-2023');

// ---------------------------------------------------------------------------------------------
// Paths in a case, and invalid cases
// ---------------------------------------------------------------------------------------------

/** Every path to a scalar (or array) value in a case, as segments. */
export function leafPaths(root: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (root === null || typeof root !== 'object') return prefix.length ? [prefix] : [];
  if (Array.isArray(root)) {
    const inner = root.flatMap((x, i) => (x !== null && typeof x === 'object' ? leafPaths(x, [...prefix, i]) : []));
    return [prefix, ...inner];
  }
  return Object.entries(root).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

/** Render segments as an input-issue path: `a.b[2].c`. */
export function pathString(segs: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segs) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/** A defect that makes any case invalid, where it goes, and the issue path it must produce. */
export interface Defect {
  readonly path: ReadonlyArray<string>;
  readonly value: unknown;
  /** The path the error must name (defaults to `path`). */
  readonly expect?: string;
}

const BOOLEAN_FIELDS = ['organisation.insolvent', 'organisation.registeredIdeburen', 'partnership.sharedNeed', 'partnership.activityPlan', 'partnership.stateAid.affectsTrade'];
const DATE_FIELDS = ['organisation.registeredSince', 'organisation.statutesAdopted', 'agreement.signedOn', 'partnership.stateAid.grantedOn'];
const AMOUNT_FIELDS = ['organisation.taxDebtSek', 'organisation.enforcementDebtSek', 'organisation.annualRevenueSek', 'partnership.cityContribution.fundingSek'];
const ENUM_FIELDS = ['organisation.legalForm', 'partnership.area', 'partnership.initiatedBy', 'partnership.methodBasis', 'partnership.stateAid.route'];

const split = (p: string) => p.split('.');

export const defect: fc.Arbitrary<Defect> = fc.oneof(
  badOrgNumber.map((v) => ({ path: split('organisation.orgNumber'), value: v })),
  fc.constantFrom('8025001234', '80250-01234', '802500-123', 'abcdef-ghij', '', ' 802500-1234').map((v) => ({ path: split('organisation.orgNumber'), value: v })),
  fc
    .tuple(fc.constantFrom(...DATE_FIELDS), fc.constantFrom('2023-02-29', '2024-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '20250101', '2025-1-1', '2025-01-01T00:00:00Z', 'igår', ''))
    .map(([p, v]) => ({ path: split(p), value: v })),
  fc
    .tuple(fc.constantFrom(...AMOUNT_FIELDS), fc.oneof(fc.integer({ min: -1e9, max: -1 }), fc.double({ max: -1e-9, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(Number.NaN, Infinity, -Infinity, '100', '1 000 kr', true, [1], {})))
    .map(([p, v]) => ({ path: split(p), value: v })),
  fc.tuple(fc.constantFrom(...BOOLEAN_FIELDS), fc.constantFrom('true', 'ja', 1, 0, 'false', [], {})).map(([p, v]) => ({ path: split(p), value: v })),
  fc.tuple(fc.constantFrom(...ENUM_FIELDS), fc.oneof(text(20).map((s) => `x-${s}`), fc.constantFrom(1, true, ['sports'], 'SPORTS', 'Ideell förening'))).map(([p, v]) => ({ path: split(p), value: v })),
  fc
    .tuple(fc.constantFrom('organisation', 'partnership', 'agreement', 'followUp', 'partnership.stateAid', 'partnership.cityContribution'), fc.string({ minLength: 1, maxLength: 12 }).map((s) => `zz${s}`))
    .map(([p, k]) => ({ path: [...split(p), k], value: true })),
  fc.tuple(isoDate, fc.integer({ min: 1, max: 4000 })).map(([start, back]) => {
    const end = new Date(Date.parse(start) - back * DAY).toISOString().slice(0, 10);
    return { path: split('partnership.period'), value: { start, end }, expect: 'partnership.period.end' };
  }),
  fc.constantFrom('organisation', 'partnership', 'agreement', 'followUp').chain((p) => fc.constantFrom(1, 'x', true, [], [{}]).map((v) => ({ path: [p], value: v }))),
  fc.constantFrom(2024.5, 1800, 2500, '2024', -2024).map((v) => ({ path: split('organisation.latestAnnualReportYear'), value: v })),
  fc.constantFrom(-1, 1.5, 121, '6').map((v) => ({ path: split('agreement.noticePeriodMonths'), value: v })),
  fc.constantFrom('x', [1], [null], [{}], 5).map((v) => ({ path: split('agreement.clauses'), value: v })),
  fc.constantFrom(0, -11.5, Number.NaN, '11,5').map((v) => ({ path: split('partnership.stateAid.eurSekRate'), value: v })),
);

/** Put a defect into a copy of a case (creating or replacing parents that are missing or null). */
export function applyDefect(c: Obj, d: Defect): Obj {
  const out = structuredClone(c);
  let cur: Obj = out;
  for (const seg of d.path.slice(0, -1)) {
    const next = cur[seg];
    if (next === null || next === undefined || typeof next !== 'object' || Array.isArray(next)) cur[seg] = {};
    cur = cur[seg] as Obj;
  }
  cur[d.path[d.path.length - 1] as string] = d.value as Json;
  return out;
}
