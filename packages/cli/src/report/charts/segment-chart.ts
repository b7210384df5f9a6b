import { chartSection } from '../html/chart-section.js';
import { escapeHtml } from '../html/escape-html.js';
import { formatNumber } from '../html/format-number.js';
import { legend } from '../html/legend.js';
import { categoryColor, mixColor, PALETTE } from '../html/palette.js';
import type { PlatformDayReport } from '../model.js';
import { bottomAxis } from '../svg/axes.js';
import { chartSvg, emptyChart } from '../svg/chart-svg.js';
import { fitLabel, labelWidth } from '../svg/label-width.js';
import { linearScale } from '../svg/linear-scale.js';
import { niceTicks } from '../svg/nice-ticks.js';
import { svgElement, svgText, svgTitle } from '../svg/svg-element.js';
import { segmentOrder } from './segment-order.js';

const SIZE_WIDTH = 480;
const ROW = 30;
const CELL = 46;

/**
 * The segments section: customers per segment as bars, and a from/to matrix of the customers
 * who moved between segments since the previous period (rows: where they were, columns: where
 * they are; darker is more).
 *
 * @param segments - the model's `segments`
 * @example
 * segmentChart(model.segments) // '<section class="card" data-chart="segments" …'
 */
export function segmentChart(segments: PlatformDayReport['segments']): string {
  const order = segmentOrder(segments);
  const moved = segments.movements.reduce(
    (sum, move) => sum + (move.from === move.to ? 0 : move.customers),
    0,
  );
  const body =
    order.length === 0
      ? emptyChart('No customer segments in this report.')
      : `<div class="grid-2">${figure('Customers per segment', sizesSvg(segments, order))}${figure(
          `Movements since the previous period (${formatNumber(moved)} customers)`,
          movementSvg(segments, order),
        )}</div>${legend([
          { label: 'Fewer customers moved', color: mixColor(PALETTE.matrixLow, PALETTE.matrixHigh, 0.15) },
          { label: 'More customers moved', color: PALETTE.matrixHigh },
        ])}`;
  return chartSection({
    name: 'segments',
    title: 'Customer segments',
    description:
      'How many business customers sit in each segment, and who moved from one segment to another.',
    body,
  });
}

function figure(caption: string, svg: string): string {
  return `<figure class="mini"><figcaption><strong>${escapeHtml(caption)}</strong></figcaption>${svg}</figure>`;
}

function sizesSvg(segments: PlatformDayReport['segments'], order: readonly string[]): string {
  const sizes = new Map(segments.sizes.map((size) => [size.segment, size.customers]));
  const rows = order.filter((segment) => sizes.has(segment));
  if (rows.length === 0) return emptyChart('No segment sizes.', SIZE_WIDTH);
  const left = Math.min(170, Math.max(80, ...rows.map((segment) => labelWidth(segment) + 18)));
  const right = SIZE_WIDTH - 64;
  const top = 8;
  const height = top + rows.length * ROW + 42;
  const bottom = height - 42;
  const ticks = niceTicks(0, Math.max(0, ...rows.map((segment) => sizes.get(segment)!)), 4);
  const x = linearScale([0, ticks.max], [left, right]);
  const parts = [bottomAxis({ scale: x, ticks, title: 'customers' }, bottom, top)];
  rows.forEach((segment, index) => {
    const customers = sizes.get(segment)!;
    const y = top + index * ROW + 6;
    parts.push(
      svgText(left - 10, y + 13, fitLabel(segment, left - 16), { class: 'row-label', 'text-anchor': 'end' }),
      svgElement(
        'rect',
        {
          x: left,
          y,
          width: x(customers) - left,
          height: ROW - 12,
          rx: 2,
          fill: categoryColor(order.indexOf(segment)),
        },
        [svgTitle(`${segment}: ${formatNumber(customers)} customers`)],
      ),
      svgText(x(customers) + 6, y + 13, formatNumber(customers), { class: 'value-label' }),
    );
  });
  return chartSvg(SIZE_WIDTH, height, 'Customers per segment', parts);
}

function movementSvg(segments: PlatformDayReport['segments'], order: readonly string[]): string {
  const moves = segments.movements.filter((move) => move.from !== move.to && move.customers > 0);
  if (moves.length === 0) return emptyChart('No customer changed segment.', SIZE_WIDTH);
  const counts = new Map<string, number>();
  for (const move of moves) {
    const key = JSON.stringify([move.from, move.to]);
    counts.set(key, (counts.get(key) ?? 0) + move.customers);
  }
  const max = Math.max(...counts.values());
  const left = Math.min(150, Math.max(70, ...order.map((segment) => labelWidth(segment) + 16)));
  // Column heads are turned 40° up to the right: room above for their height, at the right for their reach.
  const longest = Math.min(150, Math.max(...order.map((segment) => labelWidth(segment))));
  const top = Math.max(40, longest * 0.64 + 16);
  const width = Math.max(SIZE_WIDTH, left + order.length * CELL + longest * 0.77);
  const height = top + order.length * CELL + 12;
  const parts: string[] = [
    svgText(left - 8, top - 8, 'from ↓ to →', { class: 'axis-title', 'text-anchor': 'end' }),
  ];
  order.forEach((segment, column) => {
    const cx = left + column * CELL + CELL / 2;
    parts.push(
      svgText(cx, top - 8, fitLabel(segment, 150), {
        class: 'column-head',
        transform: `rotate(-40 ${Math.round(cx)} ${Math.round(top - 8)})`,
      }),
    );
  });
  order.forEach((from, row) => {
    const y = top + row * CELL;
    parts.push(
      svgText(left - 8, y + CELL / 2 + 4, fitLabel(from, left - 14), {
        class: 'row-label',
        'text-anchor': 'end',
      }),
    );
    order.forEach((to, column) => {
      const x = left + column * CELL;
      if (from === to) {
        parts.push(
          svgElement('rect', {
            x: x + 1,
            y: y + 1,
            width: CELL - 2,
            height: CELL - 2,
            rx: 3,
            class: 'cell-same',
          }),
        );
        return;
      }
      const value = counts.get(JSON.stringify([from, to])) ?? 0;
      const t = value > 0 ? 0.15 + 0.85 * Math.sqrt(value / max) : 0;
      parts.push(
        svgElement(
          'rect',
          {
            x: x + 1,
            y: y + 1,
            width: CELL - 2,
            height: CELL - 2,
            rx: 3,
            fill: value > 0 ? mixColor(PALETTE.matrixLow, PALETTE.matrixHigh, t) : '#f9fafb',
            class: 'cell',
          },
          [svgTitle(`${from} → ${to}: ${formatNumber(value)} customers`)],
        ),
      );
      if (value > 0) {
        parts.push(
          svgText(x + CELL / 2, y + CELL / 2 + 4, formatNumber(value), {
            class: t > 0.55 ? 'cell-text cell-text-light' : 'cell-text',
            'text-anchor': 'middle',
          }),
        );
      }
    });
  });
  return chartSvg(width, height, 'Customer movements between segments', parts);
}
