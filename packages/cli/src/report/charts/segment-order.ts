import type { PlatformDayReport } from '../model.js';

/**
 * The segments in the order the segment charts use: by size, largest first, then any segment
 * that only appears in the movements, by name.
 *
 * @param segments - the model's `segments`
 * @example
 * segmentOrder({ sizes: [{ segment: 'New', customers: 5 }, { segment: 'VIP', customers: 9 }], movements: [{ from: 'Lost', to: 'New', customers: 1 }] })
 * // ['VIP', 'New', 'Lost']
 */
export function segmentOrder(segments: PlatformDayReport['segments']): string[] {
  const bySize = [...segments.sizes]
    .sort((a, b) => b.customers - a.customers || a.segment.localeCompare(b.segment))
    .map((size) => size.segment);
  const known = new Set(bySize);
  const extra = [...new Set(segments.movements.flatMap((move) => [move.from, move.to]))]
    .filter((segment) => !known.has(segment))
    .sort((a, b) => a.localeCompare(b));
  return [...new Set(bySize), ...extra];
}
