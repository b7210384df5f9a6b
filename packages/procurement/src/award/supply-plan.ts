/**
 * The exact supply problem of one SKU: choose a quantity from each supplier — 0, or whole packs
 * between its minimum and its maximum — so that the total is as large as possible without
 * passing the demand, and, among the choices reaching that total, the cost is least.
 *
 * Each supplier's cost is piecewise linear in the quantity, one piece per price tier: with
 * all-units tiers it drops at every tier minimum, so the problem is not convex and greedy or LP
 * methods are not exact. `planSupply` is a dynamic programme over the total quantity: supplier
 * by supplier, `best[t]` is the least cost of buying exactly `t`; one tier's transition
 * `min over q of best[t − q] + a + b·q`, q running over whole packs inside the tier, is a
 * sliding-window minimum of `best[s] − b·s` along each residue class modulo the pack, kept in
 * a monotone deque, so it costs O(demand) per tier: O(suppliers × tiers × demand) in all
 * (quantities are first divided by the greatest common divisor of the pack sizes).
 *
 * Ties: among least-cost plans the one whose quantities, read from the last supplier back to
 * the first, are lexicographically smallest — earlier suppliers are preferred.
 */

/**
 * One supplier's offer in integer units: `0`, or a multiple of `pack` from `min` to `max`,
 * costing `intercept + slope × q` on the segment that contains `q`. Costs are integers (minor
 * units at some scale); the caller keeps every cost below 2^52.
 *
 * @example
 * const offer: SupplyOffer = { min: 24, max: 600, pack: 12, segments: [{ from: 1, to: 99, intercept: 0, slope: 1250 }, { from: 100, to: Infinity, intercept: 0, slope: 1180 }] };
 */
export interface SupplyOffer {
  /** The smallest quantity above 0 (a multiple of `pack`). */
  min: number;
  /** The largest quantity (a multiple of `pack`, at least `min`); below `min` the offer is unusable. */
  max: number;
  pack: number;
  /** Consecutive segments covering `[1, ∞)`: `cost(q) = intercept + slope × q` for `from ≤ q ≤ to`. */
  segments: readonly { from: number; to: number; intercept: number; slope: number }[];
}

/**
 * What `planSupply` chose.
 *
 * @example
 * const { filled, cost, quantities }: SupplyPlan = planSupply(500, offers);
 */
export interface SupplyPlan {
  /** The largest total at most the demand that the offers can make up exactly. */
  filled: number;
  /** The least cost of `filled`. */
  cost: number;
  /** Each offer's quantity, in offer order. */
  quantities: number[];
}

/**
 * Scratch memory `planSupply` can reuse from one call to the next (its DP tables), so that many
 * SKUs planned in a row do not each allocate and free megabytes. It only grows; drop it to free
 * it. Not safe to share between calls running at the same time (there are none: planSupply is
 * synchronous).
 *
 * @example
 * const workspace = createSupplyWorkspace();
 * for (const sku of skus) planSupply(sku.demand, sku.offers, workspace);
 */
export interface SupplyWorkspace {
  floats: Float64Array;
  ints: Int32Array;
}

/**
 * An empty {@link SupplyWorkspace}.
 *
 * @example
 * planSupply(500, offers, createSupplyWorkspace())
 */
export function createSupplyWorkspace(): SupplyWorkspace {
  return { floats: new Float64Array(0), ints: new Int32Array(0) };
}

/**
 * The exact least-cost plan for the largest fill (see the module comment).
 *
 * @param demand - a whole number ≥ 0
 * @param offers - validated offers (whole numbers, `min ≤ max`, multiples of `pack`)
 * @param workspace - scratch memory to reuse across calls (default: a fresh one)
 * @example
 * planSupply(30, [
 *   { min: 1, max: 100, pack: 1, segments: [{ from: 1, to: Infinity, intercept: 0, slope: 10 }] },
 *   { min: 12, max: 12, pack: 12, segments: [{ from: 1, to: Infinity, intercept: 0, slope: 8 }] },
 * ]) // { filled: 30, cost: 276, quantities: [18, 12] }
 */
