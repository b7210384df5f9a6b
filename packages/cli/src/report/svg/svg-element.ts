import { escapeHtml } from '../html/escape-html.js';
import { svgNumber } from './svg-number.js';

/** Attribute values of an element: numbers are written with `svgNumber`, strings escaped, `undefined` left out. */
export type SvgAttributes = Readonly<Record<string, string | number | undefined>>;

/**
 * One SVG (or HTML) element as markup. Attribute values are escaped and numbers checked finite;
 * `content` is markup already built (other elements, or text passed through `escapeHtml`).
 * Without content the element is self-closing.
 *
 * @param tag - the element's name
 * @param attributes - its attributes
 * @param content - its children, already markup
 * @throws ValidationError naming the attribute when a number is not finite
 * @example
 * svgElement('rect', { x: 1, y: 2.5, width: 10, height: 4, fill: '#2563eb' })
 * // '<rect x="1" y="2.5" width="10" height="4" fill="#2563eb"/>'
 */
export function svgElement(
  tag: string,
  attributes: SvgAttributes,
  content?: string | readonly string[],
): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(
      ([name, value]) =>
        ` ${name}="${typeof value === 'number' ? svgNumber(value, name) : escapeHtml(value)}"`,
    )
    .join('');
  if (content === undefined) return `<${tag}${attrs}/>`;
  const inner = typeof content === 'string' ? content : content.join('');
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

/**
 * A `<text>` element whose text is escaped.
 *
 * @param x - anchor x
 * @param y - baseline y
 * @param text - plain text
 * @param attributes - more attributes (`text-anchor`, `class`, …)
 * @example
 * svgText(10, 20, 'A & B', { 'text-anchor': 'end' }) // '<text x="10" y="20" text-anchor="end">A &amp; B</text>'
 */
export function svgText(x: number, y: number, text: string, attributes: SvgAttributes = {}): string {
  return svgElement('text', { x, y, ...attributes }, escapeHtml(text));
}

/**
 * A `<title>` child: the tooltip a browser shows on hover, escaped.
 *
 * @param text - plain text
 * @example
 * svgTitle('Shanghai → Wuhan: 240 units') // '<title>Shanghai → Wuhan: 240 units</title>'
 */
export function svgTitle(text: string): string {
  return `<title>${escapeHtml(text)}</title>`;
}
