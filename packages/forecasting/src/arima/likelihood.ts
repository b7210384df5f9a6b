import { AutocovarianceWorkspace, armaAutocovariance } from './autocovariance.js';

/** The filter is treated as converged once `|M_t|·‖W_t‖²` (the size of `P_{t+1} − P_t`) is below this fraction of `F_t`. */
const STEADY_STATE_TOLERANCE = 1e-13;

/**
 * Exact Gaussian likelihood of a zero-mean (or unknown-mean) stationary ARMA process: the Kalman filter of
 * R `arima`'s state space (Harvey form, state dimension `r = max(p, q + 1)`, stationary start `P₀`) run with
 * the Chandrasekhar recursions of Morf, Sidhu & Kailath (1974) instead of the Riccati update. With a
 * stationary start, `P_{t+1} − P_t = W_t M_t W_tᵀ` has rank one, so with `v`-variance `F_t = ZP_tZᵀ` and
 * gain `K_t = TP_tZᵀ`:
 *
 * `F_{t+1} = F_t + M_t(ZW_t)²`, `K_{t+1} = K_t + M_t(ZW_t)·TW_t`, `W_{t+1} = TW_t − (ZW_t/F_t)·K_t`,
 * `M_{t+1} = M_t·F_t/F_{t+1}`, from `W₀ = K₀ = TP₀Zᵀ`, `M₀ = −1/F₀`
 *
 * — `O(r)` per observation (the companion `T` costs `O(r)` to apply) instead of `O(r²)`, and only the first
 * column of `P₀` is needed (`Σ_{k>j} φ_kγ(k−j) + Σ_{k≥j} θ_kψ_{k−j}`). Once the variance update is
 * negligible the gain is frozen. A test checks the result against the full Kalman filter.
 *
 * The unknown mean, when asked for, is concentrated out by generalised least squares: the data and a
 * constant series run through the same gains, and the mean that minimises the weighted sum of squares is
 * read off the two sets of innovations.
 *
 * One instance holds the scratch buffers of a fit; {@link evaluate} allocates nothing once they are
 * large enough.
 *
 * @example
 * const lik = new ArmaLikelihood();
 * lik.evaluate(Float64Array.from([1, -1, 2]), new Float64Array([0.5]), new Float64Array(0), false);
 * lik.ssq; // Σ e_t²/F_t with F = (4/3, 1, 1): 0.75 + 2.25 + 6.25 = 9.25
 */
export class ArmaLikelihood {
  /** Σ (innovation² / F_t) at the estimated mean (σ² = 1 units). */
  ssq = 0;
  /** Σ log F_t. */
  logDet = 0;
  /** The GLS mean (0 without a mean). */
  mean = 0;
  /** Number of observations of the last evaluation. */
  n = 0;
  /** Standardised innovations `e_t / √F_t` of the last evaluation (length ≥ n). */
  residuals: Float64Array = new Float64Array(0);
  /** Innovation variances F_t (σ² = 1 units) of the last evaluation. */
  variances: Float64Array = new Float64Array(0);

  private iw = new Float64Array(0);
  private i1 = new Float64Array(0);
  private gamma = new Float64Array(0);
  private psi = new Float64Array(0);
  private phiR = new Float64Array(0);
  private loading = new Float64Array(0);
  private gain = new Float64Array(0);
  private w = new Float64Array(0);
  private a = new Float64Array(0);
  private a1 = new Float64Array(0);
  private readonly acvf = new AutocovarianceWorkspace();

  private ensure(n: number, r: number): void {
    if (this.iw.length < n) {
      this.iw = new Float64Array(n);
      this.i1 = new Float64Array(n);
      this.residuals = new Float64Array(n);
      this.variances = new Float64Array(n);
    }
    if (this.gamma.length < r + 2) {
      this.gamma = new Float64Array(r + 2);
      this.psi = new Float64Array(r + 2);
      this.phiR = new Float64Array(r + 1);
      this.loading = new Float64Array(r + 1);
      this.gain = new Float64Array(r + 1);
      this.w = new Float64Array(r + 1);
      this.a = new Float64Array(r + 1);
      this.a1 = new Float64Array(r + 1);
    }
  }

