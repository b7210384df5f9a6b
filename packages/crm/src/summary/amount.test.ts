import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMinorUnits, toMinorUnits } from './amount.js';

describe('minor units', () => {
  it('reads decimal strings and numbers exactly', () => {
    expect(toMinorUnits('29.33', 2)).toBe(2933);
    expect(toMinorUnits('29.3', 2)).toBe(2930);
    expect(toMinorUnits('29.330', 2)).toBe(2933);
    expect(toMinorUnits('7', 2)).toBe(700);
    expect(toMinorUnits(29.33, 2)).toBe(2933);
    expect(toMinorUnits(0.1 + 0.2, 2)).toBe(30);
  });

  it('refuses more decimals than allowed, and what is not a decimal', () => {
    expect(toMinorUnits('29.335', 2)).toBeNull();
    expect(toMinorUnits(29.335, 2)).toBeNull();
    for (const bad of ['', '.5', '5.', '1e3', '-1', '1.2.3']) expect(toMinorUnits(bad, 2)).toBeNull();
  });

  it('formats back: format(units) read again is units (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.integer({ min: 0, max: 4 }), (units, decimals) => {
        expect(toMinorUnits(formatMinorUnits(units, decimals), decimals)).toBe(units);
      }),
    );
    expect(formatMinorUnits(5, 2)).toBe('0.05');
    expect(formatMinorUnits(-1234, 2)).toBe('-12.34');
  });
});
