import { type Money, parseInput, roundToPack, ValidationError } from '@s2b2b/core';
import type { z } from 'zod';
import { exactFlowCost } from '../flow/min-cost-flow.js';
import { networkSimplex } from '../flow/network-simplex.js';
import { maxCostFor } from '../flow/schemas.js';
import { type FixedChargeProblem, solveFixedCharge } from './fixed-charge.js';
import {
  moneyFromUnits,
  multiplyScaled,
  type ScaledDecimal,
  scaledDecimal,
  toUnitsOf,
} from './scaled-cost.js';
import { type PlanRebalancingInput, planRebalancingInputSchema, type stockLevelSchema } from './schemas.js';

/**
 * One transfer order of a rebalancing plan.
 *
 * @example
 * const t: Transfer = { from: 'sh', to: 'bj', laneIndex: 0, quantity: 60, packs: 5, unitCost, fixedCost, cost, leadTimeDays: 2, reason }
 */
export interface Transfer {
  from: string;
  to: string;
  /** Index of the lane in the input (and its id, when it has one). */
  laneIndex: number;
  laneId?: string;
  /** Units moved (a whole number of packs). */
  quantity: number;
  packs: number;
  unitCost: Money;
  /** The lane's fixed cost per shipment (zero when it has none). */
  fixedCost: Money;
  /** quantity × unit cost + fixed cost. */
  cost: Money;
  leadTimeDays?: number;
  reason: {
    code: 'covers-shortage';
    /** The receiver's shortage this transfer helps cover, in units. */
    shortage: number;
    /** The donor's stock above its keep level, in units. */
    surplus: number;
    text: string;
  };
}

/**
 * Why (part of) a shortage stays unmet:
 * - `no-lane`: no usable lane from any warehouse with stock to give;
 * - `too-slow`: lanes exist but all are longer than the warehouse's `neededWithinDays`;
 * - `no-surplus`: every connected donor gave all it could (to this or other warehouses);
 * - `lane-capacity`: connected donors still hold surplus but the lanes from them are full;
 * - `penalty-cheaper`: moving more would cost more than the shortage penalty;
 * - `pack-rounding`: with `shortageRounding: 'down'`, the part below a whole pack.
 *
 * @example
 * const why: UnmetReason = 'lane-capacity'
 */
export type UnmetReason =
  | 'no-lane'
  | 'too-slow'
  | 'no-surplus'
  | 'lane-capacity'
  | 'penalty-cheaper'
  | 'pack-rounding';

/**
 * How a warehouse stands in the plan.
 *
 * @example
 * const w: WarehousePlan = { id: 'bj', position: 40, target: 120, keep: 120, role: 'receiver', shortage: 80, covered: 72, unmet: 8, unmetReason: 'no-surplus', surplus: 0, shipped: 0, surplusLeft: 0, incoming: 72, outgoing: 0 }
 */
export interface WarehousePlan {
  id: string;
  /** on hand + inbound − reserved. */
  position: number;
  target: number;
  keep: number;
  role: 'donor' | 'receiver' | 'balanced';
  /** Units below target (receivers). */
  shortage: number;
  /** Units of the shortage covered by incoming transfers (at most the shortage). */
  covered: number;
  /** shortage − covered. */
  unmet: number;
  unmetReason?: UnmetReason;
  /** Units it can give: above keep, at most what is physically free (on hand − reserved), in whole packs. */
  surplus: number;
  shipped: number;
  surplusLeft: number;
  incoming: number;
  outgoing: number;
}

/**
 * A rebalancing plan for one SKU.
 *
 * @example
 * const plan: RebalancingPlan = { sku: 'TEA', packSize: 1, transfers: [], warehouses: [], cost, optimality }
 */
