import { chartSection } from '../html/chart-section.js';
import { legend } from '../html/legend.js';
import { PALETTE } from '../html/palette.js';
import type { ReportWarehouseStock } from '../model.js';
import { bottomAxis } from '../svg/axes.js';
import { badge } from '../svg/badge.js';
import { bandScale } from '../svg/band-scale.js';
import { chartSvg, emptyChart } from '../svg/chart-svg.js';
import { formatTick } from '../svg/format-tick.js';
import { fitLabel, labelWidth } from '../svg/label-width.js';
import { linearScale } from '../svg/linear-scale.js';
import { niceTicks } from '../svg/nice-ticks.js';
import { svgElement, svgText, svgTitle } from '../svg/svg-element.js';

const WIDTH = 1000;
const ROW = 36;
const TOP = 44;
const BOTTOM = 44;
/** Width of each of the three marker columns at the right. */
const MARKER_COLUMN = 92;

const MARKERS = [
  {
    key: 'belowReorderPoint',
    header: 'Below ROP',
    color: PALETTE.belowReorderPoint,
    noun: 'at or below their reorder point',
  },
  { key: 'slowMovers', header: 'Slow movers', color: PALETTE.slowMovers, noun: 'flagged as slow movers' },
  { key: 'stockouts', header: 'Stockouts', color: PALETTE.stockout, noun: 'out of stock' },
] as const;

/**
 * The stock-health section: one stacked bar per warehouse (available, then reserved units),
 * largest first, with badges counting the SKUs below their reorder point, the slow movers and
 * the stockouts.
 *
 * @param stock - the model's `stock`
 * @example
 * stockChart(model.stock) // '<section class="card" data-chart="stock" …'
 */
export function stockChart(stock: readonly ReportWarehouseStock[]): string {
  const body =
    stock.length === 0
      ? emptyChart('No warehouse stock in this report.')
      : `${legend([
          { label: 'Available', color: PALETTE.available },
          { label: 'Reserved', color: PALETTE.reserved },
          ...MARKERS.map((marker) => ({
            label: `${marker.header} (SKUs)`,
            color: marker.color,
            shape: 'dot' as const,
          })),
        ])}${stockSvg(stock)}`;
  return chartSection({
    name: 'stock',
    title: 'Stock health by warehouse',
    description:
      'Units on hand at the end of the day, split into available and reserved, and how many SKUs of each warehouse need attention.',
    body,
  });
}

function stockSvg(stock: readonly ReportWarehouseStock[]): string {
  const rows = [...stock].sort((a, b) => b.available + b.reserved - (a.available + a.reserved));
  const left = Math.min(220, Math.max(90, ...rows.map((row) => labelWidth(row.warehouse.name, 12) + 18)));
  const markersLeft = WIDTH - MARKERS.length * MARKER_COLUMN;
  const plotRight = markersLeft - 110;
  const height = TOP + rows.length * ROW + BOTTOM;
  const plotBottom = height - BOTTOM;
  const ticks = niceTicks(0, Math.max(0, ...rows.map((row) => row.available + row.reserved)), 5);
  const x = linearScale([0, ticks.max], [left, plotRight]);
  const bands = bandScale(rows.length, TOP, plotBottom, 0.42);
  const parts: string[] = [bottomAxis({ scale: x, ticks, title: 'units' }, plotBottom, TOP - 6)];
  MARKERS.forEach((marker, column) => {
    parts.push(
      svgText(markersLeft + MARKER_COLUMN * (column + 0.5), TOP - 14, marker.header, {
        class: 'column-head',
        'text-anchor': 'middle',
      }),
    );
  });
  rows.forEach((row, index) => {
    const top = bands.start(index);
    const middle = bands.center(index);
    const availableEnd = x(row.available);
    const reservedEnd = x(row.available + row.reserved);
    const name = row.warehouse.name;
    parts.push(
      svgText(left - 10, middle - 1, fitLabel(name, left - 16), { class: 'row-label', 'text-anchor': 'end' }),
      svgText(left - 10, middle + 12, `${formatTick(row.skus)} SKUs`, {
        class: 'row-sub',
        'text-anchor': 'end',
      }),
      svgElement(
        'rect',
        { x: left, y: top, width: availableEnd - left, height: bands.bandwidth, fill: PALETTE.available },
        [svgTitle(`${name}: ${row.available} available`)],
      ),
      svgElement(
        'rect',
        {
          x: availableEnd,
          y: top,
          width: reservedEnd - availableEnd,
          height: bands.bandwidth,
          fill: PALETTE.reserved,
        },
        [svgTitle(`${name}: ${row.reserved} reserved`)],
      ),
      svgText(reservedEnd + 6, middle + 4, `${formatTick(row.onHand)} on hand`, {
        class: 'value-label',
      }),
    );
    MARKERS.forEach((marker, column) => {
      const value = row[marker.key];
      parts.push(
        badge(
          markersLeft + MARKER_COLUMN * (column + 0.5),
          middle,
          value,
          marker.color,
          `${name}: ${value} SKUs ${marker.noun}`,
        ),
      );
    });
  });
  return chartSvg(WIDTH, height, 'Stock health by warehouse', parts);
}
