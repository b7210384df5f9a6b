import { allocate, isS2b2bError, Money, type MoneyJson, manualClock, sum } from '@s2b2b/core';
import { createCreditService } from '@s2b2b/credit';
import { createInventoryService } from '@s2b2b/inventory';
import { compilePromotions, evaluateCart, type PromotionInput } from '@s2b2b/promotions';
import { ordersOn, type ScenarioPromotion } from '@s2b2b/scenario';
import type { DayContext } from './context.js';
import type { CreditLinesResult } from './credit-stage.js';

/**
 * One of the day's orders after checkout.
 *
 * @example
 * const order: CheckoutOrder = result.orders[0]!;
 */
export interface CheckoutOrder {
  orderId: string;
  merchantId: string;
  customerId: string;
  warehouseId: string;
  placedAt: string;
  subtotal: MoneyJson;
  discount: MoneyJson;
  total: MoneyJson;
  /** What the reserved units are worth after the promotions: what the merchant is charged today. */
  filled: MoneyJson;
  /** `credit`: a purchase loan held at checkout, confirmed for the filled value; `refused`: the line had no room; `prepaid`: the merchant does not buy on credit. */
  payment: 'credit' | 'refused' | 'prepaid';
  /** The reservation, or `null` when nothing could be reserved. */
  reservationId: string | null;
  lines: {
    lineId: string;
    sku: string;
    quantity: number;
    reserved: number;
    discount: MoneyJson;
    total: MoneyJson;
  }[];
  promotions: string[];
  /** Weight and volume of the reserved units. */
  weightKg: number;
  volumeM3: number;
}

/**
 * What checkout did to the day's orders.
 *
 * @example
 * const { orders, units, credit }: CheckoutResult = await runCheckout(ctx, lines);
 */
export interface CheckoutResult {
  orders: CheckoutOrder[];
  units: { ordered: number; reserved: number; backordered: number };
  /** Reserved units over ordered units. */
  fillRate: number;
  money: { subtotal: MoneyJson; discount: MoneyJson; total: MoneyJson; filled: MoneyJson };
  /** Each promotion that applied: in how many orders, for how much. */
  promotions: { promotionId: string; name: string; type: string; orders: number; discount: MoneyJson }[];
  credit: {
    /** Holds placed at checkout. */
    holds: number;
    /** Checkouts refused by `CREDIT_LIMIT_EXCEEDED` (paid up front instead). */
    refused: number;
    /** Holds cancelled because nothing could be reserved. */
    cancelled: number;
    /** Purchase loans confirmed today. */
    drawn: MoneyJson;
  };
  /** Every order's lines add up to its total, and its filled value never exceeds it. */
  balanced: boolean;
}

/**
 * Stage 7 of the day, from 07:00 to 21:00: every order of the day in the order it was placed.
 * The cart is priced by `evaluateCart` under the day's promotions (the Double 11 满减, the
 * morning's flash sales — their stock and per-customer limits tracked from cart to cart); a
 * merchant that buys on credit places a purchase-loan hold for the total (refused past its
 * limit, and then it pays up front); the order reserves stock at its region's warehouse, taking
 * what there is (`allowPartial`: the rest is backordered); and the hold is confirmed for what was
 * reserved — each line's share to the cent by largest remainder — or cancelled if nothing was.
 *
 * @example
 * const checkout = await runCheckout(ctx, creditLines);
 * checkout.fillRate // reserved / ordered units
 */
