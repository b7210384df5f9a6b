import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { classifyDemand, type DemandClass } from './classify.js';
import { syntheticDemand } from './synthetic.js';

const classes: DemandClass[] = ['smooth', 'erratic', 'intermittent', 'lumpy'];

describe('syntheticDemand', () => {
  it('is reproducible per (class, length, seed) and starts with a demand', () => {
    expect(syntheticDemand('lumpy', 50, 3)).toEqual(syntheticDemand('lumpy', 50, 3));
    expect(syntheticDemand('lumpy', 50, 3)).not.toEqual(syntheticDemand('lumpy', 50, 4));
    for (const c of classes) {
      const y = syntheticDemand(c, 40, 11);
      expect(y).toHaveLength(40);
      expect(y[0]).toBeGreaterThanOrEqual(1);
      for (const v of y) expect(Number.isInteger(v) && v >= 0).toBe(true);
    }
  });

  it.each(classes)('classifyDemand recovers %s on at least 95 of seeds 1..100 (length 128)', (c) => {
    let recovered = 0;
    for (let seed = 1; seed <= 100; seed++)
      if (classifyDemand(syntheticDemand(c, 128, seed)).class === c) recovered++;
    expect(recovered).toBeGreaterThanOrEqual(95);
  });

  it('follows the requested occurrence probability', () => {
    const y = syntheticDemand('intermittent', 5000, 1, { probability: 0.25 });
    const share = y.filter((v) => v > 0).length / y.length;
    expect(share).toBeGreaterThan(0.22);
    expect(share).toBeLessThan(0.28);
  });

  it('rejects bad arguments naming the field', () => {
    const path = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues[0]?.path;
      }
      return undefined;
    };
    expect(path(() => syntheticDemand('odd' as DemandClass, 10, 1))).toEqual(['class']);
    expect(path(() => syntheticDemand('smooth', 0, 1))).toEqual(['length']);
    expect(path(() => syntheticDemand('smooth', 10, 1.5))).toEqual(['seed']);
    expect(path(() => syntheticDemand('smooth', 10, 1, { probability: 0 }))).toEqual(['probability']);
  });
});
