import { greatCircleKm } from './geography.js';
import type { ScaleSettings } from './scales.js';
import type { Fleet, Lane, Warehouse } from './types.js';

/** Road distance over great-circle distance, a usual detour factor for Chinese highways. */
export const ROAD_FACTOR = 1.25;

/** The longest lane a reefer service runs on: fresh goods do not travel farther between warehouses. */
export const MAX_REEFER_KM = 1300;

/**
 * Every lane between two warehouses, both directions: road km (great circle × 1.25), lead time
 * (a day per 700 km, at least one), a dry cost per kg of `0.08 + 0.00035 × km` yuan and, where
 * both ends have cold rooms and the lane is at most {@link MAX_REEFER_KM} km, a reefer service at
 * 1.8 times that.
 *
 * @example
 * lanesBetween(WAREHOUSES).find((l) => l.from === 'WH-SH' && l.to === 'WH-GZ') // { distanceKm: 1525, leadTimeDays: 3, costPerKg: '0.6138', coldChain: false, ... }
 */
export function lanesBetween(warehouses: readonly Warehouse[]): Lane[] {
  const lanes: Lane[] = [];
  for (const from of warehouses) {
    for (const to of warehouses) {
      if (from.id === to.id) continue;
      const distanceKm = Math.round(greatCircleKm(from, to) * ROAD_FACTOR);
      const perKgTenThousandths = 800 + Math.round(3.5 * distanceKm);
      const coldChain = from.coldChain && to.coldChain && distanceKm <= MAX_REEFER_KM;
      lanes.push({
        from: from.id,
        to: to.id,
        distanceKm,
        leadTimeDays: Math.max(1, Math.ceil(distanceKm / 700)),
        costPerKg: tenThousandths(perKgTenThousandths),
        coldChain,
        coldCostPerKg: coldChain ? tenThousandths(Math.round(perKgTenThousandths * 1.8)) : null,
      });
    }
  }
  return lanes;
}

/**
 * Each warehouse's fleet: `vansPerWarehouse` 1.2-tonne vans for its city (routes of at most
 * 220 km), and 4.2 m trucks (2 t, 16 m³) hired at ¥300 + ¥4.50 a km for the rest of its region.
 *
 * @example
 * fleetsFor(WAREHOUSES, SCALES.small)[0]!.van.count // 4
 */
export function fleetsFor(warehouses: readonly Warehouse[], settings: ScaleSettings): Fleet[] {
  return warehouses.map((w) => ({
    warehouseId: w.id,
    van: {
      id: `van-${w.id}`,
      capacityKg: 1200,
      capacityM3: 10,
      count: settings.vansPerWarehouse,
      maxDistanceKm: 220,
    },
    truck: { id: '4.2m', capacityKg: 2000, capacityM3: 16, baseCost: '300.00', perKm: '4.50' },
  }));
}

function tenThousandths(value: number): string {
  return `${Math.floor(value / 10_000)}.${String(value % 10_000).padStart(4, '0')}`;
}
