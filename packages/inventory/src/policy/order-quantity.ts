import { applyMoqAndPack, DomainError, parseInput, roundToPack } from '@s2b2b/core';
import { z } from 'zod';
import { type OrderRules, orderRulesSchema } from './schemas.js';

/**
 * An order quantity after pack, MOQ and maximum rules.
 *
 * @example
 * const q: RoundedOrder = { quantity: 48, requested: 40, packs: 4, adjustments: ['pack'] }
 */
export interface RoundedOrder {
  /** What to order. */
  quantity: number;
  /** What was asked before the rules. */
  requested: number;
  /** quantity / packSize, when there is a pack size. */
  packs?: number;
  /** Which rules changed the quantity, in the order applied: `pack`, `moq`, `max`. */
  adjustments: ('pack' | 'moq' | 'max')[];
}

/**
 * Rounds a needed quantity to what can be ordered: whole packs (`up` by default, through core's
 * `applyMoqAndPack`; `down` or `nearest` through `roundToPack`), at least the MOQ (itself rounded
 * up to a whole pack), and at most `max` (rounded down to a whole pack: the order is capped, not
 * refused). 0 stays 0. Throws `ValidationError` naming the field, and `DomainError`
 * `MOQ_ABOVE_MAXIMUM` when the smallest orderable quantity already exceeds `max`.
 *
 * @example
 * roundOrderQuantity(40, { packSize: 12 }) // { quantity: 48, packs: 4, adjustments: ['pack'] }
 * roundOrderQuantity(40, { packSize: 12, rounding: 'down' }) // { quantity: 36, packs: 3, ... }
 * roundOrderQuantity(7, { packSize: 6, moq: 15 }) // { quantity: 18, adjustments: ['pack', 'moq'] }
 * roundOrderQuantity(500, { packSize: 12, max: 240 }) // { quantity: 240, adjustments: ['pack', 'max'] }
 */
export function roundOrderQuantity(quantity: number, rules: OrderRules = {}): RoundedOrder {
  const q = parseInput(z.number().nonnegative(), quantity, 'quantity');
  return roundWithRules(q, parseInput(orderRulesSchema, rules, 'rules'));
}

/** `roundOrderQuantity` on parsed rules. Internal. */
export function roundWithRules(quantity: number, rules: z.output<typeof orderRulesSchema>): RoundedOrder {
  const { packSize, moq, max, rounding } = rules;
  const adjustments: RoundedOrder['adjustments'] = [];
  const result = (value: number): RoundedOrder => ({
    quantity: value,
    requested: quantity,
    ...(packSize === undefined ? {} : { packs: Math.round(value / packSize) }),
    adjustments,
  });
  if (quantity === 0) return result(0);
  let value = quantity;
  if (packSize !== undefined) {
    value =
      rounding === 'up' ? applyMoqAndPack(quantity, { packSize }) : roundToPack(quantity, packSize, rounding);
    if (value !== quantity) adjustments.push('pack');
  }
  const minimum = minimumOrder(packSize, moq);
  if (value < minimum) {
    value = minimum;
    adjustments.push('moq');
  }
  if (max !== undefined && value > max) {
    const capped = packSize === undefined ? max : roundToPack(max, packSize, 'down');
    if (capped < minimum || capped === 0) {
      throw new DomainError(
        'MOQ_ABOVE_MAXIMUM',
        `The smallest orderable quantity ${minimum} is above the maximum ${max}`,
        {
          minimum,
          max,
          ...(packSize === undefined ? {} : { packSize }),
          ...(moq === undefined ? {} : { moq }),
        },
      );
    }
    value = capped;
    adjustments.push('max');
  }
  return result(value);
}

/** The smallest quantity an order may have: the MOQ rounded up to a pack, or one pack. */
function minimumOrder(packSize: number | undefined, moq: number | undefined): number {
  if (packSize === undefined) return moq ?? 0;
  return applyMoqAndPack(moq ?? 0, { packSize, forceMinimum: true });
}
