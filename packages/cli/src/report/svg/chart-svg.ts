import { svgElement, svgText } from './svg-element.js';

/**
 * The `<svg>` of one chart: a view box of `width` × `height` that scales to the width of its
 * container, with an accessible name.
 *
 * @param width - view box width
 * @param height - view box height
 * @param label - what the chart shows, for screen readers
 * @param content - the chart's markup
 * @example
 * chartSvg(400, 200, 'Stock by warehouse', '<rect width="10" height="10"/>')
 */
export function chartSvg(
  width: number,
  height: number,
  label: string,
  content: string | readonly string[],
): string {
  return svgElement(
    'svg',
    {
      class: 'chart-svg',
      viewBox: `0 0 ${Math.round(width)} ${Math.round(height)}`,
      role: 'img',
      'aria-label': label,
    },
    content,
  );
}

/**
 * The chart drawn when there is no data: a dashed frame with a note in the middle, so the chart's
 * place and name stay and the reader sees why it is blank.
 *
 * @param message - e.g. 'No transfers were planned today'
 * @param width - view box width, default 640
 * @example
 * emptyChart('No SLA clocks ran today')
 */
export function emptyChart(message: string, width = 640): string {
  const height = 96;
  return svgElement(
    'svg',
    { class: 'chart-svg chart-empty', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': message },
    [
      svgElement('rect', { x: 1, y: 1, width: width - 2, height: height - 2, rx: 8, class: 'empty-frame' }),
      svgText(width / 2, height / 2 + 5, message, { class: 'empty-note', 'text-anchor': 'middle' }),
    ],
  );
}
