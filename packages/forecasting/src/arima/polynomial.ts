/**
 * Lag polynomials of seasonal ARIMA models, in the sign conventions of R `arima`:
 * AR `φ(B) = 1 − φ₁B − … − φ_pB^p`, MA `θ(B) = 1 + θ₁B + … + θ_qB^q`, and the coefficient
 * arrays hold φ₁…φ_p (θ₁…θ_q) without the leading 1.
 */

/**
 * The AR coefficients of `φ(B)·Φ(B^m)` (non-seasonal times seasonal AR), as `1 − Σ c_k B^k`:
 * `c` has length `p + m·P`.
 *
 * @example
 * expandAr([0.5], [0.3], 4) // Float64Array [0.5, 0, 0, 0.3, -0.15]
 */
export function expandAr(
  ar: ArrayLike<number>,
  sar: ArrayLike<number>,
  m: number,
  out?: Float64Array,
): Float64Array {
  const p = ar.length;
  const P = sar.length;
  const n = p + m * P;
  const c = out && out.length === n ? out : new Float64Array(n);
  c.fill(0);
  for (let i = 0; i < p; i++) c[i] = ar[i]!;
  for (let j = 0; j < P; j++) {
    const s = sar[j]!;
    const base = (j + 1) * m;
    c[base - 1] = c[base - 1]! + s;
    for (let i = 0; i < p; i++) c[base + i] = c[base + i]! - ar[i]! * s;
  }
  return c;
}

/**
 * The MA coefficients of `θ(B)·Θ(B^m)`, as `1 + Σ c_k B^k`: `c` has length `q + m·Q`.
 *
 * @example
 * expandMa([0.4], [0.5], 2) // Float64Array [0.4, 0.5, 0.2]
 */
export function expandMa(
  ma: ArrayLike<number>,
  sma: ArrayLike<number>,
  m: number,
  out?: Float64Array,
): Float64Array {
  const q = ma.length;
  const Q = sma.length;
  const n = q + m * Q;
  const c = out && out.length === n ? out : new Float64Array(n);
  c.fill(0);
  for (let i = 0; i < q; i++) c[i] = ma[i]!;
  for (let j = 0; j < Q; j++) {
    const s = sma[j]!;
    const base = (j + 1) * m;
    c[base - 1] = c[base - 1]! + s;
    for (let i = 0; i < q; i++) c[base + i] = c[base + i]! + ma[i]! * s;
  }
  return c;
}

/**
 * The differencing operator `(1 − B)^d (1 − B^m)^D` written as `1 − Σ δ_i B^i` (R `arima`'s `Delta`):
 * `δ` has length `d + m·D`, and `y_t = w_t + Σ δ_i y_{t−i}` undoes the differencing.
 *
 * @example
 * differencingPolynomial(1, 1, 4) // [1, 0, 0, 1, -1]
 */
export function differencingPolynomial(d: number, D: number, m: number): number[] {
  // Full polynomial with the leading 1, multiplied out factor by factor.
  let poly = [1];
  const times = (factor: number[]) => {
    const out = new Array<number>(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++) {
      for (let j = 0; j < factor.length; j++) out[i + j] = out[i + j]! + poly[i]! * factor[j]!;
    }
    poly = out;
  };
  for (let i = 0; i < d; i++) times([1, -1]);
  if (D > 0) {
    const seasonal = new Array<number>(m + 1).fill(0);
    seasonal[0] = 1;
    seasonal[m] = -1;
    for (let i = 0; i < D; i++) times(seasonal);
  }
  return poly.slice(1).map((c) => (c === 0 ? 0 : -c));
}

/**
 * The first `n` ψ-weights of `θ(B)/φ(B)`: `ψ₀ = 1`, `ψ_j = θ_j + Σ_{i=1}^{min(j,p)} φ_i ψ_{j−i}`
 * (the MA(∞) form of the ARMA process; pass the differencing folded into `phi` for ARIMA).
 *
 * @example
 * psiWeights([0.5], [], 4) // Float64Array [1, 0.5, 0.25, 0.125]
 */
export function psiWeights(phi: ArrayLike<number>, theta: ArrayLike<number>, n: number): Float64Array {
  const psi = new Float64Array(Math.max(0, n));
  const p = phi.length;
  const q = theta.length;
  for (let j = 0; j < n; j++) {
    let v = j === 0 ? 1 : j <= q ? theta[j - 1]! : 0;
    const top = Math.min(j, p);
    for (let i = 1; i <= top; i++) v += phi[i - 1]! * psi[j - i]!;
    psi[j] = v;
  }
  return psi;
}

/**
 * The AR coefficients of `φ(B)·δ(B)`, both written `1 − Σ c B`: folds differencing into the AR side
 * (`φ*(B)` of an ARIMA model).
 *
 * @example
 * multiplyAr([0.5], [1]) // Float64Array [1.5, -0.5]  ((1 − 0.5B)(1 − B) = 1 − 1.5B + 0.5B²)
 */
export function multiplyAr(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const out = new Float64Array(a.length + b.length);
  for (let i = 0; i < a.length; i++) out[i] = out[i]! + a[i]!;
  for (let j = 0; j < b.length; j++) {
    out[j] = out[j]! + b[j]!;
    for (let i = 0; i < a.length; i++) out[i + j + 1] = out[i + j + 1]! - a[i]! * b[j]!;
  }
  return out;
}
