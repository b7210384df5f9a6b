import { parseInput, ValidationError } from '@s2b2b/core';
import { validateSeries } from '../models/validate.js';
import { type StlOptions, stlOptionsSchema } from './schemas.js';

/** Result of {@link stl}. */
export type StlDecomposition = {
  seasonal: number[];
  trend: number[];
  /** `y − seasonal − trend`. */
  remainder: number[];
  /** Robustness weights (all 1 without `robust`). */
  weights: number[];
};

/**
 * Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae & Terpenning 1990), the algorithm of
 * R `stats::stl` (its Fortran `stl.f`): inner loops of cycle-subseries smoothing, a low-pass filter of
 * moving averages and loess, and trend smoothing; with `robust`, outer loops of bisquare weights.
 * Defaults as R: `sDegree` 0, `tWindow` the next odd integer ≥ `1.5·period / (1 − 1.5/sWindow)`,
 * `tDegree` 1, `lWindow` the next odd integer ≥ `period`, jumps `⌈window/10⌉`, 2 inner loops (1 when
 * robust) and 15 outer loops when robust. `sWindow: 'periodic'` averages the seasonal component over
 * the cycles.
 *
 * @example
 * const { seasonal, trend, remainder } = stl(monthlySales, 12, { sWindow: 11 });
 */
export function stl(y: readonly number[], period: number, options: StlOptions): StlDecomposition {
  validateSeries(y, 1, 'stl');
  if (!Number.isInteger(period) || period < 2) {
    throw ValidationError.field('period', `must be an integer ≥ 2, got ${String(period)}`);
  }
  const n = y.length;
  if (n <= 2 * period)
    throw ValidationError.field('y', `stl needs more than two periods (> ${2 * period} points)`);
  const o = parseInput(stlOptionsSchema, options);
  const nextOdd = (x: number) => {
    const r = Math.round(x);
    return r % 2 === 0 ? r + 1 : r;
  };
  const periodic = o.sWindow === 'periodic';
  const sWindow = periodic ? 10 * n + 1 : (o.sWindow as number);
  const sDegree = periodic ? 0 : o.sDegree;
  const tWindow = o.tWindow ?? nextOdd(Math.ceil((1.5 * period) / (1 - 1.5 / sWindow)));
  const lWindow = o.lWindow ?? nextOdd(period);
  const tDegree = o.tDegree;
  const lDegree = o.lDegree ?? tDegree;
  const sJump = o.sJump ?? Math.ceil(sWindow / 10);
  const tJump = o.tJump ?? Math.ceil(tWindow / 10);
  const lJump = o.lJump ?? Math.ceil(lWindow / 10);
  const inner = o.inner ?? (o.robust ? 1 : 2);
  const outer = o.outer ?? (o.robust ? 15 : 0);
  const x = Float64Array.from(y);
  const { seasonal, trend, weights } = stlCore(x, period, {
    ns: sWindow,
    nt: tWindow,
    nl: lWindow,
    isdeg: sDegree,
    itdeg: tDegree,
    ildeg: lDegree,
    nsjump: sJump,
    ntjump: tJump,
    nljump: lJump,
    ni: inner,
    no: outer,
  });
  if (periodic) {
    const sums = new Float64Array(period);
    const counts = new Float64Array(period);
    for (let i = 0; i < n; i++) {
      sums[i % period] = sums[i % period]! + seasonal[i]!;
      counts[i % period] = counts[i % period]! + 1;
    }
    for (let i = 0; i < n; i++) seasonal[i] = sums[i % period]! / counts[i % period]!;
  }
  const s = Array.from(seasonal);
  const t = Array.from(trend);
  return {
    seasonal: s,
    trend: t,
    remainder: y.map((v, i) => v - s[i]! - t[i]!),
    weights: Array.from(weights),
  };
}

type StlParameters = {
  ns: number;
  nt: number;
  nl: number;
  isdeg: number;
  itdeg: number;
  ildeg: number;
  nsjump: number;
  ntjump: number;
  nljump: number;
  ni: number;
  no: number;
};

