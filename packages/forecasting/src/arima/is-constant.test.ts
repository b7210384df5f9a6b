import { describe, expect, it } from 'vitest';
import { isConstant } from './is-constant.js';

describe('isConstant (R all.equal semantics)', () => {
  it('compares the differing points to the first, relative to their size', () => {
    expect(isConstant([5, 5, 5])).toBe(true);
    expect(isConstant([])).toBe(true);
    expect(isConstant([7])).toBe(true);
    expect(isConstant([5, 5, 5, 5.0000001])).toBe(false); // 2e-8 relative
    expect(isConstant([5, 5, 5, 5.00000001])).toBe(true); // 2e-9
    expect(isConstant([0, 0, 0, 1e-9])).toBe(true); // absolute below 1.5e-8
    expect(isConstant([0, 0, 0, 2e-8])).toBe(false);
  });
});
