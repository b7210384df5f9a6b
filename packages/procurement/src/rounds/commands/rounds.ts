import type { z } from 'zod';
import { awardParsedRound } from '../../award/award-round.js';
import type { RoundRequest } from '../../award/schemas.js';
import { periodStart } from '../../common/periods.js';
import type {
  AgreementRecord,
  CapacityKey,
  ProcurementTx,
  PurchaseOrderRecord,
  RoundRecord,
  StoredAward,
  SupplierRecord,
} from '../../store.js';
import type { cancelRoundSchema, closeRoundSchema, openRoundSchema } from '../command-schemas.js';
import { roundNotFoundError } from '../errors.js';
import type { ProcurementEvent } from '../events.js';
import { MAX_PROCUREMENT_PAGE } from '../filters.js';
import { reduceRound } from '../round-reducer.js';
import { type ProcurementCommandContext, procurementEvent } from './context.js';

/**
 * What `openRound` and `cancelRound` did.
 *
 * @example
 * const { round, events }: RoundOutcome = await openRound(tx, input, ctx);
 */
export interface RoundOutcome {
  round: RoundRecord;
  events: ProcurementEvent[];
}

/**
 * What `closeRound` did: the closed round, its award and the purchase orders it placed.
 *
 * @example
 * const { award, purchaseOrders }: CloseOutcome = await closeRound(tx, input, ctx);
 */
export interface CloseOutcome {
  round: RoundRecord;
  award: StoredAward;
  purchaseOrders: PurchaseOrderRecord[];
  events: ProcurementEvent[];
}

/**
 * Opens a round; event `round.opened`.
 *
 * @example
 * await openRound(tx, openRoundSchema.parse(input), ctx);
 */
export async function openRound(
  tx: ProcurementTx,
  input: z.output<typeof openRoundSchema>,
  ctx: ProcurementCommandContext,
): Promise<RoundOutcome> {
  const roundId = input.roundId ?? ctx.nextId();
  const round = reduceRound(null, {
    type: 'opened',
    definition: {
      roundId,
      name: input.name,
      currency: input.currency,
      skus: input.skus,
      bundles: input.bundles,
      regions: input.regions,
      requiredDocuments: input.requiredDocuments,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      needBy: input.needBy,
      zone: input.zone,
      rounding: input.rounding,
      rationing: input.rationing,
      createdAt: ctx.now,
    },
    at: ctx.now,
  });
  const stored = await tx.procurement.insertRound(round);
  return {
    round: stored,
    events: [
      procurementEvent(ctx, 'round.opened', roundId, {
        roundId,
        name: stored.name,
        currency: stored.currency,
        skus: stored.skus.map((sku) => sku.sku),
        bundles: stored.bundles.map((bundle) => bundle.bundleId),
        regions: [...stored.regions],
        opensAt: stored.opensAt.toISOString(),
        closesAt: stored.closesAt.toISOString(),
        needBy: stored.needBy?.toISOString() ?? null,
      }),
    ],
  };
}

/**
 * Cancels an open round; event `round.cancelled`.
 *
 * @example
 * await cancelRound(tx, cancelRoundSchema.parse(input), ctx);
 */
export async function cancelRound(
  tx: ProcurementTx,
  input: z.output<typeof cancelRoundSchema>,
  ctx: ProcurementCommandContext,
): Promise<RoundOutcome> {
  const round = await tx.procurement.lockRound(input.roundId);
  if (!round) throw roundNotFoundError(input.roundId);
  const cancelled = reduceRound(round, { type: 'cancelled', reason: input.reason, at: ctx.now });
  const saved = await tx.procurement.saveRound(cancelled, round.version);
  return {
    round: saved,
    events: [
      procurementEvent(ctx, 'round.cancelled', round.roundId, {
        roundId: round.roundId,
        reason: input.reason,
      }),
    ],
  };
}

/**
 * Closes a round and awards it, in one transaction: locks the round, reads its active requests,
 * the agreements for its SKUs and their suppliers, locks the capacity rows of the agreements
 * with a capacity limit (the periods containing now), runs the pure `awardRound` on what it
 * read, commits the capacity, and stores the award, the allocations and the purchase orders;
 * events `round.closed` and one `po.created` per purchase order.
 *
 * @example
 * await closeRound(tx, closeRoundSchema.parse(input), ctx);
 */
