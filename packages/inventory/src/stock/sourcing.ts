import { parseInput } from '@s2b2b/core';
import type { PositionKey } from '../store.js';
import { comparePositionKeys } from './positions.js';
import { type SourcingRequest, type SourcingRule, sourcingRequestSchema } from './schemas.js';

/**
 * Units of one SKU taken from one warehouse.
 *
 * @example
 * const a: SourcingAllocation = { warehouseId: 'WH-SH', sku: 'TEA-500G', quantity: 8 };
 */
export interface SourcingAllocation extends PositionKey {
  quantity: number;
}

/**
 * What no candidate could supply of one SKU.
 *
 * @example
 * const u: UnmetLine = { sku: 'TEA-500G', quantity: 4 };
 */
export interface UnmetLine {
  sku: string;
  quantity: number;
}

/**
 * Where an order's lines come from.
 *
 * @example
 * const plan: SourcingPlan = planSourcing(request);
 * plan.allocations; // [{ warehouseId, sku, quantity }, ...] in key order
 */
export interface SourcingPlan {
  rule: SourcingRule;
  /** Non-zero allocations, in position-key order. */
  allocations: SourcingAllocation[];
  /** What stays unsupplied, in line order (empty when the order is covered). */
  unmet: UnmetLine[];
  /** The warehouses that ship, most preferred first. */
  warehouses: string[];
  /**
   * Σ unit cost × quantity + Σ shipment cost of the shipping warehouses, as a decimal string,
   * when every shipping warehouse has a unit cost; otherwise `null`.
   */
  cost: string | null;
  /** `false` when the subset search was too large and a greedy heuristic chose instead. */
  exact: boolean;
}

/**
 * The exact subset search runs while 2^candidates × lines stays within this many line
 * evaluations (e.g. 16 warehouses for 64 lines, 12 for 1,000); larger requests use greedy rules.
 *
 * @example
 * EXACT_SOURCING_BUDGET // 4194304
 */
export const EXACT_SOURCING_BUDGET = 2 ** 22;

interface Candidate {
  warehouseId: string;
  index: number;
  distance: number | undefined;
  unitCost: bigint | undefined;
  shipmentCost: bigint;
  /** Units available per line (negative availability counts as 0). */
  available: number[];
}

interface Fill {
  /** Per candidate (by position in the subset): units per line. */
  taken: number[][];
  unmet: number[];
}

/**
 * Decides which warehouses supply an order. A pure function: the service runs it on positions
 * it has locked, then reserves exactly the plan.
 *
 * - `nearest`: each line is filled from the nearest candidate that has stock, then the next
 *   nearest (ties: candidate order).
 * - `cheapest`: the least Σ unit cost × quantity + Σ shipment cost of the warehouses that ship.
 *   Without shipment costs, filling each line from the cheapest lane first is optimal; with
 *   them, every subset of warehouses is searched (exact within {@link EXACT_SOURCING_BUDGET}).
 * - `fewest-splits`: the fewest warehouses shipping; ties go to the lower cost (when every
 *   candidate has a unit cost), then the shorter quantity-weighted distance (when every
 *   candidate has one), then candidate order.
 *
 * Every rule first supplies as much as the candidates can; what remains is `unmet`. Within the
 * chosen warehouses a line is filled in preference order: unit cost, distance, candidate order
 * (`nearest`: distance first). Costs are exact decimals.
 *
 * @throws ValidationError for a bad request (paths name the field)
 * @example
 * planSourcing({
 *   rule: 'fewest-splits',
 *   warehouses: [{ warehouseId: 'A' }, { warehouseId: 'B' }],
 *   lines: [{ sku: 'TEA', quantity: 10 }],
 *   stock: [{ warehouseId: 'A', sku: 'TEA', available: 6 }, { warehouseId: 'B', sku: 'TEA', available: 10 }],
 * }).allocations // [{ warehouseId: 'B', sku: 'TEA', quantity: 10 }]
 */
