import { ValidationError } from '@s2b2b/core';
import { aggregate, type Hierarchy } from './define.js';
import { multiply, solveSpd, transpose } from './linalg.js';

/** How top-down splits the total among the bottom series. */
export type TopDownProportions = 'average-historical' | 'proportion-of-averages' | 'forecast-proportions';

/** The covariance MinTrace weights the base forecasts by. */
export type MinTraceCovariance = 'ols' | 'wls_struct' | 'mint_shrink';

/** Options of `reconcile`. */
export type ReconcileOptions =
  | { method: 'bottom-up'; nonNegative?: boolean }
  | {
      method: 'top-down';
      proportions: TopDownProportions;
      /** Bottom-level history (one array per bottom series), for the two historical rules. */
      history?: readonly (readonly number[])[];
      nonNegative?: boolean;
    }
  | {
      method: 'min-trace';
      covariance: MinTraceCovariance;
      /** In-sample one-step residuals, one array per node in node order (for `mint_shrink`). */
      residuals?: readonly (readonly number[])[];
      /** Clip negative bottom forecasts to 0 and aggregate again (default false). */
      nonNegative?: boolean;
    };

/**
 * Makes base forecasts (one array per node, every node forecast on its own) coherent: every
 * aggregate equals the sum of its bottom series, exactly — the result is always the bottom
 * level summed up the hierarchy.
 *
 * - `bottom-up`: the bottom forecasts, summed.
 * - `top-down`: the total split by average historical proportions, proportions of the
 *   historical averages, or forecast proportions (level by level down the hierarchy, as in
 *   Athanasopoulos, Ahmed & Hyndman 2009).
 * - `min-trace` (Wickramasuriya, Athanasopoulos & Hyndman 2019): ỹ = S (SᵀW⁻¹S)⁻¹ SᵀW⁻¹ ŷ with
 *   W = I (`ols`), diag(S·1) (`wls_struct`), or the Schäfer–Strimmer shrinkage of the residual
 *   covariance (`mint_shrink`).
 * - `nonNegative`: negative bottom forecasts are set to 0 and the levels above summed again
 *   (a projection that keeps coherence; not the constrained least-squares optimum).
 *
 * @example
 * const coherent = reconcile(h, baseForecasts, { method: 'min-trace', covariance: 'wls_struct' });
 */
export function reconcile(
  hierarchy: Hierarchy,
  base: readonly (readonly number[])[],
  options: ReconcileOptions,
): number[][] {
  const n = hierarchy.nodes.length;
  const m = hierarchy.bottom.length;
  if (base.length !== n)
    throw ValidationError.field('base', `Expected ${n} forecasts (one per node), got ${base.length}`);
  const horizon = base[0]?.length ?? 0;
  base.forEach((row, i) => {
    if (row.length !== horizon) throw ValidationError.field(['base', i], `Expected ${horizon} steps`);
    row.forEach((value, t) => {
      if (!Number.isFinite(value)) throw ValidationError.field(['base', i, t], 'Expected a finite number');
    });
  });
  let bottom: number[][];
  switch (options.method) {
    case 'bottom-up':
      bottom = base.slice(n - m).map((row) => [...row]);
      break;
    case 'top-down':
      bottom = topDown(hierarchy, base, options.proportions, options.history);
      break;
    case 'min-trace':
      bottom = minTrace(hierarchy, base, options.covariance, options.residuals);
      break;
    default:
      throw ValidationError.field('method', 'Expected bottom-up, top-down or min-trace');
  }
  if (options.nonNegative) bottom = bottom.map((row) => row.map((value) => Math.max(0, value)));
  return aggregate(hierarchy, bottom);
}

function topDown(
  hierarchy: Hierarchy,
  base: readonly (readonly number[])[],
  rule: TopDownProportions,
  history: readonly (readonly number[])[] | undefined,
): number[][] {
  const total = hierarchy.nodes[0];
  if (!total || total.members.length !== hierarchy.bottom.length) {
    throw ValidationError.field('hierarchy', 'Top-down needs the total as the first level ([])');
  }
  const totalForecast = base[0] as readonly number[];
  if (rule === 'forecast-proportions') return forecastProportions(hierarchy, base);
  if (!history || history.length !== hierarchy.bottom.length) {
    throw ValidationError.field(
      'history',
      `Expected the history of all ${hierarchy.bottom.length} bottom series`,
    );
  }
  const length = history[0]?.length ?? 0;
  const totals = Array.from({ length }, (_, t) => history.reduce((sum, row) => sum + (row[t] ?? 0), 0));
  const grand = totals.reduce((sum, value) => sum + value, 0);
  const proportions = history.map((row) => {
    if (rule === 'proportion-of-averages') {
      return grand === 0 ? 1 / history.length : row.reduce((sum, value) => sum + value, 0) / grand;
    }
    const usable = totals
      .map((value, t) => (value === 0 ? null : (row[t] ?? 0) / value))
      .filter((p) => p !== null);
    return usable.length === 0 ? 1 / history.length : usable.reduce((sum, p) => sum + p, 0) / usable.length;
  });
  return proportions.map((p) => totalForecast.map((value) => value * p));
}

