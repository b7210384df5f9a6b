import { allocate, DomainError, Money } from '@s2b2b/core';

/**
 * A case line as the refund sees it: what the line was sold at and the promotion discount it
 * received (as the promotions engine allocated it), how many units were refunded before, and
 * how many this case refunds. Amounts are decimal strings in `currency`.
 *
 * @example
 * const line: RefundLine = { lineId: 'L1', orderedQuantity: 10, unitPrice: '19.90', discount: '15.00', previouslyRefunded: 0, quantity: 3 };
 */
export interface RefundLine {
  lineId: string;
  orderedQuantity: number;
  unitPrice: string;
  /** The promotion discount the whole line received (all `orderedQuantity` units). */
  discount: string;
  /** Units refunded by earlier cases. */
  previouslyRefunded: number;
  /** Units this case refunds. */
  quantity: number;
}

/**
 * What one line refunds: the gross price of the units, the part of the line's promotion
 * discount they carried (reversed), and the net refund.
 *
 * @example
 * const { refund }: LineRefund = lineRefund(line, 'CNY');
 */
export interface LineRefund {
  lineId: string;
  quantity: number;
  gross: Money;
  discountReversed: Money;
  refund: Money;
}

/**
 * The code thrown when a line would refund more units than it has left.
 *
 * @example
 * isS2b2bError(error, REFUND_EXCEEDS_LINE)
 */
export const REFUND_EXCEEDS_LINE = 'REFUND_EXCEEDS_LINE';

/**
 * The refund of `quantity` units of a line, reversing exactly the promotion discount they
 * received. The line's total `round(unitPrice × orderedQuantity)` and its `discount` are each
 * split over the units cumulatively — what units 1..k carry is their largest-remainder share
 * of the line (core `allocate`) — and a refund takes the difference between "refunded after"
 * and "refunded before". So however a line is refunded, in one case or many, the refunds add
 * up to exactly what was paid for it, and the discount reversals to exactly its discount.
 *
 * @throws DomainError `REFUND_EXCEEDS_LINE` when `previouslyRefunded + quantity > orderedQuantity`
 * @example
 * // 3 of 10 units at 19.90 with 15.00 off the line: 59.70 gross, 4.50 reversed, 55.20 refunded.
 * lineRefund({ lineId: 'L1', orderedQuantity: 10, unitPrice: '19.90', discount: '15.00', previouslyRefunded: 0, quantity: 3 }, 'CNY')
 */
export function lineRefund(line: RefundLine, currency: string): LineRefund {
  const { orderedQuantity: total, previouslyRefunded: before, quantity } = line;
  if (before + quantity > total)
    throw new DomainError(
      REFUND_EXCEEDS_LINE,
      `Line ${line.lineId} has ${total - before} of ${total} units left to refund, not ${quantity}`,
      { lineId: line.lineId, orderedQuantity: total, previouslyRefunded: before, quantity },
    );
  const lineTotal = Money.of(line.unitPrice, currency).multiply(total, 'half-even');
  const discount = Money.of(line.discount, currency);
  const cumulative = (amount: Money, units: number) =>
    units === 0
      ? Money.zero(currency)
      : units === total
        ? amount
        : (allocate(amount, [units, total - units])[0] as Money);
  const gross = cumulative(lineTotal, before + quantity).subtract(cumulative(lineTotal, before));
  const discountReversed = cumulative(discount, before + quantity).subtract(cumulative(discount, before));
  return { lineId: line.lineId, quantity, gross, discountReversed, refund: gross.subtract(discountReversed) };
}