export function planSourcing(request: SourcingRequest): SourcingPlan {
  const input = parseInput(sourcingRequestSchema, request);
  const lines = input.lines;
  const scale = Math.max(
    0,
    ...input.warehouses.flatMap((w) => [decimals(w.unitCost), decimals(w.shipmentCost)]),
  );
  const lineIndex = new Map(lines.map((line, index) => [line.sku, index]));
  const byWarehouse = new Map<string, Candidate>();
  const candidates = input.warehouses.map((w, index) => {
    const candidate: Candidate = {
      warehouseId: w.warehouseId,
      index,
      distance: w.distance,
      unitCost: w.unitCost === undefined ? undefined : scaled(w.unitCost, scale),
      shipmentCost: w.shipmentCost === undefined ? 0n : scaled(w.shipmentCost, scale),
      available: lines.map(() => 0),
    };
    byWarehouse.set(w.warehouseId, candidate);
    return candidate;
  });
  for (const entry of input.stock) {
    const candidate = byWarehouse.get(entry.warehouseId);
    const line = lineIndex.get(entry.sku);
    if (candidate && line !== undefined) candidate.available[line] = Math.max(0, entry.available);
  }
  const preferred = candidates
    .filter((candidate) => candidate.available.some((units) => units > 0))
    .sort(preference(input.rule));
  const quantities = lines.map((line) => line.quantity);

  let chosen: Candidate[];
  let exact = true;
  const hasShipmentCosts = preferred.some((candidate) => candidate.shipmentCost > 0n);
  if (input.rule === 'nearest' || (input.rule === 'cheapest' && !hasShipmentCosts)) {
    chosen = preferred;
  } else {
    exact = 2 ** preferred.length * lines.length <= EXACT_SOURCING_BUDGET;
    if (input.rule === 'cheapest') {
      chosen = exact ? cheapestSubset(preferred, quantities) : dropWhileCheaper(preferred, quantities);
    } else {
      chosen = exact ? fewestSplitsSubset(preferred, quantities) : greedyCover(preferred, quantities);
    }
  }

  const fill = fillLines(chosen, quantities);
  const allocations: SourcingAllocation[] = [];
  const shipping: Candidate[] = [];
  chosen.forEach((candidate, position) => {
    const taken = fill.taken[position]!;
    if (taken.some((units) => units > 0)) shipping.push(candidate);
    taken.forEach((units, line) => {
      if (units > 0)
        allocations.push({ warehouseId: candidate.warehouseId, sku: lines[line]!.sku, quantity: units });
    });
  });
  const cost = costOf(
    shipping,
    fill.taken.filter((taken) => taken.some((units) => units > 0)),
  );
  return {
    rule: input.rule,
    allocations: allocations.sort(comparePositionKeys),
    unmet: fill.unmet.flatMap((units, line) =>
      units > 0 ? [{ sku: lines[line]!.sku, quantity: units }] : [],
    ),
    warehouses: shipping.map((candidate) => candidate.warehouseId),
    cost: cost === null ? null : formatScaled(cost, scale),
    exact,
  };
}

/** Fill order within chosen warehouses: unit cost, distance, candidate order; `nearest` puts distance first. */
function preference(rule: SourcingRule): (a: Candidate, b: Candidate) => number {
  return (a, b) => {
    const byCost = compareOptional(a.unitCost, b.unitCost);
    const byDistance = compareOptional(a.distance, b.distance);
    const first = rule === 'nearest' ? byDistance || byCost : byCost || byDistance;
    return first || a.index - b.index;
  };
}

