// The bad-input catalogue (issue 5): what a web form or an old database might send, one row per input.
// Shared by test/bad-input.test.ts (assess and the CLI) and test/case-json-schema.test.ts (the JSON Schema
// must refuse every row it can express).
import type { AssessOptions } from '../../src/assess.js';
import { favourableCase, mergeData } from '../../src/testing/builders.js';

export const AS_OF = '2025-03-01';
const fav = (patch: unknown = {}): unknown => mergeData(favourableCase(), patch);
const org = (o: Record<string, unknown>) => fav({ organisation: o });
const part = (p: Record<string, unknown>) => fav({ partnership: p });
const nest = (n: number, leaf: unknown = {}): unknown => {
  let x = leaf;
  for (let i = 0; i < n; i++) x = { a: x };
  return x;
};
const HUGE = 'x'.repeat(10 * 1024 * 1024);
class Legacy {
  name = 'Gamla föreningen';
}

/** `issue`: the path (and optionally code) one issue must have. `verdict`: the input is valid. */
export type Row = { name: string; input: () => unknown; options?: AssessOptions } & ({ issue: string; code?: string; prefix?: true } | { verdict: true });

export const ROWS: Row[] = [
  // The root
  { name: 'null instead of a case', input: () => null, issue: '', code: 'invalid_type' },
  { name: 'a number', input: () => 42, issue: '', code: 'invalid_type' },
  { name: 'a string (JSON text passed unparsed)', input: () => JSON.stringify(favourableCase()), issue: '', code: 'invalid_type' },
  { name: 'an array of cases', input: () => [favourableCase()], issue: '', code: 'invalid_type' },
  { name: 'undefined', input: () => undefined, issue: '', code: 'invalid_type' },
  { name: 'a Map', input: () => new Map([['organisation', {}]]), issue: '', code: 'not_json' },
  // Wrong types
  { name: 'organisation is a string', input: () => fav({ organisation: 'Kista SC' }), issue: 'organisation', code: 'invalid_type' },
  { name: 'partnership is a list', input: () => ({ partnership: [] }), issue: 'partnership', code: 'invalid_type' },
  { name: 'a name that is a number', input: () => org({ name: 42 }), issue: 'organisation.name', code: 'invalid_type' },
  { name: 'a boolean written "yes"', input: () => org({ registeredIdeburen: 'yes' }), issue: 'organisation.registeredIdeburen', code: 'invalid_type' },
  { name: 'a boolean written 1', input: () => org({ insolvent: 1 }), issue: 'organisation.insolvent', code: 'invalid_type' },
  { name: 'a boolean written "false"', input: () => part({ profitExpected: 'false' }), issue: 'partnership.profitExpected', code: 'invalid_type' },
  { name: 'an amount written as text', input: () => org({ taxDebtSek: '1 000 kr' }), issue: 'organisation.taxDebtSek', code: 'invalid_type' },
  { name: 'a legal form that is not on the list', input: () => org({ legalForm: 'förening' }), issue: 'organisation.legalForm', code: 'invalid_value' },
  { name: 'an area in capitals', input: () => part({ area: 'SPORTS' }), issue: 'partnership.area', code: 'invalid_value' },
  { name: 'a clause id that does not exist', input: () => fav({ agreement: { clauses: ['parties', 'secrecy'] } }), issue: 'agreement.clauses[1]', code: 'invalid_value' },
  { name: 'priority areas as one string', input: () => part({ priorityAreas: 'trygghet' }), issue: 'partnership.priorityAreas', code: 'invalid_type' },
  { name: 'priority areas as numbers', input: () => part({ priorityAreas: [1] }), issue: 'partnership.priorityAreas[0]', code: 'invalid_type' },
  { name: 'a goal that is a string', input: () => part({ goals: ['fler barn'] }), issue: 'partnership.goals[0]', code: 'invalid_type' },
  { name: 'an indicator value as text', input: () => fav({ followUp: { reports: [{ indicators: [{ id: 'a', actual: 'tio' }] }] } }), issue: 'followUp.reports[0].indicators[0].actual', code: 'invalid_type' },
  { name: 'a Date object instead of an ISO date', input: () => org({ registeredSince: new Date('2015-03-01') }), issue: 'organisation.registeredSince', code: 'not_json' },
  { name: 'a $schema that is not text', input: () => ({ $schema: 1 }), issue: '$schema', code: 'invalid_type' },
  // Impossible dates
  { name: '30 February', input: () => org({ registeredSince: '2023-02-30' }), issue: 'organisation.registeredSince', code: 'invalid_date' },
  { name: '29 February in a common year', input: () => org({ statutesAdopted: '2023-02-29' }), issue: 'organisation.statutesAdopted', code: 'invalid_date' },
  { name: 'month 13', input: () => fav({ agreement: { signedOn: '2024-13-01' } }), issue: 'agreement.signedOn', code: 'invalid_date' },
  { name: 'day 0', input: () => fav({ agreement: { signedOn: '2024-12-00' } }), issue: 'agreement.signedOn', code: 'invalid_date' },
  { name: 'a Swedish short date', input: () => org({ registeredSince: '15-03-01' }), issue: 'organisation.registeredSince', code: 'invalid_date' },
  { name: 'a timestamp', input: () => org({ registeredSince: '2015-03-01T00:00:00Z' }), issue: 'organisation.registeredSince', code: 'invalid_date' },
  { name: 'a date inside a payment plan', input: () => fav({ agreement: { paymentPlan: [{ dueOn: '2025-04-31', amountSek: 1 }] } }), issue: 'agreement.paymentPlan[0].dueOn', code: 'invalid_date' },
  { name: 'a period that ends before it starts', input: () => part({ period: { start: '2026-01-01', end: '2025-01-01' } }), issue: 'partnership.period.end', code: 'period_end_before_start' },
  // Organisation numbers
  { name: 'a wrong check digit', input: () => org({ orgNumber: '802500-1235' }), issue: 'organisation.orgNumber', code: 'invalid_org_number' },
  { name: 'no hyphen', input: () => org({ orgNumber: '8025001234' }), issue: 'organisation.orgNumber', code: 'invalid_org_number' },
  { name: 'the hyphen in the wrong place', input: () => org({ orgNumber: '80250-01234' }), issue: 'organisation.orgNumber', code: 'invalid_org_number' },
  { name: 'a leading space', input: () => org({ orgNumber: ' 802500-1234' }), issue: 'organisation.orgNumber', code: 'invalid_org_number' },
  { name: 'twelve digits (personnummer form)', input: () => org({ orgNumber: '19802500-1234' }), issue: 'organisation.orgNumber', code: 'invalid_org_number' },
  { name: 'an org number as a number', input: () => org({ orgNumber: 8025001234 }), issue: 'organisation.orgNumber', code: 'invalid_type' },
  // Negative and non-finite amounts
  { name: 'a negative tax debt', input: () => org({ taxDebtSek: -1 }), issue: 'organisation.taxDebtSek', code: 'too_small' },
  { name: 'a negative city contribution', input: () => part({ cityContribution: { fundingSek: -900000 } }), issue: 'partnership.cityContribution.fundingSek', code: 'too_small' },
  { name: 'NaN', input: () => org({ annualRevenueSek: Number.NaN }), issue: 'organisation.annualRevenueSek', code: 'invalid_type' },
  { name: 'Infinity', input: () => org({ enforcementDebtSek: Infinity }), issue: 'organisation.enforcementDebtSek', code: 'invalid_type' },
  { name: '-Infinity equity', input: () => org({ equitySek: -Infinity }), issue: 'organisation.equitySek', code: 'invalid_type' },
  { name: 'a zero exchange rate', input: () => part({ stateAid: { eurSekRate: 0 } }), issue: 'partnership.stateAid.eurSekRate', code: 'too_small' },
  { name: 'a negative prior aid', input: () => part({ stateAid: { priorAid: [{ amountEur: -5 }] } }), issue: 'partnership.stateAid.priorAid[0].amountEur', code: 'too_small' },
  { name: 'a year with a fraction', input: () => org({ latestAnnualReportYear: 2024.5 }), issue: 'organisation.latestAnnualReportYear', code: 'invalid_type' },
  { name: 'a negative notice period', input: () => fav({ agreement: { noticePeriodMonths: -3 } }), issue: 'agreement.noticePeriodMonths', code: 'too_small' },
  { name: 'a bigint', input: () => org({ taxDebtSek: 10n }), issue: 'organisation.taxDebtSek', code: 'not_json' },
  // Size
  { name: 'a 10 MB name', input: () => org({ name: HUGE }), issue: 'organisation.name', code: 'limit_exceeded' },
  { name: 'a 10 MB value under an unknown key', input: () => fav({ notes: HUGE }), issue: 'notes', code: 'limit_exceeded' },
  { name: 'a 10 MB field name', input: () => ({ organisation: { [HUGE]: 1 } }), issue: `organisation.${'x'.repeat(60)}…`, code: 'limit_exceeded' },
  { name: 'a name over the schema limit but under the size limit', input: () => org({ name: 'x'.repeat(5000) }), issue: 'organisation.name', code: 'too_big' },
  { name: '100 000 priority areas', input: () => part({ priorityAreas: new Array(100_000).fill('trygghet') }), issue: 'partnership.priorityAreas', code: 'limit_exceeded' },
  { name: '100 000 payments', input: () => fav({ agreement: { paymentPlan: new Array(100_000).fill({ amountSek: 1 }) } }), issue: 'agreement.paymentPlan', code: 'limit_exceeded' },
  { name: '100 000 keys in one object', input: () => ({ organisation: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])) }), issue: 'organisation', code: 'limit_exceeded' },
  { name: '10 000-deep nesting in a known field', input: () => ({ organisation: { name: nest(10_000) } }), issue: 'organisation.name.a.a.a', prefix: true, code: 'limit_exceeded' },
  { name: '10 000-deep nesting under an unknown key', input: () => ({ extra: nest(10_000) }), issue: 'extra.a.a.a', prefix: true, code: 'limit_exceeded' },
  { name: '10 000-deep nested arrays at the root', input: () => JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown, issue: '[0][0][0]', prefix: true, code: 'limit_exceeded' },
  { name: 'a cycle', input: () => { const c: Record<string, unknown> = {}; c.organisation = c; return c; }, issue: 'organisation.organisation.organisation', prefix: true, code: 'limit_exceeded' },
  // Unknown keys, prototype keys, code
  { name: 'a typo in a part', input: () => ({ organization: {} }), issue: 'organization', code: 'unrecognized_key' },
  { name: 'a typo in a field', input: () => org({ nmae: 'x' }), issue: 'organisation.nmae', code: 'unrecognized_key' },
  { name: '__proto__ at the root (JSON.parse)', input: () => JSON.parse('{"__proto__": {"polluted": true}}') as unknown, issue: '__proto__', code: 'unrecognized_key' },
  { name: '__proto__ in the organisation (JSON.parse)', input: () => JSON.parse('{"organisation": {"__proto__": {"insolvent": false}}}') as unknown, issue: 'organisation.__proto__', code: 'unrecognized_key' },
  { name: 'constructor.prototype', input: () => JSON.parse('{"constructor": {"prototype": {"polluted": true}}}') as unknown, issue: 'constructor', code: 'unrecognized_key' },
  { name: 'a function as a value', input: () => org({ name: () => 'x' }), issue: 'organisation.name', code: 'not_json' },
  { name: 'a getter', input: () => ({ organisation: Object.defineProperty({}, 'insolvent', { enumerable: true, get: () => false }) }), issue: 'organisation.insolvent', code: 'not_json' },
  { name: 'a class instance', input: () => ({ organisation: new Legacy() }), issue: 'organisation', code: 'not_json' },
  { name: 'a Proxy that throws', input: () => ({ organisation: new Proxy({}, { ownKeys: () => { throw new Error('locked'); } }) }), issue: 'organisation', code: 'unreadable' },
  // Options
  { name: 'an impossible asOf', input: () => favourableCase(), options: { asOf: '2025-02-30' }, issue: 'options.asOf', code: 'invalid_date' },
  { name: 'an unknown locale', input: () => favourableCase(), options: { asOf: AS_OF, locale: 'de' as never }, issue: 'options.locale' },
  { name: 'a limit of zero', input: () => favourableCase(), options: { asOf: AS_OF, limits: { maxDepth: 0 } }, issue: 'options.limits.maxDepth' },
  // Valid after all: a clean verdict
  { name: 'an empty case', input: () => ({}), verdict: true },
  { name: 'every part null', input: () => ({ organisation: null, partnership: null, agreement: null, followUp: null }), verdict: true },
  { name: 'the full favourable case', input: () => favourableCase(), verdict: true },
  { name: 'undefined fields (as JavaScript callers leave them)', input: () => org({ name: undefined, insolvent: undefined }), verdict: true },
  { name: 'a null-prototype case', input: () => Object.assign(Object.create(null) as object, favourableCase()), verdict: true },
  { name: 'unicode, emoji, RTL and quotes in the name', input: () => org({ name: 'Föreningen "Ünïcødé" 🏃‍♀️ جمعية <b>' }), verdict: true },
  { name: 'a name that looks like a placeholder', input: () => org({ name: '{organisation.orgNumber}' }), verdict: true },
  { name: 'a very large but finite revenue', input: () => org({ annualRevenueSek: Number.MAX_VALUE }), verdict: true },
  { name: 'equity below zero (allowed)', input: () => org({ equitySek: -250000 }), verdict: true },
  { name: '29 February in a leap year', input: () => org({ registeredSince: '2024-02-29' }), verdict: true },
  { name: 'a name of exactly 2 000 characters', input: () => org({ name: 'x'.repeat(2000) }), verdict: true },
];
