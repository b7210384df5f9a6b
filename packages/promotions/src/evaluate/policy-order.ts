import type { StackingPolicy } from '../cart/schemas.js';
import { compareCodePoints } from './compare-ids.js';
import { type CompiledPromotion, STAGES } from './compile.js';

/**
 * The application order of the stacking policy: by stage (price, item, order, shipping), then
 * priority (higher first), then — with `order: 'percent-before-fixed'` (default) — rates before
 * amounts and prices (`'fixed-before-percent'` the other way round, `'priority'` neither), then
 * id (code-point order), so the order never depends on how the list was written.
 *
 * @example
 * candidates.sort(policyOrder(policy))
 */
export function policyOrder(policy: Pick<StackingPolicy, 'order'>) {
  return (a: CompiledPromotion, b: CompiledPromotion): number => {
    const stage = STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage);
    if (stage !== 0) return stage;
    if (a.priority !== b.priority) return b.priority - a.priority;
    if (policy.order !== 'priority' && a.rate !== b.rate) {
      const rateFirst = policy.order === 'percent-before-fixed';
      return a.rate === rateFirst ? -1 : 1;
    }
    const byId = compareCodePoints(a.id, b.id);
    if (byId !== 0) return byId;
    return a.index - b.index;
  };
}
