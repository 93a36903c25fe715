/**
 * Freeze a plain-data value and everything reachable from it (objects and arrays; a Map's or
 * Set's entries are frozen, the collection itself stays as it is). Iterative, so depth costs no
 * stack. What the library keeps for the process (the bundled catalogue, prepared rule sets) is
 * frozen, so nothing a caller receives can change what later calls see.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || seen.has(v)) continue;
    seen.add(v);
    if (v instanceof Map) {
      for (const [k, x] of v) stack.push(k, x);
      continue;
    }
    if (v instanceof Set) {
      for (const x of v) stack.push(x);
      continue;
    }
    Object.freeze(v);
    for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key]);
  }
  return value;
}
