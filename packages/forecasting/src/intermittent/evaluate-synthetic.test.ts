import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { evaluateIntermittentMethods } from './evaluate-synthetic.js';

describe('evaluateIntermittentMethods', () => {
  it('returns one finite row per class and method, deterministically', () => {
    const rows = evaluateIntermittentMethods({ seriesPerClass: 5, seed: 1, train: 60, test: 14 });
    expect(rows).toHaveLength(24);
    for (const r of rows) {
      expect(Number.isFinite(r.rmsse) && Number.isFinite(r.mase) && Number.isFinite(r.bias)).toBe(true);
      expect(r.rmsse).toBeGreaterThan(0);
      expect(r.series).toBe(5);
    }
    expect(evaluateIntermittentMethods({ seriesPerClass: 5, seed: 1, train: 60, test: 14 })).toEqual(rows);
    const sba = rows.filter((r) => r.method === 'sba');
    const cro = rows.filter((r) => r.method === 'croston');
    sba.forEach((r, i) => {
      expect(r.bias).toBeLessThan((cro[i] as (typeof cro)[number]).bias);
    });
  });

  it('validates its options', () => {
    expect(() => evaluateIntermittentMethods({ seriesPerClass: 0, seed: 1 })).toThrow(ValidationError);
    expect(() => evaluateIntermittentMethods({ seriesPerClass: 1, seed: 0.5 })).toThrow(ValidationError);
  });
});
