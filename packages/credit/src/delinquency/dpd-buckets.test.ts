import { Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { DEFAULT_DPD_BUCKETS, dpdBucket, dpdDistribution, monthlyDpdBuckets } from './dpd-buckets.js';

describe('DPD buckets', () => {
  it('the default M buckets', () => {
    expect(DEFAULT_DPD_BUCKETS.map((b) => [b.label, b.minDays, b.maxDays])).toEqual([
      ['M0', 0, 0],
      ['M1', 1, 30],
      ['M2', 31, 60],
      ['M3', 61, 90],
      ['M4', 91, 120],
      ['M5', 121, 150],
      ['M6', 151, 180],
      ['M7+', 181, null],
    ]);
    expect([0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 36_600].map((d) => dpdBucket(d).label)).toEqual([
      'M0',
      'M1',
      'M1',
      'M2',
      'M2',
      'M3',
      'M3',
      'M4',
      'M6',
      'M7+',
      'M7+',
    ]);
  });

  it('configurable ranges, as Fineract delinquency buckets (1, 3, 30, 60, 90 days)', () => {
    const fineract = [
      { label: 'current', minDays: 0, maxDays: 0 },
      { label: 'RANGE_1', minDays: 1, maxDays: 3 },
      { label: 'RANGE_3', minDays: 4, maxDays: 30 },
      { label: 'RANGE_30', minDays: 31, maxDays: 60 },
      { label: 'RANGE_60', minDays: 61, maxDays: 90 },
      { label: 'RANGE_90', minDays: 91, maxDays: null },
    ];
    expect([0, 2, 4, 30, 59, 91].map((d) => dpdBucket(d, fineract).label)).toEqual([
      'current',
      'RANGE_1',
      'RANGE_3',
      'RANGE_3',
      'RANGE_30',
      'RANGE_90',
    ]);
    expect(monthlyDpdBuckets({ months: 2, daysPerMonth: 31 }).map((b) => b.label)).toEqual([
      'M0',
      'M1',
      'M2',
      'M3+',
    ]);
  });

  it('rejects bucket sets with gaps, overlaps or no open end, naming the bucket', () => {
    const gap = [
      { label: 'a', minDays: 0, maxDays: 10 },
      { label: 'b', minDays: 12, maxDays: null },
    ];
    expect(issuePaths(() => dpdBucket(5, gap))).toEqual(['buckets.1.minDays']);
    const overlap = [
      { label: 'a', minDays: 0, maxDays: 10 },
      { label: 'b', minDays: 10, maxDays: null },
    ];
    expect(issuePaths(() => dpdBucket(5, overlap))).toEqual(['buckets.1.minDays']);
    expect(issuePaths(() => dpdBucket(5, [{ label: 'a', minDays: 0, maxDays: 10 }]))).toEqual([
      'buckets.0.maxDays',
    ]);
    expect(issuePaths(() => dpdBucket(5, [{ label: 'a', minDays: 1, maxDays: null }]))).toEqual([
      'buckets.0.minDays',
    ]);
    expect(
      issuePaths(() =>
        dpdBucket(5, [
          { label: 'a', minDays: 0, maxDays: 3 },
          { label: 'a', minDays: 4, maxDays: null },
        ]),
      ),
    ).toEqual(['buckets.1.label']);
    expect(issuePaths(() => dpdBucket(-1))).toEqual(['daysPastDue']);
    expect(issuePaths(() => dpdBucket(1.5))).toEqual(['daysPastDue']);
  });

  it('property: every DPD falls in exactly one bucket, for random valid bucket sets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 12 }),
        fc.nat(2000),
        (widths, dpd) => {
          let min = 0;
          const buckets = widths.map((w, i) => {
            const b = { label: `B${i}`, minDays: min, maxDays: min + w - 1 };
            min += w;
            return b;
          });
          buckets.push({ label: 'last', minDays: min, maxDays: null as unknown as number });
          const matches = buckets.filter((b) => dpd >= b.minDays && (b.maxDays === null || dpd <= b.maxDays));
          expect(matches).toHaveLength(1);
          expect(dpdBucket(dpd, buckets)).toEqual(matches[0]);
        },
      ),
    );
  });
});

describe('dpdDistribution', () => {
  it('outstanding and share per bucket; the M1 rate', () => {
    const rows = dpdDistribution({
      accounts: [
        { daysPastDue: 0, outstanding: Money.of('90000') },
        { daysPastDue: 12, outstanding: Money.of('6000') },
        { daysPastDue: 45, outstanding: Money.of('4000') },
        { daysPastDue: 0, outstanding: Money.of('0') },
      ],
    });
    expect(rows.map((r) => [r.bucket.label, r.accounts, r.outstanding.toDecimalString(), r.share])).toEqual([
      ['M0', 2, '90000.00', 0.9],
      ['M1', 1, '6000.00', 0.06],
      ['M2', 1, '4000.00', 0.04],
      ['M3', 0, '0.00', 0],
      ['M4', 0, '0.00', 0],
      ['M5', 0, '0.00', 0],
      ['M6', 0, '0.00', 0],
      ['M7+', 0, '0.00', 0],
    ]);
    expect(dpdDistribution({ accounts: [], currency: 'USD' })[0]!.outstanding.toString()).toBe('0.00 USD');
  });

  it('names mixed currencies', () => {
    expect(
      issuePaths(() =>
        dpdDistribution({
          accounts: [
            { daysPastDue: 0, outstanding: Money.of('1') },
            { daysPastDue: 0, outstanding: Money.of('1', 'USD') },
          ],
        }),
      ),
    ).toEqual(['accounts.1.outstanding']);
  });
});
