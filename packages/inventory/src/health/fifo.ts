import { parseInput, ValidationError } from '@s2b2b/core';
import { z } from 'zod';
import { type Instant, type Receipt, receiptSchema, type Sale, saleSchema } from './schemas.js';
import { instantMs } from './time.js';

/**
 * What is left of one receipt lot after FIFO consumption.
 *
 * @example
 * const lot: RemainingLot = { receivedAt: '2026-01-02T00:00:00.000Z', receivedAtMs: 1767312000000, quantity: 10, receiptIndex: 1 }
 */
export interface RemainingLot {
  /** Receipt instant, ISO-8601 UTC. */
  receivedAt: string;
  /** Receipt instant, epoch ms. */
  receivedAtMs: number;
  /** Units of this lot still on hand (positive). */
  quantity: number;
  /** The lot's own unit cost, when it had one. */
  unitCost?: string;
  /** The lot's id, when it had one. */
  lotId?: string;
  /** Index of the lot in the `receipts` given. */
  receiptIndex: number;
}

/** Quantities closer to zero than this (relative to the lot) count as used up (float dust). */
const DUST = 1e-9;

/**
 * Runs receipts and sales in time order, each sale consuming the oldest lots first (FIFO), and
 * returns what is left of each lot, oldest first. At the same instant receipts come before sales;
 * lots received at the same instant are consumed in the order given. With `asOf`, movements after
 * it are rejected.
 *
 * Throws `ValidationError` on `receipts` / `sales` (bad quantity or instant), on
 * `receipts.i.receivedAt` / `sales.i.at` after `asOf`, and on `sales.i.quantity` when a sale
 * takes more than is on hand at that moment (code `exceeds_stock`: the history is missing a
 * receipt such as an opening balance).
 *
 * @example
 * // +50 on day 1, +20 on day 2, −60 on day 2 → 10 left, aged from day 2
 * fifoLots(
 *   [{ receivedAt: '2026-01-01', quantity: 50 }, { receivedAt: '2026-01-02', quantity: 20 }],
 *   [{ at: '2026-01-02T12:00:00Z', quantity: 60 }],
 * ) // [{ receivedAt: '2026-01-02T00:00:00.000Z', quantity: 10, receiptIndex: 1, ... }]
 */
export function fifoLots(
  receipts: readonly Receipt[],
  sales: readonly Sale[] = [],
  options: { asOf?: Instant } = {},
): RemainingLot[] {
  const lots = parseInput(z.array(receiptSchema), receipts, 'receipts');
  const issues = parseInput(z.array(saleSchema), sales, 'sales');
  const asOfMs = options.asOf === undefined ? undefined : instantMs(options.asOf, 'asOf');
  return consumeFifo(lots, issues, asOfMs);
}

/** Parsed receipt / sale shapes the FIFO core works on. Internal. */
export interface ParsedReceipt {
  receivedAt: number;
  quantity: number;
  unitCost?: string | undefined;
  lotId?: string | undefined;
}

/** The FIFO core on parsed input (epoch-ms instants). `path` prefixes error paths. Internal. */
export function consumeFifo(
  receipts: readonly ParsedReceipt[],
  sales: readonly { at: number; quantity: number }[],
  asOfMs: number | undefined,
  path: (string | number)[] = [],
): RemainingLot[] {
  if (asOfMs !== undefined) {
    receipts.forEach((r, i) => {
      if (r.receivedAt > asOfMs) {
        throw ValidationError.field(
          [...path, 'receipts', i, 'receivedAt'],
          'Received after asOf',
          'after_as_of',
        );
      }
    });
    sales.forEach((s, i) => {
      if (s.at > asOfMs) {
        throw ValidationError.field([...path, 'sales', i, 'at'], 'Sold after asOf', 'after_as_of');
      }
    });
  }
  const order = receipts.map((_, i) => i).sort((a, b) => time(receipts, a) - time(receipts, b) || a - b);
  const remaining = order.map((i) => (receipts[i] as ParsedReceipt).quantity);
  const saleOrder = sales.map((_, i) => i).sort((a, b) => saleTime(sales, a) - saleTime(sales, b) || a - b);

  let head = 0; // first lot (in `order`) with stock left
  let arrived = 0; // lots (in `order`) received so far
  for (const s of saleOrder) {
    const sale = sales[s] as { at: number; quantity: number };
    while (arrived < order.length && time(receipts, order[arrived] as number) <= sale.at) arrived++;
    let need = sale.quantity;
    while (need > 0 && head < arrived) {
      const left = remaining[head] as number;
      const take = Math.min(left, need);
      need -= take;
      const rest = left - take;
      const lotSize = (receipts[order[head] as number] as ParsedReceipt).quantity;
      if (rest <= DUST * Math.max(1, lotSize)) {
        remaining[head] = 0;
        head++;
      } else {
        remaining[head] = rest;
      }
    }
    if (need > DUST * Math.max(1, sale.quantity)) {
      throw ValidationError.field(
        [...path, 'sales', s, 'quantity'],
        `Sale takes ${need} more units than were on hand at that moment`,
        'exceeds_stock',
      );
    }
  }

  const result: RemainingLot[] = [];
  order.forEach((i, k) => {
    const quantity = remaining[k] as number;
    if (quantity <= 0) return;
    const r = receipts[i] as ParsedReceipt;
    result.push({
      receivedAt: new Date(r.receivedAt).toISOString(),
      receivedAtMs: r.receivedAt,
      quantity,
      ...(r.unitCost === undefined ? {} : { unitCost: r.unitCost }),
      ...(r.lotId === undefined ? {} : { lotId: r.lotId }),
      receiptIndex: i,
    });
  });
  return result;
}

function time(receipts: readonly ParsedReceipt[], i: number): number {
  return (receipts[i] as ParsedReceipt).receivedAt;
}

function saleTime(sales: readonly { at: number }[], i: number): number {
  return (sales[i] as { at: number }).at;
}