/** The `stl` driver of stl.f: windows made odd and ≥ 3, inner loops, then robustness iterations. */
function stlCore(
  y: Float64Array,
  np0: number,
  par: StlParameters,
): { seasonal: Float64Array; trend: Float64Array; weights: Float64Array } {
  const n = y.length;
  const odd3 = (v: number) => {
    const w = Math.max(3, v);
    return w % 2 === 0 ? w + 1 : w;
  };
  const ns = odd3(par.ns);
  const nt = odd3(par.nt);
  const nl = odd3(par.nl);
  const np = Math.max(2, np0);
  const trend = new Float64Array(n);
  const season = new Float64Array(n);
  const rw = new Float64Array(n);
  const work = Array.from({ length: 5 }, () => new Float64Array(n + 2 * np));
  let userw = false;
  for (let k = 0; ; k++) {
    stlStep(y, np, ns, nt, nl, par, userw, rw, season, trend, work);
    if (k + 1 > par.no) break;
    const fit = work[0]!;
    for (let i = 0; i < n; i++) fit[i] = trend[i]! + season[i]!;
    robustnessWeights(y, fit, rw);
    userw = true;
  }
  if (par.no <= 0) rw.fill(1);
  return { seasonal: season, trend, weights: rw };
}

/** `stlstp`: `ni` inner iterations updating `season` and `trend` in place. */
function stlStep(
  y: Float64Array,
  np: number,
  ns: number,
  nt: number,
  nl: number,
  par: StlParameters,
  userw: boolean,
  rw: Float64Array,
  season: Float64Array,
  trend: Float64Array,
  work: Float64Array[],
): void {
  const n = y.length;
  const [w1, w2, w3, w4, w5] = work as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  for (let j = 0; j < par.ni; j++) {
    for (let i = 0; i < n; i++) w1[i] = y[i]! - trend[i]!;
    cycleSubseries(w1, n, np, ns, par.isdeg, par.nsjump, userw, rw, w2, w3, w4, w5, season);
    lowPass(w2, n + 2 * np, np, w3, w1);
    loess(w3, n, nl, par.ildeg, par.nljump, false, w4, w1, w5);
    for (let i = 0; i < n; i++) season[i] = w2[np + i]! - w1[i]!;
    for (let i = 0; i < n; i++) w1[i] = y[i]! - season[i]!;
    loess(w1, n, nt, par.itdeg, par.ntjump, userw, rw, trend, w3);
  }
}

/**
 * `stlest`: the loess fit at `xs` (1-based abscissa) from points `nleft..nright` (1-based) of `y`, with
 * tricube weights (times `rw` when `userw`), local linear when `ideg` is 1. `null` when every weight is 0.
 */
function loessPoint(
  y: Float64Array,
  n: number,
  len: number,
  ideg: number,
  xs: number,
  nleft: number,
  nright: number,
  w: Float64Array,
  userw: boolean,
  rw: Float64Array,
): number | null {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = 0.999 * h;
  const h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    let wj = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      if (r <= h1) wj = 1;
      else {
        const u = r / h;
        const c = 1 - u * u * u;
        wj = c * c * c;
      }
      if (userw) wj *= rw[j - 1]!;
      a += wj;
    }
    w[j - 1] = wj;
  }
  if (a <= 0) return null;
  for (let j = nleft; j <= nright; j++) w[j - 1] = w[j - 1]! / a;
  if (h > 0 && ideg > 0) {
    let centre = 0;
    for (let j = nleft; j <= nright; j++) centre += w[j - 1]! * j;
    let b = xs - centre;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += w[j - 1]! * (j - centre) * (j - centre);
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] = w[j - 1]! * (b * (j - centre) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += w[j - 1]! * y[j - 1]!;
  return ys;
}

