import { ValidationError } from '@s2b2b/core';

/**
 * A number as an SVG attribute writes it: rounded to two decimals, no `-0`, no exponent for the
 * sizes a chart uses. A value that is not finite is refused, so `NaN` or `Infinity` never reaches
 * the markup.
 *
 * @param value - a coordinate, a length, an opacity
 * @param field - the attribute's name, for the error
 * @throws ValidationError on `field` when the value is NaN or infinite
 * @example
 * svgNumber(12.3456) // '12.35'
 * svgNumber(-0.001) // '0'
 */
export function svgNumber(value: number, field = 'value'): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw ValidationError.field(field, `Expected a finite number, got ${String(value)}`, 'not_finite');
  }
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}
