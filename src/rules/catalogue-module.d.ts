declare module 'virtual:iop-catalogue' {
  /** Every JSON file under rules/, path relative to rules/ with forward slashes, sorted. */
  const files: ReadonlyArray<{ readonly path: string; readonly json: unknown }>;
  export default files;
  /**
   * The same files validated at build time and the bundled rule sets' hashes (see
   * src/rules/build-catalogue.ts); undefined when the build did not prepare them.
   */
  export const prepared: unknown;
}