export function planSupply(
  demand: number,
  offers: readonly SupplyOffer[],
  workspace: SupplyWorkspace = createSupplyWorkspace(),
): SupplyPlan {
  const { usable, g, size } = dimensions(demand, offers);
  if (g === 0 || size === 0) return { filled: 0, cost: 0, quantities: offers.map(() => 0) };
  const only = usable.indexOf(true);
  if (usable.lastIndexOf(true) === only) {
    // one usable offer: the most whole packs it can take, no search needed
    const offer = offers[only]!;
    const q = Math.floor(Math.min(demand, offer.max) / offer.pack) * offer.pack;
    const quantities = offers.map(() => 0);
    if (q < offer.min) return { filled: 0, cost: 0, quantities };
    quantities[only] = q;
    return { filled: q, cost: offerCost(offer, q), quantities };
  }

  const stages: number[] = [];
  for (let j = 0; j < offers.length; j++) if (usable[j]) stages.push(j);
  const n = size + 1;
  const { floats, ints } = reserve(workspace, 2 * n, stages.length * n);
  let best = floats.subarray(0, n);
  let next = floats.subarray(n, 2 * n);
  best.fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  // totals the offers so far can reach at most: beyond it every entry is still infinite
  let reach = 0;
  const rings: Rings = { index: new Int32Array(64), value: new Float64Array(64) };
  const shape = (offer: SupplyOffer) => {
    const pack = offer.pack / g;
    const lo = Math.ceil(offer.min / g / pack) * pack;
    const hi = Math.min(Math.floor(offer.max / g / pack) * pack, Math.floor(size / pack) * pack);
    return { pack, lo, hi };
  };

  const final = stages.length - 1;
  for (let stage = 0; stage < final; stage++) {
    const offer = offers[stages[stage]!]!;
    const { pack, lo, hi } = shape(offer);
    const previous = reach;
    reach = Math.min(size, reach + hi);
    const choice = ints.subarray(stage * n, (stage + 1) * n);
    relaxStage(best, next, choice, rings, offer, g, pack, lo, hi, previous, reach);
    const swap = best;
    best = next;
    next = swap;
  }

  // the last offer: only the largest total it reaches matters, so try the totals from the top
  // one by one (the first is nearly always reachable) before working out its whole stage
  const offer = offers[stages[final]!]!;
  const { pack, lo, hi } = shape(offer);
  const previous = reach;
  reach = Math.min(size, reach + hi);
  let filled = -1;
  let cost = Number.POSITIVE_INFINITY;
  let lastQ = 0;
  for (let t = reach; t >= 0 && t > reach - 4; t--) {
    const point = stageAt(best, offer, g, pack, lo, hi, previous, t);
    if (point.value !== Number.POSITIVE_INFINITY) {
      [filled, cost, lastQ] = [t, point.value, point.q];
      break;
    }
  }
  if (filled < 0) {
    const choice = ints.subarray(final * n, (final + 1) * n);
    relaxStage(best, next, choice, rings, offer, g, pack, lo, hi, previous, reach);
    filled = reach;
    while (filled > 0 && next[filled] === Number.POSITIVE_INFINITY) filled--;
    [cost, lastQ] = [next[filled]!, choice[filled]!];
  }
  const quantities = offers.map(() => 0);
  quantities[stages[final]!] = lastQ * g;
  let t = filled - lastQ;
  for (let stage = final - 1; stage >= 0; stage--) {
    const q = ints[stage * n + t]!;
    quantities[stages[stage]!] = q * g;
    t -= q;
  }
  return { filled: filled * g, cost, quantities };
}

/** Ring buffers for the deques, grown as needed. */
interface Rings {
  index: Int32Array;
  value: Float64Array;
}

/**
 * One offer's stage: `next[t] = min(best[t], best[t − q] + cost(q))` over its quantities `q`
 * (whole packs in `[lo, hi]`, in units of g) for every total up to `reach`, and `choice[t]` the
 * smallest `q` that gives it (0: none), segment by segment.
 */
