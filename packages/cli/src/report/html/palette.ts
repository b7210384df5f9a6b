/**
 * The report's colours, one meaning each, used by every chart and legend so that a colour reads
 * the same everywhere (green is good, red is a breach, blue is the plan or forecast).
 *
 * @example
 * svgElement('rect', { fill: PALETTE.available, width: 10, height: 10 })
 */
export const PALETTE = {
  ink: '#1f2937',
  muted: '#6b7280',
  grid: '#e5e7eb',
  axis: '#9ca3af',
  background: '#ffffff',
  actual: '#1f2937',
  forecast: '#1d4ed8',
  band80: '#b3cbfa',
  band95: '#e2ebfd',
  available: '#0f9d8a',
  reserved: '#7c83e8',
  belowReorderPoint: '#f59e0b',
  slowMovers: '#a16ee0',
  stockout: '#dc2626',
  flow: '#2563eb',
  node: '#1f2937',
  alone: '#cbd5e1',
  pays: '#2563eb',
  saves: '#0f9d8a',
  met: '#16a34a',
  breached: '#dc2626',
  running: '#2563eb',
  paused: '#d97706',
  target: '#1f2937',
  matrixLow: '#eef2ff',
  matrixHigh: '#3730a3',
} as const;

/**
 * Colours for things with no meaning of their own (vehicles, segments): ten distinct hues that
 * read on white, repeated in order.
 *
 * @example
 * categoryColor(0) // '#2563eb'
 * categoryColor(10) // '#2563eb'
 */
export function categoryColor(index: number): string {
  const position = ((Math.trunc(index) % CATEGORY.length) + CATEGORY.length) % CATEGORY.length;
  return CATEGORY[Number.isFinite(position) ? position : 0]!;
}

const CATEGORY = [
  '#2563eb',
  '#ea580c',
  '#16a34a',
  '#db2777',
  '#7c3aed',
  '#0891b2',
  '#ca8a04',
  '#4b5563',
  '#dc2626',
  '#65a30d',
] as const;

/**
 * A colour between two `#rrggbb` colours: `t = 0` gives `from`, `t = 1` gives `to` (clamped).
 *
 * @param from - start colour
 * @param to - end colour
 * @param t - position from 0 to 1
 * @example
 * mixColor('#000000', '#ffffff', 0.5) // '#808080'
 */
export function mixColor(from: string, to: string, t: number): string {
  const amount = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const channel = (color: string, offset: number) => Number.parseInt(color.slice(1 + offset, 3 + offset), 16);
  const mixed = [0, 2, 4].map((offset) => {
    const value = Math.round(channel(from, offset) + (channel(to, offset) - channel(from, offset)) * amount);
    return value.toString(16).padStart(2, '0');
  });
  return `#${mixed.join('')}`;
}
