import { autoArima } from '../arima/auto-arima.js';
import { autoEts } from '../ets/auto-ets.js';
import { adida } from '../intermittent/adida.js';
import { croston, crostonOptimized } from '../intermittent/croston.js';
import { imapa } from '../intermittent/imapa.js';
import { sba } from '../intermittent/sba.js';
import { tsb } from '../intermittent/tsb.js';
import { damped } from '../models/damped.js';
import { holt } from '../models/holt.js';
import { naive } from '../models/naive.js';
import { naive2 } from '../models/naive2.js';
import { seasonalNaive } from '../models/seasonal-naive.js';
import { withSeasonalAdjustment } from '../models/seasonal-wrapper.js';
import { ses } from '../models/ses.js';
import { theta } from '../models/theta.js';
import { dynamicOptimizedTheta, optimizedTheta } from '../models/theta-models.js';
import type { ModelFit } from '../models/types.js';

/** A model as `forecast` runs it: the series, the horizon and the season length. */
export type RegisteredModel = (y: readonly number[], horizon: number, seasonLength: number) => ModelFit;

const seasonalSes = withSeasonalAdjustment(ses);
const seasonalHolt = withSeasonalAdjustment(holt);
const seasonalDamped = withSeasonalAdjustment(damped);

/** The smallest series each model fits (shorter series fall back to `naive`). */
const MINIMUM_LENGTH: Record<string, number> = { holt: 3, damped: 3, theta: 3, otm: 3, dotm: 3, ets: 3 };

/**
 * The named models `forecast` knows. Each takes `(y, horizon, seasonLength)`; the seasonal
 * ones adjust by classical multiplicative decomposition when the M4 seasonality test passes.
 * The intermittent-demand methods (Croston, SBA, TSB, ADIDA, iMAPA) need non-negative data.
 */
export const MODELS = {
  naive: (y, h) => naive(y, h),
  snaive: (y, h, m) => seasonalNaive(y, h, { seasonLength: m }),
  naive2: (y, h, m) => naive2(y, h, { seasonLength: m }),
  ses: (y, h, m) => seasonalSes(y, h, { seasonLength: m }),
  holt: (y, h, m) => seasonalHolt(y, h, { seasonLength: m }),
  damped: (y, h, m) => seasonalDamped(y, h, { seasonLength: m }),
  theta: (y, h, m) => theta(y, h, { seasonLength: m }),
  otm: (y, h, m) => optimizedTheta(y, h, { seasonLength: m }),
  dotm: (y, h, m) => dynamicOptimizedTheta(y, h, { seasonLength: m }),
  ets: (y, h, m) => autoEts(y, h, { seasonLength: m, level: [] }),
  arima: (y, h, m) => autoArima(y, h, { seasonLength: m, level: [] }),
  croston: (y, h) => croston(y, h),
  crostonOptimized: (y, h) => crostonOptimized(y, h),
  sba: (y, h) => sba(y, h),
  tsb: (y, h) => tsb(y, h),
  adida: (y, h) => adida(y, h),
  imapa: (y, h) => imapa(y, h),
} satisfies Record<string, RegisteredModel>;

/** The name of a model `forecast` can run. */
export type ModelName = keyof typeof MODELS;

/** Every model name, in a stable order. */
export const MODEL_NAMES = Object.keys(MODELS) as ModelName[];

/**
 * Runs a named model, falling back to `naive` when the series is too short for it.
 * Returns the fit and the name of the model that actually ran.
 *
 * @example
 * runModel('theta', [3, 4], 2, 1).model // 'naive' (theta needs 3 points)
 */
export function runModel(
  name: ModelName,
  y: readonly number[],
  horizon: number,
  seasonLength: number,
): { model: string; fit: ModelFit } {
  if (y.length < (MINIMUM_LENGTH[name] ?? 1)) return { model: 'naive', fit: naive(y, horizon) };
  const fit = MODELS[name](y, horizon, seasonLength);
  // Models that choose among variants (ets) name what they chose, e.g. ETS(A,Ad,N).
  const chosen = (fit as { model?: unknown }).model;
  return { model: typeof chosen === 'string' ? chosen : name, fit };
}
