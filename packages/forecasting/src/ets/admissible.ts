/** R `ets` accepts characteristic roots up to this modulus. */
const ROOT_TOLERANCE = 1 + 1e-10;

/**
 * Whether the smoothing parameters lie in the admissible (forecastable) region of the ETS model
 * (Hyndman, Akram & Archibald 2008), exactly as R `forecast:::admissible`: for non-seasonal
 * models the closed-form bounds on α and β given φ; for seasonal models three closed-form
 * conditions and then every root of the characteristic polynomial
 * `φ(1−α−γ) + (α+β−αφ+γ−1)z + (α+β−αφ)(z² + … + z^{m−1}) + (α+β−φ)z^m + z^{m+1}`
 * inside the circle of radius 1 + 1e-10 — checked by the Schur–Cohn recursion on the scaled
 * polynomial rather than by computing the roots. Pass `beta` / `gamma` as `null` for models
 * without a trend / season and `phi = 1` without damping.
 *
 * @example
 * etsAdmissible(0.3, 0.1, null, 0.9, 1) // true
 * etsAdmissible(0.3, 0.1, 0.9, 1, 12)   // false: α + γ too large for a stable season
 */
export function etsAdmissible(
  alpha: number,
  beta: number | null,
  gamma: number | null,
  phi: number,
  m: number,
): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (gamma === null) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (beta !== null && (beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  if (m <= 1) return true;
  const b = beta ?? 0;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (b < -(1 - phi) * (gamma / m + alpha)) return false;
  const degree = m + 1;
  const p = new Float64Array(degree + 1);
  p[0] = phi * (1 - alpha - gamma);
  p[1] = alpha + b - alpha * phi + gamma - 1;
  for (let k = 2; k < m; k++) p[k] = alpha + b - alpha * phi;
  p[m] = alpha + b - phi;
  p[m + 1] = 1;
  // roots of p inside radius ρ ⟺ roots of p(ρz) inside the unit circle
  let scale = 1;
  for (let k = 0; k <= degree; k++) {
    p[k] = (p[k] as number) * scale;
    scale *= ROOT_TOLERANCE;
  }
  return rootsInsideUnitCircle(p, degree, new Float64Array(degree + 1));
}

/**
 * Schur–Cohn test: whether every root of `Σ p_k z^k` (degree `n`, `p_n ≠ 0`) lies strictly inside
 * the unit circle. Each step requires `|p_0| < |p_n|` and replaces p by
 * `(p_n p(z) − p_0 z^n p(1/z)) / z`, one degree lower, whose roots are all inside exactly when
 * p's are. Overwrites `p`; `q` is scratch of the same length.
 */
function rootsInsideUnitCircle(p: Float64Array, n: number, q: Float64Array): boolean {
  for (let degree = n; degree >= 1; degree--) {
    const lead = p[degree] as number;
    const constant = p[0] as number;
    if (!(Math.abs(constant) < Math.abs(lead))) return false;
    for (let k = 0; k < degree; k++) {
      q[k] = lead * (p[k + 1] as number) - constant * (p[degree - k - 1] as number);
    }
    for (let k = 0; k < degree; k++) p[k] = q[k] as number;
    // keep the numbers of order one: the test is invariant to scaling p
    let largest = 0;
    for (let k = 0; k < degree; k++) largest = Math.max(largest, Math.abs(p[k] as number));
    if (!(largest > 0)) return false;
    for (let k = 0; k < degree; k++) p[k] = (p[k] as number) / largest;
  }
  return true;
}
