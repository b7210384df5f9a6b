import { ValidationError } from '@s2b2b/core';

/** What to do with missing observations (`null`, `undefined` or `NaN`). */
export type MissingPolicy = 'error' | 'interpolate' | 'zero';

/**
 * Resolves missing observations by an explicit policy — never a silent drop:
 * - `error` (default): a `ValidationError` naming the first missing index;
 * - `interpolate`: linear between the neighbours, the nearest value at either end;
 * - `zero`: a missing period is a period without demand.
 * Leading missing values are always removed (a series starts at its first observation).
 *
 * @example
 * fillMissing([null, 2, null, 4], 'interpolate') // [2, 3, 4]
 */
export function fillMissing(
  y: readonly (number | null | undefined)[],
  policy: MissingPolicy = 'error',
): number[] {
  const isMissing = (value: number | null | undefined) =>
    value === null || value === undefined || Number.isNaN(value);
  let start = 0;
  while (start < y.length && isMissing(y[start])) start += 1;
  const values = y.slice(start);
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (!isMissing(value)) {
      if (!Number.isFinite(value))
        throw ValidationError.field(['y', start + i], `Expected a finite number, got ${value}`);
      out[i] = value as number;
      continue;
    }
    if (policy === 'error') {
      throw ValidationError.field(
        ['y', start + i],
        "Missing observation; pass missing: 'interpolate' or 'zero' to fill it",
        'missing',
      );
    }
    if (policy === 'zero') {
      out[i] = 0;
      continue;
    }
    let next = i + 1;
    while (next < values.length && isMissing(values[next])) next += 1;
    const before = out[i - 1] as number; // i > 0: leading gaps were removed
    if (next >= values.length) {
      out[i] = before;
    } else {
      const after = values[next] as number;
      out[i] = before + ((after - before) * 1) / (next - i + 1);
    }
  }
  return out;
}
