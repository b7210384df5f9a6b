import type { Point } from './paths.js';
import { svgNumber } from './svg-number.js';

/** A curved arrow from one point to another: the stroke's path, the head and a spot for a label. */
export interface CurvedArrow {
  /** `d` of the curve, ending where the head begins. */
  path: string;
  /** `d` of the filled head (a triangle whose tip is at the end). */
  head: string;
  /** The curve's middle, where a label goes. */
  label: Point;
}

/** How a curved arrow is drawn. */
export interface CurvedArrowOptions {
  /** Stroke width; the head grows with it. */
  width: number;
  /** Distance kept free at both ends (the markers' radius). */
  inset: number;
  /** Sideways bend as a fraction of the length, default 0.18 (to the left of travel). */
  bend?: number;
  /** How far the label point sits outside the curve (on its bent side), default 0: on the curve. */
  labelOffset?: number;
}

/**
 * A quadratic curve from `from` to `to`, bent to the left of the direction of travel (so A→B and
 * B→A do not overlap), kept `inset` pixels off both ends, with a triangular head at `to` and a
 * label point halfway along (or `labelOffset` pixels beyond it, on the outer side of the bend).
 *
 * @param from - start pixel
 * @param to - end pixel
 * @param options - width, inset, bend
 * @example
 * const arrow = curvedArrow([0, 0], [100, 0], { width: 2, inset: 5 });
 * arrow.label // [50, -9] (bent upwards, to the left of travel to the right)
 */
export function curvedArrow(from: Point, to: Point, options: CurvedArrowOptions): CurvedArrow {
  const bend = options.bend ?? 0.18;
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const length = Math.hypot(dx, dy);
  const ux = length > 0 ? dx / length : 1;
  const uy = length > 0 ? dy / length : 0;
  // Left of travel on screen (y grows downwards).
  const nx = uy;
  const ny = -ux;
  const control: Point = [
    (from[0] + to[0]) / 2 + nx * bend * length,
    (from[1] + to[1]) / 2 + ny * bend * length,
  ];
  const start = towards(from, control, options.inset);
  const tip = towards(to, control, options.inset);
  const headLength = Math.max(8, options.width * 1.8);
  const headWidth = Math.max(7, options.width * 2.2);
  const [tx, ty] = unit(control, tip);
  const base: Point = [tip[0] - tx * headLength, tip[1] - ty * headLength];
  const offset = options.labelOffset ?? 0;
  const label: Point = [
    0.25 * from[0] + 0.5 * control[0] + 0.25 * to[0] + nx * offset,
    0.25 * from[1] + 0.5 * control[1] + 0.25 * to[1] + ny * offset,
  ];
  const left: Point = [base[0] + ty * (headWidth / 2), base[1] - tx * (headWidth / 2)];
  const right: Point = [base[0] - ty * (headWidth / 2), base[1] + tx * (headWidth / 2)];
  const n = (value: number) => svgNumber(value);
  return {
    path: `M${n(start[0])} ${n(start[1])}Q${n(control[0])} ${n(control[1])} ${n(base[0])} ${n(base[1])}`,
    head: `M${n(tip[0])} ${n(tip[1])}L${n(left[0])} ${n(left[1])}L${n(right[0])} ${n(right[1])}Z`,
    label,
  };
}

function unit(from: Point, to: Point): Point {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const length = Math.hypot(dx, dy);
  return length > 0 ? [dx / length, dy / length] : [1, 0];
}

function towards(point: Point, target: Point, distance: number): Point {
  const [ux, uy] = unit(point, target);
  return [point[0] + ux * distance, point[1] + uy * distance];
}