export async function closeRound(
  tx: ProcurementTx,
  input: z.output<typeof closeRoundSchema>,
  ctx: ProcurementCommandContext,
): Promise<CloseOutcome> {
  const round = await tx.procurement.lockRound(input.roundId);
  if (!round) throw roundNotFoundError(input.roundId);
  const closed = reduceRound(round, { type: 'closed', at: ctx.now });

  const requests: RoundRequest[] = [];
  for (let after = 0; ; ) {
    const page = await tx.procurement.listRequests(round.roundId, {
      status: 'active',
      afterSequence: after,
      limit: MAX_PROCUREMENT_PAGE,
    });
    for (const request of page) {
      requests.push({
        requestId: request.requestId,
        merchantId: request.merchantId,
        region: request.region,
        lines: request.lines,
      });
    }
    if (page.length < MAX_PROCUREMENT_PAGE) break;
    after = page[page.length - 1]!.sequence;
  }
  const skus = round.skus.map((sku) => sku.sku);
  const agreements: AgreementRecord[] = [];
  for (let after: string | undefined; ; ) {
    const page = await tx.procurement.listAgreements({ skus, after, limit: MAX_PROCUREMENT_PAGE });
    agreements.push(...page);
    if (page.length < MAX_PROCUREMENT_PAGE) break;
    after = page[page.length - 1]!.agreementId;
  }
  const supplierIds = [...new Set(agreements.map((agreement) => agreement.supplierId))].sort();
  const suppliers: SupplierRecord[] = [];
  for (let start = 0; start < supplierIds.length; start += MAX_PROCUREMENT_PAGE) {
    const ids = supplierIds.slice(start, start + MAX_PROCUREMENT_PAGE);
    suppliers.push(...(await tx.procurement.listSuppliers({ ids, limit: MAX_PROCUREMENT_PAGE })));
  }
  const keys: CapacityKey[] = agreements.flatMap((agreement) =>
    agreement.capacity === null
      ? []
      : [
          {
            agreementId: agreement.agreementId,
            periodStart: periodStart(ctx.now, agreement.capacity.period, round.zone),
          },
        ],
  );
  const usage = await tx.procurement.lockCapacity(keys);

  const award = awardParsedRound({
    roundId: round.roundId,
    currency: round.currency,
    at: ctx.now,
    needBy: round.needBy,
    zone: round.zone,
    regions: round.regions,
    skus: round.skus,
    requiredDocuments: round.requiredDocuments,
    requests,
    agreements,
    suppliers,
    capacityUsed: usage.map((row) => ({ agreementId: row.agreementId, used: row.used })),
    rounding: round.rounding,
    rationing: round.rationing,
  });

  await tx.procurement.addCapacity(award.capacity);
  const stored: StoredAward = {
    roundId: round.roundId,
    currency: round.currency,
    at: ctx.now,
    requests: requests.length,
    totals: award.totals,
    skus: award.skus,
    merchants: award.merchants,
    qualification: award.qualification,
  };
  await tx.procurement.insertAward(stored);
  await tx.procurement.insertAllocations(
    award.allocations.map((allocation) => ({ roundId: round.roundId, ...allocation })),
  );
  const purchaseOrders: PurchaseOrderRecord[] = award.purchaseOrders.map((order) => ({
    ...order,
    createdAt: ctx.now,
  }));
  await tx.procurement.insertPurchaseOrders(purchaseOrders);
  const saved = await tx.procurement.saveRound(closed, round.version);

  const events: ProcurementEvent[] = [
    procurementEvent(ctx, 'round.closed', round.roundId, {
      roundId: round.roundId,
      closedAt: ctx.now.toISOString(),
      currency: round.currency,
      requests: requests.length,
      demand: award.totals.demand,
      filled: award.totals.filled,
      unmet: award.totals.unmet,
      cost: award.totals.cost.toDecimalString(),
      standalone: award.totals.standalone.toDecimalString(),
      saving: award.totals.saving.toDecimalString(),
      skusWithUnmet: award.skus.filter((sku) => sku.unmet > 0).length,
      purchaseOrderIds: purchaseOrders.map((order) => order.purchaseOrderId),
    }),
    ...purchaseOrders.map((order) =>
      procurementEvent(ctx, 'po.created', order.purchaseOrderId, {
        purchaseOrderId: order.purchaseOrderId,
        roundId: order.roundId,
        supplierId: order.supplierId,
        currency: order.currency,
        total: order.total.toDecimalString(),
        needBy: order.needBy?.toISOString() ?? null,
        lines: order.lines.map((line) => ({
          sku: line.sku,
          agreementId: line.agreementId,
          quantity: line.quantity,
          unitPrice: line.unitPrice.toDecimalString(),
          amount: line.amount.toDecimalString(),
        })),
      }),
    ),
  ];
  return { round: saved, award: stored, purchaseOrders, events };
}