function relaxStage(
  best: Float64Array,
  next: Float64Array,
  choice: Int32Array,
  rings: Rings,
  offer: SupplyOffer,
  g: number,
  pack: number,
  lo: number,
  hi: number,
  previous: number,
  reach: number,
): void {
  next.set(best);
  choice.fill(0);
  if (lo > hi) return;
  for (const segment of offer.segments) {
    // the segment's quantities in units of g, as whole packs within [lo, hi]
    const from = Math.max(lo, Math.ceil(Math.ceil(segment.from / g) / pack) * pack);
    const to = Math.min(
      hi,
      segment.to === Number.POSITIVE_INFINITY ? hi : Math.floor(Math.floor(segment.to / g) / pack) * pack,
    );
    // totals above previous + to draw only on totals the earlier offers cannot reach
    const last = Math.min(reach, previous + to);
    if (from > to || from > last) continue;
    const slope = segment.slope * g;
    if (to >= last) {
      relaxOpenSegment(best, next, choice, last, pack, from, segment.intercept, slope);
      continue;
    }
    // a ring buffer as long as the window: (to − from) / pack + 1 totals, one more while pushing
    let capacity = 2;
    while (capacity < (to - from) / pack + 2) capacity *= 2;
    if (rings.index.length < capacity) {
      rings.index = new Int32Array(capacity);
      rings.value = new Float64Array(capacity);
    }
    relaxSegment(best, next, choice, rings, capacity - 1, last, pack, from, to, segment.intercept, slope);
  }
}

/**
 * The last offer's stage at one total `t`: the least of `best[t]` and `best[t − q] + cost(q)`
 * over its quantities `q` (whole packs in `[lo, hi]`, `t − q` within the `previous` totals the
 * earlier offers reach), and the smallest `q` that gives it — what {@link relaxStage} would
 * leave in `next[t]` and `choice[t]`.
 */
function stageAt(
  best: Float64Array,
  offer: SupplyOffer,
  g: number,
  pack: number,
  lo: number,
  hi: number,
  previous: number,
  t: number,
): { value: number; q: number } {
  let value = best[t]!;
  let q = 0;
  if (lo > hi) return { value, q };
  const least = Math.ceil(Math.max(0, t - previous) / pack) * pack;
  const most = Math.min(hi, Math.floor(t / pack) * pack);
  for (const segment of offer.segments) {
    const from = Math.max(lo, least, Math.ceil(Math.ceil(segment.from / g) / pack) * pack);
    const to = Math.min(
      most,
      segment.to === Number.POSITIVE_INFINITY ? most : Math.floor(Math.floor(segment.to / g) / pack) * pack,
    );
    const slope = segment.slope * g;
    for (let k = from; k <= to; k += pack) {
      const candidate = best[t - k]! + segment.intercept + slope * k;
      if (candidate < value) {
        value = candidate;
        q = k;
      }
    }
  }
  return { value, q };
}

/** The workspace's arrays, grown (by doubling at least) to hold `floats` and `ints` entries. */
function reserve(workspace: SupplyWorkspace, floats: number, ints: number): SupplyWorkspace {
  if (workspace.floats.length < floats) {
    workspace.floats = new Float64Array(Math.max(floats, 2 * workspace.floats.length));
  }
  if (workspace.ints.length < ints)
    workspace.ints = new Int32Array(Math.max(ints, 2 * workspace.ints.length));
  return workspace;
}

/**
 * How much memory `planSupply` needs: usable offers × (1 + the totals it tracks).
 *
 * @example
 * supplyPlanCells(1000, offers) // 3 offers × 1001 totals = 3003
 */
export function supplyPlanCells(demand: number, offers: readonly SupplyOffer[]): number {
  const { usable, g, size } = dimensions(demand, offers);
  if (g === 0) return 0;
  return usable.filter(Boolean).length * (size + 1);
}

