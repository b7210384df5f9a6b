import { type Decimal, Money, parseInput, toDecimal } from '@s2b2b/core';
import { compareCodePoints } from '../common/compare.js';
import { type PackItem, type PackPlan, type PackVehicle, planCost } from './bins.js';
import { exactPartition } from './exact-partition.js';
import { firstFitDecreasing } from './first-fit-decreasing.js';
import { improvePlan } from './local-search.js';
import { reduceVehicles } from './reduce-vehicles.js';
import {
  type ConsolidationProblem,
  consolidationProblemSchema,
  type ParsedConsolidationProblem,
} from './schemas.js';
import { shareLoadSaving } from './share-savings.js';

/**
 * A shared load: one vehicle carrying orders of one area and ship date.
 *
 * @example
 * const { vehicleId, orders, cost, saving }: ConsolidatedLoad = result.loads[0]!;
 */
export interface ConsolidatedLoad {
  area: string;
  shipDate: string;
  vehicleId: string;
  /** Order ids, in input order. */
  orders: string[];
  /** Merchant ids in the load, sorted. */
  merchants: string[];
  weightKg: string;
  volumeM3: string;
  /** Load / capacity, as fractions from 0 to 1. */
  utilisation: { weight: number; volume: number };
  /** The trip's cost. */
  cost: Money;
  /** What its orders would cost shipped alone. */
  aloneCost: Money;
  /** `aloneCost − cost`, never negative. */
  saving: Money;
}

/**
 * What happened to one order.
 *
 * - `CONSOLIDATED` — it rides in a shared load (`load` is its index in `loads`);
 * - `CHEAPER_ALONE` — no load carried it for less than its stand-alone cost;
 * - `NO_VEHICLE_FITS` — it is heavier or bulkier than every vehicle type.
 *
 * @example
 * const { orderId, pays, saving, outcome }: OrderShare = result.orders[0]!;
 */
export interface OrderShare {
  orderId: string;
  merchantId: string;
  area: string;
  shipDate: string;
  outcome: 'CONSOLIDATED' | 'CHEAPER_ALONE' | 'NO_VEHICLE_FITS';
  load: number | null;
  aloneCost: Money;
  /** Its share of its load's cost, or its stand-alone cost. Never more than `aloneCost`. */
  pays: Money;
  saving: Money;
}

/**
 * A merchant's orders together.
 *
 * @example
 * const { merchantId, saving }: MerchantSaving = result.merchants[0]!;
 */
export interface MerchantSaving {
  merchantId: string;
  orders: number;
  aloneCost: Money;
  pays: Money;
  saving: Money;
}

/**
 * One area and ship date: how it was solved and what it saves.
 *
 * @example
 * const { method, vehicles, vehiclesLowerBound }: ConsolidationGroup = result.groups[0]!;
 */
export interface ConsolidationGroup {
  area: string;
  shipDate: string;
  orders: number;
  /** `exact`: every partition considered (small groups); `heuristic`: first-fit decreasing + local search. */
  method: 'exact' | 'heuristic';
  vehicles: number;
  /** max over weight and volume of ⌈Σ loaded / the largest capacity⌉: no plan carries the loaded orders in fewer vehicles. */
  vehiclesLowerBound: number;
  /** Vehicles plus the orders shipped alone. */
  cost: Money;
  aloneCost: Money;
  saving: Money;
}

/**
 * What `consolidate` returns. Totals: `aloneCost` = every order alone; `cost` = the loads plus
 * the orders still shipped alone; `saving = aloneCost − cost` = Σ orders' savings, exactly.
 *
 * @example
 * const { loads, orders, merchants, groups, totals }: ConsolidationResult = consolidate(problem);
 */
export interface ConsolidationResult {
  loads: ConsolidatedLoad[];
  orders: OrderShare[];
  merchants: MerchantSaving[];
  groups: ConsolidationGroup[];
  totals: { aloneCost: Money; cost: Money; saving: Money; vehicles: number; ordersConsolidated: number };
}

