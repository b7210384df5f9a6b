import { difference } from './difference.js';
import { isConstant } from './is-constant.js';
import { stl } from './stl.js';

/** R `forecast::nsdiffs`'s threshold on the seasonal strength ("chosen based on seasonal M3 auto.arima accuracy"). */
export const SEASONAL_STRENGTH_THRESHOLD = 0.64;

/**
 * The strength of seasonality `max(0, 1 − Var(R) / Var(S + R))` of an STL decomposition with
 * `s.window = 11` (Wang, Smith & Hyndman 2006; R `forecast`'s `seas.heuristic` on `mstl`). `NaN` when the
 * series is too short for STL (at most two periods).
 *
 * @example
 * seasonalStrength(Array.from({ length: 48 }, (_, t) => 10 + Math.sin((2 * Math.PI * t) / 12)), 12) // ≈ 1
 */
export function seasonalStrength(y: readonly number[], period: number): number {
  if (y.length <= 2 * period || period < 2) return Number.NaN;
  const { seasonal, remainder } = stl(y, period, { sWindow: 11 });
  const variance = (a: readonly number[]) => {
    let mean = 0;
    for (const v of a) mean += v;
    mean /= a.length;
    let s = 0;
    for (const v of a) s += (v - mean) * (v - mean);
    return s / (a.length - 1);
  };
  const vr = variance(remainder);
  const vsr = variance(remainder.map((r, i) => r + seasonal[i]!));
  if (!(vsr > 0)) return 0;
  return Math.max(0, Math.min(1, 1 - vr / vsr));
}

/**
 * The number of seasonal differences (R `forecast::nsdiffs` with its default `seas` test): difference at
 * lag `period` while the seasonal strength exceeds 0.64, at most `maxD` (default 1) times. A constant
 * series, or one too short for the test, needs none.
 *
 * @example
 * nsdiffs(Array.from({ length: 60 }, (_, t) => 10 + 5 * Math.sin((2 * Math.PI * t) / 12)), 12) // 1
 */
export function nsdiffs(y: readonly number[], period: number, options: { maxD?: number } = {}): number {
  const maxD = options.maxD ?? 1;
  let x = y.slice();
  if (isConstant(x) || period >= x.length) return 0;
  const test = (s: readonly number[]) => {
    const strength = seasonalStrength(s, period);
    return Number.isFinite(strength) && strength > SEASONAL_STRENGTH_THRESHOLD;
  };
  let doDiff = test(x);
  let D = 0;
  while (doDiff && D < maxD) {
    D++;
    x = difference(x, period);
    if (isConstant(x)) return D;
    doDiff = x.length >= 2 * period && D < maxD ? test(x) : false;
  }
  return D;
}
