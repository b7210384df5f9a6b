import { formatTick } from './format-tick.js';
import type { LinearScale } from './linear-scale.js';
import type { NiceTicks } from './nice-ticks.js';
import { svgElement, svgText } from './svg-element.js';

/** How an axis is drawn. */
export interface AxisOptions {
  /** Data to pixels along the axis. */
  scale: LinearScale;
  /** The ticks to draw (from `niceTicks`). */
  ticks: NiceTicks;
  /** Text of a tick, default `formatTick(value, step)`. */
  format?: (value: number) => string;
  /** Title written along the axis. */
  title?: string;
}

/**
 * A vertical value axis at `x`: a label left of every tick and a light grid line across the plot
 * to `gridTo`, with an optional title above the labels.
 *
 * @param options - scale, ticks, format, title
 * @param x - the axis' x (the plot's left edge)
 * @param gridTo - where grid lines end (the plot's right edge)
 * @example
 * const y = linearScale([0, 100], [180, 10]);
 * leftAxis({ scale: y, ticks: niceTicks(0, 100), title: 'units' }, 40, 500)
 */
export function leftAxis(options: AxisOptions, x: number, gridTo: number): string {
  const format = options.format ?? ((value: number) => formatTick(value, options.ticks.step));
  const parts = options.ticks.ticks.map((tick) => {
    const y = options.scale(tick);
    return (
      svgElement('line', { x1: x, x2: gridTo, y1: y, y2: y, class: tick === 0 ? 'axis-zero' : 'grid' }) +
      svgText(x - 6, y + 4, format(tick), { class: 'tick', 'text-anchor': 'end' })
    );
  });
  const top = Math.min(...options.scale.range);
  if (options.title)
    parts.push(svgText(x, top - 8, options.title, { class: 'axis-title', 'text-anchor': 'start' }));
  return svgElement('g', { class: 'axis axis-left' }, parts);
}

/**
 * A horizontal value axis at `y`: a label under every tick and a light grid line up to `gridTo`,
 * with an optional title at the right end under the labels.
 *
 * @param options - scale, ticks, format, title
 * @param y - the axis' y (the plot's bottom edge)
 * @param gridTo - where grid lines end (the plot's top edge)
 * @example
 * const x = linearScale([0, 1000], [120, 700]);
 * bottomAxis({ scale: x, ticks: niceTicks(0, 1000), title: 'units' }, 300, 20)
 */
export function bottomAxis(options: AxisOptions, y: number, gridTo: number): string {
  const format = options.format ?? ((value: number) => formatTick(value, options.ticks.step));
  const parts = options.ticks.ticks.map((tick) => {
    const x = options.scale(tick);
    return (
      svgElement('line', { x1: x, x2: x, y1: y, y2: gridTo, class: tick === 0 ? 'axis-zero' : 'grid' }) +
      svgText(x, y + 15, format(tick), { class: 'tick', 'text-anchor': 'middle' })
    );
  });
  if (options.title) {
    const right = Math.max(...options.scale.range);
    parts.push(svgText(right, y + 30, options.title, { class: 'axis-title', 'text-anchor': 'end' }));
  }
  return svgElement('g', { class: 'axis axis-bottom' }, parts);
}