export interface RebalancingPlan {
  sku?: string;
  packSize: number;
  transfers: Transfer[];
  /** Every warehouse, in input order. */
  warehouses: WarehousePlan[];
  cost: {
    /** Σ quantity × unit cost. */
    transport: Money;
    /** Σ fixed cost of the lanes used. */
    fixed: Money;
    /** Σ unmet packs × pack size × penalty; `null` without a penalty. */
    penalty: Money | null;
    /** transport + fixed + penalty. */
    total: Money;
  };
  optimality: {
    /** `min-cost-flow` without fixed costs; `branch-and-bound` with them. */
    method: 'min-cost-flow' | 'branch-and-bound';
    /** `optimal` when proven; `gap` when the branch budget ran out first. */
    status: 'optimal' | 'gap';
    /** A proven lower bound on the plan's total cost. */
    lowerBound: Money;
    /** (total − lowerBound) / total; 0 when proven. */
    gap: number;
    branchNodes: number;
  };
}

interface Site {
  index: number;
  id: string;
  position: number;
  target: number;
  keep: number;
  free: number;
  surplusPacks: number;
  needPacks: number;
  shortage: number;
  roundedAway: number;
  penalty: ScaledDecimal | undefined;
  neededWithinDays: number | undefined;
}

function levelOf(level: z.output<typeof stockLevelSchema>): number {
  if (typeof level === 'number') return level;
  return (level.safetyStock ?? 0) + (level.dailyDemand ?? 0) * (level.daysOfCover ?? 0);
}

/** Whole packs in `units`, rounded down or up, through core's exact decimal pack rounding. */
function packsIn(units: number, pack: number, mode: 'up' | 'down'): number {
  if (units <= 0) return 0;
  return Math.round(roundToPack(units, pack, mode) / pack);
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : String(Number(x.toFixed(6))));

/**
 * Plans stock transfers between warehouses for one SKU at minimum cost: warehouses below their
 * target (shortage = target − position, position = on hand + inbound − reserved) are supplied
 * from warehouses above their keep level (surplus = position − keep, at most what is physically
 * free, never from a warehouse below its own target), along the given lanes, in whole packs.
 *
 * The plan is a minimum-cost flow: donors supply their surplus packs, receivers ask for their
 * shortage packs, a dummy sink takes the surplus nobody needs (cost 0) and a dummy source covers
 * any shortage at the shortage penalty, so unequal totals are never an error. Without a penalty
 * every shortage that can be covered is covered (the dummy source costs more than any plan).
 * Lanes with a fixed cost per shipment make it a fixed-charge problem, solved by branch and bound
 * over min-cost-flow relaxations (exact when `optimality.status` is `optimal`; otherwise the
 * remaining gap to a proven lower bound is reported). Lanes slower than a receiver's
 * `neededWithinDays` are not used for it. Each transfer carries its reason, each short warehouse
 * what stayed unmet and why, each donor what surplus is left.
 *
 * Costs are exact decimals (strings or numbers) scaled to integers without rounding; quantities
 * may be fractional (kg) and move in whole packs (`packSize`, default 1). One SKU per call:
 * lane capacities and fixed costs are this SKU's; trucks shared across SKUs are not modelled.
 *
 * Throws `ValidationError` naming the field (unknown or duplicate warehouse ids, a lane from a
 * warehouse to itself, costs too fine or too large to optimise exactly).
 *
 * @example
 * planRebalancing({
 *   warehouses: [
 *     { id: 'sh', onHand: 300, target: 100 },
 *     { id: 'bj', onHand: 20, target: 100 },
 *     { id: 'gz', onHand: 40, target: 100 },
 *   ],
 *   lanes: [
 *     { from: 'sh', to: 'bj', unitCost: '1.20', leadTimeDays: 2 },
 *     { from: 'sh', to: 'gz', unitCost: '0.90', leadTimeDays: 2 },
 *   ],
 *   shortagePenalty: '5',
 * })
 * // transfers sh → bj 80 (96.00), sh → gz 60 (54.00); nothing unmet; 60 left at sh; total 150.00
 */
