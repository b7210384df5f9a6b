import { Money, type MoneyJson, manualClock, sum } from '@s2b2b/core';
import { createInventoryService } from '@s2b2b/inventory';
import { createProcurementService } from '@s2b2b/procurement';
import type { VerticalId } from '@s2b2b/scenario';
import type { DayContext } from './context.js';
import { merchantSkuUnits } from './history.js';

/**
 * One vertical's buying round, closed and awarded.
 *
 * @example
 * const round: RoundResult = result.rounds[0]!;
 */
export interface RoundResult {
  vertical: VerticalId;
  roundId: string;
  requests: number;
  demand: number;
  filled: number;
  unmet: number;
  cost: MoneyJson;
  standalone: MoneyJson;
  saving: MoneyJson;
  /** Agreements that could not win, with their reason codes. */
  excluded: { agreementId: string; supplierId: string; reasons: string[] }[];
  purchaseOrders: { supplierId: string; total: MoneyJson; units: number }[];
}

/**
 * What the buying rounds decided.
 *
 * @example
 * const { totals, merchants }: ProcurementResult = await runProcurement(ctx);
 */
export interface ProcurementResult {
  rounds: RoundResult[];
  /** Per merchant over the three rounds: its quantities alone, what it pays, what it saves. */
  merchants: { merchantId: string; name: string; alone: MoneyJson; pays: MoneyJson; saves: MoneyJson }[];
  totals: { cost: MoneyJson; standalone: MoneyJson; saving: MoneyJson; rate: number };
  /** Units the awards put on order at the warehouses (inventory purchase orders). */
  inbound: { purchaseOrders: number; units: number };
  /** Σ allocations = Σ purchase orders in every round, to the fen. */
  balanced: boolean;
  /** No request line pays more than its stand-alone cost. */
  fair: boolean;
}

const WEEKS_OF_NEED = 1;

/**
 * Stage 2 of the day: one buying round per vertical, opened a week earlier and closing at
 * 06:00. The vertical's suppliers (with their documents) and agreements are saved, every
 * merchant in the vertical asks for a week of what its customers bought over the last four
 * weeks, the round closes with the exact least-cost award (a supplier with a lapsed document is
 * left out), each merchant pays the pooled price — never more than alone — and the purchase
 * orders go on order at the warehouses of the regions they deliver to.
 *
 * @example
 * const procurement = await runProcurement(ctx);
 * procurement.balanced && procurement.fair // true
 */
