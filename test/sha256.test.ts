import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../src/_internal/sha256.js';

it('sha256Hex agrees with node:crypto on known and random texts', () => {
  expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  fc.assert(
    fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (s) => {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }),
    { seed: 20261126, numRuns: 300 },
  );
});

it('canonicalJson does not depend on key order', () => {
  expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
});
