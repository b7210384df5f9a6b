import { escapeHtml } from './escape-html.js';

/** What a chart's section holds. */
export interface ChartSectionOptions {
  /** The `data-chart` name (and the section's id, `chart-<name>`). */
  name: string;
  title: string;
  /** One sentence on how to read the chart. */
  description: string;
  /** The chart's SVG and any figures, legends or tables around it (markup). */
  body: string;
  /** A short note under the chart, e.g. 'Showing 20 of 312 cases'. */
  note?: string;
}

/**
 * One card of the report: a heading, a line on how to read it and the chart, in an element that
 * carries `data-chart="<name>"` so tests and readers can find it.
 *
 * @param options - name, title, description, body, note
 * @example
 * chartSection({ name: 'stock', title: 'Stock health', description: 'Units by warehouse.', body: '<svg></svg>' })
 */
export function chartSection(options: ChartSectionOptions): string {
  const name = escapeHtml(options.name);
  const note = options.note ? `<p class="note">${escapeHtml(options.note)}</p>` : '';
  return [
    `<section class="card" data-chart="${name}" id="chart-${name}">`,
    `<h2>${escapeHtml(options.title)}</h2>`,
    `<p class="lead">${escapeHtml(options.description)}</p>`,
    options.body,
    note,
    '</section>',
  ].join('');
}
