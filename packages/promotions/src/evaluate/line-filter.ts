import type { z } from 'zod';
import type { lineFilterSchema } from '../promotion/schemas.js';

/**
 * A line filter with its lists as sets; `null` for a field that matches every line.
 *
 * @example
 * const filter: CompiledLineFilter = compileLineFilter({ categories: ['tea'] });
 */
export interface CompiledLineFilter {
  skus: ReadonlySet<string> | null;
  excludeSkus: ReadonlySet<string> | null;
  categories: ReadonlySet<string> | null;
  excludeCategories: ReadonlySet<string> | null;
  merchants: ReadonlySet<string> | null;
}

/**
 * What a filter looks at on a line.
 *
 * @example
 * const line: FilterableLine = { sku: 'TEA', categories: ['tea'], merchantId: 'm-1' };
 */
export interface FilterableLine {
  sku: string;
  categories: readonly string[];
  merchantId?: string | undefined;
}

const toSet = (values: readonly string[] | undefined) => (values === undefined ? null : new Set(values));

/**
 * Compiles a line filter (`skus`, `excludeSkus`, `categories`, `excludeCategories`, `merchants`).
 *
 * @example
 * lineMatches(compileLineFilter({ skus: ['TEA'] }), { sku: 'TEA', categories: [] }) // true
 */
export function compileLineFilter(filter: z.output<typeof lineFilterSchema>): CompiledLineFilter {
  return {
    skus: toSet(filter.skus),
    excludeSkus: toSet(filter.excludeSkus),
    categories: toSet(filter.categories),
    excludeCategories: toSet(filter.excludeCategories),
    merchants: toSet(filter.merchants),
  };
}

/**
 * Whether a line passes a filter: its SKU listed (when `skus` is set), one of its categories
 * listed (when `categories` is set), its merchant listed (when `merchants` is set), and neither
 * its SKU nor any of its categories excluded.
 *
 * @example
 * lineMatches(compileLineFilter({ categories: ['tea'], excludeSkus: ['GIFT'] }), { sku: 'GIFT', categories: ['tea'] }) // false
 */
export function lineMatches(filter: CompiledLineFilter, line: FilterableLine): boolean {
  if (filter.skus && !filter.skus.has(line.sku)) return false;
  if (filter.excludeSkus?.has(line.sku)) return false;
  if (filter.merchants && (line.merchantId === undefined || !filter.merchants.has(line.merchantId)))
    return false;
  if (filter.categories && !line.categories.some((category) => filter.categories!.has(category)))
    return false;
  if (filter.excludeCategories && line.categories.some((category) => filter.excludeCategories!.has(category)))
    return false;
  return true;
}