export function planRebalancing(input: PlanRebalancingInput): RebalancingPlan {
  const parsed = parseInput(planRebalancingInputSchema, input);
  const { packSize: pack, currency } = parsed;
  const packDecimal = scaledDecimal(pack, ['packSize']);

  // --- warehouses ---
  const byId = new Map<string, number>();
  const sites: Site[] = parsed.warehouses.map((w, index) => {
    if (byId.has(w.id))
      throw ValidationError.field(['warehouses', index, 'id'], `Duplicate warehouse id ${w.id}`, 'duplicate');
    byId.set(w.id, index);
    const position = w.onHand + w.inbound - w.reserved;
    const target = levelOf(w.target);
    const keep = w.keep === undefined ? target : levelOf(w.keep);
    const free = Math.max(0, w.onHand - w.reserved);
    const isDonor = position >= target && position > keep;
    const surplusUnits = isDonor ? Math.min(position - keep, free) : 0;
    const shortage = position < target ? target - position : 0;
    const needPacks = packsIn(shortage, pack, parsed.shortageRounding);
    return {
      index,
      id: w.id,
      position,
      target,
      keep,
      free,
      surplusPacks: packsIn(surplusUnits, pack, 'down'),
      needPacks,
      shortage,
      roundedAway: Math.max(0, shortage - needPacks * pack),
      penalty:
        w.shortagePenalty === undefined
          ? undefined
          : scaledDecimal(w.shortagePenalty, ['warehouses', index, 'shortagePenalty']),
      neededWithinDays: w.neededWithinDays,
    };
  });
  const planPenalty =
    parsed.shortagePenalty === undefined
      ? undefined
      : scaledDecimal(parsed.shortagePenalty, ['shortagePenalty']);

  // --- lanes ---
  const lanes = parsed.lanes.map((lane, i) => {
    const from = byId.get(lane.from);
    const to = byId.get(lane.to);
    if (from === undefined)
      throw ValidationError.field(
        ['lanes', i, 'from'],
        `Unknown warehouse ${lane.from}`,
        'unknown_warehouse',
      );
    if (to === undefined)
      throw ValidationError.field(['lanes', i, 'to'], `Unknown warehouse ${lane.to}`, 'unknown_warehouse');
    if (from === to)
      throw ValidationError.field(
        ['lanes', i, 'to'],
        'A lane must join two different warehouses',
        'same_warehouse',
      );
    return {
      index: i,
      id: lane.id,
      from,
      to,
      unit: scaledDecimal(lane.unitCost, ['lanes', i, 'unitCost']),
      fixed:
        lane.fixedCost === undefined ? undefined : scaledDecimal(lane.fixedCost, ['lanes', i, 'fixedCost']),
      capacityPacks:
        lane.capacity === undefined ? Number.POSITIVE_INFINITY : packsIn(lane.capacity, pack, 'down'),
      leadTimeDays: lane.leadTimeDays,
    };
  });

  // --- exact integer costs: every per-pack amount in units of 10^−places ---
  const perPack = lanes.map((l) => multiplyScaled(l.unit, packDecimal));
  const penaltyPerPack = sites.map((s) => {
    const p = s.penalty ?? planPenalty;
    return p === undefined ? undefined : multiplyScaled(p, packDecimal);
  });
  let places = 0;
  for (const c of perPack) places = Math.max(places, c.places);
  for (const l of lanes) if (l.fixed) places = Math.max(places, l.fixed.places);
  for (const p of penaltyPerPack) if (p) places = Math.max(places, p.places);
  if (places > 12) {
    throw ValidationError.field(
      ['lanes'],
      'Costs × pack size need more than 12 decimal places; round the costs',
      'too_precise',
    );
  }

  // --- the network: donors, receivers, dummy sink, dummy source ---
  const donors = sites.filter((s) => s.surplusPacks > 0);
  const receivers = sites.filter((s) => s.needPacks > 0);
  const node = new Map<number, number>();
  donors.forEach((s, k) => {
    node.set(s.index, k);
  });
  receivers.forEach((s, k) => {
    node.set(s.index, donors.length + k);
  });
  const sink = donors.length + receivers.length;
  const source = sink + 1;
  const nodes = sink + 2;
  const usable: typeof lanes = [];
  const tooSlow = new Set<number>();
  for (const lane of lanes) {
    const d = sites[lane.from] as Site;
    const r = sites[lane.to] as Site;
    if (d.surplusPacks === 0 || r.needPacks === 0 || lane.capacityPacks === 0) continue;
    if (
      r.neededWithinDays !== undefined &&
      lane.leadTimeDays !== undefined &&
      lane.leadTimeDays > r.neededWithinDays
    ) {
      tooSlow.add(r.index);
      continue;
    }
    usable.push(lane);
  }
  const laneUnits = usable.map((l) => toUnitsOf(perPack[l.index] as ScaledDecimal, places));
  const fixedUnits = usable.map((l) => (l.fixed ? toUnitsOf(l.fixed, places) : 0n));
  let maxLane = 0n;
  let totalFixed = 0n;
  for (const c of laneUnits) if (c > maxLane) maxLane = c;
  for (const f of fixedUnits) totalFixed += f;
  // Without a penalty, a unit left unmet must cost more than any plan could save by leaving it.
  const coverAll = (maxLane + 1n) * BigInt(nodes + 1) + totalFixed + 1n;
  const penaltyUnits = receivers.map((r) => {
    const p = penaltyPerPack[r.index];
    return p === undefined ? coverAll : toUnitsOf(p, places);
  });
  let largest = coverAll > maxLane ? coverAll : maxLane;
  for (const p of penaltyUnits) if (p > largest) largest = p;
  if (totalFixed > largest) largest = totalFixed;
  if (largest > BigInt(maxCostFor(nodes))) {
    throw ValidationError.field(
      ['lanes'],
      'Costs are too large (or too finely divided) to optimise exactly; use coarser units',
      'too_big',
    );
  }

  const from: number[] = [];
  const to: number[] = [];
  const cost: number[] = [];
  const capacity: number[] = [];
  const arc = (u: number, v: number, c: bigint, k: number): number => {
    from.push(u);
    to.push(v);
    cost.push(Number(c));
    capacity.push(k);
    return from.length - 1;
  };
  const supply = new Float64Array(nodes);
  let totalSurplus = 0;
  let totalNeed = 0;
  for (const d of donors) {
    supply[node.get(d.index) as number] = d.surplusPacks;
    totalSurplus += d.surplusPacks;
  }
  for (const r of receivers) {
    supply[node.get(r.index) as number] = -r.needPacks;
    totalNeed += r.needPacks;
  }
  supply[source] = totalNeed;
  // The sink takes the surplus nobody ships plus the dummy source's cover nobody needs.
  supply[sink] = -totalSurplus;
  const laneArc = usable.map((l, k) =>
    arc(node.get(l.from) as number, node.get(l.to) as number, laneUnits[k] as bigint, l.capacityPacks),
  );
  for (const d of donors) arc(node.get(d.index) as number, sink, 0n, Number.POSITIVE_INFINITY);
  const penaltyArc = receivers.map((r, k) =>
    arc(source, node.get(r.index) as number, penaltyUnits[k] as bigint, Number.POSITIVE_INFINITY),
  );
  arc(source, sink, 0n, Number.POSITIVE_INFINITY);

  const problem: FixedChargeProblem = {
    nodes,
    supply,
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    cost: Float64Array.from(cost),
    capacity: Float64Array.from(capacity),
    fixed: [],
  };
  usable.forEach((l, k) => {
    const charge = fixedUnits[k] as bigint;
    if (charge === 0n) return;
    const bound = Math.min(
      l.capacityPacks,
      (sites[l.from] as Site).surplusPacks,
      (sites[l.to] as Site).needPacks,
    );
    problem.fixed.push({ arc: laneArc[k] as number, charge: Number(charge), bound });
  });

  let flow: Float64Array;
  let lowerBound: bigint;
  let proven = true;
  let branchNodes = 0;
  let method: RebalancingPlan['optimality']['method'] = 'min-cost-flow';
  if (problem.fixed.length === 0) {
    const outcome = networkSimplex(nodes, supply, problem.from, problem.to, problem.cost, problem.capacity);
    flow = outcome.flow;
    lowerBound = exactFlowCost(flow, problem.cost);
  } else {
    method = 'branch-and-bound';
    const solution = solveFixedCharge(problem, parsed.maxBranchNodes);
    flow = solution.flow;
    lowerBound = solution.lowerBound;
    proven = solution.proven;
    branchNodes = solution.branchNodes;
  }

  // --- read the plan back ---
  const incoming = new Float64Array(sites.length);
  const outgoing = new Float64Array(sites.length);
  let transport = 0n;
  let fixedTotal = 0n;
  const used: { lane: (typeof lanes)[number]; k: number; packs: number; units: bigint; fixed: bigint }[] = [];
  usable.forEach((l, k) => {
    const packs = flow[laneArc[k] as number] as number;
    if (packs <= 0) return;
    outgoing[l.from] = (outgoing[l.from] as number) + packs;
    incoming[l.to] = (incoming[l.to] as number) + packs;
    const units = BigInt(packs) * (laneUnits[k] as bigint);
    transport += units;
    fixedTotal += fixedUnits[k] as bigint;
    used.push({ lane: l, k, packs, units, fixed: fixedUnits[k] as bigint });
  });
  let penaltyTotal = 0n;
  let artificialTotal = 0n; // the cover-all price of shortages without a penalty: not a real cost
  const unmetPacks = new Float64Array(sites.length);
  receivers.forEach((r, k) => {
    const packs = flow[penaltyArc[k] as number] as number;
    unmetPacks[r.index] = packs;
    const price = BigInt(packs) * (penaltyUnits[k] as bigint);
    if (penaltyPerPack[r.index] !== undefined) penaltyTotal += price;
    else artificialTotal += price;
  });
  const anyPenalty = sites.some((s) => penaltyPerPack[s.index] !== undefined);
  const money = (units: bigint) => moneyFromUnits(units, places, currency);

  const warehouses: WarehousePlan[] = sites.map((s) => {
    const inUnits = (incoming[s.index] as number) * pack;
    const outUnits = (outgoing[s.index] as number) * pack;
    const surplus = s.surplusPacks * pack;
    const covered = Math.min(s.shortage, inUnits);
    const unmet = s.shortage - covered;
    const plan: WarehousePlan = {
      id: s.id,
      position: s.position,
      target: s.target,
      keep: s.keep,
      role: s.surplusPacks > 0 ? 'donor' : s.shortage > 0 ? 'receiver' : 'balanced',
      shortage: s.shortage,
      covered,
      unmet,
      surplus,
      shipped: outUnits,
      surplusLeft: surplus - outUnits,
      incoming: inUnits,
      outgoing: outUnits,
    };
    return plan;
  });
  // Why a shortage stays: look at the lanes into the warehouse and the donors behind them.
  const lanesInto = new Map<number, number[]>();
  usable.forEach((l, k) => {
    const list = lanesInto.get(l.to);
    if (list) list.push(k);
    else lanesInto.set(l.to, [k]);
  });
  for (const s of sites) {
    const plan = warehouses[s.index] as WarehousePlan;
    if (plan.unmet <= 0) continue;
    if ((unmetPacks[s.index] as number) === 0) {
      plan.unmetReason = 'pack-rounding';
      continue;
    }
    const into = lanesInto.get(s.index) ?? [];
    if (into.length === 0) {
      plan.unmetReason = tooSlow.has(s.index) ? 'too-slow' : 'no-lane';
      continue;
    }
    const withStock = into.filter(
      (k) => (warehouses[(usable[k] as (typeof usable)[number]).from] as WarehousePlan).surplusLeft > 0,
    );
    if (withStock.length === 0) plan.unmetReason = 'no-surplus';
    else {
      const open = withStock.some(
        (k) => (flow[laneArc[k] as number] as number) < (usable[k] as (typeof usable)[number]).capacityPacks,
      );
      plan.unmetReason = open ? 'penalty-cheaper' : 'lane-capacity';
    }
  }

  const transfers: Transfer[] = used
    .map(({ lane, k, packs, units, fixed }) => {
      const donor = warehouses[lane.from] as WarehousePlan;
      const receiver = warehouses[lane.to] as WarehousePlan;
      const quantity = packs * pack;
      const unitCost = money(toUnitsOf(lane.unit, places));
      const total = money(units + fixed);
      const rivals = lanesInto.get(lane.to) ?? [];
      const cheapest = rivals.every(
        (j) =>
          (laneUnits[j] as bigint) + (fixedUnits[j] as bigint) >=
            (laneUnits[k] as bigint) + (fixedUnits[k] as bigint) || j === k,
      );
      const penalty = (sites[lane.to] as Site).penalty ?? planPenalty;
      const parts = [
        `${receiver.id} is ${fmt(receiver.shortage)} short of its target ${fmt(receiver.target)} (position ${fmt(receiver.position)})`,
        `${donor.id} holds ${fmt(donor.surplus)} above its keep level ${fmt(donor.keep)}`,
        `lane at ${unitCost.toDecimalString()}/unit${fixed > 0n ? ` + ${money(fixed).toDecimalString()} per shipment` : ''}${lane.leadTimeDays === undefined ? '' : `, ${fmt(lane.leadTimeDays)} d`}: ${
          rivals.length === 1
            ? `the only lane into ${receiver.id} from stock`
            : cheapest
              ? `the cheapest of ${rivals.length} lanes into ${receiver.id}`
              : `cheaper lanes into ${receiver.id} are full or their donors' stock serves other warehouses at a lower total cost`
        }${penalty === undefined ? '' : `; shortage penalty ${moneyFromUnits(penalty.coefficient, penalty.places, currency).toDecimalString()}/unit`}`,
      ];
      const transfer: Transfer = {
        from: donor.id,
        to: receiver.id,
        laneIndex: lane.index,
        quantity,
        packs,
        unitCost: money(toUnitsOf(lane.unit, places)),
        fixedCost: money(fixed),
        cost: total,
        reason: {
          code: 'covers-shortage',
          shortage: receiver.shortage,
          surplus: donor.surplus,
          text: `${parts.join('; ')}.`,
        },
      };
      if (lane.id !== undefined) transfer.laneId = lane.id;
      if (lane.leadTimeDays !== undefined) transfer.leadTimeDays = lane.leadTimeDays;
      return transfer;
    })
    .sort((a, b) => a.laneIndex - b.laneIndex);

  const total = transport + fixedTotal + penaltyTotal;
  // The solver's bound includes the cover-all price of shortages without a penalty; report it
  // on the real costs only.
  let bound = lowerBound - artificialTotal;
  if (bound > total) bound = total;
  if (bound < 0n) bound = 0n;
  const gap = total === 0n ? 0 : Number(total - bound) / Number(total);
  const result: RebalancingPlan = {
    packSize: pack,
    transfers,
    warehouses,
    cost: {
      transport: money(transport),
      fixed: money(fixedTotal),
      penalty: anyPenalty ? money(penaltyTotal) : null,
      total: money(total),
    },
    optimality: {
      method,
      status: proven ? 'optimal' : 'gap',
      lowerBound: money(bound),
      gap: proven ? 0 : gap,
      branchNodes,
    },
  };
  if (parsed.sku !== undefined) result.sku = parsed.sku;
  return result;
}