/** `stless`: loess smoothing of `y[0..n)` into `ys`, evaluated every `njump` points and interpolated between. */
function loess(
  y: Float64Array,
  n: number,
  len: number,
  ideg: number,
  njump: number,
  userw: boolean,
  rw: Float64Array,
  ys: Float64Array,
  res: Float64Array,
): void {
  if (n < 2) {
    ys[0] = y[0]!;
    return;
  }
  const newnj = Math.min(njump, n - 1);
  let nleft = 1;
  let nright = n;
  const fitAt = (i: number) => {
    const v = loessPoint(y, n, len, ideg, i, nleft, nright, res, userw, rw);
    ys[i - 1] = v === null ? y[i - 1]! : v;
  };
  if (len >= n) {
    nleft = 1;
    nright = n;
    for (let i = 1; i <= n; i += newnj) fitAt(i);
  } else if (newnj === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nleft = 1;
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) {
        nleft++;
        nright++;
      }
      fitAt(i);
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) {
        nleft = 1;
        nright = len;
      } else if (i >= n - nsh + 1) {
        nleft = n - len + 1;
        nright = n;
      } else {
        nleft = i - nsh + 1;
        nright = len + i - nsh;
      }
      fitAt(i);
    }
  }
  if (newnj !== 1) {
    for (let i = 1; i <= n - newnj; i += newnj) {
      const delta = (ys[i + newnj - 1]! - ys[i - 1]!) / newnj;
      for (let j = i + 1; j <= i + newnj - 1; j++) ys[j - 1] = ys[i - 1]! + delta * (j - i);
    }
    const k = Math.trunc((n - 1) / newnj) * newnj + 1;
    if (k !== n) {
      fitAt(n);
      if (k !== n - 1) {
        const delta = (ys[n - 1]! - ys[k - 1]!) / (n - k);
        for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = ys[k - 1]! + delta * (j - k);
      }
    }
  }
}

/** `stlss`: loess of each cycle-subseries, extended by one point at each end, into `season` (length n + 2·np). */
function cycleSubseries(
  y: Float64Array,
  n: number,
  np: number,
  ns: number,
  isdeg: number,
  nsjump: number,
  userw: boolean,
  rw: Float64Array,
  season: Float64Array,
  work1: Float64Array,
  work2: Float64Array,
  work3: Float64Array,
  work4: Float64Array,
): void {
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) work1[i - 1] = y[(i - 1) * np + j - 1]!;
    if (userw) for (let i = 1; i <= k; i++) work3[i - 1] = rw[(i - 1) * np + j - 1]!;
    // work2(2..k+1) ← smoothed subseries
    loess(work1, k, ns, isdeg, nsjump, userw, work3, work2.subarray(1), work4);
    const nright = Math.min(ns, k);
    const before = loessPoint(work1, k, ns, isdeg, 0, 1, nright, work4, userw, work3);
    work2[0] = before === null ? work2[1]! : before;
    const nleft = Math.max(1, k - ns + 1);
    const after = loessPoint(work1, k, ns, isdeg, k + 1, nleft, k, work4, userw, work3);
    work2[k + 1] = after === null ? work2[k]! : after;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j - 1] = work2[m - 1]!;
  }
}

/** `stlfts`: moving averages of lengths np, np and 3 of `x[0..n)` into `trend` (length n − 2·np). */
function lowPass(x: Float64Array, n: number, np: number, trend: Float64Array, work: Float64Array): void {
  movingAverage(x, n, np, trend);
  movingAverage(trend, n - np + 1, np, work);
  movingAverage(work, n - 2 * np + 2, 3, trend);
}

/** `stlma`: moving average of length `len` of `x[0..n)` into `ave` (length n − len + 1). */
function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  const newn = n - len + 1;
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i]!;
  ave[0] = v / len;
  for (let j = 1, k = len, m = 0; j < newn; j++, k++, m++) {
    v = v - x[m]! + x[k]!;
    ave[j] = v / len;
  }
}

/** `stlrwt`: bisquare robustness weights from the residuals, scaled by six times their median. */
function robustnessWeights(y: Float64Array, fit: Float64Array, rw: Float64Array): void {
  const n = y.length;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) r[i] = Math.abs(y[i]! - fit[i]!);
  const sorted = Float64Array.from(r).sort();
  const mid1 = Math.trunc(n / 2) + 1;
  const mid2 = n - mid1 + 1;
  const cmad = 3 * (sorted[mid1 - 1]! + sorted[mid2 - 1]!);
  const c9 = 0.999 * cmad;
  const c1 = 0.001 * cmad;
  for (let i = 0; i < n; i++) {
    const v = r[i]!;
    if (v <= c1) rw[i] = 1;
    else if (v <= c9) {
      const u = v / cmad;
      rw[i] = (1 - u * u) * (1 - u * u);
    } else rw[i] = 0;
  }
}
