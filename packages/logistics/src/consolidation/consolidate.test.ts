import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { consolidate } from './consolidate.js';
import type { ConsolidationOrder, ConsolidationVehicle } from './schemas.js';

const truck: ConsolidationVehicle = { id: '4.2m', capacityKg: 2000, capacityM3: 16, tripCost: '650' };
const van: ConsolidationVehicle = { id: 'van', capacityKg: 800, capacityM3: 5, tripCost: '300' };
const order = (
  id: string,
  merchantId: string,
  weightKg: number,
  volumeM3: number,
  aloneCost: string,
  area = '浙江/杭州',
  shipDate = '2026-03-02',
): ConsolidationOrder => ({ id, merchantId, area, shipDate, weightKg, volumeM3, aloneCost });

const amounts = (values: { toDecimalString(): string }[]) => values.map((v) => v.toDecimalString());

describe('consolidate: hand-computed cases', () => {
  it('two orders share one truck: 420 + 330 alone, 650 together → 100.00 saved, split 56.00 / 44.00', () => {
    const result = consolidate({
      vehicles: [truck],
      orders: [order('SO-1', 'M-A', 800, 5, '420'), order('SO-2', 'M-B', 600, 4, '330')],
    });
    expect(result.loads).toHaveLength(1);
    expect(result.loads[0]).toMatchObject({
      vehicleId: '4.2m',
      orders: ['SO-1', 'SO-2'],
      merchants: ['M-A', 'M-B'],
      weightKg: '1400',
      volumeM3: '9',
      utilisation: { weight: 0.7, volume: 0.5625 },
    });
    expect(amounts(result.merchants.map((m) => m.saving))).toEqual(['56.00', '44.00']);
    expect(amounts(result.merchants.map((m) => m.pays))).toEqual(['364.00', '286.00']);
    expect(result.totals.saving.toString()).toBe('100.00 CNY');
    expect(result.totals.cost.toString()).toBe('650.00 CNY');
    expect(result.groups).toEqual([
      expect.objectContaining({ method: 'exact', vehicles: 1, vehiclesLowerBound: 1, orders: 2 }),
    ]);
  });

  it('picks the cheaper vehicle mix: a van (300) and a truck (650) beat two trucks', () => {
    // 1,500 kg + 700 kg cannot share a truck (2,200 kg); the light order fits a van.
    const result = consolidate({
      vehicles: [truck, van],
      orders: [
        order('A1', 'M-A', 1500, 8, '900'),
        order('B1', 'M-B', 500, 2, '340'),
        order('C1', 'M-C', 700, 3, '380'),
      ],
    });
    // Best: truck {A1, B1} 650 (2,000 kg) + van {C1} 300 = 950, against 1,620 alone.
    expect(result.loads.map((l) => [l.vehicleId, l.orders])).toEqual([
      ['4.2m', ['A1', 'B1']],
      ['van', ['C1']],
    ]);
    expect(result.totals.cost.toDecimalString()).toBe('950.00');
    // Truck: saving 1240 − 650 = 590 over 900 : 340 → 428.23 / 161.77; van: 380 − 300 = 80.
    expect(amounts(result.orders.map((o) => o.saving))).toEqual(['428.23', '161.77', '80.00']);
    expect(result.totals.saving.toDecimalString()).toBe('670.00');
  });

  it('keeps an order alone when no load carries it for less, and reports orders no vehicle fits', () => {
    const result = consolidate({
      vehicles: [truck],
      orders: [
        order('CHEAP', 'M-A', 10, 0.05, '25'),
        order('HUGE', 'M-B', 2500, 10, '2000'),
        order('BULKY', 'M-C', 100, 20, '900'),
      ],
    });
    expect(result.loads).toEqual([]);
    expect(result.orders.map((o) => [o.orderId, o.outcome, o.pays.toDecimalString()])).toEqual([
      ['CHEAP', 'CHEAPER_ALONE', '25.00'],
      ['HUGE', 'NO_VEHICLE_FITS', '2000.00'],
      ['BULKY', 'NO_VEHICLE_FITS', '900.00'],
    ]);
    expect(result.totals.saving.toDecimalString()).toBe('0.00');
  });

  it('groups by area and ship date, with area trip costs', () => {
    const vehicle = { ...van, areaTripCosts: { '江苏/南京': '500' } };
    const result = consolidate({
      vehicles: [vehicle],
      orders: [
        order('HZ-1', 'M-A', 100, 1, '200'),
        order('NJ-1', 'M-A', 100, 1, '260', '江苏/南京'),
        order('HZ-2', 'M-B', 100, 1, '200'),
        order('NJ-2', 'M-B', 100, 1, '260', '江苏/南京'),
        order('HZ-3', 'M-C', 100, 1, '200', '浙江/杭州', '2026-03-03'),
      ],
    });
    expect(result.groups.map((g) => [g.shipDate, g.area, g.vehicles, g.saving.toDecimalString()])).toEqual([
      ['2026-03-02', '江苏/南京', 1, '20.00'], // 520 alone, 500 by van
      ['2026-03-02', '浙江/杭州', 1, '100.00'], // 400 alone, 300 by van
      ['2026-03-03', '浙江/杭州', 0, '0.00'], // alone 200 < van 300
    ]);
    expect(result.merchants.map((m) => [m.merchantId, m.saving.toDecimalString()])).toEqual([
      ['M-A', '60.00'],
      ['M-B', '60.00'],
      ['M-C', '0.00'],
    ]);
  });

  it('rejects bad input naming the field', () => {
    const paths = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((issue) => issue.path.join('.'));
      }
      throw new Error('expected a ValidationError');
    };
    const ok = order('A', 'M', 1, 1, '10');
    expect(paths(() => consolidate({ vehicles: [truck], orders: [ok, ok] }))).toEqual(['orders.1.id']);
    expect(paths(() => consolidate({ vehicles: [truck], orders: [{ ...ok, aloneCost: '10.005' }] }))).toEqual(
      ['orders.0.aloneCost'],
    );
    expect(
      paths(() => consolidate({ vehicles: [truck], orders: [{ ...ok, shipDate: '2026-02-30' }] })),
    ).toEqual(['orders.0.shipDate']);
    expect(paths(() => consolidate({ vehicles: [{ ...truck, capacityM3: 0 }], orders: [ok] }))).toEqual([
      'vehicles.0.capacityM3',
    ]);
    expect(paths(() => consolidate({ vehicles: [], orders: [ok] }))).toEqual(['vehicles']);
    expect(paths(() => consolidate({ vehicles: [truck], orders: [ok], exactUpTo: 13 }))).toEqual([
      'exactUpTo',
    ]);
  });
});
