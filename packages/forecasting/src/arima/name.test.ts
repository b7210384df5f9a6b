import { describe, expect, it } from 'vitest';
import { arimaName } from './name.js';

describe('arimaName', () => {
  it('prints models as R forecast does', () => {
    expect(arimaName([0, 1, 1], [0, 1, 1], 12, 'none')).toBe('ARIMA(0,1,1)(0,1,1)[12]');
    expect(arimaName([1, 1, 0], [0, 0, 0], 12, 'drift')).toBe('ARIMA(1,1,0) with drift');
    expect(arimaName([2, 0, 0], [0, 0, 0], 1, 'mean')).toBe('ARIMA(2,0,0) with non-zero mean');
    expect(arimaName([1, 0, 1], [0, 0, 0], 1, 'none')).toBe('ARIMA(1,0,1) with zero mean');
    expect(arimaName([0, 1, 0], [0, 0, 0], 1, 'none')).toBe('ARIMA(0,1,0)');
  });
});
