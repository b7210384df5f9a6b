import type { Rng } from '@s2b2b/core';
import type { DayInfo } from './calendar.js';
import {
  growthFactor,
  lifecycleFactor,
  restFactor,
  shoppingFestivalFactor,
  springFestivalFactor,
  yearlyFactor,
} from './seasonality.js';
import type { Region, ScenarioPromotion, Sku } from './types.js';
import { verticalOf } from './verticals.js';

/**
 * Expected order lines per SKU × region × day, and which promotion drives each SKU-day.
 * `rates[s * regions + r]` holds the days of SKU `s` in region `r`.
 *
 * @example
 * const { rates } = demandRates(options); rates[0]![730]; // expected lines of the first SKU in 华东 on the day
 */
export interface DemandRates {
  rates: Float64Array[];
  /** Per SKU: for each day, 1 + the index of the promotion its lines are credited to, or 0. */
  promotionOf: Uint16Array[];
}

/**
 * Options of `demandRates`.
 *
 * @example
 * const options: DemandRateOptions = { rng, skus, regions, days, promotions, hasCustomers, targetLines: 30_000 };
 */
export interface DemandRateOptions {
  rng: Rng;
  skus: readonly Sku[];
  regions: readonly Region[];
  days: readonly DayInfo[];
  promotions: readonly ScenarioPromotion[];
  /** Whether region `r` has customers for the vertical of SKU `s`: `hasCustomers(s, r)`. */
  hasCustomers: (sku: number, region: number) => boolean;
  /** Order lines the history (every day but the last) should hold in expectation. */
  targetLines: number;
}

/**
 * The demand model. For a SKU with regular demand, the expected lines on day d in region r are
 *
 * `K · popularity(s) · share(r) · local(s, r) · growth(d) · rest(d) · springFestival(d) ·
 * festival(d) · yearly(s, d) · lifecycle(s, d) · uplift(s, d)`
 *
 * (see `seasonality.ts`; popularity and local taste are log-normal draws, uplift the product of
 * the promotions covering the SKU that day). K is set so the history's expected lines reach
 * `targetLines`. An intermittent SKU orders in a region with a weekly probability between 15 %
 * and 40 % (so its weekly ADI is about 2.5 to 6.7), shaped by the same calendar but not scaled
 * by K. Regions without customers for the vertical get no demand.
 *
 * @example
 * const { rates, promotionOf } = demandRates({ rng, skus, regions, days, promotions, hasCustomers, targetLines: 30_000 });
 */
export function demandRates(options: DemandRateOptions): DemandRates {
  const { rng, skus, regions, days, promotions, hasCustomers, targetLines } = options;
  const nDays = days.length;
  const history = nDays - 1;
  const shape = skus.map((sku) => calendarShape(sku, days));
  const { uplift, promotionOf } = promotionEffects(skus, promotions, nDays);

  const rates: Float64Array[] = [];
  let regular = 0;
  let intermittent = 0;
  skus.forEach((sku, s) => {
    const popularity = Math.exp(rng.normal(0, 0.5));
    const curve = shape[s]!;
    let mean = 0;
    for (let d = 0; d < history; d++) mean += curve[d]!;
    mean /= history;
    regions.forEach((region, r) => {
      const local = Math.exp(rng.normal(0, 0.25));
      const weekly = rng.uniform(0.15, 0.4);
      const series = new Float64Array(nDays);
      if (hasCustomers(s, r)) {
        if (sku.pattern === 'intermittent') {
          const daily = -Math.log(1 - weekly) / 7;
          for (let d = 0; d < nDays; d++) series[d] = (daily * curve[d]! * uplift[s]![d]!) / mean;
          for (let d = 0; d < history; d++) intermittent += series[d]!;
        } else {
          const level = popularity * region.weight * local;
          for (let d = 0; d < nDays; d++) series[d] = level * curve[d]! * uplift[s]![d]!;
          for (let d = 0; d < history; d++) regular += series[d]!;
        }
      }
      rates.push(series);
    });
  });
  const k = regular > 0 ? Math.max(0, targetLines - intermittent) / regular : 0;
  skus.forEach((sku, s) => {
    if (sku.pattern === 'intermittent') return;
    for (let r = 0; r < regions.length; r++) {
      const series = rates[s * regions.length + r]!;
      for (let d = 0; d < nDays; d++) series[d] = series[d]! * k;
    }
  });
  return { rates, promotionOf };
}

/** growth × rest × Spring Festival × shopping festivals × yearly cycle × fashion life, per day. */
function calendarShape(sku: Sku, days: readonly DayInfo[]): Float64Array {
  const { traits } = verticalOf(sku.vertical);
  const curve = new Float64Array(days.length);
  days.forEach((info, d) => {
    let m =
      growthFactor(d) *
      restFactor(info, traits) *
      springFestivalFactor(info, sku.vertical) *
      shoppingFestivalFactor(info, sku.vertical);
    if (sku.peakDayOfYear !== null) m *= yearlyFactor(info.dayOfYear, sku.peakDayOfYear, traits.seasonality);
    if (sku.trend !== null) m *= lifecycleFactor(d, sku.trend);
    curve[d] = m;
  });
  return curve;
}

/** Per SKU and day: the product of the promotions' lifts, and the promotion the lines are credited to. */
function promotionEffects(skus: readonly Sku[], promotions: readonly ScenarioPromotion[], nDays: number) {
  const uplift = skus.map(() => new Float64Array(nDays).fill(1));
  const promotionOf = skus.map(() => new Uint16Array(nDays));
  const rank = { 'flash-sale': 3, 'percent-off': 2, threshold: 1 } as const;
  const index = new Map(skus.map((sku, s) => [sku.sku, s]));
  promotions.forEach((promotion, p) => {
    const covered =
      promotion.skus === null
        ? skus.flatMap((sku, s) => (promotion.verticals.includes(sku.vertical) ? [s] : []))
        : promotion.skus.map((sku) => index.get(sku)!);
    for (const s of covered) {
      for (let d = promotion.firstDay; d <= promotion.lastDay && d < nDays; d++) {
        uplift[s]![d] = uplift[s]![d]! * promotion.uplift;
        const current = promotionOf[s]![d]!;
        if (current === 0 || rank[promotion.type] >= rank[promotions[current - 1]!.type]) {
          promotionOf[s]![d] = p + 1;
        }
      }
    }
  });
  return { uplift, promotionOf };
}
