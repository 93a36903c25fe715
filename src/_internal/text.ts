/** A text in both languages the library speaks. */
export interface Text {
  readonly sv: string;
  readonly en: string;
}

export type Locale = 'sv' | 'en';

export const LOCALES: readonly Locale[] = ['sv', 'en'];

/** Exhaustiveness guard for switches over union tags. */
export function assertNever(x: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(x)}`);
}
