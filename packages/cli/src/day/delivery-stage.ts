import { Money, type MoneyJson, manualClock, sum } from '@s2b2b/core';
import { createInventoryService } from '@s2b2b/inventory';
import {
  type ConsolidationOrder,
  consolidate,
  evaluateVrpSolution,
  parseRateCards,
  quote,
  solveVrp,
  type VrpProblem,
} from '@s2b2b/logistics';
import { greatCircleKm, ROAD_FACTOR } from '@s2b2b/scenario';
import type { ReportWarehouseRoutes } from '../report/model.js';
import type { CheckoutOrder } from './checkout-stage.js';
import type { DayContext } from './context.js';

/** Orders placed after this time of day ship tomorrow. */
export const CUT_OFF = '16:00';

/**
 * What dispatch did at one warehouse.
 *
 * @example
 * const w: WarehouseDispatch = result.warehouses[0]!;
 */
export interface WarehouseDispatch {
  warehouseId: string;
  /** Orders delivered in the warehouse's city by its vans. */
  local: number;
  /** Orders shipped to the other cities of its region. */
  linehaul: number;
  routes: ReportWarehouseRoutes['routes'];
  /** Local orders no van could take (then shipped alone). */
  unassigned: number;
  km: number;
  /** `evaluateVrpSolution` found no violation. */
  feasible: boolean;
}

/**
 * What the day shipped.
 *
 * @example
 * const { consolidation, km }: DeliveryResult = await runDelivery(ctx, checkout.orders);
 */
export interface DeliveryResult {
  cutOff: string;
  /** Orders with reserved stock placed before the cut-off: shipped today, reservations fulfilled. */
  dispatched: number;
  /** Orders with reserved stock placed after it: they stay reserved for tomorrow. */
  heldForTomorrow: number;
  warehouses: WarehouseDispatch[];
  km: number;
  routes: number;
  consolidation: {
    orders: number;
    /** Trucks hired. */
    loads: number;
    aloneCost: MoneyJson;
    cost: MoneyJson;
    saving: MoneyJson;
    /** Σ merchants' savings = the saving, and nobody pays more than shipping alone. */
    fair: boolean;
  };
  /** Every route plan re-checked feasible. */
  feasible: boolean;
  /** The routes per warehouse, with their stops on the map, for the report. */
  report: ReportWarehouseRoutes[];
}

/** Genetic-search iterations per route plan: a fixed budget, so the routes depend only on the seed. */
export const VRP_ITERATIONS = 400;

/**
 * Stage 8 of the day, at the 16:00 cut-off: every order placed before it with stock reserved
 * ships. Orders in a warehouse's own city ride its vans: one capacitated routing problem per
 * warehouse on haversine distances (`solveVrp`, a fixed iteration budget and the scenario's
 * seed, so it is reproducible), re-checked by `evaluateVrpSolution`. Orders to the region's
 * other cities are consolidated into hired 4.2 m trucks (`consolidate`, trips priced ¥300 +
 * ¥4.50 a road km) against each order's cheapest carrier quote alone (fresh goods: cold-chain
 * carriers only). The shipped reservations are fulfilled.
 *
 * @example
 * const delivery = await runDelivery(ctx, checkout.orders);
 * delivery.feasible // true
 */
