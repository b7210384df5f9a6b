import { forecast, forecastMany, mase, smape } from '@s2b2b/forecasting';
import { demandSeries, type RegionId } from '@s2b2b/scenario';
import type { ReportForecastSeries } from '../report/model.js';
import type { DayContext } from './context.js';

/** Weeks held out at the end of the history to measure accuracy. */
export const HOLDOUT_WEEKS = 8;
/** Weeks in a seasonal cycle of weekly demand. */
const SEASON = 52;
/** Series the report charts with their intervals (each costs a conformal calibration: about 0.25 s). */
export const CHARTS = 4;
/** Weeks of history each report chart shows before the held-out weeks. */
const SHOWN_WEEKS = 26;

/**
 * A SKU × region's daily demand for the days ahead: the forecast mean of next week over seven
 * days, and its spread from the errors on the held-out weeks.
 *
 * @example
 * const e: DemandEstimate = result.estimates[0]!; // { sku: 'FR-001', region: '华东', dailyMean: 12.4, dailySd: 3.1, model: 'sba' }
 */
export interface DemandEstimate {
  sku: string;
  region: RegionId;
  dailyMean: number;
  dailySd: number;
  model: string;
  intermittent: boolean;
}

/**
 * What forecasting found.
 *
 * @example
 * const { accuracy, estimates }: ForecastResult = await runForecasts(ctx);
 */
export interface ForecastResult {
  /** SKU × region series with demand in the last year, forecast. */
  series: number;
  holdoutWeeks: number;
  /**
   * sMAPE (%) and MASE (scaled by the one-week naive forecast's in-sample error) on the held-out
   * weeks, averaged over series: `auto` and the seasonal naive benchmark, for regular and for
   * intermittent series apart.
   */
  accuracy: { model: string; smape: number; mase: number; series: number }[];
  estimates: DemandEstimate[];
  /** A few series with their 80 % and 95 % intervals, for the report. */
  charts: ReportForecastSeries[];
  /** Every forecast finite and non-negative, every 95 % band around its 80 % band. */
  sane: boolean;
}

/**
 * Stage 3 of the day: weekly demand per SKU × region (104 weeks), forecast with
 * `forecastMany` — `auto` (ETS, Theta and DOTM combined; SBA for intermittent series) — on all
 * but the last eight weeks, scored on them by sMAPE and MASE next to the seasonal naive and naive
 * benchmarks; then forecast again on the whole history for the week ahead, which with the
 * held-out errors becomes each series' daily demand estimate for safety stock.
 *
 * @example
 * const forecasts = await runForecasts(ctx);
 * forecasts.accuracy[0] // { model: 'auto (ETS+Theta+DOTM) · regular', smape: 41.2, mase: 0.84, series: 38 }
 */
