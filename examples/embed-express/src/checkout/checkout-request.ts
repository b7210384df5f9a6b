import { z } from 'zod';

const idSchema = z.string().min(1).max(64);

/**
 * The body of `POST /checkout`: who buys (the merchant, and the credit line the purchase loan
 * is drawn on), the warehouse that ships, the SKUs and quantities, and any coupon codes. Prices
 * come from the catalogue, never from the body.
 *
 * @example
 * checkoutRequestSchema.parse({ merchantId: 'M-1', creditLineId: 'L-1', warehouseId: 'WH-SH', lines: [{ sku: 'RICE-5KG', quantity: 2 }] })
 */
export const checkoutRequestSchema = z
  .object({
    merchantId: idSchema,
    creditLineId: idSchema,
    warehouseId: idSchema,
    lines: z
      .array(z.object({ sku: idSchema, quantity: z.int().min(1).max(100_000) }).strict())
      .min(1, 'Expected at least one line')
      .max(100, 'Expected at most 100 lines')
      .superRefine((lines, ctx) => {
        const seen = new Set<string>();
        lines.forEach((line, index) => {
          if (seen.has(line.sku))
            ctx.addIssue({ code: 'custom', message: 'Each SKU at most once', path: [index, 'sku'] });
          seen.add(line.sku);
        });
      }),
    couponCodes: z.array(z.string().trim().min(1).max(64)).max(5).default([]),
  })
  .strict();

/**
 * A checkout request after validation.
 *
 * @example
 * const request: CheckoutRequest = checkoutRequestSchema.parse(body);
 */
export type CheckoutRequest = z.output<typeof checkoutRequestSchema>;
