/**
 * Conditional sum of squares of an ARMA model (R `arima`'s `CSS`): conditioning on the first
 * `p` observations (`p` the length of the expanded AR polynomial, `p + m·P`) and on zero innovations
 * before them, `e_t = x_t − Σφ_i x_{t−i} − Σθ_j e_{t−j}` for `t ≥ p`. An unknown mean is concentrated
 * out exactly (the residuals are linear in it). Cheap (`O(n·nnz)`), used for starting values and for the
 * approximate model search.
 *
 * @example
 * const css = new CssObjective();
 * css.evaluate(Float64Array.from([1, 2, 4]), new Float64Array([2]), new Float64Array(0), false);
 * css.ssq; // (2 − 2·1)² + (4 − 2·2)² = 0
 */
export class CssObjective {
  /** Σ e_t² over the `n − p` conditional residuals, at the estimated mean. */
  ssq = 0;
  /** Number of residuals (`n − p`). */
  count = 0;
  /** The least-squares mean (0 without a mean). */
  mean = 0;
  /** Residuals e_p … e_{n−1} at `residuals[0 … count)`. */
  residuals: Float64Array = new Float64Array(0);
  private ew = new Float64Array(0);
  private e1 = new Float64Array(0);
  private phiLag = new Int32Array(0);
  private phiCoef = new Float64Array(0);
  private thetaLag = new Int32Array(0);
  private thetaCoef = new Float64Array(0);

  /**
   * Evaluates on `x[0..n)`; returns `false` when there is nothing to condition on or the sums overflow.
   * The residuals go to `out` when given (length ≥ n − p), else to {@link residuals}.
   */
  evaluate(
    x: Float64Array,
    phi: Float64Array,
    theta: Float64Array,
    estimateMean: boolean,
    n: number = x.length,
    out?: Float64Array,
  ): boolean {
    const p = phi.length;
    const q = theta.length;
    const count = n - p;
    this.count = Math.max(0, count);
    if (count <= 0) return false;
    if (this.ew.length < n) {
      this.ew = new Float64Array(n);
      this.e1 = new Float64Array(n);
      this.residuals = new Float64Array(n);
    }
    if (this.phiLag.length < p) {
      this.phiLag = new Int32Array(p);
      this.phiCoef = new Float64Array(p);
    }
    if (this.thetaLag.length < q) {
      this.thetaLag = new Int32Array(q);
      this.thetaCoef = new Float64Array(q);
    }
    // Non-zero coefficients as (lag, value) pairs: seasonal polynomials are sparse.
    const pl = this.phiLag;
    const pc = this.phiCoef;
    const ql = this.thetaLag;
    const qc = this.thetaCoef;
    let np = 0;
    let phiSum = 0;
    for (let i = 0; i < p; i++) {
      const f = phi[i]!;
      if (f !== 0) {
        pl[np] = i + 1;
        pc[np++] = f;
      }
      phiSum += f;
    }
    let nq = 0;
    for (let j = 0; j < q; j++) {
      const c = theta[j]!;
      if (c !== 0) {
        ql[nq] = j + 1;
        qc[nq++] = c;
      }
    }
    const ew = this.ew;
    const e1 = this.e1;
    let sw1 = 0;
    let s11 = 0;
    const c1 = 1 - phiSum;
    for (let t = p; t < n; t++) {
      let a = x[t]!;
      for (let k = 0; k < np; k++) a -= pc[k]! * x[t - pl[k]!]!;
      // innovations before t = p are zero: only lags up to t − p
      const back = t - p;
      let b = c1;
      if (estimateMean) {
        for (let k = 0; k < nq; k++) {
          const lag = ql[k]!;
          if (lag > back) break;
          const c = qc[k]!;
          a -= c * ew[t - lag]!;
          b -= c * e1[t - lag]!;
        }
        sw1 += a * b;
        s11 += b * b;
      } else {
        for (let k = 0; k < nq; k++) {
          const lag = ql[k]!;
          if (lag > back) break;
          a -= qc[k]! * ew[t - lag]!;
        }
        b = 0;
      }
      ew[t] = a;
      e1[t] = b;
    }
    let mu = 0;
    if (estimateMean && s11 > 1e-12 * count) mu = sw1 / s11;
    const res = out ?? this.residuals;
    let ssq = 0;
    for (let t = p; t < n; t++) {
      const e = ew[t]! - mu * e1[t]!;
      res[t - p] = e;
      ssq += e * e;
    }
    if (!Number.isFinite(ssq)) return false;
    this.ssq = ssq;
    this.mean = mu;
    return true;
  }
}
