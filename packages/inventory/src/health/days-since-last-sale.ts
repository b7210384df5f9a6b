import { ValidationError } from '@s2b2b/core';
import type { Instant } from './schemas.js';
import { instantMs, wholeDaysBetween } from './time.js';

/**
 * Whole UTC days from the last sale to `asOf` (floored: a sale 36 hours ago is 1 day ago), or
 * `null` when the item never sold. Throws `ValidationError` on `lastSaleAt` or `asOf` when
 * unparseable, and on `lastSaleAt` when it is after `asOf`.
 *
 * @example
 * daysSinceLastSale('2026-01-01T00:00:00Z', '2026-03-01T12:00:00Z') // 59
 * daysSinceLastSale(null, '2026-03-01') // null
 */
export function daysSinceLastSale(lastSaleAt: Instant | null, asOf: Instant): number | null {
  const asOfMs = instantMs(asOf, 'asOf');
  if (lastSaleAt === null) return null;
  const saleMs = instantMs(lastSaleAt, 'lastSaleAt');
  if (saleMs > asOfMs) {
    throw ValidationError.field('lastSaleAt', 'The last sale is after asOf', 'after_as_of');
  }
  return wholeDaysBetween(saleMs, asOfMs);
}