/**
 * Consolidates many merchants' orders into shared loads. Orders are grouped by destination
 * `area` and `shipDate`; each group is packed into hired vehicles by weight and volume at least
 * cost — vehicles plus the orders left to ship alone:
 *
 * - groups of up to `exactUpTo` orders (default 10) are solved exactly (dynamic programming
 *   over subsets);
 * - larger groups start from first-fit decreasing, once with each vehicle type as the
 *   reference, improved by local search (retype, release, empty, relocate, swap), keeping the
 *   cheapest. FFD's guarantee with identical vehicles: at most 11/9·OPT + 6/9 vehicles when one
 *   dimension binds (Dósa 2007), (2 + 7/10)·OPT + O(1) in two (Garey, Graham, Johnson & Yao
 *   1976); the search only accepts moves that lower the cost, so with one vehicle type it never
 *   adds a vehicle. Each group reports a vehicle lower bound beside its count.
 *
 * A load is kept only when it costs no more than its orders alone. Its saving is split over its
 * orders in proportion to their stand-alone costs with core `allocate`, so the savings sum to
 * the total saving to the cent and no order (hence no merchant) pays more than alone. Weights are
 * compared in whole grams (order weights rounded up, capacities down) and volumes in cm³.
 *
 * @throws ValidationError naming the field (`orders.3.aloneCost`, `vehicles.0.capacityM3`, ...)
 * @example
 * const result = consolidate({
 *   vehicles: [{ id: '4.2m', capacityKg: 2000, capacityM3: 16, tripCost: '650' }],
 *   orders: [
 *     { id: 'SO-1', merchantId: 'M-A', area: '浙江/杭州', shipDate: '2026-03-02', weightKg: 800, volumeM3: 5, aloneCost: '420' },
 *     { id: 'SO-2', merchantId: 'M-B', area: '浙江/杭州', shipDate: '2026-03-02', weightKg: 600, volumeM3: 4, aloneCost: '330' },
 *   ],
 * });
 * result.totals.saving.toString() // '100.00 CNY': one truck (650) instead of 420 + 330
 * result.merchants.map((m) => m.saving.toDecimalString()) // ['56.00', '44.00']
 */
export function consolidate(problem: ConsolidationProblem): ConsolidationResult {
  return consolidateParsed(parseInput(consolidationProblemSchema, problem));
}

interface GroupKey {
  area: string;
  shipDate: string;
  members: number[];
}

function consolidateParsed(problem: ParsedConsolidationProblem): ConsolidationResult {
  const { currency, orders } = problem;
  const money = (minor: number) => Money.fromMinor(minor, currency);
  const minor = (amount: string) => Number(Money.of(amount, currency).toMinorUnits());
  const items: PackItem[] = orders.map((order) => ({
    weight: grams(order.weightKg, 'up'),
    volume: cubicCm(order.volumeM3),
    alone: minor(order.aloneCost),
  }));

  const groups = groupOrders(problem);
  const loads: ConsolidatedLoad[] = [];
  const shares: (OrderShare | undefined)[] = new Array(orders.length);
  const summaries: ConsolidationGroup[] = [];

  for (const group of groups) {
    const vehicles: PackVehicle[] = problem.vehicles.map((vehicle) => ({
      weight: grams(vehicle.capacityKg, 'down'),
      volume: cubicCm(vehicle.capacityM3),
      cost: minor(vehicle.areaTripCosts?.[group.area] ?? vehicle.tripCost),
    }));
    const fits = (index: number) =>
      vehicles.some((v) => items[index]!.weight <= v.weight && items[index]!.volume <= v.volume);
    const packable = group.members.filter(fits);
    for (const index of group.members) {
      if (!fits(index))
        shares[index] = aloneShare(problem, index, 'NO_VEHICLE_FITS', money(items[index]!.alone));
    }
    const method = packable.length <= problem.exactUpTo && problem.exactUpTo > 0 ? 'exact' : 'heuristic';
    const plan =
      packable.length === 0
        ? { loads: [], alone: [] }
        : method === 'exact'
          ? exactPartition(packable, items, vehicles)
          : bestHeuristic(packable, items, vehicles);

    let loadedWeight = 0;
    let loadedVolume = 0;
    for (const load of plan.loads) {
      const members = [...load.items].sort((a, b) => a - b);
      const vehicle = problem.vehicles[load.vehicle]!;
      const cost = money(vehicles[load.vehicle]!.cost);
      const parts = shareLoadSaving(
        cost,
        members.map((index) => money(items[index]!.alone)),
      );
      const aloneCost = parts.reduce((sum, part) => sum.add(part.aloneCost), Money.zero(currency));
      const position = loads.length;
      members.forEach((index, k) => {
        const order = orders[index]!;
        shares[index] = {
          orderId: order.id,
          merchantId: order.merchantId,
          area: order.area,
          shipDate: order.shipDate,
          outcome: 'CONSOLIDATED',
          load: position,
          ...parts[k]!,
        };
      });
      loadedWeight += load.weight;
      loadedVolume += load.volume;
      const weight = members.reduce((sum, index) => sum.plus(orders[index]!.weightKg), toDecimal(0));
      const volume = members.reduce((sum, index) => sum.plus(orders[index]!.volumeM3), toDecimal(0));
      loads.push({
        area: group.area,
        shipDate: group.shipDate,
        vehicleId: vehicle.id,
        orders: members.map((index) => orders[index]!.id),
        merchants: [...new Set(members.map((index) => orders[index]!.merchantId))].sort(compareCodePoints),
        weightKg: weight.toFixed(),
        volumeM3: volume.toFixed(),
        utilisation: {
          weight: weight.div(vehicle.capacityKg).toNumber(),
          volume: volume.div(vehicle.capacityM3).toNumber(),
        },
        cost,
        aloneCost,
        saving: aloneCost.subtract(cost),
      });
    }
    for (const index of plan.alone) {
      shares[index] = aloneShare(problem, index, 'CHEAPER_ALONE', money(items[index]!.alone));
    }
    const maxWeight = Math.max(...vehicles.map((v) => v.weight));
    const maxVolume = Math.max(...vehicles.map((v) => v.volume));
    const groupAlone = group.members.reduce((sum, index) => sum + items[index]!.alone, 0);
    const groupCost =
      planCost(plan, items, vehicles) +
      group.members.filter((index) => !fits(index)).reduce((sum, index) => sum + items[index]!.alone, 0);
    summaries.push({
      area: group.area,
      shipDate: group.shipDate,
      orders: group.members.length,
      method,
      vehicles: plan.loads.length,
      vehiclesLowerBound:
        plan.loads.length === 0
          ? 0
          : Math.max(Math.ceil(loadedWeight / maxWeight), Math.ceil(loadedVolume / maxVolume)),
      cost: money(groupCost),
      aloneCost: money(groupAlone),
      saving: money(groupAlone - groupCost),
    });
  }

  const orderShares = shares as OrderShare[];
  const byMerchant = new Map<string, MerchantSaving>();
  for (const share of orderShares) {
    const entry = byMerchant.get(share.merchantId) ?? {
      merchantId: share.merchantId,
      orders: 0,
      aloneCost: Money.zero(currency),
      pays: Money.zero(currency),
      saving: Money.zero(currency),
    };
    entry.orders += 1;
    entry.aloneCost = entry.aloneCost.add(share.aloneCost);
    entry.pays = entry.pays.add(share.pays);
    entry.saving = entry.saving.add(share.saving);
    byMerchant.set(share.merchantId, entry);
  }
  const sumOf = (values: Money[]) => values.reduce((sum, value) => sum.add(value), Money.zero(currency));
  const aloneCost = sumOf(orderShares.map((share) => share.aloneCost));
  const cost = sumOf(orderShares.map((share) => share.pays));
  return {
    loads,
    orders: orderShares,
    merchants: [...byMerchant.values()],
    groups: summaries,
    totals: {
      aloneCost,
      cost,
      saving: aloneCost.subtract(cost),
      vehicles: loads.length,
      ordersConsolidated: orderShares.filter((share) => share.outcome === 'CONSOLIDATED').length,
    },
  };
}

