import { ValidationError } from '@s2b2b/core';

/** A rounded axis: its ends, its step and every tick from `min` to `max`. */
export interface NiceTicks {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/**
 * The step between ticks for about `count` intervals over `[min, max]`: 1, 2 or 5 times a power
 * of ten, whichever lies closest to the raw step on a log scale (thresholds √2, √10, √50).
 *
 * @param min - low end
 * @param max - high end, above `min`
 * @param count - wanted number of intervals (at least 1)
 * @throws ValidationError on `max` when it is not above `min`, on `count` when below 1
 * @example
 * tickStep(0, 97, 5) // 20 (raw 19.4)
 * tickStep(0, 1, 4) // 0.2 (raw 0.25)
 */
export function tickStep(min: number, max: number, count: number): number {
  finite(min, 'min');
  finite(max, 'max');
  finite(count, 'count');
  if (!(max > min))
    throw ValidationError.field('max', `Expected max above min (${min}), got ${max}`, 'too_small');
  if (count < 1)
    throw ValidationError.field('count', `Expected at least 1 interval, got ${count}`, 'too_small');
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1;
  return factor * power;
}

/**
 * A rounded axis that covers `[min, max]` with about `count` intervals of a 1-2-5 step: the ends
 * are moved out to multiples of the step. An empty range (`min === max`, or ends a rounding
 * error apart) widens by its leading unit on both sides without crossing zero (`[0, 1]` around
 * zero), so a chart of equal values still has an axis.
 *
 * @param min - smallest value shown
 * @param max - largest value shown (not below `min`)
 * @param count - wanted number of intervals, default 5
 * @throws ValidationError on `max` when below `min`, on a value that is not finite
 * @example
 * niceTicks(0, 97) // { min: 0, max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] }
 * niceTicks(3, 3) // { min: 2, max: 4, step: 0.5, ticks: [2, 2.5, 3, 3.5, 4] }
 */
export function niceTicks(min: number, max: number, count = 5): NiceTicks {
  finite(min, 'min');
  finite(max, 'max');
  if (max < min)
    throw ValidationError.field('max', `Expected max at least min (${min}), got ${max}`, 'too_small');
  let low = min;
  let high = max;
  const magnitude = Math.max(Math.abs(min), Math.abs(max));
  // A range too narrow to divide (equal ends, or ends a rounding error apart) widens.
  if (high - low < Math.max(1e-9, magnitude * 1e-9)) {
    if (magnitude < 1e-6) {
      low = min < 0 ? -1 : 0;
      high = min < 0 && max <= 0 ? 0 : 1;
    } else {
      const unit = 10 ** Math.floor(Math.log10(magnitude));
      low = min - unit;
      high = max + unit;
      if (min >= 0 && low < 0) low = 0;
      if (max <= 0 && high > 0) high = 0;
    }
  }
  const step = tickStep(low, high, count);
  let first = Math.floor(low / step);
  let last = Math.ceil(high / step);
  // A quotient that underflows or rounds the wrong way must not leave an end uncovered.
  if (first * step > low) first -= 1;
  if (last * step < high) last += 1;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks: number[] = [];
  for (let index = first; index <= last; index += 1) ticks.push(roundTo(index * step, decimals));
  return { min: ticks[0]!, max: ticks[ticks.length - 1]!, step, ticks };
}

function roundTo(value: number, decimals: number): number {
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded;
}

function finite(value: number, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw ValidationError.field(field, `Expected a finite number, got ${String(value)}`, 'not_finite');
  }
}
