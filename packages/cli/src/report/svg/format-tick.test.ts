import { describe, expect, it } from 'vitest';
import { formatTick } from './format-tick.js';
import { labelIndices } from './index-labels.js';

describe('formatTick', () => {
  it('shows the decimals of the step and groups thousands', () => {
    expect(formatTick(2500, 500)).toBe('2,500');
    expect(formatTick(0.25, 0.05)).toBe('0.25');
    expect(formatTick(0.2, 0.2)).toBe('0.2');
    expect(formatTick(7, 1)).toBe('7');
    expect(formatTick(-1200, 200)).toBe('-1,200');
  });

  it('shortens ten thousand and more with k and M', () => {
    expect(formatTick(10_000, 10_000)).toBe('10k');
    expect(formatTick(40_000, 10_000)).toBe('40k');
    expect(formatTick(10_500, 500)).toBe('10.5k');
    expect(formatTick(1_500_000, 500_000)).toBe('1.5M');
    expect(formatTick(2_000_000, 1_000_000)).toBe('2M');
    expect(formatTick(48_620)).toBe('48.6k');
  });

  it('writes zero without a sign', () => {
    expect(formatTick(-0, 1)).toBe('0');
    expect(formatTick(-0.001, 0.1)).toBe('0.0');
  });
});

describe('labelIndices', () => {
  it('labels every k-th position so that at most max appear', () => {
    expect(labelIndices(12, 4)).toEqual([0, 3, 6, 9]);
    expect(labelIndices(26, 6)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(labelIndices(3, 6)).toEqual([0, 1, 2]);
    expect(labelIndices(0, 6)).toEqual([]);
  });
});
