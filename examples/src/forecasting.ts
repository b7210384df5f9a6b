/**
 * Forecasting demand for many SKU × region series at once: `forecast` with `auto` on each,
 * 80% and 95% intervals for the next quarter, and the accuracy on held-out months against
 * the seasonal naive benchmark (sMAPE and MASE, the M4 definitions).
 */
import { createRng } from '@s2b2b/core';
import { forecast, mase, smape } from '@s2b2b/forecasting';
import type { ExampleIo, ExampleMeta } from './example.js';

/**
 * @example
 * meta.name // 'forecasting'
 */
export const meta: ExampleMeta = {
  name: 'forecasting',
  title: 'Forecast demand per SKU and region, with intervals and a backtest',
  description:
    'Four SKU × region series (seasonal, trending, flat, with a missing month) are forecast with auto for the next three months with 80%/95% intervals, after a backtest on their last six months against seasonal naive.',
};

interface Series {
  sku: string;
  region: string;
  demand: (number | null)[];
}

/** Five years of monthly demand for four SKU × region pairs, seeded so the output never changes. */
function sampleSeries(): Series[] {
  const rng = createRng('examples/forecasting');
  const months = 60;
  const make = (level: number, growth: number, seasonality: number, noise: number) =>
    Array.from({ length: months }, (_, t) => {
      const season = 1 + seasonality * Math.sin((2 * Math.PI * t) / 12);
      return Math.max(0, Math.round((level + growth * t) * season + rng.normal(0, noise)));
    });
  const withGap = make(300, 1, 0.2, 15) as (number | null)[];
  withGap[40] = null; // a month the warehouse system lost
  return [
    { sku: '乌龙茶 500g', region: '华东', demand: make(800, 8, 0.3, 30) },
    { sku: '东北大米 5kg', region: '华北', demand: make(1200, 15, 0.05, 40) },
    { sku: '矿泉水 24瓶', region: '华南', demand: make(500, 0, 0.45, 25) },
    { sku: '纸巾 10包', region: '西南', demand: withGap },
  ];
}

/**
 * Runs the example.
 *
 * @example
 * await run({ log: console.log, table: console.table })
 */
export async function run(io: ExampleIo): Promise<void> {
  const series = sampleSeries();
  const holdout = 6;

  io.log('1. Backtest: fit on all but the last six months, forecast them, compare.');
  const backtest = series.map(({ sku, region, demand }) => {
    const train = demand.slice(0, -holdout);
    const actual = demand.slice(-holdout) as number[];
    const options = { horizon: holdout, seasonLength: 12, missing: 'interpolate' as const };
    const auto = forecast(train, options);
    const naive = forecast(train, { ...options, model: 'snaive' });
    const filled = train.map(
      (value, i) => value ?? ((train[i - 1] as number) + (train[i + 1] as number)) / 2,
    );
    return {
      sku,
      region,
      model: auto.model,
      'sMAPE auto': `${smape(actual, auto.mean).toFixed(2)}%`,
      'sMAPE snaive': `${smape(actual, naive.mean).toFixed(2)}%`,
      'MASE auto': mase(filled, actual, auto.mean, 12).toFixed(3),
    };
  });
  io.table(backtest);

  io.log();
  io.log('2. The next three months, with 80% and 95% intervals (missing months interpolated):');
  const next = series.flatMap(({ sku, region, demand }) => {
    const result = forecast(demand, {
      horizon: 3,
      seasonLength: 12,
      level: [80, 95],
      missing: 'interpolate',
    });
    const [i80, i95] = result.intervals;
    return result.mean.map((value, k) => ({
      sku,
      region,
      month: `+${k + 1}`,
      forecast: Math.round(value),
      '80%': `${Math.round(i80?.lower[k] ?? 0)} – ${Math.round(i80?.upper[k] ?? 0)}`,
      '95%': `${Math.round(i95?.lower[k] ?? 0)} – ${Math.round(i95?.upper[k] ?? 0)}`,
    }));
  });
  io.table(next);
  io.log();
  io.log(
    'Without missing: "interpolate" the gap in 纸巾 10包 would be an error naming y.40, never a silent drop.',
  );
}
