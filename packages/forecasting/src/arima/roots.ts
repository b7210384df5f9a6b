/** Complex roots of a real polynomial: parallel arrays of real and imaginary parts. */
export type PolynomialRoots = { re: number[]; im: number[] };

/**
 * Roots of `c₀ + c₁z + … + c_n z^n` (R `polyroot` order of coefficients). Trailing zero coefficients
 * are dropped; degree 1 and 2 are solved in closed form, higher degrees by the Durand–Kerner
 * iteration followed by Newton polishing on the original polynomial.
 *
 * @example
 * polynomialRoots([2, -3, 1]) // { re: [1, 2], im: [0, 0] }  (z² − 3z + 2)
 */
export function polynomialRoots(coefficients: ArrayLike<number>): PolynomialRoots {
  let n = coefficients.length - 1;
  while (n > 0 && coefficients[n] === 0) n--;
  if (n <= 0) return { re: [], im: [] };
  const lead = coefficients[n]!;
  // Monic coefficients a_0..a_{n-1} (a_n = 1).
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = coefficients[i]! / lead;
  if (n === 1) return { re: [-a[0]!], im: [0] };
  if (n === 2) return quadraticRoots(a[1]!, a[0]!);
  return durandKerner(a);
}

/** Roots of z² + bz + c, computed without cancellation. */
function quadraticRoots(b: number, c: number): PolynomialRoots {
  const disc = b * b - 4 * c;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    const q = -0.5 * (b + (b >= 0 ? s : -s));
    if (q === 0) return { re: [0, 0], im: [0, 0] };
    const r1 = q;
    const r2 = c / q;
    return r1 <= r2 ? { re: [r1, r2], im: [0, 0] } : { re: [r2, r1], im: [0, 0] };
  }
  const s = Math.sqrt(-disc) / 2;
  return { re: [-b / 2, -b / 2], im: [-s, s] };
}

/** Durand–Kerner (Weierstrass) iteration for a monic polynomial z^n + a_{n−1}z^{n−1} + … + a₀. */
function durandKerner(a: Float64Array): PolynomialRoots {
  const n = a.length;
  // Cauchy bound on the root moduli: starting points on a circle inside it.
  let bound = 0;
  for (let i = 0; i < n; i++) bound = Math.max(bound, Math.abs(a[i]!));
  const radius = Math.min(1 + bound, Math.max(0.5, bound ** (1 / n)) * 1.5);
  const zr = new Float64Array(n);
  const zi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const angle = (2 * Math.PI * k) / n + 0.4;
    zr[k] = radius * Math.cos(angle);
    zi[k] = radius * Math.sin(angle);
  }
  for (let iter = 0; iter < 2000; iter++) {
    let change = 0;
    for (let k = 0; k < n; k++) {
      const xr = zr[k]!;
      const xi = zi[k]!;
      // p(z) by Horner in complex arithmetic.
      let pr = 1;
      let pi = 0;
      for (let i = n - 1; i >= 0; i--) {
        const tr = pr * xr - pi * xi + a[i]!;
        pi = pr * xi + pi * xr;
        pr = tr;
      }
      // Π_{j≠k} (z_k − z_j)
      let dr = 1;
      let di = 0;
      for (let j = 0; j < n; j++) {
        if (j === k) continue;
        const er = xr - zr[j]!;
        const ei = xi - zi[j]!;
        const tr = dr * er - di * ei;
        di = dr * ei + di * er;
        dr = tr;
      }
      const den = dr * dr + di * di;
      if (den === 0) {
        // Coincident iterates: nudge apart.
        zr[k] = xr + 1e-8 * (1 + Math.abs(xr));
        change = Number.POSITIVE_INFINITY;
        continue;
      }
      const qr = (pr * dr + pi * di) / den;
      const qi = (pi * dr - pr * di) / den;
      zr[k] = xr - qr;
      zi[k] = xi - qi;
      change = Math.max(change, Math.hypot(qr, qi) / (1 + Math.hypot(xr, xi)));
    }
    if (change < 1e-15) break;
  }
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k < n; k++) {
    let xr = zr[k]!;
    let xi = zi[k]!;
    // Two Newton steps on the monic polynomial to polish.
    for (let s = 0; s < 2; s++) {
      let pr = 1;
      let pi = 0;
      let dpr = 0;
      let dpi = 0;
      for (let i = n - 1; i >= 0; i--) {
        const tdr = dpr * xr - dpi * xi + pr;
        dpi = dpr * xi + dpi * xr + pi;
        dpr = tdr;
        const tr = pr * xr - pi * xi + a[i]!;
        pi = pr * xi + pi * xr;
        pr = tr;
      }
      const den = dpr * dpr + dpi * dpi;
      if (den === 0) break;
      xr -= (pr * dpr + pi * dpi) / den;
      xi -= (pi * dpr - pr * dpi) / den;
    }
    re.push(xr);
    im.push(Math.abs(xi) < 1e-14 * (1 + Math.abs(xr)) ? 0 : xi);
  }
  return { re, im };
}

/**
 * The smallest root modulus of `1 − Σ c_k z^k` (sign `-1`, an AR polynomial) or `1 + Σ c_k z^k`
 * (sign `+1`, MA), ignoring trailing coefficients below 1e-8 as R `auto.arima` does; `Infinity`
 * when the polynomial is constant.
 *
 * @example
 * minRootModulus([0.5], -1) // 2  (1 − 0.5z has its root at 2)
 */
