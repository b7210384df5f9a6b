/**
 * Whether a series is constant in the sense of R `forecast::is.constant`, i.e. `all.equal(x, rep(x[1], n))`
 * (R ≥ 4.1): over the points that differ from the first value, the mean absolute difference is below
 * 1.5e-8, relative to their mean absolute value when that exceeds 1.5e-8. Empty and one-point series are
 * constant.
 *
 * @example
 * isConstant([5, 5, 5]) // true
 * isConstant([5, 5, 5, 5.0000001]) // false (relative difference 2e-8)
 */
export function isConstant(x: ArrayLike<number>): boolean {
  const n = x.length;
  if (n <= 1) return true;
  const first = x[0]!;
  let diff = 0;
  let scale = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v === first) continue;
    diff += Math.abs(v - first);
    scale += Math.abs(v);
    count++;
  }
  if (count === 0) return true;
  diff /= count;
  scale /= count;
  const tolerance = 1.5e-8;
  return (scale > tolerance ? diff / scale : diff) < tolerance;
}
