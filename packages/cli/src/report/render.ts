import { parseInput } from '@s2b2b/core';
import { REPORT_CHARTS, type ReportChartName } from './charts/chart-names.js';
import { forecastChart } from './charts/forecast-chart.js';
import { routeChart } from './charts/route-chart.js';
import { savingsChart } from './charts/savings-chart.js';
import { segmentChart } from './charts/segment-chart.js';
import { slaChart } from './charts/sla-chart.js';
import { stockChart } from './charts/stock-chart.js';
import { transferChart } from './charts/transfer-chart.js';
import { escapeHtml } from './html/escape-html.js';
import { headlineCards } from './html/headline-cards.js';
import { reportDocument } from './html/report-document.js';
import type { PlatformDayReport } from './model.js';
import { platformDayReportSchema } from './report-schema.js';

const CHART_TITLES: Readonly<Record<ReportChartName, string>> = {
  forecast: 'Forecasts',
  stock: 'Stock',
  transfers: 'Transfers',
  routes: 'Routes',
  savings: 'Savings',
  segments: 'Segments',
  sla: 'SLA',
};

/**
 * The platform-day report as one self-contained HTML file: headline cards, then the charts named
 * in `REPORT_CHARTS` (forecast vs actual with intervals, stock health, transfer flows on a map,
 * route maps, savings per merchant, segments and their movements, SLA clocks and compliance),
 * each an inline SVG in an element with `data-chart="<name>"`. Nothing is fetched at view time:
 * no scripts, fonts or images, the styles inlined, a content security policy that blocks every
 * request; every text of the model is escaped. Sections without data show a "nothing to show"
 * note. The same model gives the same bytes.
 *
 * @param model - the day's report data (see `PlatformDayReport`)
 * @returns the HTML document
 * @throws ValidationError naming the field (under `model`) when the model is malformed: a number
 *   that is not finite, a negative count, money that is not `{ amount, currency }` or mixes
 *   currencies within transfers or savings, forecast arrays of the wrong length, a transfer
 *   between unknown warehouses
 * @example
 * const html = renderReport(model);
 * html.includes('data-chart="routes"') // true
 */
export function renderReport(model: PlatformDayReport): string {
  const report = parseInput(platformDayReportSchema, model, 'model');
  const meta = [
    ['Day', report.day],
    ['Seed', String(report.seed)],
    ['Scale', report.scale],
    ['Storage', report.storage],
  ]
    .map(([label, value]) => `<li>${escapeHtml(label!)} <b>${escapeHtml(value!)}</b></li>`)
    .join('');
  const toc = REPORT_CHARTS.map((name) => `<a href="#chart-${name}">${CHART_TITLES[name]}</a>`).join('');
  const charts: Record<ReportChartName, string> = {
    forecast: forecastChart(report.forecast),
    stock: stockChart(report.stock),
    transfers: transferChart(report.transfers),
    routes: routeChart(report.routes),
    savings: savingsChart(report.savings),
    segments: segmentChart(report.segments),
    sla: slaChart(report.sla),
  };
  const body = [
    '<main>',
    `<header class="page"><div><h1>${escapeHtml(report.title)}</h1><ul class="meta">${meta}</ul></div></header>`,
    `<nav class="toc" aria-label="Sections">${toc}</nav>`,
    headlineCards(report.headlines),
    ...REPORT_CHARTS.map((name) => charts[name]),
    `<footer class="page">S2B2B Kit · platform day ${escapeHtml(report.day)} · seed ${escapeHtml(String(report.seed))} · a self-contained file: it loads nothing from the network.</footer>`,
    '</main>',
  ].join('\n');
  return reportDocument(`${report.title} · ${report.day}`, body);
}
