import type { DemandLine } from '../award/schemas.js';
import { compareCodePoints } from '../common/compare.js';
import { MAX_QUANTITY } from '../common/schemas.js';
import type { RequestItem, RoundDefinition } from '../store.js';
import { procurementError } from './errors.js';

/**
 * The demand lines of a request's items in a round: bundles expanded into their components,
 * equal SKUs merged, sorted by SKU (code points).
 *
 * @throws DomainError `UNKNOWN_SKU`, `UNKNOWN_BUNDLE` (details name the item), `QUANTITY_TOO_LARGE`
 * @example
 * expandItems([{ sku: 'TEA', quantity: 2 }, { bundleId: 'SET', quantity: 3 }], round)
 * // SET = 1 TEA + 2 CUP: [{ sku: 'CUP', quantity: 6 }, { sku: 'TEA', quantity: 5 }]
 */
export function expandItems(
  items: readonly RequestItem[],
  round: Pick<RoundDefinition, 'roundId' | 'skus' | 'bundles'>,
): DemandLine[] {
  const skus = new Set(round.skus.map((sku) => sku.sku));
  const bundles = new Map(round.bundles.map((bundle) => [bundle.bundleId, bundle]));
  const units = new Map<string, number>();
  const add = (sku: string, quantity: number) => {
    const total = (units.get(sku) ?? 0) + quantity;
    if (total > MAX_QUANTITY) {
      throw procurementError(
        'QUANTITY_TOO_LARGE',
        `The request asks ${total} of ${sku}, above ${MAX_QUANTITY}`,
        {
          sku,
          quantity: total,
          max: MAX_QUANTITY,
        },
      );
    }
    units.set(sku, total);
  };
  items.forEach((item, index) => {
    if ('sku' in item) {
      if (!skus.has(item.sku)) {
        throw procurementError(
          'UNKNOWN_SKU',
          `Round ${JSON.stringify(round.roundId)} does not pool ${JSON.stringify(item.sku)}`,
          {
            roundId: round.roundId,
            sku: item.sku,
            item: index,
          },
        );
      }
      add(item.sku, item.quantity);
      return;
    }
    const bundle = bundles.get(item.bundleId);
    if (!bundle) {
      throw procurementError(
        'UNKNOWN_BUNDLE',
        `Round ${JSON.stringify(round.roundId)} offers no bundle ${JSON.stringify(item.bundleId)}`,
        { roundId: round.roundId, bundleId: item.bundleId, item: index },
      );
    }
    for (const component of bundle.components) add(component.sku, component.quantity * item.quantity);
  });
  return [...units].sort(([a], [b]) => compareCodePoints(a, b)).map(([sku, quantity]) => ({ sku, quantity }));
}
