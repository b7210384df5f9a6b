import { describe, expect, it } from 'vitest';
import { thrown } from '../../test/expect-error.js';
import { DomainError, ValidationError } from '../errors.js';
import { allocate, allocateMinorUnits } from './allocate.js';
import { Money } from './money.js';

const parts = (total: Money, weights: (string | number | bigint)[], minorDigits?: number) =>
  allocate(total, weights, minorDigits === undefined ? {} : { minorDigits }).map((m) => m.toDecimalString());

describe('allocate (hand-checked)', () => {
  it('splits by largest remainder', () => {
    expect(parts(Money.of('200.00'), [500, 100])).toEqual(['166.67', '33.33']);
    expect(parts(Money.of('100.00'), [1, 1, 1])).toEqual(['33.34', '33.33', '33.33']);
    expect(parts(Money.of('0.05'), [1, 1, 1, 1, 1, 1])).toEqual([
      '0.01',
      '0.01',
      '0.01',
      '0.01',
      '0.01',
      '0.00',
    ]);
    expect(parts(Money.of('1000', 'JPY'), [1, 1, 1])).toEqual(['334', '333', '333']);
    expect(parts(Money.of('10.00'), ['0.5', '0.25', '0.25'])).toEqual(['5.00', '2.50', '2.50']);
    // 1.00 over [3, 7]: exact shares 0.30 and 0.70
    expect(parts(Money.of('1'), [3, 7])).toEqual(['0.30', '0.70']);
    // 0.10 over [1, 2, 3]: shares 0.01666, 0.0333, 0.05 -> floors 1, 3, 5 fen, one left for the largest remainder (w=1: 0.666)
    expect(parts(Money.of('0.10'), [1, 2, 3])).toEqual(['0.02', '0.03', '0.05']);
  });

  it('breaks remainder ties by larger weight, then lower index', () => {
    // 0.03 over [1, 2, 1, 2] (W = 6): shares 0.5, 1, 0.5, 1 fen -> floors 0, 1, 0, 1; one fen left,
    // remainders tie between index 0 and 2 (equal weights) -> index 0.
    expect(parts(Money.of('0.03'), [1, 2, 1, 2])).toEqual(['0.01', '0.01', '0.00', '0.01']);
    // 0.01 over [1, 3] with W = 4: shares 0.25, 0.75 -> the 0.75 remainder wins.
    expect(parts(Money.of('0.01'), [1, 3])).toEqual(['0.00', '0.01']);
    // 0.03 over [1, 3, 2] (W = 6): shares 0.5, 1.5, 1 fen -> floors 0, 1, 1; the half-fen remainders
    // of weights 1 and 3 tie -> the larger weight wins, wherever it stands.
    expect(parts(Money.of('0.03'), [1, 3, 2])).toEqual(['0.00', '0.02', '0.01']);
    expect(parts(Money.of('0.03'), [3, 1, 2])).toEqual(['0.02', '0.00', '0.01']);
  });

  it('gives zero weights exactly zero, and splits all-zero weights evenly', () => {
    expect(parts(Money.of('100'), [0, 1, 0, 2])).toEqual(['0.00', '33.33', '0.00', '66.67']);
    expect(parts(Money.of('100'), [0, 0, 0])).toEqual(['33.34', '33.33', '33.33']);
    expect(parts(Money.of('100'), [0])).toEqual(['100.00']);
  });

  it('allocates negative totals as the negated allocation of the absolute value', () => {
    expect(parts(Money.of('-100.00'), [1, 1, 1])).toEqual(['-33.34', '-33.33', '-33.33']);
    expect(parts(Money.of('0'), [1, 2])).toEqual(['0.00', '0.00']);
  });

  it('keeps the currency and can split at another granularity', () => {
    const usd = allocate(Money.of('10', 'USD'), [1, 2]);
    expect(usd.map(String)).toEqual(['3.33 USD', '6.67 USD']);
    expect(parts(Money.of('100'), [1, 1, 1], 0)).toEqual(['34.00', '33.00', '33.00']);
    expect(parts(Money.of('1.00'), [1, 1, 1], 4)).toEqual(['0.3334', '0.3333', '0.3333']);
  });

  it('needs a total rounded to the unit of allocation', () => {
    const error = thrown(DomainError, () => allocate(Money.of('1.005'), [1, 1]));
    expect(error.code).toBe('NOT_ROUNDED');
    expect(error.message).toContain('roundToMinor');
    expect(thrown(DomainError, () => allocate(Money.of('1.50'), [1, 1], { minorDigits: 0 })).code).toBe(
      'NOT_ROUNDED',
    );
  });

  it('validates weights with their index, and the other arguments', () => {
    const negative = thrown(ValidationError, () => allocate(Money.of('1'), [1, -1]));
    expect(negative.issues[0]?.path).toEqual(['weights', 1]);
    expect(negative.message).toContain('weights.1');
    expect(thrown(ValidationError, () => allocate(Money.of('1'), [1, 'x'])).issues[0]?.path).toEqual([
      'weights',
      1,
    ]);
    expect(thrown(ValidationError, () => allocate(Money.of('1'), [Number.NaN])).issues[0]?.path).toEqual([
      'weights',
      0,
    ]);
    expect(thrown(ValidationError, () => allocate(Money.of('1'), [])).issues[0]).toMatchObject({
      path: ['weights'],
      code: 'too_small',
    });
    expect(thrown(ValidationError, () => allocate(Money.of('1'), null as never)).issues[0]?.path).toEqual([
      'weights',
    ]);
    expect(thrown(ValidationError, () => allocate('1' as never, [1])).issues[0]?.path).toEqual(['total']);
    expect(
      thrown(ValidationError, () => allocate(Money.of('1'), [1], { minorDigits: -1 })).issues[0]?.path,
    ).toEqual(['minorDigits']);
  });
});

describe('allocateMinorUnits', () => {
  it('splits plain minor units as allocate does', () => {
    expect(allocateMinorUnits(20000n, [50000n, 10000n])).toEqual([16667n, 3333n]);
    expect(allocateMinorUnits(10000n, [1n, 1n, 1n])).toEqual([3334n, 3333n, 3333n]);
    expect(allocateMinorUnits(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
    // Ties go to the larger weight, then the lower index; zero weights get nothing.
    expect(allocateMinorUnits(5n, [2n, 0n, 4n, 2n])).toEqual([1n, 0n, 3n, 1n]);
    expect(allocateMinorUnits(2n, [0n, 0n, 0n])).toEqual([1n, 1n, 0n]);
    expect(allocateMinorUnits(7n, [])).toEqual([]);
    expect(allocateMinorUnits(0n, [3n, 1n])).toEqual([0n, 0n]);
  });

  it('refuses what is not a bigint split', () => {
    expect(thrown(ValidationError, () => allocateMinorUnits(10 as never, [1n]))).toMatchObject({
      issues: [{ path: ['units'] }],
    });
    expect(thrown(ValidationError, () => allocateMinorUnits(10n, [1n, -1n]))).toMatchObject({
      issues: [{ path: ['weights', 1] }],
    });
    expect(thrown(ValidationError, () => allocateMinorUnits(10n, [1n, 2 as never]))).toMatchObject({
      issues: [{ path: ['weights', 1] }],
    });
  });
});
