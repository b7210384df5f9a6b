import { chartSection } from '../html/chart-section.js';
import { legend } from '../html/legend.js';
import { moneyText, moneyTickFormat, moneyValue } from '../html/money-text.js';
import { PALETTE } from '../html/palette.js';
import { shownNote } from '../html/shown-note.js';
import type { PlatformDayReport, ReportMerchantSaving } from '../model.js';
import { bottomAxis } from '../svg/axes.js';
import { chartSvg, emptyChart } from '../svg/chart-svg.js';
import { fitLabel, labelWidth } from '../svg/label-width.js';
import { linearScale } from '../svg/linear-scale.js';
import { niceTicks } from '../svg/nice-ticks.js';
import { svgElement, svgText, svgTitle } from '../svg/svg-element.js';

/** Most merchants drawn (the largest savings). */
const MAX_MERCHANTS = 20;
const WIDTH = 1000;
const ROW = 40;
const BAR = 13;
const TOP = 16;
const BOTTOM = 44;
const RIGHT = 200;

/**
 * The savings section: for each merchant, what buying alone would have cost (grey) against what
 * it pays in the pooled round (blue), sorted by the saving, which is written at the right with its
 * share of the stand-alone cost.
 *
 * @param savings - the model's `savings`
 * @example
 * savingsChart(model.savings) // '<section class="card" data-chart="savings" …'
 */
export function savingsChart(savings: PlatformDayReport['savings']): string {
  const rows = [...savings.merchants]
    .sort((a, b) => moneyValue(b.saves) - moneyValue(a.saves) || a.name.localeCompare(b.name))
    .slice(0, MAX_MERCHANTS);
  const body =
    rows.length === 0
      ? emptyChart('No merchant took part in a buying round today.')
      : `${legend([
          { label: 'Buying alone', color: PALETTE.alone },
          { label: 'Pays in the round', color: PALETTE.pays },
          { label: 'Saving', color: PALETTE.saves, shape: 'dot' },
        ])}${savingsSvg(rows, savings.total.currency)}`;
  return chartSection({
    name: 'savings',
    title: 'Procurement savings per merchant',
    description: `The day's buying round against each merchant buying alone: ${moneyText(savings.total)} saved in all (${(savings.rate * 100).toFixed(1)} %).`,
    body,
    note: shownNote(rows.length, savings.merchants.length, 'largest savings of', 'merchants'),
  });
}

function savingsSvg(rows: readonly ReportMerchantSaving[], currency: string): string {
  const left = Math.min(240, Math.max(100, ...rows.map((row) => labelWidth(row.name, 12) + 18)));
  const plotRight = WIDTH - RIGHT;
  const height = TOP + rows.length * ROW + BOTTOM;
  const plotBottom = height - BOTTOM;
  const values = rows.flatMap((row) => [moneyValue(row.alone), moneyValue(row.pays)]);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 5);
  const x = linearScale([ticks.min, ticks.max], [left, plotRight]);
  const zero = x(0);
  const parts: string[] = [
    bottomAxis(
      { scale: x, ticks, format: moneyTickFormat(currency, ticks.step), title: currency },
      plotBottom,
      TOP - 4,
    ),
  ];
  rows.forEach((row, index) => {
    const top = TOP + index * ROW + (ROW - 2 * BAR - 2) / 2;
    const middle = top + BAR + 1;
    const bar = (value: number, y: number, fill: string, title: string) =>
      svgElement(
        'rect',
        { x: Math.min(zero, x(value)), y, width: Math.abs(x(value) - zero), height: BAR, fill, rx: 2 },
        [svgTitle(title)],
      );
    const alone = moneyValue(row.alone);
    const share = alone > 0 ? ` · ${((moneyValue(row.saves) / alone) * 100).toFixed(1)} %` : '';
    parts.push(
      svgText(left - 10, middle + 4, fitLabel(row.name, left - 16), {
        class: 'row-label',
        'text-anchor': 'end',
      }),
      bar(alone, top, PALETTE.alone, `${row.name}: ${moneyText(row.alone)} buying alone`),
      bar(moneyValue(row.pays), top + BAR + 2, PALETTE.pays, `${row.name}: pays ${moneyText(row.pays)}`),
      svgText(plotRight + 14, middle + 4, `saves ${moneyText(row.saves)}${share}`, { class: 'saving-label' }),
    );
  });
  return chartSvg(WIDTH, height, 'Procurement savings per merchant', parts);
}