export async function runCheckout(ctx: DayContext, creditLines: CreditLinesResult): Promise<CheckoutResult> {
  const { scenario } = ctx;
  const clock = manualClock(ctx.at('07:00'));
  const stock = createInventoryService({ storage: ctx.storage, clock });
  const credit = createCreditService({ storage: ctx.storage, clock });
  const lineOf = new Map(creditLines.lines.map((l) => [l.merchantId, l.lineId]));
  const warehouseOf = new Map(scenario.regions.map((r) => [r.id as string, r.warehouseId]));
  const today = scenario.promotions.filter((p) => p.firstDay <= ctx.day && p.lastDay >= ctx.day);
  const promotions = compilePromotions(today.map((p) => promotionInput(ctx, p)));
  const names = new Map(today.map((p) => [p.id, p]));
  const orders = ordersOn(scenario, ctx.day).sort((a, b) => a.minute - b.minute || a.index - b.index);
  const flashUnits = new Map<string, number>();
  const flashCustomerUnits = new Map<string, number>();
  const applied = new Map<string, { orders: number; discount: Money }>();
  const bar = ctx.progress('checkout       ', orders.length);
  const results: CheckoutOrder[] = [];
  let holds = 0;
  let refused = 0;
  let cancelled = 0;
  let drawn = Money.zero();
  let balanced = true;

  for (const order of orders) {
    clock.set(new Date(order.placedAt));
    const customerId = order.customer.customerId;
    const usage: Record<string, { units: number; customerUnits: number }> = {};
    for (const p of today) {
      if (p.type !== 'flash-sale') continue;
      usage[p.id] = {
        units: flashUnits.get(p.id) ?? 0,
        customerUnits: flashCustomerUnits.get(`${p.id}|${customerId}`) ?? 0,
      };
    }
    const evaluation = evaluateCart({
      cart: {
        id: order.orderId,
        lines: order.lines.map((line) => ({
          id: line.lineId,
          sku: ctx.sku(line.sku.sku),
          quantity: line.quantity,
          unitPrice: line.sku.unitPrice,
          categories: [line.sku.vertical],
          merchantId: order.merchantId,
        })),
      },
      promotions,
      customer: { id: customerId },
      now: clock.now(),
      usage: { promotions: usage },
    });
    for (const a of evaluation.applied) {
      const seen = applied.get(a.promotionId) ?? { orders: 0, discount: Money.zero() };
      applied.set(a.promotionId, { orders: seen.orders + 1, discount: seen.discount.add(a.discount) });
      if (a.type === 'flash-sale') {
        flashUnits.set(a.promotionId, (flashUnits.get(a.promotionId) ?? 0) + a.units);
        const key = `${a.promotionId}|${customerId}`;
        flashCustomerUnits.set(key, (flashCustomerUnits.get(key) ?? 0) + a.units);
      }
    }
    const total = evaluation.total;
    balanced &&= sum(
      evaluation.lines.map((l) => l.total),
      'CNY',
    ).equals(total);

    // Credit at checkout: hold the whole total before touching stock.
    const lineId = lineOf.get(order.merchantId);
    let payment: CheckoutOrder['payment'] = 'prepaid';
    let drawingId: string | null = null;
    if (lineId !== undefined && !total.isZero()) {
      try {
        const held = await credit.draw({
          idempotencyKey: ctx.key('checkout', `${order.orderId}-hold`),
          lineId,
          drawingId: ctx.id(`D-${order.orderId}`),
          product: 'purchase',
          amount: total.toDecimalString(),
          hold: true,
          reference: order.orderId,
        });
        drawingId = held.drawing.id;
        payment = 'credit';
        holds += 1;
      } catch (error) {
        if (!isS2b2bError(error) || error.code !== 'CREDIT_LIMIT_EXCEEDED') throw error;
        payment = 'refused';
        refused += 1;
      }
    }

    const warehouseId = warehouseOf.get(order.customer.region)!;
    const reservationId = ctx.id(`RES-${order.orderId}`);
    // With allowPartial a reservation takes what there is; with nothing at all it is refused.
    const document = await stock
      .reserve({
        idempotencyKey: ctx.key('checkout', `${order.orderId}-reserve`),
        orderId: ctx.id(order.orderId),
        reservationId,
        warehouseId,
        lines: order.lines.map((line) => ({ sku: ctx.sku(line.sku.sku), quantity: line.quantity })),
        allowPartial: true,
      })
      .then(
        (reserved) => reserved.document,
        (error: unknown) => {
          if (isS2b2bError(error) && error.code === 'INSUFFICIENT_STOCK') return null;
          throw error;
        },
      );
    const reservedOf = new Map((document?.lines ?? []).map((l) => [ctx.label(l.sku), l.quantity]));
    const lines = order.lines.map((line, k) => {
      const evaluated = evaluation.lines[k]!;
      const reserved = reservedOf.get(line.sku.sku) ?? 0;
      return {
        lineId: line.lineId,
        sku: line.sku.sku,
        quantity: line.quantity,
        reserved,
        discount: evaluated.discount,
        total: evaluated.total,
        filled:
          reserved === line.quantity
            ? evaluated.total
            : reserved === 0
              ? Money.zero()
              : allocate(evaluated.total, [reserved, line.quantity - reserved])[0]!,
      };
    });
    const filled = sum(
      lines.map((l) => l.filled),
      'CNY',
    );
    balanced &&= filled.lessThanOrEqual(total);
    if (drawingId !== null) {
      if (filled.isZero()) {
        await credit.cancelDraw({
          idempotencyKey: ctx.key('checkout', `${order.orderId}-cancel`),
          drawingId,
          reason: 'nothing in stock',
        });
        cancelled += 1;
      } else {
        await credit.confirmDraw({
          idempotencyKey: ctx.key('checkout', `${order.orderId}-confirm`),
          drawingId,
          amount: filled.toDecimalString(),
        });
        drawn = drawn.add(filled);
      }
    }
    const reservedAny = lines.some((l) => l.reserved > 0);
    results.push({
      orderId: order.orderId,
      merchantId: order.merchantId,
      customerId,
      warehouseId,
      placedAt: order.placedAt,
      subtotal: evaluation.subtotal.toJSON(),
      discount: evaluation.discount.toJSON(),
      total: total.toJSON(),
      filled: filled.toJSON(),
      payment,
      reservationId: reservedAny ? reservationId : null,
      lines: lines.map(({ filled: _filled, discount, total: lineTotal, ...rest }) => ({
        ...rest,
        discount: discount.toJSON(),
        total: lineTotal.toJSON(),
      })),
      promotions: evaluation.applied.map((a) => a.promotionId),
      weightKg: round(
        order.lines.reduce((w, line) => w + (reservedOf.get(line.sku.sku) ?? 0) * line.sku.weightKg, 0),
        1,
      ),
      volumeM3: round(
        order.lines.reduce((v, line) => v + (reservedOf.get(line.sku.sku) ?? 0) * line.sku.volumeM3, 0),
        3,
      ),
    });
    bar.tick();
  }
  bar.finish();

  const ordered = results.reduce((n, o) => n + o.lines.reduce((m, l) => m + l.quantity, 0), 0);
  const reserved = results.reduce((n, o) => n + o.lines.reduce((m, l) => m + l.reserved, 0), 0);
  const total = (pick: (o: CheckoutOrder) => MoneyJson) =>
    sum(
      results.map((o) => Money.fromJSON(pick(o))),
      'CNY',
    ).toJSON();
  return {
    orders: results,
    units: { ordered, reserved, backordered: ordered - reserved },
    fillRate: ordered === 0 ? 1 : reserved / ordered,
    money: {
      subtotal: total((o) => o.subtotal),
      discount: total((o) => o.discount),
      total: total((o) => o.total),
      filled: total((o) => o.filled),
    },
    promotions: [...applied]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([promotionId, a]) => ({
        promotionId,
        name: names.get(promotionId)?.name ?? promotionId,
        type: names.get(promotionId)?.type ?? 'unknown',
        orders: a.orders,
        discount: a.discount.toJSON(),
      })),
    credit: { holds, refused, cancelled, drawn: drawn.toJSON() },
    balanced,
  };
}

/** A scenario promotion as `@s2b2b/promotions` takes it, on the run's SKU codes. */
function promotionInput(ctx: DayContext, p: ScenarioPromotion): PromotionInput {
  const eligibility = {
    startsAt: p.startsAt,
    endsAt: p.endsAt,
    ...(p.skus === null ? { categories: p.verticals } : { skus: p.skus.map((s) => ctx.sku(s)) }),
  };
  switch (p.type) {
    case 'threshold':
      return { id: p.id, name: p.name, type: 'threshold', tiers: p.tiers!, eligibility };
    case 'percent-off':
      return {
        id: p.id,
        name: p.name,
        type: 'percent-off',
        percentOff: p.percentOff!,
        target: 'items',
        eligibility,
      };
    case 'flash-sale':
      return {
        id: p.id,
        name: p.name,
        type: 'flash-sale',
        price: p.price!,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        stock: p.stock!,
        perCustomerLimit: p.perCustomerLimit!,
        eligibility: { skus: p.skus!.map((s) => ctx.sku(s)) },
      };
  }
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