/** Usable offers, the packs' common divisor and the largest total (in units of it) worth tracking. */
function dimensions(demand: number, offers: readonly SupplyOffer[]) {
  const usable = offers.map((offer) => offer.max >= offer.min && offer.max > 0);
  let g = 0;
  for (let j = 0; j < offers.length; j++) if (usable[j]) g = gcd(g, offers[j]!.pack);
  if (g === 0 || demand <= 0) return { usable, g, size: 0 };
  let reachable = 0;
  for (let j = 0; j < offers.length; j++) if (usable[j]) reachable += Math.floor(offers[j]!.max / g);
  return { usable, g, size: Math.min(Math.floor(demand / g), reachable) };
}

/**
 * `next[t] = min(next[t], intercept + slope·t + min over s of (best[s] − slope·s))` with
 * `s = t − q`, `q` a multiple of `pack` in `[from, to]`, for totals `t` from `from` to `last`;
 * records the smallest such `q` in `choice` when it improves. The minimum over the sliding
 * window of `s` is kept in a monotone deque (a ring buffer of `mask + 1` entries, a power of
 * two longer than the window), along each residue class modulo the pack.
 */
function relaxSegment(
  best: Float64Array,
  next: Float64Array,
  choice: Int32Array,
  ring: { index: Int32Array; value: Float64Array },
  mask: number,
  last: number,
  pack: number,
  from: number,
  to: number,
  intercept: number,
  slope: number,
): void {
  const infinity = Number.POSITIVE_INFINITY;
  const { index, value: values } = ring;
  for (let residue = 0; residue < pack && residue <= last; residue++) {
    let head = 0;
    let tail = 0;
    // totals below `from` cannot use the segment: start at the first one of this residue from `from` on
    const start = from + ((((residue - from) % pack) + pack) % pack);
    for (let t = start; t <= last; t += pack) {
      const incoming = t - from;
      const value = best[incoming]!;
      if (value !== infinity) {
        const h = value - slope * incoming;
        // keep h strictly increasing from head to tail; on a tie the newer (smaller q) wins
        while (tail > head && values[(tail - 1) & mask]! >= h) tail--;
        index[tail & mask] = incoming;
        values[tail & mask] = h;
        tail++;
      }
      const oldest = t - to;
      while (tail > head && index[head & mask]! < oldest) head++;
      if (tail > head) {
        const candidate = intercept + slope * t + values[head & mask]!;
        if (candidate < next[t]!) {
          next[t] = candidate;
          choice[t] = t - index[head & mask]!;
        }
      }
    }
  }
}

/**
 * {@link relaxSegment} for a window that never drops an entry (`to ≥ last`, the open last
 * tier): the minimum is a running one (ties: the newer `s`, so the smaller `q`).
 */
function relaxOpenSegment(
  best: Float64Array,
  next: Float64Array,
  choice: Int32Array,
  last: number,
  pack: number,
  from: number,
  intercept: number,
  slope: number,
): void {
  const infinity = Number.POSITIVE_INFINITY;
  for (let residue = 0; residue < pack && residue <= last; residue++) {
    let low = infinity;
    let at = -1;
    const start = from + ((((residue - from) % pack) + pack) % pack);
    for (let t = start; t <= last; t += pack) {
      const incoming = t - from;
      const value = best[incoming]!;
      if (value !== infinity) {
        const h = value - slope * incoming;
        if (h <= low) {
          low = h;
          at = incoming;
        }
      }
      if (at >= 0) {
        const candidate = intercept + slope * t + low;
        if (candidate < next[t]!) {
          next[t] = candidate;
          choice[t] = t - at;
        }
      }
    }
  }
}

/** The cost of `q` (> 0) on the offer's segments. */
function offerCost(offer: SupplyOffer, q: number): number {
  for (const segment of offer.segments) {
    if (q >= segment.from && q <= segment.to) return segment.intercept + segment.slope * q;
  }
  return Number.POSITIVE_INFINITY;
}

function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}
