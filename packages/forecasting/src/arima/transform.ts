/**
 * The partial-autocorrelation parametrisation of a stationary AR polynomial (Jones 1980; R `arima`'s
 * `transform.pars`): any real vector maps through `tanh` to partial autocorrelations in (−1, 1), and the
 * Durbin–Levinson recursion turns those into the coefficients of a stationary AR polynomial. The
 * optimiser works on the unconstrained side, so every likelihood it evaluates is of a stationary model.
 */

/**
 * Unconstrained values → stationary AR coefficients `φ₁…φ_p` (R `partrans`). Writes into `out` when
 * given (it may not alias `raw`).
 *
 * @example
 * pacfToAr([Math.atanh(0.5)]) // Float64Array [0.5]
 */
export function pacfToAr(raw: ArrayLike<number>, out?: Float64Array): Float64Array {
  const p = raw.length;
  const phi = out && out.length === p ? out : new Float64Array(p);
  for (let j = 0; j < p; j++) phi[j] = Math.tanh(raw[j]!);
  // Durbin–Levinson: φ_{j+1,k} = φ_{j,k} − φ_{j+1,j+1} φ_{j,j+1−k}; updated in place pairwise.
  for (let j = 1; j < p; j++) {
    const a = phi[j]!;
    for (let k = 0, l = j - 1; k <= l; k++, l--) {
      const lo = phi[k]!;
      const hi = phi[l]!;
      phi[k] = lo - a * hi;
      if (k !== l) phi[l] = hi - a * lo;
    }
  }
  return phi;
}

/**
 * Stationary AR coefficients → the unconstrained values (R `invpartrans`, then `atanh`): the inverse of
 * {@link pacfToAr}. Returns `null` when the polynomial is not stationary (a partial autocorrelation
 * reaches ±1).
 *
 * @example
 * arToPacf([0.5])![0] // Math.atanh(0.5)
 */
export function arToPacf(phi: ArrayLike<number>): Float64Array | null {
  const p = phi.length;
  const a = Float64Array.from(phi);
  const work = new Float64Array(p);
  for (let j = p - 1; j > 0; j--) {
    const r = a[j]!;
    const den = 1 - r * r;
    if (!(Math.abs(r) < 1) || den <= 0) return null;
    for (let k = 0; k < j; k++) work[k] = (a[k]! + r * a[j - k - 1]!) / den;
    for (let k = 0; k < j; k++) a[k] = work[k]!;
  }
  const out = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const r = a[j]!;
    if (!(Math.abs(r) < 1)) return null;
    out[j] = Math.atanh(r);
  }
  return out;
}
