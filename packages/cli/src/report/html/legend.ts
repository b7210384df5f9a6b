import { escapeHtml } from './escape-html.js';

/** One key of a legend: a colour and what it means, drawn as a box, a line, a dashed line or a dot. */
export interface LegendItem {
  label: string;
  color: string;
  shape?: 'box' | 'line' | 'dashed' | 'dot';
}

/**
 * A chart's legend as an HTML list of colour keys (not SVG, so it wraps with the page).
 *
 * @param items - the keys in reading order
 * @returns the markup, or an empty string for no keys
 * @example
 * legend([{ label: 'Actual', color: '#1f2937', shape: 'line' }, { label: '80 % interval', color: '#93b4f5' }])
 */
export function legend(items: readonly LegendItem[]): string {
  if (items.length === 0) return '';
  const keys = items.map((item) => {
    const shape = item.shape ?? 'box';
    const color = escapeHtml(item.color);
    const style = shape === 'line' || shape === 'dashed' ? `border-color:${color}` : `background:${color}`;
    return `<li><span class="key key-${shape}" style="${style}"></span>${escapeHtml(item.label)}</li>`;
  });
  return `<ul class="legend">${keys.join('')}</ul>`;
}
