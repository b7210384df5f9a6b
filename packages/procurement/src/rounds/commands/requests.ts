import type { z } from 'zod';
import type { ProcurementTx, RequestItem, RequestRecord, RoundRecord } from '../../store.js';
import type { cancelRequestSchema, changeRequestSchema, submitRequestSchema } from '../command-schemas.js';
import { requestNotFoundError, roundNotFoundError } from '../errors.js';
import type { ProcurementEvent } from '../events.js';
import { expandItems } from '../expand-items.js';
import { reduceRequest } from '../request-reducer.js';
import { checkTakesRequests, reduceRound } from '../round-reducer.js';
import { type ProcurementCommandContext, procurementEvent } from './context.js';

/**
 * What a request command did: the request and the round after it.
 *
 * @example
 * const { request, round, events }: RequestOutcome = await submitRequest(tx, input, ctx);
 */
export interface RequestOutcome {
  round: RoundRecord;
  request: RequestRecord;
  events: ProcurementEvent[];
}

/**
 * Submits a request: locks the round, checks that it takes requests, expands the items (SKUs
 * and bundles of the round), stores the request and the round's new counters; event
 * `round.request_submitted`.
 *
 * @example
 * await submitRequest(tx, submitRequestSchema.parse(input), ctx);
 */
export async function submitRequest(
  tx: ProcurementTx,
  input: z.output<typeof submitRequestSchema>,
  ctx: ProcurementCommandContext,
): Promise<RequestOutcome> {
  const round = await lockOpenRound(tx, input.roundId, ctx.now);
  const items = input.items as RequestItem[];
  const lines = expandItems(items, round);
  const requestId = input.requestId ?? ctx.nextId();
  const existing = await tx.procurement.lockRequest(round.roundId, requestId);
  const draft = reduceRequest(existing, {
    type: 'submitted',
    roundId: round.roundId,
    requestId,
    merchantId: input.merchantId,
    region: input.region,
    items,
    lines,
    at: ctx.now,
  });
  const next = reduceRound(round, { type: 'request-submitted', region: input.region, lines, at: ctx.now });
  const request = await tx.procurement.insertRequest(draft);
  const saved = await tx.procurement.saveRound(next, round.version);
  return {
    round: saved,
    request,
    events: [
      procurementEvent(ctx, 'round.request_submitted', round.roundId, {
        roundId: round.roundId,
        requestId,
        merchantId: input.merchantId,
        region: input.region,
        lines: lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      }),
    ],
  };
}

/**
 * Changes an active request's items (and region); event `round.request_changed`.
 *
 * @example
 * await changeRequest(tx, changeRequestSchema.parse(input), ctx);
 */
export async function changeRequest(
  tx: ProcurementTx,
  input: z.output<typeof changeRequestSchema>,
  ctx: ProcurementCommandContext,
): Promise<RequestOutcome> {
  const round = await lockOpenRound(tx, input.roundId, ctx.now);
  const items = input.items as RequestItem[];
  const lines = expandItems(items, round);
  const existing = await tx.procurement.lockRequest(round.roundId, input.requestId);
  if (!existing) throw requestNotFoundError(round.roundId, input.requestId);
  const region = input.region ?? existing.region;
  const changed = reduceRequest(existing, {
    type: 'changed',
    merchantId: input.merchantId,
    region,
    items,
    lines,
    at: ctx.now,
  });
  const next = reduceRound(round, {
    type: 'request-changed',
    region,
    before: existing.lines,
    after: lines,
    at: ctx.now,
  });
  const request = await tx.procurement.saveRequest(changed, existing.version);
  const saved = await tx.procurement.saveRound(next, round.version);
  return {
    round: saved,
    request,
    events: [
      procurementEvent(ctx, 'round.request_changed', round.roundId, {
        roundId: round.roundId,
        requestId: existing.requestId,
        merchantId: existing.merchantId,
        region,
        lines: lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
        previous: existing.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
      }),
    ],
  };
}

/**
 * Cancels an active request; event `round.request_cancelled`.
 *
 * @example
 * await cancelRequest(tx, cancelRequestSchema.parse(input), ctx);
 */
export async function cancelRequest(
  tx: ProcurementTx,
  input: z.output<typeof cancelRequestSchema>,
  ctx: ProcurementCommandContext,
): Promise<RequestOutcome> {
  const round = await lockOpenRound(tx, input.roundId, ctx.now);
  const existing = await tx.procurement.lockRequest(round.roundId, input.requestId);
  if (!existing) throw requestNotFoundError(round.roundId, input.requestId);
  const cancelled = reduceRequest(existing, {
    type: 'cancelled',
    merchantId: input.merchantId,
    reason: input.reason,
    at: ctx.now,
  });
  const next = reduceRound(round, { type: 'request-cancelled', lines: existing.lines, at: ctx.now });
  const request = await tx.procurement.saveRequest(cancelled, existing.version);
  const saved = await tx.procurement.saveRound(next, round.version);
  return {
    round: saved,
    request,
    events: [
      procurementEvent(ctx, 'round.request_cancelled', round.roundId, {
        roundId: round.roundId,
        requestId: existing.requestId,
        merchantId: existing.merchantId,
        reason: input.reason,
      }),
    ],
  };
}

/** The round, locked, if it takes requests now. */
async function lockOpenRound(tx: ProcurementTx, roundId: string, now: Date): Promise<RoundRecord> {
  const round = await tx.procurement.lockRound(roundId);
  if (!round) throw roundNotFoundError(roundId);
  checkTakesRequests(round, now);
  return round;
}