export async function runForecasts(
  ctx: DayContext,
  options: { charts?: number } = {},
): Promise<ForecastResult> {
  const weekly = demandSeries(ctx.scenario, { period: 'week', measure: 'units', toDay: ctx.day });
  const weeks = weekly.periods.length;
  const cut = weeks - HOLDOUT_WEEKS;
  const active = weekly.keys.flatMap((key, i) => {
    const y = weekly.values[i]!;
    let recent = 0;
    for (let w = Math.max(0, weeks - SEASON); w < weeks; w++) recent += y[w]!;
    return recent > 0 ? [{ ...key, index: i, y: Array.from(y) }] : [];
  });
  const train = active.map((s) => ({ id: `${s.sku}|${s.region}`, y: s.y.slice(0, cut) }));
  const bar = ctx.progress('forecasting    ', 3 * active.length);
  let done = 0;
  const step = (n: number) => bar.update(done + n);
  const held = await forecastMany(train, { horizon: HOLDOUT_WEEKS, seasonLength: SEASON, onProgress: step });
  done += active.length;
  const snaive = await forecastMany(train, {
    horizon: HOLDOUT_WEEKS,
    seasonLength: SEASON,
    model: 'snaive',
    onProgress: step,
  });
  done += active.length;
  const ahead = await forecastMany(
    active.map((s) => ({ id: `${s.sku}|${s.region}`, y: s.y })),
    { horizon: 1, seasonLength: SEASON, onProgress: step },
  );
  bar.finish();

  const score = (name: string, rows: { k: number; mean: readonly number[] }[]) => {
    let s = 0;
    let m = 0;
    let n = 0;
    let finite = 0;
    for (const { k, mean } of rows) {
      const actual = active[k]!.y.slice(cut);
      s += smape(actual, mean);
      const value = mase(train[k]!.y, actual, mean, 1);
      if (Number.isFinite(value)) {
        m += value;
        finite += 1;
      }
      n += 1;
    }
    return { model: name, smape: n ? s / n : 0, mase: finite ? m / finite : 0, series: n };
  };
  // Regular and intermittent series are scored apart: sMAPE means little on weeks of zeros.
  const classes = [
    { label: 'regular', model: 'auto (ETS+Theta+DOTM)', test: (model: string) => model !== 'sba' },
    { label: 'intermittent', model: 'auto (SBA)', test: (model: string) => model === 'sba' },
  ];
  const accuracy = classes.flatMap(({ label, model, test }) => {
    const members = held.flatMap((f, k) => (test(f.model) ? [k] : []));
    if (members.length === 0) return [];
    return [
      score(
        `${model} · ${label}`,
        members.map((k) => ({ k, mean: held[k]!.mean })),
      ),
      score(
        `seasonal naive · ${label}`,
        members.map((k) => ({ k, mean: snaive[k]!.mean })),
      ),
    ];
  });

  const estimates: DemandEstimate[] = active.map((s, k) => {
    const actual = s.y.slice(cut);
    const errors = actual.map((y, w) => y - held[k]!.mean[w]!);
    const rmse = Math.sqrt(errors.reduce((total, e) => total + e * e, 0) / errors.length);
    const dailyMean = Math.max(0, ahead[k]!.mean[0]!) / 7;
    return {
      sku: s.sku,
      region: s.region,
      dailyMean,
      dailySd: Math.max(rmse / Math.sqrt(7), Math.sqrt(dailyMean)),
      model: held[k]!.model,
      intermittent: held[k]!.model === 'sba',
    };
  });

  const charts = chartSeries(ctx, active, held, cut, weekly.periods, options.charts ?? CHARTS);
  const sane =
    [...held, ...ahead].every((f) => f.mean.every((v) => Number.isFinite(v) && v >= 0)) &&
    charts.every((c) => {
      const [i80, i95] = c.intervals;
      return c.forecast.every(
        (_, h) => i80!.lower[h]! >= i95!.lower[h]! - 1e-9 && i80!.upper[h]! <= i95!.upper[h]! + 1e-9,
      );
    });
  return { series: active.length, holdoutWeeks: HOLDOUT_WEEKS, accuracy, estimates, charts, sane };
}

/** Series for the report, up to `count`: the busiest of each vertical, then an intermittent one, a fashion item, a seasonal one. */
function chartSeries(
  ctx: DayContext,
  active: { sku: string; region: RegionId; y: number[] }[],
  held: { model: string }[],
  cut: number,
  periods: string[],
  count: number,
): ReportForecastSeries[] {
  const skus = new Map(ctx.scenario.skus.map((s) => [s.sku, s]));
  const volume = (y: number[]) => y.reduce((total, v) => total + v, 0);
  const picked: number[] = [];
  const pick = (test: (k: number) => boolean) => {
    if (picked.length >= count) return;
    let best = -1;
    active.forEach((s, k) => {
      if (!picked.includes(k) && test(k) && (best < 0 || volume(s.y) > volume(active[best]!.y))) best = k;
    });
    if (best >= 0) picked.push(best);
  };
  for (const vertical of ['fresh', 'apparel', 'industrial']) {
    pick((k) => skus.get(active[k]!.sku)!.vertical === vertical && held[k]!.model !== 'sba');
  }
  pick((k) => held[k]!.model === 'sba');
  pick((k) => skus.get(active[k]!.sku)!.pattern === 'trend');
  pick((k) => skus.get(active[k]!.sku)!.pattern === 'seasonal');
  return picked.map((k) => {
    const s = active[k]!;
    const fit = forecast(s.y.slice(0, cut), {
      horizon: HOLDOUT_WEEKS,
      seasonLength: SEASON,
      level: [80, 95],
    });
    const from = Math.max(0, cut - SHOWN_WEEKS);
    return {
      key: `${s.sku} ${skus.get(s.sku)!.name} × ${s.region}`,
      periods: periods.slice(from),
      actual: s.y.slice(from),
      forecastStart: cut - from,
      forecast: fit.mean,
      intervals: fit.intervals.map((i) => ({ level: i.level, lower: i.lower, upper: i.upper })),
      model: fit.model,
    };
  });
}
