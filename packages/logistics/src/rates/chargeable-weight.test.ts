import { toDecimal, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { chargeableWeight, roundUpToStep } from './chargeable-weight.js';

describe('chargeableWeight', () => {
  it('takes the larger of actual and L × W × H / divisor, rounded up to the step', () => {
    // 50 × 40 × 30 = 60,000 cm³: 12 kg at 5000, 10 kg at 6000, 7.5 kg at 8000.
    const box = { weightKg: 8.2, pieces: [{ lengthCm: 50, widthCm: 40, heightCm: 30 }] };
    const at = (volumetricDivisor: number, weightStepKg = 0.5) =>
      chargeableWeight({ ...box, volumetricDivisor, weightStepKg });
    expect(at(5000)).toMatchObject({ billedBy: 'volumetric' });
    expect(at(5000).chargeableKg.toString()).toBe('12');
    expect(at(6000).chargeableKg.toString()).toBe('10');
    expect(at(8000)).toMatchObject({ billedBy: 'actual' });
    expect(at(8000).chargeableKg.toString()).toBe('8.5');
    expect(at(8000).volumetricKg?.toString()).toBe('7.5');
    expect(chargeableWeight({ ...box, volumetricDivisor: null }).volumetricKg).toBeNull();
    expect(
      chargeableWeight({ weightKg: 1, volumeM3: '0.012', volumetricDivisor: 6000 }).chargeableKg.toString(),
    ).toBe('2');
  });

  it('keeps decimals exact: 0.1 + 0.2 kg steps never drift', () => {
    expect(roundUpToStep(toDecimal('0.3'), toDecimal('0.1')).toString()).toBe('0.3');
    expect(roundUpToStep(toDecimal('0.30001'), toDecimal('0.1')).toString()).toBe('0.4');
    expect(chargeableWeight({ weightKg: '0.3', weightStepKg: 0.1 }).chargeableKg.toString()).toBe('0.3');
    // A float sum that drifted (0.1 + 0.2) has 17 decimals: refused rather than billed as 0.4 kg.
    expect(() => chargeableWeight({ weightKg: 0.1 + 0.2, weightStepKg: 0.1 })).toThrow(
      /at most 6 decimal places/,
    );
  });

  it('rejects bad input naming the field', () => {
    expect(() => chargeableWeight({ weightKg: 0 })).toThrow(ValidationError);
    expect(() =>
      chargeableWeight({ weightKg: 1, pieces: [{ lengthCm: 1, widthCm: 1, heightCm: 1 }], volumeM3: 1 }),
    ).toThrow(/volumeM3/);
    expect(() => chargeableWeight({ weightKg: 1, volumetricDivisor: -5 })).toThrow(/volumetricDivisor/);
  });
});
