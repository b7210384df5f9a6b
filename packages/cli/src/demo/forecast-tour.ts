import { createRng } from '@s2b2b/core';
import { forecast, mase, smape } from '@s2b2b/forecasting';
import type { Printer } from '../output.js';

/** What the forecasting section found. */
export interface ForecastTourResult {
  /** The model `auto` chose. */
  model: string;
  /** The six held-out months and their forecasts. */
  months: {
    month: number;
    actual: number;
    forecast: number;
    lower80: number;
    upper80: number;
    lower95: number;
    upper95: number;
  }[];
  /** Accuracy of `auto` and of the seasonal naive benchmark on the held-out months. */
  accuracy: { model: string; smape: number; mase: number }[];
  /** Whether every forecast is finite and non-negative and the 95% band contains the 80% band. */
  sane: boolean;
}

const MONTHS = 66;
const HOLDOUT = 6;

/**
 * Section 4 of the demo: forecast a seeded monthly demand series (trend, season, a Double 11 peak, noise),
 * hold out the last six months, and compare `auto` with the seasonal naive benchmark.
 *
 * @example
 * forecastTour(out, 42).sane // true
 */
export function forecastTour(out: Printer, seed: number): ForecastTourResult {
  out.heading('4. Demand forecasts');
  const rng = createRng(seed).fork('forecast-tour');
  const demand = Array.from({ length: MONTHS }, (_, t) => {
    const season = 1 + 0.35 * Math.sin((2 * Math.PI * (t + 2)) / 12) + (t % 12 === 10 ? 0.6 : 0); // Double 11
    return Math.max(0, Math.round((400 + 6 * t) * season + rng.normal(0, 25)));
  });
  const train = demand.slice(0, -HOLDOUT);
  const actual = demand.slice(-HOLDOUT);
  const result = forecast(train, { horizon: HOLDOUT, seasonLength: 12, level: [80, 95] });
  const naive = forecast(train, { horizon: HOLDOUT, seasonLength: 12, model: 'snaive' });
  const [i80, i95] = result.intervals;
  const months = actual.map((value, k) => ({
    month: MONTHS - HOLDOUT + k + 1,
    actual: value,
    forecast: Math.round(result.mean[k] as number),
    lower80: Math.round(i80?.lower[k] as number),
    upper80: Math.round(i80?.upper[k] as number),
    lower95: Math.round(i95?.lower[k] as number),
    upper95: Math.round(i95?.upper[k] as number),
  }));
  const accuracy = [
    {
      model: `auto: ${result.model}`,
      smape: smape(actual, result.mean),
      mase: mase(train, actual, result.mean, 12),
    },
    { model: 'seasonal naive', smape: smape(actual, naive.mean), mase: mase(train, actual, naive.mean, 12) },
  ];
  const sane = result.mean.every((value, k) => {
    const inner =
      (i80?.lower[k] ?? 0) >= (i95?.lower[k] ?? 0) && (i80?.upper[k] ?? 0) <= (i95?.upper[k] ?? 0);
    return Number.isFinite(value) && value >= 0 && inner;
  });

  out.line(
    `${MONTHS - HOLDOUT} months of one SKU's demand (trend, seasons, a Double 11 peak); the last ${HOLDOUT} held out:`,
  );
  out.table(
    months.map((row) => ({
      month: row.month,
      actual: row.actual,
      forecast: row.forecast,
      '80% interval': `${row.lower80} – ${row.upper80}`,
      '95% interval': `${row.lower95} – ${row.upper95}`,
    })),
  );
  out.line();
  out.table(
    accuracy.map((row) => ({
      model: row.model,
      sMAPE: `${row.smape.toFixed(2)}%`,
      MASE: row.mase.toFixed(3),
    })),
  );
  out.line(
    `  ${sane ? out.good('✓') : out.bad('✗')} forecasts finite and non-negative, the 95% band around the 80% band`,
  );
  return { model: result.model, months, accuracy, sane };
}
