/**
 * The `data-chart` names of the report's charts, in page order. Each is an element holding at
 * least one `<svg>`: a test can check that all of them are there and drawn.
 *
 * @example
 * REPORT_CHARTS.includes('routes') // true
 */
export const REPORT_CHARTS = [
  'forecast',
  'stock',
  'transfers',
  'routes',
  'savings',
  'segments',
  'sla',
] as const;

/**
 * The name of one of the report's charts.
 *
 * @example
 * const name: ReportChartName = 'sla';
 */
export type ReportChartName = (typeof REPORT_CHARTS)[number];
