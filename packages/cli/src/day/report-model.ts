import type { PlatformDayReport } from '../report/model.js';
import type { PlatformDayResult } from './run-platform-day.js';

/**
 * The report's model of a day: every chart's data taken from the day's result — headlines,
 * forecast charts and accuracy, stock health by warehouse, transfer flows, routes per
 * warehouse, savings per merchant, segment sizes and movements, SLA clocks and compliance.
 *
 * @example
 * const html = renderReport(toReportModel(await runPlatformDay({ session, scale: 'small' })));
 */
export function toReportModel(result: PlatformDayResult): PlatformDayReport {
  const { procurement, forecasting, rebalancing, delivery, crm, aftersales, stock } = result;
  return {
    title: result.title,
    day: result.day,
    seed: result.seed,
    scale: result.scale,
    storage: result.storage,
    headlines: result.headlines.map((h) => ({ ...h })),
    forecast: {
      series: forecasting.charts.map((c) => structuredClone(c)),
      accuracy: forecasting.accuracy.map((a) => ({ ...a })),
    },
    stock: stock.warehouses.map((w) => structuredClone(w)),
    transfers: {
      warehouses: stock.warehouses.map((w) => ({ ...w.warehouse })),
      transfers: rebalancing.transfers.map((t) => ({
        fromWarehouseId: t.from,
        toWarehouseId: t.to,
        sku: t.sku,
        units: t.units,
        cost: { ...t.cost },
      })),
      total: { ...rebalancing.total },
    },
    routes: delivery.report.map((r) => structuredClone(r)),
    savings: {
      merchants: procurement.merchants.map((m) => structuredClone(m)),
      total: { ...procurement.totals.saving },
      rate: procurement.totals.rate,
    },
    segments: {
      sizes: crm.segments.map((s) => ({ ...s })),
      movements: crm.movements.map((m) => ({ ...m })),
    },
    sla: {
      clocks: aftersales.clocks.map((c) => ({ ...c })),
      compliance: aftersales.compliance.map((c) => ({ ...c })),
    },
  };
}
