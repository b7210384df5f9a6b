import type { Rng } from '@s2b2b/core';
import { type DemandSource, demandSeries } from './demand-series.js';
import type { OpeningStock, Warehouse } from './types.js';

/** Days of recent demand the opening stock is sized from. */
export const RECENT_DAYS = 28;

/**
 * The stock on hand when the simulated day starts, per warehouse × SKU, sized from the
 * region's average daily units of the last {@link RECENT_DAYS} days: most positions hold 5-20
 * days of cover, one in eight is nearly out (under 1.5 days) and one in ten is overstocked
 * (40-70 days), so rebalancing has something to do. Fresh stock never exceeds its shelf life
 * in days of cover; intermittent items hold zero to three typical lots.
 *
 * @example
 * openingStock(rng, scenario).find((s) => s.warehouseId === 'WH-SH' && s.sku === 'FR-001')!.quantity
 */
export function openingStock(
  rng: Rng,
  source: DemandSource & { warehouses: readonly Warehouse[] },
): OpeningStock[] {
  const { calendar, regions, skus, warehouses } = source;
  const recent = demandSeries(source, {
    period: 'day',
    measure: 'units',
    fromDay: calendar.historyDays - RECENT_DAYS,
  });
  const stock: OpeningStock[] = [];
  regions.forEach((region, r) => {
    const warehouse = warehouses.find((w) => w.id === region.warehouseId)!;
    skus.forEach((sku, s) => {
      const series = recent.values[s * regions.length + r]!;
      const daily = series.reduce((sum, v) => sum + v, 0) / series.length;
      const u = rng.next();
      let cover = u < 0.125 ? rng.uniform(0, 1.5) : u < 0.225 ? rng.uniform(40, 70) : rng.uniform(5, 20);
      if (sku.shelfLifeDays !== null) cover = Math.min(cover, sku.shelfLifeDays);
      const quantity =
        sku.pattern === 'intermittent'
          ? rng.int(0, 3) * Math.round(sku.meanLineQuantity)
          : Math.round(daily * cover);
      stock.push({ warehouseId: warehouse.id, sku: sku.sku, quantity });
    });
  });
  return stock;
}
