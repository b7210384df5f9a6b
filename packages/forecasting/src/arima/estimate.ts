import { CssObjective } from './css.js';
import { levenbergMarquardt } from './levenberg-marquardt.js';
import { ArmaLikelihood, concentratedLoglik } from './likelihood.js';
import { expandAr, expandMa } from './polynomial.js';
import { quasiNewton } from './quasi-newton.js';
import { invertMa, rootsOnUnitCircle } from './roots.js';
import { arToPacf, pacfToAr } from './transform.js';

/** The ARMA orders of a seasonal model for the differenced series. */
export type ArmaOrder = {
  /** Non-seasonal AR order. */
  p: number;
  /** Non-seasonal MA order. */
  q: number;
  /** Seasonal AR order. */
  P: number;
  /** Seasonal MA order. */
  Q: number;
  /** Season length (1 when there is no seasonal part). */
  m: number;
};

/** How the coefficients are estimated (R `arima`'s `method`). */
export type ArimaMethod = 'css-ml' | 'ml' | 'css';

/** The estimates of one model on the differenced series (internal to the ARIMA fitting). */
export type ArmaEstimate = {
  ok: boolean;
  order: ArmaOrder;
  method: ArimaMethod;
  includeMean: boolean;
  ar: number[];
  ma: number[];
  sar: number[];
  sma: number[];
  /** Expanded `φ(B)Φ(B^m)` and `θ(B)Θ(B^m)` coefficients. */
  phi: Float64Array;
  theta: Float64Array;
  /** The mean of the differenced series (0 without one). */
  mean: number;
  /** Observations of the differenced series. */
  n: number;
  /** Σ e²/v (exact likelihood) or the conditional sum of squares (`css`). */
  ssq: number;
  /** Σ log v_t (0 for `css`). */
  logDet: number;
  /** Number of conditional residuals (`css`), else `n`. */
  residualCount: number;
  /** The Gaussian log-likelihood, R's convention (the CSS one for `css`). */
  loglik: number;
  /** Standardised innovations (ML) or conditional residuals (CSS, starting at `t = p + m·P`). */
  residuals: Float64Array;
  /** Whether the optimiser met its tolerance. */
  converged: boolean;
  /** Likelihood evaluations used. */
  evaluations: number;
  /** The mean was given, not estimated (it does not count as a parameter). */
  fixedMean?: boolean;
};

/** Options of {@link ArmaEstimator.estimate}. */
export type EstimateOptions = {
  /** As R: a CSS start with a non-stationary AR part makes the fit fail (default false: start ML at zero). */
  rejectNonstationaryCss?: boolean;
  /** Also optimise from zero and from the MA roots put on the unit circle, keeping the best (default false). */
  multiStart?: boolean;
  /** CSS estimates (`ar, ma, sar, sma` in order) to start ML from, skipping the CSS search. */
  start?: ArrayLike<number>;
  /** Where the CSS search starts (default zero), e.g. a neighbouring model's estimates. */
  cssStart?: ArrayLike<number>;
  /** Gradient tolerance of a `css` fit (default 1e-3; see `quasiNewton`). */
  cssTolerance?: number;
  /**
   * `final` (default) stops the ML search when the log-likelihood gradient is below 1e-3 and the predicted
   * gain below 1e-6; `search` at 1e-2 and 1e-3 (and after at most 30 iterations, or when five gained less
   * than 1e-5·|log L|) — ample to rank models by an information criterion.
   */
  precision?: 'final' | 'search';
};

/**
 * Fits ARMA models to one differenced series: CSS by Levenberg–Marquardt on the raw coefficients, then
 * exact maximum likelihood by BFGS on `½(n·log Σe²/F + Σ log F)` (the concentrated −log-likelihood),
 * started from the CSS estimates with the Gauss–Newton matrix of the CSS residuals as curvature, the AR
 * parts in the partial-autocorrelation parametrisation so that every evaluated model is stationary. The
 * mean, when there is one, is concentrated out. Keeps its scratch buffers between models, so a model
 * search over one series allocates little.
 *
 * @example
 * const estimator = new ArmaEstimator([0.3, -0.2, 0.5, 0.1, -0.4, 0.2, 0.6, -0.1]);
 * estimator.estimate({ p: 1, q: 0, P: 0, Q: 0, m: 1 }, 'css-ml', true).loglik; // a finite number
 */
