import { armaAutocovariance } from './autocovariance.js';
import { psiWeights } from './polynomial.js';

/**
 * The state-space form of an ARMA(p, q) process used by R `arima` (Harvey 1989): state dimension
 * `r = max(p, q + 1)`, `α_{t+1} = T α_t + R ε_{t+1}`, `x_t = α_{1,t}`, with `T` the companion matrix
 * of φ (first column φ, ones on the superdiagonal) and `R = (1, θ₁, …, θ_{r−1})ᵀ`.
 */
export type ArmaStateSpace = {
  /** State dimension `max(p, q + 1)`. */
  r: number;
  /** φ padded with zeros to length `r`. */
  phi: Float64Array;
  /** `R = (1, θ₁, …)` padded to length `r`. */
  loading: Float64Array;
};

/**
 * Builds {@link ArmaStateSpace} from the (expanded) AR and MA coefficients.
 *
 * @example
 * armaStateSpace([0.5], [0.3]).r // 2
 */
export function armaStateSpace(phi: ArrayLike<number>, theta: ArrayLike<number>): ArmaStateSpace {
  const r = Math.max(phi.length, theta.length + 1);
  const ph = new Float64Array(r);
  for (let i = 0; i < phi.length; i++) ph[i] = phi[i]!;
  const loading = new Float64Array(r);
  loading[0] = 1;
  for (let i = 0; i < theta.length; i++) loading[i + 1] = theta[i]!;
  return { r, phi: ph, loading };
}

/**
 * The stationary covariance `P₀` of the state (σ² = 1), the solution of `P = TPTᵀ + RRᵀ`, built in
 * `O(r²)` from the autocovariances: the first row is `P₀[0][j] = Σ_{k>j} φ_k γ(k−j) + Σ_{k≥j} θ_k ψ_{k−j}`
 * and the Lyapunov equation read entry-wise, `P[i][j] = φ_{i+1}φ_{j+1}P[0][0] + φ_{i+1}P[0][j+1] +
 * φ_{j+1}P[0][i+1] + P[i+1][j+1] + θ_iθ_j`, fills the rest from the bottom-right corner. Returns `null`
 * when the AR part is not stationary.
 *
 * @example
 * initialStateCovariance(armaStateSpace([0.5], []))![0] // 4/3 = 1/(1 − φ²)
 */
export function initialStateCovariance(model: ArmaStateSpace): Float64Array | null {
  const { r, phi, loading } = model;
  // γ(0..r) and ψ(0..r) of the ARMA (trailing zeros of the padding do not change them).
  let p = r;
  while (p > 0 && phi[p - 1] === 0) p--;
  let q = r - 1;
  while (q > 0 && loading[q] === 0) q--;
  const phiT = phi.subarray(0, p);
  const thetaT = loading.subarray(1, q + 1);
  const gamma = new Float64Array(Math.max(r, p, q) + 2);
  if (!armaAutocovariance(phiT, thetaT, r, gamma)) return null;
  const psi = psiWeights(phiT, thetaT, r + 1);
  const P = new Float64Array(r * r);
  const first = new Float64Array(r + 1);
  for (let j = 0; j < r; j++) {
    let s = 0;
    for (let k = j + 1; k <= r; k++) s += phi[k - 1]! * gamma[k - j]!;
    for (let k = j; k < r; k++) s += loading[k]! * psi[k - j]!;
    first[j] = s;
  }
  for (let j = 0; j < r; j++) {
    P[j] = first[j]!;
    P[j * r] = first[j]!;
  }
  const p00 = first[0]!;
  for (let i = r - 1; i >= 1; i--) {
    for (let j = r - 1; j >= i; j--) {
      const fi = phi[i]!; // φ_{i+1}
      const fj = phi[j]!; // φ_{j+1}
      const next = i + 1 < r && j + 1 < r ? P[(i + 1) * r + j + 1]! : 0;
      const v = fi * fj * p00 + fi * first[j + 1]! + fj * first[i + 1]! + next + loading[i]! * loading[j]!;
      P[i * r + j] = v;
      P[j * r + i] = v;
    }
  }
  return P;
}

/** Result of {@link kalmanFilterArma}. */
export type KalmanFilterResult = {
  /** Σ v_t²/F_t (σ² = 1 units). */
  ssq: number;
  /** Σ log F_t. */
  logDet: number;
  /** Standardised innovations `v_t/√F_t`. */
  residuals: Float64Array;
  /** Predicted state `a_{n+1|n}` after the last observation. */
  state: Float64Array;
  /** Its covariance `P_{n+1|n}` (row-major `r×r`, σ² = 1 units). */
  covariance: Float64Array;
};

/**
 * The Kalman filter of a zero-mean stationary ARMA on `x`, started from the stationary distribution
 * (R `arima`'s `ARIMA_Like` without the differencing states). Returns the likelihood pieces, the
 * standardised innovations and the state needed to forecast, or `null` when the AR part is not
 * stationary.
 *
 * @example
 * kalmanFilterArma(Float64Array.from([1, -1, 2]), [0.5], [])!.ssq // 9.25
 */
export function kalmanFilterArma(
  x: ArrayLike<number>,
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
): KalmanFilterResult | null {
  const model = armaStateSpace(phi, theta);
  const P0 = initialStateCovariance(model);
  if (P0 === null) return null;
  const { r, phi: ph, loading } = model;
  const a = new Float64Array(r);
  const au = new Float64Array(r);
  const P = P0;
  const Pu = new Float64Array(r * r);
  const n = x.length;
  const residuals = new Float64Array(n);
  let ssq = 0;
  let logDet = 0;
  for (let t = 0; t < n; t++) {
    const F = P[0]!;
    if (!(F > 0)) return null;
    const v = x[t]! - a[0]!;
    residuals[t] = v / Math.sqrt(F);
    ssq += (v * v) / F;
    logDet += Math.log(F);
    // update
    for (let i = 0; i < r; i++) au[i] = a[i]! + (P[i * r]! * v) / F;
    for (let i = 0; i < r; i++) {
      const pi0 = P[i * r]!;
      for (let j = 0; j < r; j++) Pu[i * r + j] = P[i * r + j]! - (pi0 * P[j * r]!) / F;
    }
    // predict: a = T au, P = T Pu Tᵀ + R Rᵀ
    for (let i = 0; i < r; i++) a[i] = ph[i]! * au[0]! + (i + 1 < r ? au[i + 1]! : 0);
    const pu00 = Pu[0]!;
    for (let i = 0; i < r; i++) {
      const fi = ph[i]!;
      const rowNext = i + 1 < r ? (i + 1) * r : -1;
      for (let j = i; j < r; j++) {
        const fj = ph[j]!;
        let v2 = fi * fj * pu00 + loading[i]! * loading[j]!;
        if (j + 1 < r) v2 += fi * Pu[j + 1]!;
        if (rowNext >= 0) {
          v2 += fj * Pu[rowNext]!;
          if (j + 1 < r) v2 += Pu[rowNext + j + 1]!;
        }
        P[i * r + j] = v2;
        P[j * r + i] = v2;
      }
    }
  }
  return { ssq, logDet, residuals, state: a, covariance: P };
}
