import { formatNumber } from '../html/format-number.js';
import { svgElement, svgText, svgTitle } from './svg-element.js';

/**
 * A rounded count badge centred at `(x, y)`: filled with `color` when the count is above zero,
 * pale grey when it is zero, white figures on colour, with a tooltip.
 *
 * @param x - centre x
 * @param y - centre y
 * @param count - the number shown
 * @param color - fill when above zero
 * @param tooltip - hover text
 * @example
 * badge(500, 40, 3, '#dc2626', '3 SKUs out of stock')
 */
export function badge(x: number, y: number, count: number, color: string, tooltip: string): string {
  const label = formatNumber(count, 0);
  const width = Math.max(26, 10 + label.length * 7);
  const active = count > 0;
  return svgElement('g', { class: active ? 'badge' : 'badge badge-zero' }, [
    svgTitle(tooltip),
    svgElement('rect', {
      x: x - width / 2,
      y: y - 9,
      width,
      height: 18,
      rx: 9,
      fill: active ? color : '#f3f4f6',
    }),
    svgText(x, y + 4, label, { 'text-anchor': 'middle', class: active ? 'badge-text' : 'badge-text-zero' }),
  ]);
}
