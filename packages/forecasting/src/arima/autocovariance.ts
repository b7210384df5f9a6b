/**
 * Reusable scratch space for {@link armaAutocovariance}. One per fit, so the likelihood evaluations of an
 * optimiser allocate nothing.
 */
export class AutocovarianceWorkspace {
  /** Working AR coefficients of the step-down and step-up recursions. */
  a: Float64Array = new Float64Array(0);
  b: Float64Array = new Float64Array(0);
  /** Partial autocorrelations κ_1…κ_p. */
  kappa: Float64Array = new Float64Array(0);
  /** Autocovariances of the pure AR part. */
  ar: Float64Array = new Float64Array(0);
  /** MA autocovariances Σ θ_i θ_{i+j}. */
  ma: Float64Array = new Float64Array(0);

  /** Grows the buffers for an ARMA(p, q) and a given largest lag. */
  ensure(p: number, q: number, maxLag: number): void {
    if (this.a.length < p + 1) {
      this.a = new Float64Array(p + 1);
      this.b = new Float64Array(p + 1);
      this.kappa = new Float64Array(p + 1);
    }
    if (this.ar.length < maxLag + q + 2) this.ar = new Float64Array(maxLag + q + 2);
    if (this.ma.length < q + 1) this.ma = new Float64Array(q + 1);
  }
}

/**
 * Autocovariances γ(0)…γ(maxLag) of the ARMA process `φ(B)X_t = θ(B)Z_t` with unit innovation variance,
 * in `O(p² + (maxLag + q)·(p + q))`: the AR part `U = Z/φ(B)` by the step-down (inverse Levinson–Durbin)
 * recursion to its partial autocorrelations κ_k and back up (`γ_U(k) = Σφ_{k−1,i}γ_U(k−i) + κ_k v_{k−1}`,
 * `γ_U(0) = 1/Π(1 − κ_k²)`), then `X = θ(B)U`: `γ_X(h) = Σ_j c_j γ_U(h − j)` with
 * `c_j = Σ_i θ_iθ_{i+|j|}`. Returns `false` (leaving `out` unspecified) when the AR part is not
 * stationary (some |κ_k| ≥ 1).
 *
 * @example
 * const g = new Float64Array(2);
 * armaAutocovariance([0.5], [], 1, g); // g = [4/3, 2/3]  (γ(0) = 1/(1−φ²), γ(1) = φγ(0))
 */
export function armaAutocovariance(
  phi: ArrayLike<number>,
  theta: ArrayLike<number>,
  maxLag: number,
  out: Float64Array,
  workspace: AutocovarianceWorkspace = new AutocovarianceWorkspace(),
): boolean {
  const p = phi.length;
  const q = theta.length;
  workspace.ensure(p, q, maxLag);
  const { a, b, kappa } = workspace;
  const gu = workspace.ar;
  const c = workspace.ma;
  const top = maxLag + q;
  // Step down: a ← φ, then κ_j = a_j and a_i ← (a_i + κ_j a_{j−i}) / (1 − κ_j²) for i < j.
  for (let i = 1; i <= p; i++) a[i] = phi[i - 1]!;
  let g0 = 1;
  for (let j = p; j >= 1; j--) {
    const kj = a[j]!;
    if (!(Math.abs(kj) < 1)) return false;
    kappa[j] = kj;
    const den = 1 - kj * kj;
    g0 /= den;
    for (let i = 1; i < j; i++) b[i] = (a[i]! + kj * a[j - i]!) / den;
    for (let i = 1; i < j; i++) a[i] = b[i]!;
  }
  if (!Number.isFinite(g0)) return false;
  // Step up: γ_U(k) = Σ_{i<k} φ_{k−1,i} γ_U(k−i) + κ_k v_{k−1}, with a holding φ_{k−1,·}.
  gu[0] = g0;
  let v = g0;
  for (let k = 1; k <= p && k <= top; k++) {
    const kk = kappa[k]!;
    let s = kk * v;
    for (let i = 1; i < k; i++) s += a[i]! * gu[k - i]!;
    gu[k] = s;
    // φ_{k,i} = φ_{k−1,i} − κ_k φ_{k−1,k−i};  φ_{k,k} = κ_k
    for (let i = 1; i < k; i++) b[i] = a[i]! - kk * a[k - i]!;
    for (let i = 1; i < k; i++) a[i] = b[i]!;
    a[k] = kk;
    v *= 1 - kk * kk;
  }
  for (let k = p + 1; k <= top; k++) {
    let s = 0;
    for (let i = 1; i <= p; i++) s += phi[i - 1]! * gu[k - i]!;
    gu[k] = s;
  }
  // MA autocovariances and the convolution.
  for (let j = 0; j <= q; j++) {
    let s = j === 0 ? 1 : theta[j - 1]!;
    for (let i = 1; i + j <= q; i++) s += theta[i - 1]! * theta[i + j - 1]!;
    c[j] = s;
  }
  for (let h = 0; h <= maxLag; h++) {
    let s = c[0]! * gu[h]!;
    for (let j = 1; j <= q; j++) s += c[j]! * (gu[h + j]! + gu[Math.abs(h - j)]!);
    out[h] = s;
  }
  return out[0]! > 0 && Number.isFinite(out[0]!);
}
