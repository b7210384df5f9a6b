import type { TemplateParams } from '../compile.js';
import type { TemplateApply } from '../context.js';
import { amountOffDiscount } from './amount-off.js';
import { bundleDiscount } from './bundle.js';
import { buyGetDiscount } from './buy-get.js';
import { fixedPriceDiscount } from './fixed-price.js';
import { flashSaleDiscount } from './flash-sale.js';
import { freeShippingDiscount } from './free-shipping.js';
import { percentOffDiscount } from './percent-off.js';
import { thresholdDiscount } from './threshold.js';

/**
 * The computation of each template, by type.
 *
 * @example
 * TEMPLATES['threshold'](promotion, ctx, state, lines)
 */
export const TEMPLATES: Readonly<Record<TemplateParams['type'], TemplateApply>> = Object.freeze({
  threshold: thresholdDiscount,
  'percent-off': percentOffDiscount,
  'amount-off': amountOffDiscount,
  'fixed-price': fixedPriceDiscount,
  'flash-sale': flashSaleDiscount,
  'buy-get': buyGetDiscount,
  bundle: bundleDiscount,
  'free-shipping': freeShippingDiscount,
});
