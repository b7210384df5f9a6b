import { svgNumber } from './svg-number.js';

/** A point in pixels. */
export type Point = readonly [x: number, y: number];

/**
 * The `d` of a polyline through `points` (`M x y L x y …`); an empty string for no points.
 *
 * @param points - pixels in drawing order
 * @param closed - end with `Z`, default false
 * @throws ValidationError when a coordinate is not finite
 * @example
 * linePath([[0, 10], [5, 0], [10, 5]]) // 'M0 10L5 0L10 5'
 */
export function linePath(points: readonly Point[], closed = false): string {
  if (points.length === 0) return '';
  const d = points
    .map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${svgNumber(x, 'x')} ${svgNumber(y, 'y')}`)
    .join('');
  return closed ? `${d}Z` : d;
}

/**
 * The `d` of a band between an upper and a lower line at the same x positions (a forecast
 * interval): along the upper edge, back along the lower one, closed.
 *
 * @param upper - points of the upper edge, left to right
 * @param lower - points of the lower edge at the same x, left to right
 * @example
 * bandPath([[0, 2], [10, 1]], [[0, 8], [10, 9]]) // 'M0 2L10 1L10 9L0 8Z'
 */
export function bandPath(upper: readonly Point[], lower: readonly Point[]): string {
  if (upper.length === 0 || lower.length === 0) return '';
  return linePath([...upper, ...[...lower].reverse()], true);
}
