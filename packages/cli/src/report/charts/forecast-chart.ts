import { chartSection } from '../html/chart-section.js';
import { escapeHtml } from '../html/escape-html.js';
import { htmlTable } from '../html/html-table.js';
import { legend } from '../html/legend.js';
import { PALETTE } from '../html/palette.js';
import { shownNote } from '../html/shown-note.js';
import type { PlatformDayReport, ReportForecastSeries } from '../model.js';
import { leftAxis } from '../svg/axes.js';
import { chartSvg, emptyChart } from '../svg/chart-svg.js';
import { labelIndices } from '../svg/index-labels.js';
import { fitLabel } from '../svg/label-width.js';
import { linearScale } from '../svg/linear-scale.js';
import { niceTicks } from '../svg/nice-ticks.js';
import { bandPath, linePath, type Point } from '../svg/paths.js';
import { svgElement, svgText, svgTitle } from '../svg/svg-element.js';

/** Most series drawn; the rest are counted in a note. */
const MAX_SERIES = 8;
const WIDTH = 520;
const HEIGHT = 230;
const MARGIN = { top: 26, right: 34, bottom: 30, left: 50 };

/**
 * The forecast section: one small chart per series (actuals as a dark line, the held-out actuals
 * as dots, the point forecast dashed in blue over its intervals, widest lightest) and the
 * accuracy table per model.
 *
 * @param forecast - the model's `forecast`
 * @example
 * forecastChart(model.forecast) // '<section class="card" data-chart="forecast" …'
 */
export function forecastChart(forecast: PlatformDayReport['forecast']): string {
  const shown = forecast.series.slice(0, MAX_SERIES);
  const levels = [
    ...new Set(forecast.series.flatMap((series) => series.intervals.map((band) => band.level))),
  ].sort((a, b) => b - a);
  const charts =
    shown.length === 0
      ? emptyChart('No forecast series in this report.')
      : `<div class="grid-2">${shown.map((series) => seriesFigure(series, levels)).join('')}</div>`;
  const keys = legend([
    { label: 'Actual demand', color: PALETTE.actual, shape: 'line' },
    { label: 'Held-out actual', color: PALETTE.actual, shape: 'dot' },
    { label: 'Forecast', color: PALETTE.forecast, shape: 'dashed' },
    ...levels.map((level) => ({ label: `${level} % interval`, color: bandColor(level, levels) })),
  ]);
  const accuracy =
    forecast.accuracy.length === 0
      ? ''
      : `<h3>Accuracy on the held-out weeks</h3><div class="narrow">${htmlTable(
          [
            { header: 'Model' },
            { header: 'Series', numeric: true },
            { header: 'sMAPE', numeric: true },
            { header: 'MASE', numeric: true },
          ],
          forecast.accuracy.map((row) => [
            row.model,
            String(row.series),
            `${row.smape.toFixed(1)} %`,
            row.mase.toFixed(2),
          ]),
        )}</div>`;
  return chartSection({
    name: 'forecast',
    title: 'Forecast vs actual',
    description:
      'Demand per SKU × region: history and the held-out actuals against the forecast made before them, with its prediction intervals.',
    body: `${shown.length > 0 ? keys : ''}${charts}${accuracy}`,
    note: shownNote(shown.length, forecast.series.length, 'first', 'series'),
  });
}

/** Light for the widest interval, darker for narrower ones. */
function bandColor(level: number, levels: readonly number[]): string {
  const rank = levels.indexOf(level);
  return rank <= 0 && levels.length > 1 ? PALETTE.band95 : PALETTE.band80;
}

function seriesFigure(series: ReportForecastSeries, levels: readonly number[]): string {
  const caption = `<figcaption><strong>${escapeHtml(series.key)}</strong> <span class="muted">· ${escapeHtml(series.model)}</span></figcaption>`;
  const count = series.periods.length;
  if (count === 0)
    return `<figure class="mini">${caption}${emptyChart('No periods in this series.', WIDTH)}</figure>`;
  const values = [
    ...series.actual,
    ...series.forecast,
    ...series.intervals.flatMap((band) => [...band.lower, ...band.upper]),
  ];
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 4);
  const plotLeft = MARGIN.left;
  const plotRight = WIDTH - MARGIN.right;
  const plotTop = MARGIN.top;
  const plotBottom = HEIGHT - MARGIN.bottom;
  const x = linearScale([0, Math.max(1, count - 1)], [plotLeft, plotRight]);
  const y = linearScale([ticks.min, ticks.max], [plotBottom, plotTop]);
  const start = Math.min(series.forecastStart, count);
  const horizon = (values: readonly number[]): Point[] =>
    values.map((value, index) => [x(start + index), y(value)]);
  const parts: string[] = [leftAxis({ scale: y, ticks, title: 'units' }, plotLeft, plotRight)];
  if (start < count) {
    const shadeLeft = start === 0 ? plotLeft : x(start - 0.5);
    parts.push(
      svgElement('rect', {
        x: shadeLeft,
        y: plotTop,
        width: plotRight - shadeLeft,
        height: plotBottom - plotTop,
        class: 'horizon',
      }),
      svgElement('line', { x1: shadeLeft, x2: shadeLeft, y1: plotTop - 4, y2: plotBottom, class: 'divider' }),
      svgText(shadeLeft + 4, plotTop - 8, 'forecast →', { class: 'tick' }),
    );
  }
  const bands = [...series.intervals].sort((a, b) => b.level - a.level);
  for (const band of bands) {
    parts.push(
      svgElement(
        'path',
        { d: bandPath(horizon(band.upper), horizon(band.lower)), fill: bandColor(band.level, levels) },
        [svgTitle(`${band.level} % interval`)],
      ),
    );
  }
  parts.push(
    svgElement('path', {
      d: linePath(series.actual.map((value, index) => [x(index), y(value)])),
      class: 'line',
      stroke: PALETTE.actual,
    }),
  );
  if (series.forecast.length > 0) {
    parts.push(
      svgElement('path', {
        d: linePath(horizon(series.forecast)),
        class: 'line dashed',
        stroke: PALETTE.forecast,
      }),
    );
  }
  for (let index = start; index < count; index += 1) {
    const forecastValue = series.forecast[index - start];
    parts.push(
      svgElement(
        'circle',
        { cx: x(index), cy: y(series.actual[index]!), r: 3, class: 'dot', fill: PALETTE.actual },
        [
          svgTitle(
            `${series.periods[index]}: actual ${series.actual[index]}${forecastValue === undefined ? '' : `, forecast ${round(forecastValue)}`}`,
          ),
        ],
      ),
    );
  }
  const labels = labelIndices(count, 6).map((index) =>
    svgText(x(index), plotBottom + 16, fitLabel(series.periods[index]!, 80, 11), {
      class: 'tick',
      'text-anchor': 'middle',
    }),
  );
  parts.push(svgElement('g', { class: 'axis axis-bottom' }, labels));
  return `<figure class="mini">${caption}${chartSvg(WIDTH, HEIGHT, `Forecast vs actual, ${series.key}`, parts)}</figure>`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}