  /**
   * Runs the filter on `x[0..n)` (default the whole array) for the ARMA with coefficients `phi`
   * (`1 − Σφ_iB^i`, stationary) and `theta` (`1 + Σθ_jB^j`); with `estimateMean` the mean is estimated.
   * Returns `false` when the model is not stationary or the recursion breaks down numerically.
   */
  evaluate(
    x: Float64Array,
    phi: Float64Array,
    theta: Float64Array,
    estimateMean: boolean,
    n: number = x.length,
  ): boolean {
    const p = phi.length;
    const q = theta.length;
    const r = Math.max(p, q + 1);
    this.ensure(n, r);
    this.n = n;
    const gamma = this.gamma;
    const psi = this.psi;
    const ph = this.phiR;
    const R = this.loading;
    const K = this.gain;
    const W = this.w;
    const a = this.a;
    const a1 = this.a1;
    // φ and R = (1, θ) padded to r (+1 guard slot for the shift in T·v).
    ph.fill(0, 0, r + 1);
    R.fill(0, 0, r + 1);
    for (let i = 0; i < p; i++) ph[i] = phi[i]!;
    R[0] = 1;
    for (let j = 0; j < q; j++) R[j + 1] = theta[j]!;
    if (p + q > 0) {
      if (!armaAutocovariance(phi, theta, r, gamma, this.acvf)) return false;
    } else gamma[0] = 1;
    // ψ_0..ψ_{r-1}
    for (let j = 0; j < r; j++) {
      let v = R[j]!;
      const top = Math.min(j, p);
      for (let i = 1; i <= top; i++) v += ph[i - 1]! * psi[j - i]!;
      psi[j] = v;
    }
    // First column of P₀ (into W for now), then K₀ = T·P₀[:,0] and W₀ = K₀.
    for (let j = 0; j < r; j++) {
      let s = 0;
      for (let k = j + 1; k <= p; k++) s += ph[k - 1]! * gamma[k - j]!;
      for (let k = j; k <= q; k++) s += R[k]! * psi[k - j]!;
      W[j] = s;
    }
    W[r] = 0;
    let F = W[0]!;
    if (!(F > 0) || !Number.isFinite(F)) return false;
    for (let i = 0; i < r; i++) K[i] = ph[i]! * F + W[i + 1]!;
    K[r] = 0;
    for (let i = 0; i < r; i++) W[i] = K[i]!;
    let M = -1 / F;
    a.fill(0, 0, r + 1);
    a1.fill(0, 0, r + 1);
    const v = this.variances;
    const iw = this.iw;
    const i1 = this.i1;
    let logDet = 0;
    let sw1 = 0;
    let s11 = 0;
    let steady = false;
    for (let t = 0; t < n; t++) {
      const ew = x[t]! - a[0]!;
      const e1 = 1 - a1[0]!;
      iw[t] = ew;
      i1[t] = e1;
      v[t] = F;
      logDet += Math.log(F);
      const invF = 1 / F;
      sw1 += ew * e1 * invF;
      s11 += e1 * e1 * invF;
      // a ← T a + K e / F  (companion T: (Ta)_i = φ_{i+1} a_0 + a_{i+1}); the constant series only with a mean
      const gw = ew * invF;
      const a0 = a[0]!;
      if (estimateMean) {
        const g1 = e1 * invF;
        const b0 = a1[0]!;
        for (let i = 0; i < r; i++) {
          const ki = K[i]!;
          const fi = ph[i]!;
          a[i] = fi * a0 + a[i + 1]! + ki * gw;
          a1[i] = fi * b0 + a1[i + 1]! + ki * g1;
        }
      } else {
        for (let i = 0; i < r; i++) a[i] = ph[i]! * a0 + a[i + 1]! + K[i]! * gw;
      }
      if (steady) continue;
      const w0 = W[0]!;
      const dF = M * w0 * w0;
      const Fnew = F + dF;
      if (!(Fnew > 0)) return false;
      const c = M * w0;
      const d = w0 * invF;
      // W ← TW − (ZW/F)·K and K ← K + M·(ZW)·TW in one pass (W[i+1] is still the old value when read).
      let ww = 0;
      for (let i = 0; i < r; i++) {
        const twi = ph[i]! * w0 + W[i + 1]!;
        const ki = K[i]!;
        const wi = twi - d * ki;
        W[i] = wi;
        ww += wi * wi;
        K[i] = ki + c * twi;
      }
      M = (M * F) / Fnew;
      F = Fnew;
      // P_{t+1} − P_t = M·WWᵀ: frozen once it is negligible (every later F_t stays within the tolerance).
      if (Math.abs(M) * ww < STEADY_STATE_TOLERANCE * F) steady = true;
    }
    let mu = 0;
    if (estimateMean && s11 > 1e-12 * n) mu = sw1 / s11;
    const res = this.residuals;
    let ssq = 0;
    for (let t = 0; t < n; t++) {
      const e = (iw[t]! - mu * i1[t]!) / Math.sqrt(v[t]!);
      res[t] = e;
      ssq += e * e;
    }
    if (!Number.isFinite(ssq) || !Number.isFinite(logDet)) return false;
    this.ssq = ssq;
    this.logDet = logDet;
    this.mean = mu;
    return true;
  }
}

/**
 * The concentrated Gaussian log-likelihood (σ² at its maximum, `σ̂² = ssq / n`) of `n` observations:
 * `−½ (n log(2π σ̂²) + Σ log F_t + n)` — what R `arima` reports as `loglik`.
 *
 * @example
 * concentratedLoglik(9.25, Math.log(4 / 3), 3) // −½(3·log(2π·9.25/3) + log(4/3) + 3) ≈ −6.0896
 */
export function concentratedLoglik(ssq: number, logDet: number, n: number): number {
  if (n <= 0) return 0;
  return -0.5 * (n * Math.log((2 * Math.PI * ssq) / n) + logDet + n);
}
