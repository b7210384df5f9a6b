/**
 * `@s2b2b/analytics` — a merchant's reports: sales trends by day, week and month in their time
 * zone with period-over-period and year-over-year change and moving averages; 动销率 and
 * sell-through with the definition named; inventory turnover and days of inventory; ABC, XYZ and
 * the ABC-XYZ matrix; cohort retention; a customer profile per segment. Pure functions: time
 * and data are passed in.
 *
 * @packageDocumentation
 */

export { type DateInput, DEFAULT_ZONE, dateInputSchema, zoneSchema } from '@s2b2b/core';
export { type AbcRow, abcClassify, abcOptionsSchema } from './classify/abc.js';
export { abcXyzMatrix, type XyzRow, xyzClassify, xyzOptionsSchema } from './classify/xyz.js';
export { type CohortRow, cohortOptionsSchema, cohortRetention } from './cohort/cohort-retention.js';
export { type ActiveSkuRate, activeSkuRate, activeSkuRateInputSchema } from './inventory/active-sku-rate.js';
export {
  SELL_THROUGH_DEFINITIONS,
  type SellThrough,
  type SellThroughDefinition,
  type SellThroughRow,
  sellThrough,
  sellThroughRowSchema,
} from './inventory/sell-through.js';
export { type InventoryTurnover, inventoryTurnover, turnoverInputSchema } from './inventory/turnover.js';
export { type Amount, amountSchema, percentChange } from './money.js';
export { profileCustomerSchema, type SegmentProfile, segmentProfiles } from './profile/segment-profiles.js';
export { type Grain, grainSchema, type Period, periodsOf } from './time/periods.js';
export {
  type Change,
  MAX_TREND_PERIODS,
  type Sale,
  type SalesTrend,
  type SalesTrendOptions,
  saleSchema,
  salesTrend,
  salesTrendOptionsSchema,
  type TrendPeriod,
} from './trend/sales-trend.js';

/**
 * Every `DomainError` code the analytics functions throw.
 *
 * @example
 * ANALYTICS_ERROR_CODES.RANGE_TOO_LONG
 */
export const ANALYTICS_ERROR_CODES = Object.freeze({
  RANGE_TOO_LONG: 'A sales trend would have more than MAX_TREND_PERIODS periods.',
} as const);
