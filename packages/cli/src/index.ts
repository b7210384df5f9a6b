/**
 * `@s2b2b/cli` — the `s2b2b` command: the demo, the platform day, the bundled examples and the
 * migration SQL. `runCli` runs it in-process, for tests and for hosts that embed it;
 * `runPlatformDay` simulates a day of a platform on a storage, `toReportModel` turns it into the
 * report's data, and `renderReport` and `writeReport` into one self-contained HTML report.
 *
 * @packageDocumentation
 */
export { toReportModel } from './day/report-model.js';
export {
  type PlatformDayChecks,
  type PlatformDayOptions,
  type PlatformDayResult,
  runPlatformDay,
} from './day/run-platform-day.js';
export { type CapturedIo, type CliIo, type CliStream, captureIo, processIo } from './io.js';
export { REPORT_CHARTS, type ReportChartName } from './report/charts/chart-names.js';
export type {
  PlatformDayReport,
  ReportForecastSeries,
  ReportHeadline,
  ReportMerchantSaving,
  ReportPlace,
  ReportSlaClock,
  ReportTransfer,
  ReportWarehouseRoutes,
  ReportWarehouseStock,
} from './report/model.js';
export { renderReport } from './report/render.js';
export { platformDayReportSchema, reportPlaceSchema } from './report/report-schema.js';
export { type WrittenReport, writeReport } from './report/write-report.js';
export { runCli } from './run-cli.js';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './usage-error.js';
export { CLI_VERSION } from './version.js';