export async function runDelivery(
  ctx: DayContext,
  orders: readonly CheckoutOrder[],
  options: { iterations?: number } = {},
): Promise<DeliveryResult> {
  const { scenario } = ctx;
  const iterations = options.iterations ?? VRP_ITERATIONS;
  const stock = createInventoryService({ storage: ctx.storage, clock: manualClock(ctx.at(CUT_OFF)) });
  const cutOff = ctx.at(CUT_OFF).getTime();
  const reserved = orders.filter((o) => o.reservationId !== null);
  const shipping = reserved.filter((o) => Date.parse(o.placedAt) < cutOff);
  const customers = new Map(scenario.customers.map((c) => [c.customerId, c]));
  const cities = new Map(scenario.cities.map((c) => [c.id, c]));
  const fresh = new Set(scenario.skus.filter((s) => s.coldChain).map((s) => s.sku));
  const cardsOf = (cold: boolean) =>
    parseRateCards(
      scenario.carriers.filter((c) => c.coldChain === cold).map(({ coldChain: _cold, ...card }) => card),
    );
  const coldCards = cardsOf(true);
  const dryCards = cardsOf(false);
  const bar = ctx.progress('dispatch       ', scenario.warehouses.length + shipping.length);

  const warehouses: WarehouseDispatch[] = [];
  const report: ReportWarehouseRoutes[] = [];
  const linehaulOrders: { warehouseId: string; order: ConsolidationOrder }[] = [];
  const vehicles: { warehouseId: string; areaTripCosts: Record<string, string> }[] = [];
  let feasible = true;
  for (const warehouse of scenario.warehouses) {
    const fleet = scenario.fleets.find((f) => f.warehouseId === warehouse.id)!;
    const origin = cities.get(warehouse.cityId)!;
    const mine = shipping.filter((o) => o.warehouseId === warehouse.id);
    const local = mine.filter((o) => customers.get(o.customerId)!.cityId === warehouse.cityId);
    const away = mine.filter((o) => customers.get(o.customerId)!.cityId !== warehouse.cityId);

    const problem: VrpProblem = {
      depot: { lat: warehouse.lat, lng: warehouse.lng },
      customers: local.map((o) => {
        const c = customers.get(o.customerId)!;
        return { id: o.orderId, lat: c.lat, lng: c.lng, demand: o.weightKg };
      }),
      vehicles: {
        id: fleet.van.id,
        capacity: fleet.van.capacityKg,
        count: fleet.van.count,
        maxDistance: fleet.van.maxDistanceKm,
      },
      distance: 'haversine',
      iterations,
      seed: scenario.seed,
    };
    const plan = solveVrp(problem);
    const check = evaluateVrpSolution(problem, { routes: plan.routes, unassigned: plan.unassigned });
    feasible &&= check.feasible;
    const byOrder = new Map(local.map((o) => [o.orderId, o]));
    const routes = plan.routes.map((route, r) => ({
      vehicle: `${fleet.van.id}-${r + 1}`,
      stops: route.stops.map((stop) => {
        const c = customers.get(byOrder.get(String(stop.id))!.customerId)!;
        return { id: c.customerId, name: c.name, lat: c.lat, lng: c.lng };
      }),
      distanceKm: round(route.distance, 1),
      load: round(route.load, 1),
      capacity: fleet.van.capacityKg,
    }));
    const km = round(
      routes.reduce((total, r) => total + r.distanceKm, 0),
      1,
    );
    warehouses.push({
      warehouseId: warehouse.id,
      local: local.length,
      linehaul: away.length,
      routes,
      unassigned: plan.unassigned.length,
      km,
      feasible: check.feasible,
    });
    report.push({
      warehouse: { id: warehouse.id, name: warehouse.name, lat: warehouse.lat, lng: warehouse.lng },
      routes,
      unassigned: plan.unassigned.length,
    });

    const areaTripCosts: Record<string, string> = {};
    for (const o of away) {
      const c = customers.get(o.customerId)!;
      const city = cities.get(c.cityId)!;
      const roadKm = Math.round(greatCircleKm(warehouse, city) * ROAD_FACTOR);
      areaTripCosts[city.area] = Money.of(fleet.truck.baseCost)
        .add(Money.of(fleet.truck.perKm).multiply(roadKm))
        .toDecimalString();
      const cold = o.lines.some((l) => l.reserved > 0 && fresh.has(l.sku));
      const shipment = {
        origin: origin.province,
        destination: city.area,
        weightKg: Math.max(0.1, o.weightKg),
        volumeM3: o.volumeM3,
      };
      const { quotes } = quote(shipment, cold ? coldCards : dryCards);
      const cheapest = quotes.reduce((a, b) => (b.total.lessThan(a.total) ? b : a));
      linehaulOrders.push({
        warehouseId: warehouse.id,
        order: {
          id: o.orderId,
          merchantId: o.merchantId,
          area: city.area,
          shipDate: ctx.date,
          weightKg: shipment.weightKg,
          volumeM3: o.volumeM3,
          aloneCost: cheapest.total.toDecimalString(),
        },
      });
    }
    vehicles.push({ warehouseId: warehouse.id, areaTripCosts });
    bar.tick();
  }

  // One consolidation per warehouse: its trucks leave from there.
  const alone: Money[] = [];
  const cost: Money[] = [];
  let loads = 0;
  let fair = true;
  for (const warehouse of scenario.warehouses) {
    const fleet = scenario.fleets.find((f) => f.warehouseId === warehouse.id)!;
    const mine = linehaulOrders.filter((o) => o.warehouseId === warehouse.id).map((o) => o.order);
    if (mine.length === 0) continue;
    const plan = consolidate({
      orders: mine,
      vehicles: [
        {
          id: fleet.truck.id,
          capacityKg: fleet.truck.capacityKg,
          capacityM3: fleet.truck.capacityM3,
          tripCost: fleet.truck.baseCost,
          areaTripCosts: vehicles.find((v) => v.warehouseId === warehouse.id)!.areaTripCosts,
        },
      ],
    });
    alone.push(plan.totals.aloneCost);
    cost.push(plan.totals.cost);
    loads += plan.totals.vehicles;
    fair &&=
      sum(
        plan.merchants.map((m) => m.saving),
        'CNY',
      ).equals(plan.totals.saving) && plan.orders.every((o) => o.pays.lessThanOrEqual(o.aloneCost));
  }

  for (const order of shipping) {
    await stock.fulfil({
      idempotencyKey: ctx.key('dispatch', order.orderId),
      reservationId: order.reservationId!,
      reference: `dispatched ${ctx.date}`,
    });
    bar.tick();
  }
  bar.finish();
  const aloneCost = sum(alone, 'CNY');
  const totalCost = sum(cost, 'CNY');
  return {
    cutOff: CUT_OFF,
    dispatched: shipping.length,
    heldForTomorrow: reserved.length - shipping.length,
    warehouses,
    km: round(
      warehouses.reduce((total, w) => total + w.km, 0),
      1,
    ),
    routes: warehouses.reduce((n, w) => n + w.routes.length, 0),
    consolidation: {
      orders: linehaulOrders.length,
      loads,
      aloneCost: aloneCost.toJSON(),
      cost: totalCost.toJSON(),
      saving: aloneCost.subtract(totalCost).toJSON(),
      fair,
    },
    feasible,
    report,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
