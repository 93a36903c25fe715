// A well-formed JSON overlay and rule to start hostile variants from. The positive control in
// each test file checks that these are accepted, so a refusal is due to the variant alone.

export const LEAF = { fact: 'organisation.insolvent', operator: 'equal', value: false } as const;

export function rule(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'IOP-TST-001',
    version: 1,
    area: 'organisation',
    severity: 'advisory',
    title: { sv: 'Testregel för {organisation.name}', en: 'Test rule for {organisation.name}' },
    explanation: {
      pass: { sv: 'Uppfyllt för {organisation.name} ({organisation.orgNumber}).', en: 'Met for {organisation.name} ({organisation.orgNumber}).' },
      fail: { sv: 'Ej uppfyllt för {organisation.name}.', en: 'Not met for {organisation.name}.' },
      unknown: { sv: 'Okänt för {organisation.name}.', en: 'Unknown for {organisation.name}.' },
    },
    sources: [{ ref: 'Test 1 §', title: 'Testkälla' }],
    effective: { from: '2020-01-01', to: null },
    conditions: { all: [{ ...LEAF }] },
    ...patch,
  };
}

export function overlay(rules: unknown[], manifest: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    overlay: {
      id: 'test-overlay',
      title: { sv: 'Testoverlay', en: 'Test overlay' },
      sources: [{ ref: 'Test', title: 'Test' }],
      effective: { from: '2020-01-01', to: null },
      prefix: 'TST',
      ...manifest,
    },
    rules,
  };
}

/** A condition tree `levels` deep: `not` around `not` … around a leaf. */
export function nestedNot(levels: number): unknown {
  let c: unknown = { ...LEAF };
  for (let i = 1; i < levels; i++) c = { not: c };
  return c;
}

/** A condition tree `levels` deep made of one-child `all` groups. */
export function nestedAll(levels: number): unknown {
  let c: unknown = { ...LEAF };
  for (let i = 1; i < levels; i++) c = { all: [c] };
  return c;
}
