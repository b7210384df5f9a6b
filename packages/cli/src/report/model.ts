/**
 * What the platform-day report shows: plain, JSON-safe values (money as MoneyJson from
 * @s2b2b/core, instants as ISO strings), produced by the day simulation and rendered by
 * `renderReport`. Every chart of the HTML file reads one field of this model.
 */
import type { MoneyJson } from '@s2b2b/core';

/** A point on the map: a city, a warehouse, a merchant's customer. */
export interface ReportPlace {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

/** One headline number of the day, as the terminal summary prints it. */
export interface ReportHeadline {
  /** e.g. 'Procurement savings'. */
  label: string;
  /** Already formatted, e.g. '¥12,345.67' or '96.4 %'. */
  value: string;
  /** One line of context, e.g. 'against each merchant buying alone'. */
  detail?: string;
}

/** One forecast series: history, the held-out actuals, the forecast and its intervals. */
export interface ReportForecastSeries {
  /** e.g. 'SKU-FRESH-001 × 华东'. */
  key: string;
  /** Labels of every period shown (history then horizon), e.g. ISO week starts. */
  periods: string[];
  /** Actual demand for every period in `periods` (the horizon's held-out actuals included). */
  actual: number[];
  /** Index in `periods` where the forecast starts. */
  forecastStart: number;
  /** Point forecast for periods[forecastStart..]. */
  forecast: number[];
  /** Intervals by level (e.g. 80, 95), each for periods[forecastStart..]. */
  intervals: { level: number; lower: number[]; upper: number[] }[];
  model: string;
}

/** Stock health of one warehouse at the end of the day. */
export interface ReportWarehouseStock {
  warehouse: ReportPlace;
  skus: number;
  onHand: number;
  reserved: number;
  available: number;
  /** SKUs at or below their reorder point. */
  belowReorderPoint: number;
  /** SKUs flagged as slow movers. */
  slowMovers: number;
  /** SKUs out of stock. */
  stockouts: number;
}

/** One planned rebalancing transfer. */
export interface ReportTransfer {
  fromWarehouseId: string;
  toWarehouseId: string;
  sku: string;
  units: number;
  cost: MoneyJson;
}

/** The routes driven from one warehouse. */
export interface ReportWarehouseRoutes {
  warehouse: ReportPlace;
  routes: {
    vehicle: string;
    /** Stops in driving order (the depot is not repeated). */
    stops: ReportPlace[];
    distanceKm: number;
    load: number;
    capacity: number;
  }[];
  unassigned: number;
}

/** One merchant's result in the day's buying round. */
export interface ReportMerchantSaving {
  merchantId: string;
  name: string;
  alone: MoneyJson;
  pays: MoneyJson;
  saves: MoneyJson;
}

/** One after-sales SLA clock at the end of the day. */
export interface ReportSlaClock {
  caseId: string;
  metric: string;
  startedAt: string;
  deadline: string;
  /** Business minutes used and allowed. */
  usedMinutes: number;
  targetMinutes: number;
  status: 'running' | 'paused' | 'met' | 'breached';
}

/**
 * The whole report.
 *
 * @example
 * const html = renderReport(model); // model: PlatformDayReport
 */
export interface PlatformDayReport {
  title: string;
  /** The simulated day, e.g. '2026-11-11'. */
  day: string;
  seed: number;
  scale: string;
  storage: string;
  headlines: ReportHeadline[];
  forecast: {
    series: ReportForecastSeries[];
    /** Accuracy over the last weeks, per model. */
    accuracy: { model: string; smape: number; mase: number; series: number }[];
  };
  stock: ReportWarehouseStock[];
  transfers: { warehouses: ReportPlace[]; transfers: ReportTransfer[]; total: MoneyJson };
  routes: ReportWarehouseRoutes[];
  savings: { merchants: ReportMerchantSaving[]; total: MoneyJson; rate: number };
  segments: {
    sizes: { segment: string; customers: number }[];
    /** Customers moving between segments since the previous period. */
    movements: { from: string; to: string; customers: number }[];
  };
  sla: {
    clocks: ReportSlaClock[];
    /** Compliance per metric. */
    compliance: { metric: string; met: number; breached: number; running: number }[];
  };
}
