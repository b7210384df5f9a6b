import {
  CASE_PRIORITIES,
  CASE_REASONS,
  CASE_TYPES,
  type CaseResult,
  evidenceInputSchema,
} from '@s2b2b/aftersales';
import { DomainError, NotFoundError, parseInput } from '@s2b2b/core';
import { z } from 'zod';
import type { Shop } from '../shop.js';

/**
 * The body of `POST /orders/:id/cases`: the kind of case and which of the order's lines (and
 * how many units of each) it is about. Prices, discounts and the supplier come from the order.
 *
 * @example
 * openOrderCaseSchema.parse({ type: 'return', reason: 'quality-defect', lines: [{ lineId: 'L1', quantity: 1 }] })
 */
export const openOrderCaseSchema = z
  .object({
    type: z.enum(CASE_TYPES),
    reason: z.enum(CASE_REASONS),
    priority: z.enum(CASE_PRIORITIES).optional(),
    description: z.string().max(2_000).optional(),
    lines: z
      .array(z.object({ lineId: z.string().min(1).max(64), quantity: z.int().min(1).max(100_000) }).strict())
      .min(1)
      .max(100),
    evidence: z.array(evidenceInputSchema).max(20).default([]),
  })
  .strict();

/**
 * Opens an after-sales case about a placed order with `@s2b2b/aftersales`: each case line takes
 * the order line's SKU, quantity, unit price and the promotion discount it received (so a
 * refund reverses exactly that discount), and the case goes to the lines' supplier. Its SLA
 * clocks start on the China business calendar.
 *
 * @throws NotFoundError when no order has the id; DomainError `ORDER_CANCELLED`,
 *   `ORDER_LINE_NOT_FOUND`, `MIXED_SUPPLIERS` (one case per supplier)
 * @example
 * const { case: opened } = await openOrderCase(shop, 'case-7f3a', orderId, { type: 'return', reason: 'quality-defect', lines: [{ lineId: 'L1', quantity: 1 }] });
 */
export async function openOrderCase(
  shop: Shop,
  key: string,
  orderId: string,
  raw: unknown,
): Promise<CaseResult> {
  const request = parseInput(openOrderCaseSchema, raw);
  const order = await shop.orders.get(orderId);
  if (!order) throw new NotFoundError('order', orderId);
  if (order.status === 'cancelled') {
    throw new DomainError('ORDER_CANCELLED', `Order ${JSON.stringify(orderId)} was cancelled`, { orderId });
  }
  const lines = request.lines.map((wanted, index) => {
    const line = order.pricing.lines.find((priced) => priced.lineId === wanted.lineId);
    if (!line) {
      throw new DomainError('ORDER_LINE_NOT_FOUND', `Order ${orderId} has no line ${wanted.lineId}`, {
        orderId,
        lineId: wanted.lineId,
        field: `lines.${index}.lineId`,
      });
    }
    return { line, quantity: wanted.quantity };
  });
  const suppliers = [...new Set(lines.map(({ line }) => line.supplierId))];
  if (suppliers.length > 1) {
    throw new DomainError('MIXED_SUPPLIERS', 'One case per supplier: the lines come from several', {
      suppliers,
    });
  }
  return shop.cases.open({
    idempotencyKey: key,
    orderId,
    merchantId: order.merchantId,
    supplierId: suppliers[0]!,
    ...(lines[0]!.line.categories[0] ? { category: lines[0]!.line.categories[0] } : {}),
    type: request.type,
    reason: request.reason,
    ...(request.priority ? { priority: request.priority } : {}),
    ...(request.description ? { description: request.description } : {}),
    currency: order.pricing.currency,
    lines: lines.map(({ line, quantity }) => ({
      lineId: line.lineId,
      sku: line.sku,
      orderedQuantity: line.quantity,
      unitPrice: line.unitPrice,
      discount: line.discount,
      quantity,
    })),
    evidence: request.evidence,
  });
}