export function minRootModulus(c: ArrayLike<number>, sign: 1 | -1): number {
  let last = c.length;
  while (last > 0 && Math.abs(c[last - 1]!) <= 1e-8) last--;
  if (last === 0) return Number.POSITIVE_INFINITY;
  const poly = new Float64Array(last + 1);
  poly[0] = 1;
  for (let i = 0; i < last; i++) poly[i + 1] = sign * c[i]!;
  const { re, im } = polynomialRoots(poly);
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < re.length; i++) min = Math.min(min, Math.hypot(re[i]!, im[i]!));
  return min;
}

/** The effective degree of `1 + Σ θ_k z^k`: trailing coefficients below 1e-12 (relative) count as zero. */
function effectiveDegree(theta: ArrayLike<number>): number {
  let scale = 1;
  for (let i = 0; i < theta.length; i++) scale = Math.max(scale, Math.abs(theta[i]!));
  let q0 = theta.length;
  while (q0 > 0 && !(Math.abs(theta[q0 - 1]!) > 1e-12 * scale)) q0--;
  return q0;
}

/**
 * Makes an MA polynomial `1 + Σ θ_k z^k` invertible by replacing every root inside the unit circle
 * by its reciprocal (R `arima`'s `maInvert`): the Gaussian likelihood is unchanged, and the result
 * has all roots on or outside the unit circle.
 *
 * @example
 * invertMa([2]) // [0.5]
 */
export function invertMa(theta: ArrayLike<number>): number[] {
  const q0 = effectiveDegree(theta);
  const out = Array.from(theta);
  for (let i = q0; i < out.length; i++) out[i] = 0;
  if (q0 === 0) return out;
  const poly = [1];
  for (let i = 0; i < q0; i++) poly.push(theta[i]!);
  const { re, im } = polynomialRoots(poly);
  if (re.length !== q0) return out;
  let inside = false;
  for (let i = 0; i < re.length; i++) if (Math.hypot(re[i]!, im[i]!) < 1) inside = true;
  if (!inside) return out;
  if (q0 === 1) {
    out[0] = 1 / theta[0]!;
    return out;
  }
  // Rebuild Π (1 − z/r_i) from the (reflected) roots in complex arithmetic.
  let cr = [1];
  let ci = [0];
  for (let i = 0; i < re.length; i++) {
    let rr = re[i]!;
    let ri = im[i]!;
    const mod2 = rr * rr + ri * ri;
    if (mod2 < 1) {
      rr = rr / mod2;
      ri = -ri / mod2;
    }
    // 1/r
    const m2 = rr * rr + ri * ri;
    const ir = rr / m2;
    const ii = -ri / m2;
    const nr = new Array<number>(cr.length + 1).fill(0);
    const ni = new Array<number>(cr.length + 1).fill(0);
    for (let k = 0; k < cr.length; k++) {
      nr[k] = nr[k]! + cr[k]!;
      ni[k] = ni[k]! + ci[k]!;
      // − x_k · (1/r) shifted by one
      nr[k + 1] = nr[k + 1]! - (cr[k]! * ir - ci[k]! * ii);
      ni[k + 1] = ni[k + 1]! - (cr[k]! * ii + ci[k]! * ir);
    }
    cr = nr;
    ci = ni;
  }
  for (let i = 0; i < q0; i++) out[i] = cr[i + 1]!;
  return out;
}

/**
 * The MA polynomial `1 + Σ θ_k z^k` with every root moved radially onto the unit circle (`z/|z|`): the
 * boundary of the invertible region, used as an extra starting point of the likelihood search.
 *
 * @example
 * rootsOnUnitCircle([0.5]) // [1]  (root −2 moved to −1)
 */
export function rootsOnUnitCircle(theta: ArrayLike<number>): number[] {
  const q0 = effectiveDegree(theta);
  const out = Array.from(theta);
  for (let i = q0; i < out.length; i++) out[i] = 0;
  if (q0 === 0) return out;
  const poly = [1];
  for (let i = 0; i < q0; i++) poly.push(theta[i]!);
  const { re, im } = polynomialRoots(poly);
  if (re.length !== q0) return out;
  // Π (1 − z/r_i) with |r_i| = 1, i.e. 1/r_i = conj(r_i)
  let cr = [1];
  let ci = [0];
  for (let i = 0; i < re.length; i++) {
    const mod = Math.hypot(re[i]!, im[i]!);
    if (mod === 0) return out;
    const ir = re[i]! / mod;
    const ii = -im[i]! / mod;
    const nr = new Array<number>(cr.length + 1).fill(0);
    const ni = new Array<number>(cr.length + 1).fill(0);
    for (let k = 0; k < cr.length; k++) {
      nr[k] = nr[k]! + cr[k]!;
      ni[k] = ni[k]! + ci[k]!;
      nr[k + 1] = nr[k + 1]! - (cr[k]! * ir - ci[k]! * ii);
      ni[k + 1] = ni[k + 1]! - (cr[k]! * ii + ci[k]! * ir);
    }
    cr = nr;
    ci = ni;
  }
  for (let i = 0; i < q0; i++) out[i] = cr[i + 1]!;
  return out;
}
