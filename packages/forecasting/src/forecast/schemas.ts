import { z } from 'zod';
import { MODEL_NAMES } from './registry.js';

/** An observation: a number, or `null` for a missing period. */
export const observationSchema = z.union([z.number(), z.null()]);

/** Options of `forecast`. */
export const forecastOptionsSchema = z
  .object({
    /** Steps to forecast (1 to 10,000). */
    horizon: z.number().int().min(1).max(10_000),
    /** Observations per seasonal cycle; 1 (default) means none. */
    seasonLength: z.number().int().min(1).max(1_000).default(1),
    /** `auto` (default) or a named model. */
    model: z.enum(['auto', ...MODEL_NAMES]).default('auto'),
    /** Prediction-interval levels in percent, e.g. [80, 95]. */
    level: z.array(z.number().gt(0).lt(100)).max(20).default([]),
    /** What to do with `null` / `NaN` observations. */
    missing: z.enum(['error', 'interpolate', 'zero']).default('error'),
    /** Clip forecasts and interval bounds at 0 (demand cannot be negative); default true. */
    nonNegative: z.boolean().default(true),
  })
  .strict();

/** `forecast` options as the caller writes them. */
export type ForecastOptions = z.input<typeof forecastOptionsSchema>;
