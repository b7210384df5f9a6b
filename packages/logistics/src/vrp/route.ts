/**
 * One vehicle's route inside the local search, stored as arrays over positions 0..len+1 (0 and
 * len+1 are the depot): the visits, prefix sums of distance, reverse distance and load, and the
 * time-warp data of every prefix (`f*`, depot..p) and suffix (`b*`, p..depot). With them, any
 * move that joins a prefix, at most two single visits and a suffix is priced in O(1).
 */
export class Route {
  readonly index: number;
  type: number;
  len = 0;
  nodes: Int32Array;
  cumDist: Float64Array;
  cumRev: Float64Array;
  cumLoad: Float64Array;
  fD: Float64Array;
  fTW: Float64Array;
  fE: Float64Array;
  fL: Float64Array;
  bD: Float64Array;
  bTW: Float64Array;
  bE: Float64Array;
  bL: Float64Array;
  /** Earliest departure from each position, leaving the depot at its opening (waiting allowed). */
  eDep: Float64Array;
  /** Latest start of service at each position that keeps the rest of the route on time. */
  lStart: Float64Array;
  load = 0;
  distance = 0;
  timeWarp = 0;
  duration = 0;
  /** Penalised cost: distance + fixed cost + penalties (0 when empty). */
  cost = 0;
  lastModified = -1;
  lastTestedSwapStar = -1;
  /** Whether the route is counted among the non-empty ones. */
  counted = false;
  /** Circle sector of the customers' polar angles: start and (positive) span. */
  sectorStart = 0;
  sectorSpan = 0;
  barycentreAngle = 0;

  constructor(index: number, type: number, capacity = 8) {
    this.index = index;
    this.type = type;
    this.nodes = new Int32Array(capacity);
    this.cumDist = new Float64Array(capacity);
    this.cumRev = new Float64Array(capacity);
    this.cumLoad = new Float64Array(capacity);
    this.fD = new Float64Array(capacity);
    this.fTW = new Float64Array(capacity);
    this.fE = new Float64Array(capacity);
    this.fL = new Float64Array(capacity);
    this.bD = new Float64Array(capacity);
    this.bTW = new Float64Array(capacity);
    this.bE = new Float64Array(capacity);
    this.bL = new Float64Array(capacity);
    this.eDep = new Float64Array(capacity);
    this.lStart = new Float64Array(capacity);
  }

  /** Makes room for `len` customers (len + 2 positions). Existing visits are kept. */
  reserve(len: number): void {
    const need = len + 2;
    if (this.nodes.length >= need) return;
    let cap = this.nodes.length;
    while (cap < need) cap *= 2;
    const grow = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as { new (n: number): T })(cap);
      b.set(a);
      return b;
    };
    this.nodes = grow(this.nodes);
    this.cumDist = grow(this.cumDist);
    this.cumRev = grow(this.cumRev);
    this.cumLoad = grow(this.cumLoad);
    this.fD = grow(this.fD);
    this.fTW = grow(this.fTW);
    this.fE = grow(this.fE);
    this.fL = grow(this.fL);
    this.bD = grow(this.bD);
    this.bTW = grow(this.bTW);
    this.bE = grow(this.bE);
    this.bL = grow(this.bL);
    this.eDep = grow(this.eDep);
    this.lStart = grow(this.lStart);
  }
}

const TWO_PI = 2 * Math.PI;

/** Angle difference `to - from` folded into [0, 2π). */
export function positiveAngle(from: number, to: number): number {
  let d = (to - from) % TWO_PI;
  if (d < 0) d += TWO_PI;
  return d;
}

/** Whether two circle sectors (start, span) overlap. */
export function sectorsOverlap(s1: number, span1: number, s2: number, span2: number): boolean {
  return positiveAngle(s1, s2) <= span1 || positiveAngle(s2, s1) <= span2;
}
