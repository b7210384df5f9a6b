import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare.js';

describe('compareCodePoints', () => {
  it('orders like the UTF-8 bytes (PostgreSQL COLLATE "C")', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const bytes = Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
        expect(Math.sign(compareCodePoints(a, b))).toBe(bytes);
      }),
    );
    expect(['b', 'a', '\u{1F600}', '\uFFFD'].sort(compareCodePoints)).toEqual([
      'a',
      'b',
      '\uFFFD',
      '\u{1F600}',
    ]);
  });
});