export async function runProcurement(ctx: DayContext): Promise<ProcurementResult> {
  const { scenario } = ctx;
  const clock = manualClock(ctx.at('00:00', 7));
  const procurement = createProcurementService({ storage: ctx.storage, clock });
  const stock = createInventoryService({ storage: ctx.storage, clock });
  const need = merchantSkuUnits(scenario, ctx.day - 28, ctx.day);
  const warehouseOf = new Map(scenario.regions.map((r) => [r.id as string, r.warehouseId]));
  const bar = ctx.progress('buying rounds  ', scenario.verticals.length);
  const rounds: RoundResult[] = [];
  const perMerchant = new Map<string, { alone: Money; pays: Money; saves: Money }>();
  let balanced = true;
  let fair = true;
  let inboundOrders = 0;
  let inboundUnits = 0;

  for (const vertical of scenario.verticals) {
    clock.set(ctx.at('00:00', 7));
    const skus = scenario.skus.filter((s) => s.vertical === vertical.id);
    for (const supplier of scenario.suppliers.filter((s) => s.vertical === vertical.id)) {
      await procurement.saveSupplier({
        idempotencyKey: ctx.key('procurement', `supplier-${supplier.supplierId}`),
        supplier: {
          supplierId: ctx.id(supplier.supplierId),
          name: supplier.name,
          documents: supplier.documents,
        },
      });
    }
    for (const agreement of scenario.agreements.filter((a) => skus.some((s) => s.sku === a.sku))) {
      await procurement.saveAgreement({
        idempotencyKey: ctx.key('procurement', agreement.agreementId),
        agreement: {
          ...agreement,
          agreementId: ctx.id(agreement.agreementId),
          supplierId: ctx.id(agreement.supplierId),
          sku: ctx.sku(agreement.sku),
        },
      });
    }
    const roundId = ctx.id(`R-${vertical.id}`);
    await procurement.openRound({
      idempotencyKey: ctx.key('procurement', `open-${vertical.id}`),
      roundId,
      name: `${ctx.date} ${vertical.name}联采`,
      skus: skus.map((s) => ({ sku: ctx.sku(s.sku) })),
      regions: scenario.regions.map((r) => r.id),
      requiredDocuments: vertical.requiredDocuments,
      opensAt: ctx.at('00:00', 7),
      closesAt: ctx.at('06:00'),
    });
    let requests = 0;
    for (const merchant of scenario.merchants.filter((m) => m.verticals.includes(vertical.id))) {
      const units = need.get(merchant.merchantId);
      const items = skus.flatMap((sku) => {
        const quantity = Math.ceil(((units?.[scenario.skus.indexOf(sku)] ?? 0) * WEEKS_OF_NEED) / 4);
        return quantity > 0 ? [{ sku: ctx.sku(sku.sku), quantity }] : [];
      });
      if (items.length === 0) continue;
      requests += 1;
      await procurement.submitRequest({
        idempotencyKey: ctx.key('procurement', `request-${vertical.id}-${merchant.merchantId}`),
        roundId,
        requestId: `REQ-${merchant.merchantId}`,
        merchantId: ctx.id(merchant.merchantId),
        region: merchant.region,
        items,
      });
    }
    if (requests === 0) {
      bar.tick();
      continue;
    }
    clock.set(ctx.at('06:00'));
    const { award, purchaseOrders } = await procurement.closeRound({
      idempotencyKey: ctx.key('procurement', `close-${vertical.id}`),
      roundId,
    });
    const allocations = await procurement.listAllocations(roundId, { limit: 10_000 });
    const paid = sum(
      allocations.map((a) => a.amount),
      'CNY',
    );
    const invoiced = sum(
      purchaseOrders.map((po) => po.total),
      'CNY',
    );
    balanced &&= paid.equals(invoiced) && award.totals.cost.equals(invoiced);
    fair &&= allocations.every((a) => a.amount.lessThanOrEqual(a.standalone));
    for (const m of award.merchants) {
      const id = ctx.label(m.merchantId);
      const sofar = perMerchant.get(id) ?? { alone: Money.zero(), pays: Money.zero(), saves: Money.zero() };
      perMerchant.set(id, {
        alone: sofar.alone.add(m.standalone),
        pays: sofar.pays.add(m.amount),
        saves: sofar.saves.add(m.saving),
      });
    }
    for (const po of purchaseOrders) {
      const byWarehouse = new Map<string, Map<string, number>>();
      for (const line of po.lines) {
        for (const delivery of line.deliveries) {
          const warehouseId = warehouseOf.get(delivery.region)!;
          const lines = byWarehouse.get(warehouseId) ?? new Map<string, number>();
          lines.set(line.sku, (lines.get(line.sku) ?? 0) + delivery.quantity);
          byWarehouse.set(warehouseId, lines);
        }
      }
      for (const [warehouseId, lines] of byWarehouse) {
        const entries = [...lines].filter(([, quantity]) => quantity > 0);
        if (entries.length === 0) continue;
        await stock.placePurchaseOrder({
          idempotencyKey: ctx.key('procurement', `po-${po.purchaseOrderId}-${warehouseId}`),
          purchaseOrderId: `${po.purchaseOrderId}/${warehouseId}`,
          warehouseId,
          lines: entries.map(([sku, quantity]) => ({ sku, quantity })),
          reference: `buying round ${ctx.label(roundId)}`,
        });
        inboundOrders += 1;
        inboundUnits += entries.reduce((n, [, quantity]) => n + quantity, 0);
      }
    }
    rounds.push({
      vertical: vertical.id,
      roundId: ctx.label(roundId),
      requests,
      demand: award.totals.demand,
      filled: award.totals.filled,
      unmet: award.totals.unmet,
      cost: award.totals.cost.toJSON(),
      standalone: award.totals.standalone.toJSON(),
      saving: award.totals.saving.toJSON(),
      excluded: award.skus.flatMap((sku) =>
        sku.excluded.map((e) => ({
          agreementId: ctx.label(e.agreementId),
          supplierId: ctx.label(e.supplierId),
          reasons: e.reasons.map((r) => r.code),
        })),
      ),
      purchaseOrders: purchaseOrders.map((po) => ({
        supplierId: ctx.label(po.supplierId),
        total: po.total.toJSON(),
        units: po.lines.reduce((n, line) => n + line.quantity, 0),
      })),
    });
    bar.tick();
  }
  bar.finish();

  const names = new Map(scenario.merchants.map((m) => [m.merchantId, m.name]));
  const merchants = [...perMerchant]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([merchantId, m]) => ({
      merchantId,
      name: names.get(merchantId) ?? merchantId,
      alone: m.alone.toJSON(),
      pays: m.pays.toJSON(),
      saves: m.saves.toJSON(),
    }));
  const cost = sum(
    rounds.map((r) => Money.fromJSON(r.cost)),
    'CNY',
  );
  const standalone = sum(
    rounds.map((r) => Money.fromJSON(r.standalone)),
    'CNY',
  );
  const saving = sum(
    rounds.map((r) => Money.fromJSON(r.saving)),
    'CNY',
  );
  return {
    rounds,
    merchants,
    totals: {
      cost: cost.toJSON(),
      standalone: standalone.toJSON(),
      saving: saving.toJSON(),
      rate: standalone.isZero() ? 0 : Number(saving.toDecimalString()) / Number(standalone.toDecimalString()),
    },
    inbound: { purchaseOrders: inboundOrders, units: inboundUnits },
    balanced,
    fair,
  };
}
