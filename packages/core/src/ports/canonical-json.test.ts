import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { canonicalJson, payloadHash } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and follows JSON.stringify otherwise', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(canonicalJson({ when: new Date('2026-01-01T00:00:00Z'), skip: undefined, n: 10n, s: '¥' })).toBe(
      '{"n":"10","s":"¥","when":"2026-01-01T00:00:00.000Z"}',
    );
    expect(canonicalJson([undefined, () => 1])).toBe('[null,null]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('agrees with JSON.parse: the canonical form parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('rejects non-finite numbers, cycles and maps, naming the path', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(ValidationError);
    try {
      canonicalJson({ a: [1, Number.POSITIVE_INFINITY] });
    } catch (error) {
      expect((error as ValidationError).issues[0]?.path).toEqual(['a', 1]);
    }
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/cycle/);
    expect(() => canonicalJson({ m: new Map() })).toThrow(ValidationError);
  });
});

describe('payloadHash', () => {
  it('is the SHA-256 of the canonical JSON', () => {
    // sha256('{"a":1}') computed independently (sha256sum).
    expect(payloadHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
    expect(payloadHash({ x: 1, y: 2 })).toBe(payloadHash({ y: 2, x: 1 }));
    expect(payloadHash({ x: 1 })).not.toBe(payloadHash({ x: 2 }));
  });
});
