import type { CliIo } from './io.js';
import { renderTable, type TableCell, type TableOptions } from './table.js';
import { displayWidth, wrapText } from './text-width.js';

/**
 * What commands print through: headings, lines and tables on stdout for people, or nothing at
 * all under `--json` (the command then returns its data and `runCli` prints it as JSON).
 */
export interface Printer {
  /** True under `--json`: every printing method is a no-op. */
  readonly json: boolean;
  /** A section heading with a rule under it, after a blank line. */
  heading(text: string): void;
  /** A line of text (an empty line when no text). */
  line(text?: string): void;
  /** A dimmed line: hints and side notes. */
  note(text: string): void;
  /** Text wrapped to the terminal (at most 100 columns), optionally dimmed. */
  paragraph(text: string, options?: { dim?: boolean; indent?: string }): void;
  /** An aligned table (see `renderTable`), indented by two spaces. */
  table(rows: readonly Record<string, TableCell>[], options?: TableOptions): void;
  /** Bold text, when colour is on. */
  bold(text: string): string;
  /** Dim text, when colour is on. */
  dim(text: string): string;
  /** Green text, when colour is on. */
  good(text: string): string;
  /** Red text, when colour is on. */
  bad(text: string): string;
}

/**
 * Whether to colour stdout: on a terminal unless `NO_COLOR` is set or `FORCE_COLOR=0`;
 * `FORCE_COLOR=1` (or any value but 0) forces it on.
 *
 * @example
 * useColor({ stdout: process.stdout, env: process.env })
 */
export function useColor(io: Pick<CliIo, 'stdout' | 'env'>): boolean {
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true && io.env.TERM !== 'dumb';
}

/**
 * A printer on the io's stdout.
 *
 * @example
 * const out = createPrinter(io, { json: false });
 * out.heading('1. Money to the cent');
 */
export function createPrinter(io: CliIo, options: { json: boolean }): Printer {
  const { json } = options;
  const color = !json && useColor(io);
  const style = (open: number, close: number) => (text: string) =>
    color ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  const bold = style(1, 22);
  const dim = style(2, 22);
  const write = (text: string) => {
    if (!json) io.stdout.write(`${text}\n`);
  };
  return {
    json,
    heading(text) {
      write('');
      write(bold(text));
      write(dim('─'.repeat(displayWidth(text))));
    },
    line(text = '') {
      write(text);
    },
    note(text) {
      write(dim(text));
    },
    paragraph(text, paragraphOptions = {}) {
      const indent = paragraphOptions.indent ?? '';
      const columns = io.stdout.columns !== undefined && io.stdout.columns >= 40 ? io.stdout.columns : 100;
      for (const line of wrapText(text, Math.min(100, columns) - indent.length)) {
        write(indent + (paragraphOptions.dim ? dim(line) : line));
      }
    },
    table(rows, tableOptions) {
      for (const line of renderTable(rows, { indent: '  ', ...tableOptions })) write(line);
    },
    bold,
    dim,
    good: style(32, 39),
    bad: style(31, 39),
  };
}
