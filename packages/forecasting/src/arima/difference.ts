/**
 * `times`-fold lag-`lag` differences of `y` (R `diff(y, lag, differences)`): each pass maps
 * `y_t ↦ y_t − y_{t−lag}` and shortens the series by `lag`. Returns an empty array when the series is
 * too short.
 *
 * @example
 * difference([1, 4, 9, 16], 1) // [3, 5, 7]
 * difference([1, 4, 9, 16], 1, 2) // [2, 2]
 * difference([1, 2, 3, 10, 20, 30], 3) // [9, 18, 27]
 */
export function difference(y: ArrayLike<number>, lag = 1, times = 1): number[] {
  let out = Array.from(y);
  for (let k = 0; k < times; k++) {
    if (out.length <= lag) return [];
    const next = new Array<number>(out.length - lag);
    for (let t = lag; t < out.length; t++) next[t - lag] = out[t]! - out[t - lag]!;
    out = next;
  }
  return out;
}

/**
 * The series after `d` ordinary and `D` seasonal (lag `m`) differences, in R `auto.arima`'s order
 * (seasonal first; the two commute).
 *
 * @example
 * differenceSeries([1, 2, 4, 7, 11, 16], 1, 0, 1) // [1, 2, 3, 4, 5]
 */
export function differenceSeries(y: ArrayLike<number>, d: number, D: number, m: number): number[] {
  const seasonal = D > 0 ? difference(y, m, D) : Array.from(y);
  return d > 0 ? difference(seasonal, 1, d) : seasonal;
}

/**
 * Undoes differencing for forecasts: given the last observed values `history` (oldest first, at least
 * `δ.length` of them) and forecasts `w` of the differenced series, returns `y_{n+h} = w_h + Σ δ_i y_{n+h−i}`
 * with `δ` from `differencingPolynomial`.
 *
 * @example
 * integrate([5], [1], [2, 2, 2]) // [7, 9, 11]
 */
export function integrate(
  history: ArrayLike<number>,
  delta: ArrayLike<number>,
  w: ArrayLike<number>,
): number[] {
  const k = delta.length;
  const buf = Array.from(history).slice(-k);
  const out = new Array<number>(w.length);
  for (let h = 0; h < w.length; h++) {
    let v = w[h]!;
    const len = buf.length;
    for (let i = 1; i <= k; i++) v += delta[i - 1]! * buf[len - i]!;
    buf.push(v);
    out[h] = v;
  }
  return out;
}
