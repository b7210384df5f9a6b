import { roundDecimal, toDecimal } from '@s2b2b/core';
import type { DrawBasis, DrawProduct } from '../lines/drawing.js';
import type { LineTerms } from '../lines/line.js';
import { fromMinor, toMinor } from './context.js';
import { advanceExceededError, nothingToDrawError } from './errors.js';

/**
 * What a draw asks for, by product (amounts as decimal strings in the line's currency, rates as
 * decimal strings; a missing rate is the line's).
 *
 * @example
 * const request: DrawRequest = { product: 'receivables', invoiceAmount: '10000.00', advanceRate: '0.9', discountRate: '0.03' };
 */
export type DrawRequest =
  | { product: 'purchase'; amount: string }
  | { product: 'order'; orderValue: string; advanceRate?: string | undefined; amount?: string | undefined }
  | {
      product: 'receivables';
      invoiceAmount: string;
      advanceRate?: string | undefined;
      discountRate?: string | undefined;
    };

/**
 * A draw priced: principal to pay out, fee charged with it, invoice face value assigned (all
 * whole minor units), what it was priced from, and its interest rate.
 *
 * @example
 * const priced: PricedDraw = { product: 'receivables', principal: 900_000, fee: 30_000, invoice: 1_000_000, basis: { invoiceAmount: 1_000_000, advanceRate: '0.9', discountRate: '0.03' }, annualRate: '0' };
 */
export interface PricedDraw {
  product: DrawProduct;
  principal: number;
  fee: number;
  invoice: number;
  basis: DrawBasis;
  annualRate: string;
}

/**
 * Prices a draw under a line's terms, in minor units of `currency`:
 *
 * - purchase loan (采购贷): the amount, at the line's rate;
 * - order loan (订单贷): at most ⌊orderValue × advanceRate⌋ (rounded down, never past the rate);
 *   the amount asked for, or that maximum; at the line's rate;
 * - receivables financing (供应链金融): ⌊invoice × advanceRate⌋ paid out, and a discount fee of
 *   invoice × discountRate rounded half-even, at the line's receivables rate (default 0). The
 *   factoring example — a 10,000.00 invoice, 90 % advance, 3 % fee — pays 9,000.00 now with a
 *   300.00 fee due, so when the debtor pays the 10,000.00 the merchant is left 700.00 of credit.
 *
 * @throws ValidationError on an amount not in whole minor units; DomainError `ADVANCE_EXCEEDED`,
 *   `NOTHING_TO_DRAW`
 * @example
 * priceDraw('L-1', { product: 'order', orderValue: '8000.00' }, terms, 'CNY').principal // 560000 (70 %)
 */
export function priceDraw(
  lineId: string,
  request: DrawRequest,
  terms: LineTerms,
  currency: string,
): PricedDraw {
  if (request.product === 'purchase') {
    return {
      product: 'purchase',
      principal: toMinor(request.amount, currency),
      fee: 0,
      invoice: 0,
      basis: {},
      annualRate: terms.annualRate,
    };
  }
  if (request.product === 'order') {
    const orderValue = toMinor(request.orderValue, currency, 'orderValue');
    const advanceRate = request.advanceRate ?? terms.orderAdvanceRate;
    const advance = share(orderValue, advanceRate, 'down');
    const asked = request.amount === undefined ? advance : toMinor(request.amount, currency);
    if (asked > advance) {
      throw advanceExceededError(lineId, fromMinor(asked, currency), fromMinor(advance, currency));
    }
    if (asked === 0) throw nothingToDrawError(lineId);
    return {
      product: 'order',
      principal: asked,
      fee: 0,
      invoice: 0,
      basis: { orderValue, advanceRate },
      annualRate: terms.annualRate,
    };
  }
  const invoice = toMinor(request.invoiceAmount, currency, 'invoiceAmount');
  const advanceRate = request.advanceRate ?? terms.receivablesAdvanceRate;
  const discountRate = request.discountRate ?? terms.receivablesDiscountRate;
  const principal = share(invoice, advanceRate, 'down');
  if (principal === 0) throw nothingToDrawError(lineId);
  return {
    product: 'receivables',
    principal,
    fee: share(invoice, discountRate, 'half-even'),
    invoice,
    basis: { invoiceAmount: invoice, advanceRate, discountRate },
    annualRate: terms.receivablesAnnualRate,
  };
}

/** `minor × rate` rounded to a whole minor unit. */
function share(minor: number, rate: string, rounding: 'down' | 'half-even'): number {
  return roundDecimal(toDecimal(minor).times(toDecimal(rate)), 0, rounding).toNumber();
}
