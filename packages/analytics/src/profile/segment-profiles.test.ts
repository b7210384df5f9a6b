import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { segmentProfiles } from './segment-profiles.js';

describe('segmentProfiles', () => {
  it('summarises each segment by hand: share, per-customer and per-order values, median recency', () => {
    const profiles = segmentProfiles([
      { customerId: 'a', segment: 'Champions', orders: 12, revenue: '3600.00', recencyDays: 2 },
      { customerId: 'b', segment: 'Champions', orders: 8, revenue: '2400.00', recencyDays: 6 },
      { customerId: 'c', segment: 'At Risk', orders: 5, revenue: '1000.00', recencyDays: 120 },
      { customerId: 'd', segment: 'Lost', orders: 1, revenue: '0.10', recencyDays: 400 },
      { customerId: 'e', segment: 'Lost', orders: 0, revenue: 0 },
    ]);
    expect(profiles.map((p) => p.segment)).toEqual(['Champions', 'At Risk', 'Lost']);
    expect(profiles[0]).toEqual({
      segment: 'Champions',
      customers: 2,
      customerShare: 0.4,
      revenue: '6000.00',
      revenueShare: 0.8571, // 6000 / 7000.10
      orders: 20,
      ordersPerCustomer: 10,
      revenuePerCustomer: '3000.00',
      averageOrderValue: '300.00',
      medianRecencyDays: 4,
    });
    expect(profiles[2]).toMatchObject({
      customers: 2,
      revenuePerCustomer: '0.05',
      averageOrderValue: '0.10',
      medianRecencyDays: 400,
    });
  });

  it('refuses bad rows', () => {
    expect(() => segmentProfiles([{ customerId: 'a', segment: '', orders: 1, revenue: 1 }])).toThrow(
      ValidationError,
    );
  });
});
