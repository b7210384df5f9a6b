/**
 * Time-window data of a sequence of visits, after Vidal, Crainic, Gendreau & Prins (2013),
 * "A hybrid genetic algorithm with adaptive diversity management for a large class of vehicle
 * routing problems with time-windows", Computers & Operations Research 40(1): 475-489.
 *
 * A sequence σ is summarised by four numbers: its minimum duration `D` (travel, service and
 * unavoidable waiting), its minimum time warp `TW` (how far service would have to go back in time
 * to meet every due time — zero when the windows can be kept), and the earliest `E` and latest `L`
 * start of its first visit that achieve them. Two sequences joined by an arc of travel time `t`
 * combine in O(1), so the feasibility of any move that reconnects precomputed prefixes and
 * suffixes is known in constant time.
 *
 * @example
 * const customer: TimeSegment = visitSegment(912, 967, 90); // { D: 90, TW: 0, E: 912, L: 967 }
 */
export interface TimeSegment {
  /**
   * Minimum duration, waiting included. Time warp is counted in it: the clock after the sequence
   * reads start + D − TW.
   */
  D: number;
  /** Minimum total time warp (lateness forgiven by travelling back in time). */
  TW: number;
  /** Earliest start of the first visit with duration D. */
  E: number;
  /** Latest start of the first visit with time warp TW. */
  L: number;
}

/**
 * The segment of a single visit: service time `service`, window `[ready, due]`.
 *
 * @example
 * visitSegment(912, 967, 90); // { D: 90, TW: 0, E: 912, L: 967 }
 */
export function visitSegment(ready: number, due: number, service: number): TimeSegment {
  return { D: service, TW: 0, E: ready, L: due };
}

/**
 * Joins `a` then `b` with `travel` time between the last visit of `a` and the first of `b`.
 *
 * @example
 * // Depot open [0, 100], then a customer with window [50, 60] ten time units away.
 * concatSegments(visitSegment(0, 100, 0), visitSegment(50, 60, 5), 10);
 * // { D: 15, TW: 0, E: 40, L: 50 } — leave at 40..50 to arrive inside the window without waiting
 */
export function concatSegments(a: TimeSegment, b: TimeSegment, travel: number): TimeSegment {
  const delta = a.D - a.TW + travel;
  const waiting = Math.max(b.E - delta - a.L, 0);
  const warp = Math.max(a.E + delta - b.L, 0);
  return {
    D: a.D + b.D + travel + waiting,
    TW: a.TW + b.TW + warp,
    E: Math.max(b.E - delta, a.E) - waiting,
    L: Math.min(b.L - delta, a.L) + warp,
  };
}
