import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './compare.js';

describe('compareCodePoints', () => {
  it('orders by code point, so astral characters sort after the BMP like UTF-8 bytes', () => {
    expect(['b', 'a', '😀', 'ｚ', 'ab', ''].sort(compareCodePoints)).toEqual([
      '',
      'a',
      'ab',
      'b',
      'ｚ',
      '😀',
    ]);
    // UTF-16 order would put 😀 (0xD83D…) before ｚ (0xFF5A).
    expect('😀' < 'ｚ').toBe(true);
  });

  it('agrees with the byte order of UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(
          Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))),
        );
      }),
    );
  });
});