/** Defined values first, in ascending order; undefined last. */
function compareOptional<T extends number | bigint>(a: T | undefined, b: T | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Fills each line from the candidates in the order given. */
function fillLines(order: readonly Candidate[], quantities: readonly number[]): Fill {
  const taken = order.map(() => quantities.map(() => 0));
  const unmet = quantities.map((quantity, line) => {
    let remaining = quantity;
    order.forEach((candidate, position) => {
      if (remaining === 0) return;
      const units = Math.min(remaining, candidate.available[line]!);
      taken[position]![line] = units;
      remaining -= units;
    });
    return remaining;
  });
  return { taken, unmet };
}

/** Units the candidates can supply together. */
function coverage(subset: readonly Candidate[], quantities: readonly number[]): number {
  let covered = 0;
  quantities.forEach((quantity, line) => {
    let units = 0;
    for (const candidate of subset) {
      units += candidate.available[line]!;
      if (units >= quantity) break;
    }
    covered += Math.min(quantity, units);
  });
  return covered;
}

/** Σ unit cost × units + shipment cost per shipping warehouse; `null` if one has no unit cost. */
function costOf(shipping: readonly Candidate[], taken: readonly number[][]): bigint | null {
  let total = 0n;
  for (const [position, candidate] of shipping.entries()) {
    if (candidate.unitCost === undefined) return null;
    const units = taken[position]!.reduce((sum, value) => sum + value, 0);
    total += candidate.unitCost * BigInt(units) + candidate.shipmentCost;
  }
  return total;
}

/** The cost of filling from a subset (in preference order), counting only warehouses that ship. */
function subsetCost(subset: readonly Candidate[], quantities: readonly number[]): bigint {
  const fill = fillLines(subset, quantities);
  const shipping: Candidate[] = [];
  const taken: number[][] = [];
  subset.forEach((candidate, position) => {
    if (fill.taken[position]!.some((units) => units > 0)) {
      shipping.push(candidate);
      taken.push(fill.taken[position]!);
    }
  });
  return costOf(shipping, taken) ?? 0n;
}

/** Every subset that supplies the most; the cheapest, then the smallest, then the earliest. */
function cheapestSubset(preferred: readonly Candidate[], quantities: readonly number[]): Candidate[] {
  const most = coverage(preferred, quantities);
  let best: { subset: Candidate[]; cost: bigint } | undefined;
  for (const subset of subsets(preferred)) {
    if (coverage(subset, quantities) !== most) continue;
    const cost = subsetCost(subset, quantities);
    if (
      !best ||
      cost < best.cost ||
      (cost === best.cost &&
        (subset.length < best.subset.length ||
          (subset.length === best.subset.length && compareIndexLists(subset, best.subset) < 0)))
    ) {
      best = { subset, cost };
    }
  }
  return best?.subset ?? [];
}

/** Greedy for large `cheapest` searches: drop the warehouse whose removal saves most, while any does. */
function dropWhileCheaper(preferred: readonly Candidate[], quantities: readonly number[]): Candidate[] {
  const most = coverage(preferred, quantities);
  let current = [...preferred];
  let currentCost = subsetCost(current, quantities);
  for (;;) {
    let next: { subset: Candidate[]; cost: bigint } | undefined;
    for (let drop = 0; drop < current.length; drop += 1) {
      const subset = current.filter((_, position) => position !== drop);
      if (coverage(subset, quantities) !== most) continue;
      const cost = subsetCost(subset, quantities);
      if (cost < (next?.cost ?? currentCost)) next = { subset, cost };
    }
    if (!next) return current;
    current = next.subset;
    currentCost = next.cost;
  }
}

/** The smallest subsets that supply the most, by size; ties by cost, weighted distance, order. */
function fewestSplitsSubset(preferred: readonly Candidate[], quantities: readonly number[]): Candidate[] {
  const most = coverage(preferred, quantities);
  if (most === 0) return [];
  const costed = preferred.every((candidate) => candidate.unitCost !== undefined);
  const located = preferred.every((candidate) => candidate.distance !== undefined);
  for (let size = 1; size <= preferred.length; size += 1) {
    let best: { subset: Candidate[]; cost: bigint; distance: number } | undefined;
    for (const subset of combinations(preferred, size)) {
      if (coverage(subset, quantities) !== most) continue;
      const cost = costed ? subsetCost(subset, quantities) : 0n;
      const distance = located ? weightedDistance(subset, quantities) : 0;
      if (!best || cost < best.cost || (cost === best.cost && distance < best.distance)) {
        best = { subset, cost, distance };
      }
    }
    if (best) return best.subset;
  }
  return [...preferred];
}

/** Greedy set cover for large `fewest-splits` searches: add the warehouse that supplies most, until all is supplied. */
function greedyCover(preferred: readonly Candidate[], quantities: readonly number[]): Candidate[] {
  const most = coverage(preferred, quantities);
  const chosen: Candidate[] = [];
  let covered = 0;
  while (covered < most) {
    let pick: { candidate: Candidate; covered: number } | undefined;
    for (const candidate of preferred) {
      if (chosen.includes(candidate)) continue;
      const with_ = coverage([...chosen, candidate], quantities);
      if (!pick || with_ > pick.covered) pick = { candidate, covered: with_ };
    }
    if (!pick || pick.covered === covered) break;
    chosen.push(pick.candidate);
    covered = pick.covered;
  }
  return chosen.sort((a, b) => preferred.indexOf(a) - preferred.indexOf(b));
}

function weightedDistance(subset: readonly Candidate[], quantities: readonly number[]): number {
  const fill = fillLines(subset, quantities);
  let total = 0;
  subset.forEach((candidate, position) => {
    for (const units of fill.taken[position]!) total += units * (candidate.distance ?? 0);
  });
  return total;
}

/** Non-empty subsets, each in the order of `items`. */
function* subsets<T>(items: readonly T[]): Generator<T[]> {
  const count = 2 ** items.length;
  for (let mask = 1; mask < count; mask += 1) {
    const subset: T[] = [];
    for (let bit = 0; bit < items.length; bit += 1) if (mask & (1 << bit)) subset.push(items[bit]!);
    yield subset;
  }
}

/** Subsets of one size, in lexicographic order of positions. */
function* combinations<T>(items: readonly T[], size: number): Generator<T[]> {
  const picks = Array.from({ length: size }, (_, index) => index);
  for (;;) {
    yield picks.map((index) => items[index]!);
    let slot = size - 1;
    while (slot >= 0 && picks[slot] === items.length - size + slot) slot -= 1;
    if (slot < 0) return;
    picks[slot]! += 1;
    for (let next = slot + 1; next < size; next += 1) picks[next] = picks[next - 1]! + 1;
  }
}

function compareIndexLists(a: readonly Candidate[], b: readonly Candidate[]): number {
  for (let position = 0; position < Math.min(a.length, b.length); position += 1) {
    const diff = a[position]!.index - b[position]!.index;
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

function decimals(value: string | undefined): number {
  return value?.split('.')[1]?.length ?? 0;
}

function scaled(value: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = value.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0'));
}

function formatScaled(value: bigint, scale: number): string {
  if (scale === 0) return value.toString();
  const digits = value.toString().padStart(scale + 1, '0');
  return `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
