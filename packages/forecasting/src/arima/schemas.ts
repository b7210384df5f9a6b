import { z } from 'zod';

const order = (max: [number, number, number]) =>
  z.tuple([
    z.number().int().min(0).max(max[0]),
    z.number().int().min(0).max(max[1]),
    z.number().int().min(0).max(max[2]),
  ]);

/** Interval levels in percent, each in (0, 100). */
const levelSchema = z.array(z.number().gt(0).lt(100)).max(20);

/** Options of `fitArima`. */
export const fitArimaOptionsSchema = z
  .object({
    /** `[p, d, q]`: AR order, differences, MA order. */
    order: order([30, 3, 30]),
    /** `[P, D, Q]` of the seasonal part (needs `seasonLength` ≥ 2 when not all zero). */
    seasonal: order([10, 2, 10]).default([0, 0, 0]),
    /** Observations per seasonal cycle (default 1). */
    seasonLength: z.number().int().min(1).max(1_000).default(1),
    /**
     * A constant: the mean when `d + D = 0`, a drift when `d + D = 1`; not allowed with more
     * differences. Default: a mean when `d + D = 0`, none otherwise (R `Arima`).
     */
    includeConstant: z.boolean().optional(),
    /** `css-ml` (default: conditional sum of squares to start, then maximum likelihood), `ml` or `css`. */
    method: z.enum(['css-ml', 'ml', 'css']).default('css-ml'),
  })
  .strict();

/** `fitArima` options as the caller writes them. */
export type FitArimaOptions = z.input<typeof fitArimaOptionsSchema>;

/** Options of `forecastArima`. */
export const forecastArimaOptionsSchema = z
  .object({
    /** Interval coverages in percent (default `[80, 95]`; `[]` for none). */
    level: levelSchema.default([80, 95]),
  })
  .strict();

/** `forecastArima` options as the caller writes them. */
export type ForecastArimaOptions = z.input<typeof forecastArimaOptionsSchema>;

/** Options of `autoArima` (R `auto.arima`'s arguments, camel-cased). */
export const autoArimaOptionsSchema = z
  .object({
    /** Observations per seasonal cycle (default 1 = non-seasonal). */
    seasonLength: z.number().int().min(1).max(1_000).default(1),
    /** Interval coverages in percent (default `[80, 95]`; `[]` for none). */
    level: levelSchema.default([80, 95]),
    /** Hyndman–Khandakar stepwise search (default) or every model up to `maxOrder`. */
    stepwise: z.boolean().default(true),
    /**
     * Search by conditional sum of squares, then refit the best models by maximum likelihood.
     * Default: when the series has more than 150 observations or `seasonLength` > 4 (R: > 12; see the README).
     */
    approximation: z.boolean().optional(),
    /** Information criterion to minimise (default `aicc`). */
    ic: z.enum(['aicc', 'aic', 'bic']).default('aicc'),
    /** Fixed number of differences (default: chosen by repeated KPSS tests). */
    d: z.number().int().min(0).max(3).optional(),
    /** Fixed number of seasonal differences (default: chosen by the seasonal-strength test). */
    seasonalD: z.number().int().min(0).max(2).optional(),
    maxP: z.number().int().min(0).max(30).default(5),
    maxQ: z.number().int().min(0).max(30).default(5),
    maxSeasonalP: z.number().int().min(0).max(10).default(2),
    maxSeasonalQ: z.number().int().min(0).max(10).default(2),
    /** Largest p + q + P + Q of the non-stepwise search (default 5). */
    maxOrder: z.number().int().min(0).max(60).default(5),
    maxD: z.number().int().min(0).max(3).default(2),
    maxSeasonalD: z.number().int().min(0).max(2).default(1),
    startP: z.number().int().min(0).max(30).default(2),
    startQ: z.number().int().min(0).max(30).default(2),
    startSeasonalP: z.number().int().min(0).max(10).default(1),
    startSeasonalQ: z.number().int().min(0).max(10).default(1),
    /** Only stationary models (`d = D = 0`). */
    stationary: z.boolean().default(false),
    /** Consider seasonal models (default true; false treats the series as non-seasonal). */
    seasonal: z.boolean().default(true),
    /** Allow a drift when `d + D = 1` (default true). */
    allowDrift: z.boolean().default(true),
    /** Allow a mean when `d + D = 0` (default true). */
    allowMean: z.boolean().default(true),
    /** Significance level of the KPSS tests that choose `d`, in [0.01, 0.1] (default 0.05). */
    alpha: z.number().min(0.01).max(0.1).default(0.05),
    /** Most models the stepwise search fits (default 94). */
    maxModels: z.number().int().min(1).max(1_000).default(94),
  })
  .strict();

/** `autoArima` options as the caller writes them. */
export type AutoArimaOptions = z.input<typeof autoArimaOptionsSchema>;

const oddWindow = z.number().int().min(1).max(1_000_000);

/** Options of `stl` (R `stats::stl` arguments, camel-cased). */
export const stlOptionsSchema = z
  .object({
    /** Seasonal loess window (odd, ≥ 7 recommended) or `'periodic'`. */
    sWindow: z.union([oddWindow, z.literal('periodic')]),
    sDegree: z.union([z.literal(0), z.literal(1)]).default(0),
    tWindow: oddWindow.optional(),
    tDegree: z.union([z.literal(0), z.literal(1)]).default(1),
    lWindow: oddWindow.optional(),
    lDegree: z.union([z.literal(0), z.literal(1)]).optional(),
    sJump: z.number().int().min(1).optional(),
    tJump: z.number().int().min(1).optional(),
    lJump: z.number().int().min(1).optional(),
    robust: z.boolean().default(false),
    inner: z.number().int().min(1).max(100).optional(),
    outer: z.number().int().min(0).max(100).optional(),
  })
  .strict();

/** `stl` options as the caller writes them. */
export type StlOptions = z.input<typeof stlOptionsSchema>;
