import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { classifyDemand } from './classify.js';

describe('classifyDemand', () => {
  it('computes ADI from the first demand and CV² with the sample sd', () => {
    // intervals 1, 4, 2 → 7/3; sizes 3, 5, 2: mean 10/3, var 7/3 → CV² = (7/3)/(100/9) = 0.21
    const c = classifyDemand([0, 0, 3, 0, 0, 0, 5, 0, 2, 0, 0]);
    expect(c.adi).toBeCloseTo(7 / 3, 12);
    expect(c.cv2).toBeCloseTo(0.21, 12);
    expect(c).toMatchObject({ class: 'intermittent', demands: 3 });
  });

  it('classifies constructed series of each class', () => {
    // smooth: every period, sizes 9/10/11 → ADI 1, CV² 0.01
    expect(classifyDemand([10, 9, 11, 10, 9, 11, 10, 10]).class).toBe('smooth');
    // erratic: every period, sizes 1 and 20 → CV² ≈ 0.83
    expect(classifyDemand([1, 20, 1, 20, 1, 20, 1, 20]).class).toBe('erratic');
    // intermittent: a demand every 3rd period (ADI 3 − 2/4 = ... (1+3+3+3)/4 = 2.5), equal sizes
    expect(classifyDemand([5, 0, 0, 5, 0, 0, 5, 0, 0, 5]).class).toBe('intermittent');
    // lumpy: same timing, sizes 1 / 30
    expect(classifyDemand([1, 0, 0, 30, 0, 0, 1, 0, 0, 30]).class).toBe('lumpy');
  });

  it('puts values at the cut-offs on the lower side and takes other cut-offs', () => {
    // ADI exactly 1.32 is not > 1.32; sizes equal → smooth
    expect(classifyDemand([1, 1], { adiCutoff: 1 }).class).toBe('smooth');
    // intervals [1, 2] → ADI 1.5 > 1.32
    expect(classifyDemand([1, 0, 1]).class).toBe('intermittent');
    expect(classifyDemand([1, 0, 1], { adiCutoff: 1.5 }).class).toBe('smooth');
    // sizes 1, 3: mean 2, var 2 → CV² 0.5 > 0.49 but not > 0.5
    expect(classifyDemand([1, 3]).class).toBe('erratic');
    expect(classifyDemand([1, 3], { cv2Cutoff: 0.5 }).class).toBe('smooth');
  });

  it('handles one demand and no demand without dividing by zero', () => {
    expect(classifyDemand([0, 0, 7, 0])).toEqual({ adi: 1, cv2: 0, class: 'smooth', demands: 1 });
    expect(classifyDemand([0, 0, 0])).toEqual({
      adi: Number.POSITIVE_INFINITY,
      cv2: 0,
      class: 'intermittent',
      demands: 0,
    });
  });

  it('rejects bad input naming the field', () => {
    expect(() => classifyDemand([])).toThrow(ValidationError);
    try {
      classifyDemand([1, -2]);
    } catch (e) {
      expect((e as ValidationError).issues[0]?.path).toEqual(['y', 1]);
    }
    expect(() => classifyDemand([1], { cv2Cutoff: -1 })).toThrow(ValidationError);
  });
});
