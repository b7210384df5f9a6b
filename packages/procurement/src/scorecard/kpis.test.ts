import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { deliveryKpis, leadTimeStats } from './kpis.js';

const day = (d: number, hour = 12) => new Date(Date.UTC(2026, 1, d, hour)).toISOString();
const delivery = (
  id: string,
  ordered: number,
  delivered: number,
  promised: number,
  arrived: number | null,
  price?: string,
) => ({
  deliveryId: id,
  sku: 'MILK-1L',
  orderedQuantity: ordered,
  deliveredQuantity: delivered,
  orderedAt: day(1),
  promisedAt: day(promised),
  deliveredAt: arrived === null ? null : day(arrived),
  unitPrice: price ?? null,
});

describe('deliveryKpis (hand-computed fixture)', () => {
  // five due deliveries: on time & full, late & full, on time & short, late & short, not delivered;
  // one more promised after asOf (not due yet)
  const input = {
    asOf: day(20),
    deliveries: [
      delivery('d1', 100, 100, 5, 4, '4.40'),
      delivery('d2', 100, 100, 5, 7, '4.60'),
      delivery('d3', 200, 180, 6, 6, '4.50'),
      delivery('d4', 100, 50, 8, 10, '4.50'),
      delivery('d5', 100, 0, 9, null),
      delivery('d6', 100, 100, 25, 12),
    ],
    returns: [
      { returnId: 'r1', sku: 'MILK-1L', quantity: 2, at: day(12), cause: 'quality' as const },
      { returnId: 'r2', sku: 'MILK-1L', quantity: 5, at: day(12), cause: 'logistics' as const },
      { returnId: 'r3', sku: 'MILK-1L', quantity: 1, at: day(22), cause: 'quality' as const },
    ],
    benchmarks: { 'MILK-1L': '4.50' },
  };

  it('measures OTD, in full, OTIF, fill rate, PPM, lead time and the price index', () => {
    const k = deliveryKpis(input);
    expect(k.deliveries).toBe(5);
    expect(k.onTime).toBe(40); // d1, d3
    expect(k.inFull).toBe(40); // d1, d2
    expect(k.otif).toBe(20); // d1
    // (100 + 100 + 180 + 50 + 0) / 600
    expect(k.fillRate).toBeCloseTo(71.6667, 4);
    expect(k.deliveredUnits).toBe(430);
    expect(k.defectiveUnits).toBe(2); // the logistics return and the one after asOf do not count
    expect(k.ppm).toBeCloseTo(4651.1628, 4); // 2 / 430 × 10^6
    expect(k.defectRate).toBeCloseTo(0.4651, 4);
    // lead times from day 1: 3, 6, 5, 9 days: mean 5.75, sample variance 6.25, sd 2.5
    expect(k.leadTime).toEqual({ count: 4, mean: 5.75, variance: 6.25, sd: 2.5, cv: 2.5 / 5.75 });
    // paid (4.40×100 + 4.60×100 + 4.50×180 + 4.50×50) / benchmark 4.50 × 430
    expect(k.priceIndex).toBeCloseTo((100 * (440 + 460 + 810 + 225)) / (4.5 * 430), 9);
  });

  it('counts the tolerance as on time', () => {
    expect(deliveryKpis({ ...input, onTimeToleranceHours: 48 }).onTime).toBe(80); // d2 and d4 are 2 days late
  });

  it('has no measure without data', () => {
    const k = deliveryKpis({ asOf: day(20), deliveries: [] });
    expect([k.onTime, k.otif, k.fillRate, k.ppm, k.leadTime, k.priceIndex]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(leadTimeStats([4])).toEqual({ count: 1, mean: 4, variance: 0, sd: 0, cv: 0 });
  });

  it('validates records', () => {
    expect(() => deliveryKpis({ asOf: day(20), deliveries: [delivery('d', 0, 0, 5, 4)] })).toThrow(
      ValidationError,
    );
  });
});
