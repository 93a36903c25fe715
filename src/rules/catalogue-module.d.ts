declare module 'virtual:iop-catalogue' {
  /** Every JSON file under rules/, path relative to rules/ with forward slashes, sorted. */
  const files: ReadonlyArray<{ readonly path: string; readonly json: unknown }>;
  export default files;
}
