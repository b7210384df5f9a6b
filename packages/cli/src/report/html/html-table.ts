import { escapeHtml } from './escape-html.js';

/** One column of an HTML table: its header and whether its cells are numbers (right-aligned). */
export interface HtmlColumn {
  header: string;
  numeric?: boolean;
}

/**
 * A small HTML table with escaped text; numeric columns are right-aligned in tabular figures.
 * A cell may be `{ html }` for markup built by the report itself (a colour key).
 *
 * @param columns - headers and alignment
 * @param rows - cell texts, one array per row
 * @param footer - an optional last row in bold (a total)
 * @example
 * htmlTable([{ header: 'Model' }, { header: 'MASE', numeric: true }], [['auto', '0.84']])
 */
export function htmlTable(
  columns: readonly HtmlColumn[],
  rows: readonly (readonly (string | { html: string })[])[],
  footer?: readonly string[],
): string {
  const cell = (tag: 'td' | 'th', value: string | { html: string }, index: number) => {
    const numeric = columns[index]?.numeric ? ' class="num"' : '';
    const content = typeof value === 'string' ? escapeHtml(value) : value.html;
    return `<${tag}${numeric}>${content}</${tag}>`;
  };
  const head = `<thead><tr>${columns.map((column, index) => cell('th', column.header, index)).join('')}</tr></thead>`;
  const body = `<tbody>${rows.map((row) => `<tr>${row.map((value, index) => cell('td', value, index)).join('')}</tr>`).join('')}</tbody>`;
  const foot = footer
    ? `<tfoot><tr>${footer.map((value, index) => cell('td', value, index)).join('')}</tr></tfoot>`
    : '';
  return `<table class="data">${head}${body}${foot}</table>`;
}
