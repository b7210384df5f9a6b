import { relative, resolve } from 'node:path';
import type { Command } from '../command.js';
import { toReportModel } from '../day/report-model.js';
import { writeReport } from '../report/write-report.js';
import { UsageError } from '../usage-error.js';
import { runDayFromFlags } from './run-day-from-flags.js';
import { SCALE_OPTION } from './scale-option.js';

/** Where `report` and `demo --report` write when no file is named. */
export const DEFAULT_REPORT_FILE = 's2b2b-report.html';

/**
 * `s2b2b report`: runs the platform day and writes it as one self-contained HTML file.
 *
 * @example
 * await runCli(['report', '--out', 'day.html', '--storage', 'memory'], io)
 */
export const reportCommand: Command = {
  name: 'report',
  synopsis: 'report',
  summary: 'Run the platform day and write it as one self-contained HTML report',
  usage: ['report [--out <file.html>] [--scale small|medium|large] [--storage ...] [--seed <n>] [--json]'],
  options: [
    {
      name: 'out',
      type: 'string',
      value: '<file>',
      description: `Where the HTML goes (default ${DEFAULT_REPORT_FILE})`,
    },
    SCALE_OPTION,
  ],
  globals: ['json', 'verbose', 'storage', 'data-dir', 'pg-url', 'schema', 'seed'],
  description: [
    'Runs the same day as "s2b2b day" and renders it: headline cards, forecast against the',
    'held-out actuals with 80 % and 95 % intervals, stock health by warehouse, transfer flows,',
    'route maps per warehouse, savings per merchant, segment sizes and movements, SLA clocks and',
    'breaches. One HTML file with inline SVG: nothing is fetched when it is opened.',
  ],
  examples: ['report', 'report --out out/day.html --storage memory', 'report --scale medium --seed 7'],
  async run(context) {
    const { io, options, args, out } = context;
    if (args.length > 0)
      throw new UsageError(`report takes no arguments (got "${args[0]}"); use --out <file>`);
    const file = typeof options.out === 'string' ? options.out : DEFAULT_REPORT_FILE;
    const { result } = await runDayFromFlags(context, 'S2B2B platform day report');
    const written = await writeReport(toReportModel(result), resolve(io.cwd, file));
    const shown = relative(io.cwd, written.path);
    out.line(
      `wrote ${shown.startsWith('..') ? written.path : shown} (${Math.round(written.bytes / 1024)} KB)`,
    );
    return {
      report: { path: written.path, bytes: written.bytes },
      headlines: result.headlines,
      checks: result.checks,
    };
  },
};