/**
 * First-fit decreasing with each vehicle type as the reference, each improved by local search;
 * the cheapest (fewest loads on ties), then vehicle elimination and the local search once more.
 */
function bestHeuristic(
  indices: readonly number[],
  items: readonly PackItem[],
  vehicles: readonly PackVehicle[],
): PackPlan {
  let best: { plan: PackPlan; cost: number } | undefined;
  vehicles.forEach((vehicle, reference) => {
    if (
      !indices.some(
        (index) => items[index]!.weight <= vehicle.weight && items[index]!.volume <= vehicle.volume,
      )
    ) {
      return;
    }
    const plan = improvePlan(firstFitDecreasing(indices, items, vehicles, reference), items, vehicles);
    const cost = planCost(plan, items, vehicles);
    if (!best || cost < best.cost || (cost === best.cost && plan.loads.length < best.plan.loads.length)) {
      best = { plan, cost };
    }
  });
  const reduced = improvePlan(reduceVehicles(best!.plan, items, vehicles), items, vehicles);
  return planCost(reduced, items, vehicles) <= best!.cost ? reduced : best!.plan;
}

/** Orders grouped by (ship date, area), groups and members in a fixed order. */
function groupOrders(problem: ParsedConsolidationProblem): GroupKey[] {
  const groups = new Map<string, GroupKey>();
  problem.orders.forEach((order, index) => {
    const key = `${order.shipDate}\u0000${order.area}`;
    const group = groups.get(key) ?? { area: order.area, shipDate: order.shipDate, members: [] };
    group.members.push(index);
    groups.set(key, group);
  });
  return [...groups.values()].sort(
    (a, b) => compareCodePoints(a.shipDate, b.shipDate) || compareCodePoints(a.area, b.area),
  );
}

function aloneShare(
  problem: ParsedConsolidationProblem,
  index: number,
  outcome: 'CHEAPER_ALONE' | 'NO_VEHICLE_FITS',
  aloneCost: Money,
): OrderShare {
  const order = problem.orders[index]!;
  return {
    orderId: order.id,
    merchantId: order.merchantId,
    area: order.area,
    shipDate: order.shipDate,
    outcome,
    load: null,
    aloneCost,
    pays: aloneCost,
    saving: Money.zero(problem.currency),
  };
}

function grams(kg: Decimal, direction: 'up' | 'down'): number {
  const value = kg.times(1000);
  return (direction === 'up' ? value.ceil() : value.floor()).toNumber();
}

function cubicCm(m3: Decimal): number {
  return m3.times(1_000_000).toNumber();
}