export class ArmaEstimator {
  /** The differenced series as given. */
  readonly raw: Float64Array;
  /** The differenced series minus its mean (better conditioned when a mean is estimated). */
  readonly centred: Float64Array;
  /** Its sample mean. */
  readonly sampleMean: number;
  readonly n: number;
  private readonly likelihood = new ArmaLikelihood();
  private readonly css = new CssObjective();

  constructor(w: ArrayLike<number>) {
    this.raw = Float64Array.from(w);
    this.n = this.raw.length;
    let s = 0;
    for (let i = 0; i < this.n; i++) s += this.raw[i]!;
    this.sampleMean = this.n > 0 ? s / this.n : 0;
    this.centred = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) this.centred[i] = this.raw[i]! - this.sampleMean;
  }

  /**
   * White noise around a given mean (`null`: zero mean, no constant), nothing estimated: the model R fits
   * to constant series and to series that are constant after differencing.
   */
  fixedMean(mean: number | null): ArmaEstimate {
    const n = this.n;
    const mu = mean ?? 0;
    const residuals = new Float64Array(n);
    let ssq = 0;
    for (let t = 0; t < n; t++) {
      const e = this.raw[t]! - mu;
      residuals[t] = e;
      ssq += e * e;
    }
    return {
      ok: true,
      order: { p: 0, q: 0, P: 0, Q: 0, m: 1 },
      method: 'css-ml',
      includeMean: mean !== null,
      ar: [],
      ma: [],
      sar: [],
      sma: [],
      phi: new Float64Array(0),
      theta: new Float64Array(0),
      mean: mu,
      n,
      ssq,
      logDet: 0,
      residualCount: n,
      loglik: concentratedLoglik(ssq, 0, n),
      residuals,
      converged: true,
      evaluations: 1,
      fixedMean: true,
    };
  }

  /**
   * `n·JᵀJ/S` of the conditional residuals `r(x)` (forward-difference Jacobian) plus a small ridge: the
   * scoring approximation of the Hessian of the −log-likelihood. `null` when there are too few residuals.
   */
  private startingHessian(
    x0: Float64Array,
    residuals: (x: Float64Array) => CssObjective | null,
  ): Float64Array | null {
    const k = x0.length;
    const base = residuals(x0);
    if (base === null || base.count <= k || !(base.ssq > 0)) return null;
    const count = base.count;
    const r0 = Float64Array.from(base.residuals.subarray(0, count));
    const s0 = base.ssq;
    const jac = new Float64Array(k * count);
    const x = Float64Array.from(x0);
    for (let j = 0; j < k; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(x[j]!));
      x[j] = x0[j]! + h;
      const r = residuals(x);
      x[j] = x0[j]!;
      if (r === null) return null;
      for (let t = 0; t < count; t++) jac[j * count + t] = (r.residuals[t]! - r0[t]!) / h;
    }
    const H = new Float64Array(k * k);
    const scale = this.n / s0;
    let maxDiag = 0;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let t = 0; t < count; t++) s += jac[i * count + t]! * jac[j * count + t]!;
        H[i * k + j] = s * scale;
        H[j * k + i] = s * scale;
      }
      maxDiag = Math.max(maxDiag, H[i * k + i]!);
    }
    if (!(maxDiag > 0) || !Number.isFinite(maxDiag)) return null;
    for (let i = 0; i < k; i++) H[i * k + i] = H[i * k + i]! + 1e-6 * maxDiag;
    return H;
  }

  /** Estimates the model of `order` with `method`; `includeMean` adds a constant to the differenced series. */
  estimate(
    order: ArmaOrder,
    method: ArimaMethod,
    includeMean: boolean,
    options: EstimateOptions = {},
  ): ArmaEstimate {
    const { p, q, P, Q, m } = order;
    const k = p + q + P + Q;
    const n = this.n;
    const data = includeMean ? this.centred : this.raw;
    const shift = includeMean ? this.sampleMean : 0;
    const ar = new Float64Array(p);
    const ma = new Float64Array(q);
    const sar = new Float64Array(P);
    const sma = new Float64Array(Q);
    const phi = new Float64Array(p + m * P);
    const theta = new Float64Array(q + m * Q);
    const rawAr = new Float64Array(p);
    const rawSar = new Float64Array(P);
    const unpack = (x: ArrayLike<number>, transform: boolean) => {
      for (let i = 0; i < p; i++) rawAr[i] = x[i]!;
      for (let i = 0; i < q; i++) ma[i] = x[p + i]!;
      for (let i = 0; i < P; i++) rawSar[i] = x[p + q + i]!;
      for (let i = 0; i < Q; i++) sma[i] = x[p + q + P + i]!;
      if (transform) {
        pacfToAr(rawAr, ar);
        pacfToAr(rawSar, sar);
      } else {
        ar.set(rawAr);
        sar.set(rawSar);
      }
      expandAr(ar, sar, m, phi);
      expandMa(ma, sma, m, theta);
    };
    const fail = (): ArmaEstimate => ({
      ok: false,
      order,
      method,
      includeMean,
      ar: [],
      ma: [],
      sar: [],
      sma: [],
      phi,
      theta,
      mean: 0,
      n,
      ssq: Number.NaN,
      logDet: Number.NaN,
      residualCount: 0,
      loglik: Number.NaN,
      residuals: new Float64Array(0),
      converged: false,
      evaluations: 0,
    });
    // A series with no variation left to explain (constant after differencing, all zero): every
    // coefficient is 0 and the likelihood is degenerate; report the white-noise fit.
    let spread = 0;
    for (let i = 0; i < n; i++) spread = Math.max(spread, Math.abs(data[i]!));
    if (spread === 0) {
      const flat = this.fixedMean(includeMean ? this.sampleMean : null);
      return {
        ...flat,
        order,
        method,
        fixedMean: false,
        ar: new Array<number>(p).fill(0),
        ma: new Array<number>(q).fill(0),
        sar: new Array<number>(P).fill(0),
        sma: new Array<number>(Q).fill(0),
        phi: new Float64Array(p + m * P),
        theta: new Float64Array(q + m * Q),
      };
    }
    let evaluations = 0;
    let converged = true;
    const css = this.css;
    const cssCount = n - phi.length;
    let start: Float64Array = new Float64Array(k);
    if (options.start !== undefined && options.start.length === k) start = Float64Array.from(options.start);
    else if (method !== 'ml' && k > 0) {
      if (options.cssStart !== undefined && options.cssStart.length === k)
        start = Float64Array.from(options.cssStart);
      if (cssCount > 0) {
        const fit = levenbergMarquardt(
          (x, out) => {
            unpack(x, false);
            if (!css.evaluate(data, phi, theta, includeMean, n, out)) return Number.POSITIVE_INFINITY;
            return css.ssq;
          },
          start,
          cssCount,
          // A start for ML needs less precision; R keeps zeros when its CSS search does not converge.
          {
            gradientTolerance: method === 'css' ? (options.cssTolerance ?? 1e-3) : 1e-2,
            maxIterations: 100,
            secant: options.precision === 'search',
          },
        );
        evaluations += fit.evaluations;
        converged = fit.converged;
        if (Number.isFinite(fit.value) && (fit.converged || method === 'css')) start = fit.x;
      } else if (method === 'css') return fail();
    }
    if (method === 'css') {
      unpack(start, false);
      if (!css.evaluate(data, phi, theta, includeMean)) return fail();
      const sigma2 = css.ssq / cssCount;
      return {
        ok: true,
        order,
        method,
        includeMean,
        ar: Array.from(ar),
        ma: Array.from(ma),
        sar: Array.from(sar),
        sma: Array.from(sma),
        phi: Float64Array.from(phi),
        theta: Float64Array.from(theta),
        mean: includeMean ? css.mean + shift : 0,
        n,
        ssq: css.ssq,
        logDet: 0,
        residualCount: cssCount,
        loglik: -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1),
        residuals: Float64Array.from(css.residuals.subarray(0, cssCount)),
        converged,
        evaluations: evaluations + 1,
      };
    }
    // ML start: CSS estimates in the transformed space, MA parts made invertible.
    const init = new Float64Array(k);
    if (method === 'css-ml' && k > 0) {
      const arPacf = arToPacf(start.subarray(0, p));
      const sarPacf = arToPacf(start.subarray(p + q, p + q + P));
      if ((arPacf === null || sarPacf === null) && options.rejectNonstationaryCss) return fail();
      if (arPacf) init.set(arPacf, 0);
      if (sarPacf) init.set(sarPacf, p + q);
      init.set(invertMa(start.subarray(p, p + q)), p);
      init.set(invertMa(start.subarray(p + q + P, k)), p + q + P);
    }
    const lik = this.likelihood;
    // −log-likelihood up to a constant: ½ (n log Σe²/v + Σ log v)
    const objective = (x: ArrayLike<number>) => {
      unpack(x, true);
      if (!lik.evaluate(data, phi, theta, includeMean)) return Number.POSITIVE_INFINITY;
      return 0.5 * (n * Math.log(lik.ssq) + lik.logDet);
    };
    const optimise = (from: Float64Array) => {
      // Starting curvature: the Gauss–Newton (Fisher) matrix n·JᵀJ/S of the CSS residuals at the start.
      const hessian = this.startingHessian(from, (x) => {
        unpack(x, true);
        return css.evaluate(data, phi, theta, includeMean) ? css : null;
      });
      evaluations += k + 1;
      const search = options.precision === 'search';
      const result = quasiNewton(objective, from, {
        gradientTolerance: search ? 1e-2 : 1e-3,
        decreaseTolerance: search ? 1e-3 : 1e-6,
        stallTolerance: search ? 1e-5 : 1e-6,
        maxIterations: search ? 30 : 100,
        ...(hessian ? { hessian } : {}),
      });
      evaluations += result.evaluations;
      return result;
    };
    let ml = optimise(init);
    if (options.multiStart && k > 0) {
      // Short series have several local maxima: also start from white noise and from the first optimum
      // with its MA roots moved onto the unit circle (where exact ARMA likelihoods often peak).
      const starts: Float64Array[] = [];
      if (init.some((v) => v !== 0)) starts.push(new Float64Array(k));
      if (q + Q > 0 && Number.isFinite(ml.value)) {
        const b = Float64Array.from(ml.x);
        b.set(rootsOnUnitCircle(b.subarray(p, p + q)), p);
        b.set(rootsOnUnitCircle(b.subarray(p + q + P, k)), p + q + P);
        starts.push(b);
      }
      for (const s of starts) {
        const alt = optimise(s);
        if (Number.isFinite(alt.value) && !(alt.value >= ml.value)) ml = alt;
      }
    }
    if (!Number.isFinite(ml.value)) return fail();
    unpack(ml.x, true);
    // Invertible MA parts (the likelihood is the same for reflected roots).
    const maInv = invertMa(ma);
    const smaInv = invertMa(sma);
    ma.set(maInv);
    sma.set(smaInv);
    expandMa(ma, sma, m, theta);
    if (!lik.evaluate(data, phi, theta, includeMean)) return fail();
    evaluations++;
    return {
      ok: true,
      order,
      method,
      includeMean,
      ar: Array.from(ar),
      ma: Array.from(ma),
      sar: Array.from(sar),
      sma: Array.from(sma),
      phi: Float64Array.from(phi),
      theta: Float64Array.from(theta),
      mean: includeMean ? lik.mean + shift : 0,
      n,
      ssq: lik.ssq,
      logDet: lik.logDet,
      residualCount: n,
      loglik: concentratedLoglik(lik.ssq, lik.logDet, n),
      residuals: Float64Array.from(lik.residuals.subarray(0, n)),
      converged: converged && ml.converged,
      evaluations,
    };
  }
}
