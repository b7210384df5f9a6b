import { displayWidth, padToWidth, stripAnsi, truncateToWidth } from './text-width.js';

/** A cell value: numbers and bigints are printed as they are and right-aligned. */
export type TableCell = string | number | bigint | boolean | null | undefined;

/** One column of a table. */
export interface TableColumn {
  /** The row property the column shows. */
  key: string;
  /** The header text; default the key. */
  header?: string;
  /** Alignment; default right for numeric columns (every cell a number or an amount), left otherwise. */
  align?: 'left' | 'right';
  /** Cut longer cells to this many columns with `…`. */
  maxWidth?: number;
}

/** Options of `renderTable`. */
export interface TableOptions {
  /** Which columns, in which order; default the keys of the first row. */
  columns?: readonly (TableColumn | string)[];
  /** Text put before every line (e.g. an indent). Default `''`. */
  indent?: string;
  /** Spaces between columns. Default 2. */
  gap?: number;
  /** Print the header and the rule under it. Default true. */
  header?: boolean;
}

// A number or an amount as the kit formats it: -¥1,234.50, 166.67, 12%, 1.5e3, HK$12.00, 42 JPY.
const NUMERIC = /^[-+]?(?:[A-Z]{0,3}[$¥€£₩])?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?%?(?: [A-Z]{3})?$/;

/**
 * Renders rows as an aligned text table: a header, a rule, one line per row. Widths count
 * East Asian wide characters as two columns, so Chinese headers and names line up; numeric
 * columns (numbers, amounts like `¥166.67`, percentages) are right-aligned.
 *
 * @returns the lines, without trailing newlines
 * @example
 * renderTable([{ 商户: '华东食品', 动销率: '92%' }, { 商户: 'Acme', 动销率: '7%' }]).join('\n')
 * // 商户      动销率
 * // ────────  ──────
 * // 华东食品     92%
 * // Acme          7%
 */
export function renderTable(
  rows: readonly Record<string, TableCell>[],
  options: TableOptions = {},
): string[] {
  const indent = options.indent ?? '';
  const gap = ' '.repeat(options.gap ?? 2);
  const columns = (options.columns ?? Object.keys(rows[0] ?? {})).map((column) =>
    typeof column === 'string' ? { key: column } : column,
  );
  if (columns.length === 0) return [];
  const cells = rows.map((row) =>
    columns.map((column) => {
      const text = cellText(row[column.key]);
      return column.maxWidth === undefined ? text : truncateToWidth(text, column.maxWidth);
    }),
  );
  const headers = columns.map((column) => column.header ?? column.key);
  const aligns = columns.map((column, index) => column.align ?? guessAlign(rows, column.key, cells, index));
  const showHeader = options.header ?? true;
  const widths = columns.map((_, index) =>
    Math.max(
      showHeader ? displayWidth(headers[index]!) : 0,
      ...cells.map((row) => displayWidth(row[index]!)),
    ),
  );
  const line = (values: readonly string[]) =>
    (
      indent + values.map((value, index) => padToWidth(value, widths[index]!, aligns[index])).join(gap)
    ).trimEnd();
  const body = cells.map(line);
  return showHeader ? [line(headers), line(widths.map((width) => '─'.repeat(width))), ...body] : body;
}

function cellText(value: TableCell): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

function guessAlign(
  rows: readonly Record<string, TableCell>[],
  key: string,
  cells: readonly string[][],
  index: number,
): 'left' | 'right' {
  let numeric = 0;
  for (const [rowIndex, row] of rows.entries()) {
    const value = row[key];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'number' || typeof value === 'bigint') {
      numeric += 1;
      continue;
    }
    if (typeof value !== 'string' || !NUMERIC.test(stripAnsi(cells[rowIndex]![index]!))) return 'left';
    numeric += 1;
  }
  return numeric > 0 ? 'right' : 'left';
}
