/**
 * The standard normal distribution at double precision: density, distribution function (both
 * tails) and quantile. Plain numbers in, plain numbers out; `NaN` in gives `NaN` out.
 *
 * Tolerances: `normalCdf` / `normalSurvival` use W. J. Cody's rational Chebyshev approximations
 * (ACM TOMS algorithm 715, the method of R's `pnorm`), relative error about 1e-15 in both tails
 * down to the underflow limit; `normalQuantile` uses Wichura's AS 241 (`PPND16`), relative error
 * about 1e-16.
 */

/** 1 / √(2π). */
const INV_SQRT_2PI = 0.3989422804014327;
/** √32: where Cody's middle range ends. */
const SQRT_32 = 5.656854249492381;

// Cody, |x| <= 0.67448975.
const CA = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356];
const CA4 = 0.06568233791820745;
const CB = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
// Cody, 0.67448975 < |x| <= √32.
const CC = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978,
];
const CC8 = 1.0765576773720192e-8;
const CD = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
// Cody, |x| > √32 (asymptotic range).
const CP = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  0.000029112874951168793,
];
const CP5 = 0.023073441764940174;
const CQ = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 0.00007297515550839662,
];

/**
 * The standard normal density φ(x) = exp(−x²/2) / √(2π).
 *
 * @example
 * normalPdf(0) // 0.3989422804014327
 */
export function normalPdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y >= 40) return 0;
  return INV_SQRT_2PI * gaussTail(y);
}

/**
 * exp(−x²/2) for 0 <= x < 40, computed as exp(−xs²/2)·exp(−(x−xs)(x+xs)/2) with xs = x rounded down to 1/16, so
 * the square loses no bits (Cody's device): relative error about 2e-16 where the plain
 * `Math.exp(-x * x / 2)` loses up to 1e-13 near x = 37. Internal to the policy module.
 *
 * @example
 * gaussTail(2) // 0.1353352832366127 (= e^-2)
 */
export function gaussTail(x: number): number {
  const xs = Math.trunc(x * 16) / 16;
  const del = (x - xs) * (x + xs);
  return Math.exp(-xs * xs * 0.5) * Math.exp(-del * 0.5);
}

/** Upper tail P(Z > y) for y >= 0.67448975 (Cody's two outer ranges). */
function upperTail(y: number): number {
  if (y <= SQRT_32) {
    let num = CC8 * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + (CC[i] as number)) * y;
      den = (den + (CD[i] as number)) * y;
    }
    return gaussTail(y) * ((num + (CC[7] as number)) / (den + (CD[7] as number)));
  }
  if (y >= 38.5) return 0;
  const xsq = 1 / (y * y);
  let num = CP5 * xsq;
  let den = xsq;
  for (let i = 0; i < 4; i++) {
    num = (num + (CP[i] as number)) * xsq;
    den = (den + (CQ[i] as number)) * xsq;
  }
  const r = (xsq * (num + (CP[4] as number))) / (den + (CQ[4] as number));
  return (gaussTail(y) * (INV_SQRT_2PI - r)) / y;
}

/** Φ(x) − 1/2 for |x| <= 0.67448975. */
function centralPart(x: number): number {
  const xsq = x * x;
  let num = CA4 * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + (CA[i] as number)) * xsq;
    den = (den + (CB[i] as number)) * xsq;
  }
  return (x * (num + (CA[3] as number))) / (den + (CB[3] as number));
}

/**
 * The standard normal distribution function Φ(x) = P(Z ≤ x), accurate to about 1e-15
 * relative (Cody's algorithm), also deep in the lower tail.
 *
 * @example
 * normalCdf(1.959963984540054) // 0.975
 * normalCdf(-10) // 7.619853024160527e-24
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= 0.67448975) return 0.5 + centralPart(x);
  const tail = upperTail(y);
  return x > 0 ? 1 - tail : tail;
}

/**
 * The standard normal upper tail 1 − Φ(x) = P(Z > x), computed directly (no cancellation),
 * so `normalSurvival(10)` keeps full relative precision.
 *
 * @example
 * normalSurvival(1.2815515655446004) // 0.1
 */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

// Wichura, AS 241 PPND16.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Polynomial with coefficients `c` (lowest degree first) at `x`, by Horner's rule. */
function horner(c: readonly number[], x: number): number {
  let v = 0;
  for (let i = c.length - 1; i >= 0; i--) v = v * x + (c[i] as number);
  return v;
}

/**
 * The standard normal quantile Φ⁻¹(p) (Wichura's AS 241, relative error about 1e-16).
 * Returns −∞ / +∞ at p = 0 / 1 and `NaN` outside [0, 1].
 *
 * @example
 * normalQuantile(0.9) // 1.2815515655446004
 * normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * horner(A, r)) / horner(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = horner(C, r) / horner(D, r);
  } else {
    r -= 5;
    value = horner(E, r) / horner(F, r);
  }
  return q < 0 ? -value : value;
}