/** Level by level: each node's forecast split among its children in proportion to theirs. */
function forecastProportions(hierarchy: Hierarchy, base: readonly (readonly number[])[]): number[][] {
  const { nodes } = hierarchy;
  const horizon = base[0]?.length ?? 0;
  const levelOf = nodes.map((node) => node.level.join('|'));
  const levels = [...new Set(levelOf)];
  const share = nodes.map(() => new Array<number>(horizon).fill(1));
  for (let l = 1; l < levels.length; l += 1) {
    const parents = nodes
      .map((node, index) => ({ node, index }))
      .filter(({ index }) => levelOf[index] === levels[l - 1]);
    const children = nodes
      .map((node, index) => ({ node, index }))
      .filter(({ index }) => levelOf[index] === levels[l]);
    for (const child of children) {
      const parent = parents.find(({ node }) =>
        child.node.members.every((member) => node.members.includes(member)),
      );
      if (!parent) {
        throw ValidationError.field(
          'hierarchy',
          `Level ${levels[l]} does not nest inside level ${levels[l - 1]}`,
        );
      }
      const siblings = children.filter(({ node }) =>
        node.members.every((member) => parent.node.members.includes(member)),
      );
      for (let t = 0; t < horizon; t += 1) {
        const sum = siblings.reduce(
          (total, sibling) => total + Math.max(0, base[sibling.index]?.[t] ?? 0),
          0,
        );
        const own = Math.max(0, base[child.index]?.[t] ?? 0);
        const fraction = sum === 0 ? 1 / siblings.length : own / sum;
        (share[child.index] as number[])[t] = (share[parent.index]?.[t] as number) * fraction;
      }
    }
  }
  const first = nodes.length - hierarchy.bottom.length;
  return hierarchy.bottom.map((_, j) =>
    (share[first + j] as number[]).map((p, t) => p * (base[0]?.[t] as number)),
  );
}

function minTrace(
  hierarchy: Hierarchy,
  base: readonly (readonly number[])[],
  covariance: MinTraceCovariance,
  residuals: readonly (readonly number[])[] | undefined,
): number[][] {
  const s = hierarchy.summing;
  const n = s.length;
  let w: number[][];
  if (covariance === 'ols') {
    w = s.map((_, i) => s.map((__, j) => (i === j ? 1 : 0)));
  } else if (covariance === 'wls_struct') {
    w = s.map((row, i) => s.map((__, j) => (i === j ? row.reduce((sum, value) => sum + value, 0) : 0)));
  } else if (covariance === 'mint_shrink') {
    if (!residuals || residuals.length !== n) {
      throw ValidationError.field('residuals', `Expected in-sample residuals for all ${n} nodes`);
    }
    w = shrunkCovariance(residuals);
  } else {
    throw ValidationError.field('covariance', 'Expected ols, wls_struct or mint_shrink');
  }
  const wInverseS = solveSpd(w, s); // n × m
  const normal = multiply(transpose(s), wInverseS); // m × m
  const rhs = multiply(transpose(wInverseS), base as number[][]); // m × h
  return solveSpd(normal, rhs);
}

/**
 * The Schäfer–Strimmer shrinkage estimate of a covariance: the off-diagonal of the sample
 * covariance shrunk towards zero by λ̂ = Σ Var̂(r_ij) / Σ r_ij² over i ≠ j, clipped to [0, 1].
 *
 * @example
 * shrunkCovariance([[1, 2, 3, 4], [2, 4, 5, 9]])
 */
export function shrunkCovariance(residuals: readonly (readonly number[])[]): number[][] {
  const n = residuals.length;
  const length = residuals[0]?.length ?? 0;
  if (length < 3) throw ValidationError.field('residuals', 'Expected at least 3 residuals per node');
  residuals.forEach((row, i) => {
    if (row.length !== length || !row.every(Number.isFinite)) {
      throw ValidationError.field(['residuals', i], `Expected ${length} finite residuals`);
    }
  });
  const centred = residuals.map((row) => {
    const mean = row.reduce((sum, value) => sum + value, 0) / length;
    return row.map((value) => value - mean);
  });
  const sd = centred.map((row) =>
    Math.sqrt(row.reduce((sum, value) => sum + value * value, 0) / (length - 1)),
  );
  const standard = centred.map((row, i) =>
    row.map((value) => ((sd[i] as number) === 0 ? 0 : value / (sd[i] as number))),
  );
  let numerator = 0;
  let denominator = 0;
  const covariance = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = i; j < n; j += 1) {
      let sum = 0;
      for (let t = 0; t < length; t += 1) sum += (centred[i]?.[t] as number) * (centred[j]?.[t] as number);
      const value = sum / (length - 1);
      (covariance[i] as number[])[j] = value;
      (covariance[j] as number[])[i] = value;
      if (i === j) continue;
      const products = Array.from(
        { length },
        (_, t) => (standard[i]?.[t] as number) * (standard[j]?.[t] as number),
      );
      const meanProduct = products.reduce((total, p) => total + p, 0) / length;
      const correlation = (meanProduct * length) / (length - 1);
      const variance =
        (length / (length - 1) ** 3) * products.reduce((total, p) => total + (p - meanProduct) ** 2, 0);
      numerator += 2 * variance;
      denominator += 2 * correlation * correlation;
    }
  }
  const lambda = denominator === 0 ? 1 : Math.min(1, Math.max(0, numerator / denominator));
  return covariance.map((row, i) => row.map((value, j) => (i === j ? value : (1 - lambda) * value)));
}
