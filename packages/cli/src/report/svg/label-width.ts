import { displayWidth, truncateToWidth } from '../../text-width.js';

/** Average advance of one display column of the report's sans-serif font, as a share of the font size. */
const COLUMN_EM = 0.58;

/**
 * About how many pixels a label takes at a font size: its display columns (CJK characters count
 * two) times an average advance. Good enough to size a chart's label margin.
 *
 * @param text - the label
 * @param fontSize - in pixels, default 12
 * @example
 * labelWidth('Shanghai', 12) // 55.68 (8 columns)
 * labelWidth('上海', 12) // 27.84 (4 columns)
 */
export function labelWidth(text: string, fontSize = 12): number {
  return displayWidth(text) * fontSize * COLUMN_EM;
}

/**
 * A label cut with `…` to fit about `pixels` at a font size.
 *
 * @param text - the label
 * @param pixels - room for it
 * @param fontSize - in pixels, default 12
 * @example
 * fitLabel('SKU-FRESH-001 × 华东 region', 80) // 'SKU-FRESH-…'
 */
export function fitLabel(text: string, pixels: number, fontSize = 12): string {
  return truncateToWidth(text, Math.max(1, Math.floor(pixels / (fontSize * COLUMN_EM))));
}
