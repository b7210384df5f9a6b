import { ValidationError } from '@s2b2b/core';
import { bias } from '../metrics/bias.js';
import { mase } from '../metrics/mase.js';
import { rmsse } from '../metrics/rmsse.js';
import type { ModelFit } from '../models/types.js';
import { adida } from './adida.js';
import type { DemandClass } from './classify.js';
import { croston, crostonOptimized } from './croston.js';
import { imapa } from './imapa.js';
import { sba } from './sba.js';
import { syntheticDemand } from './synthetic.js';
import { tsb } from './tsb.js';

/** Options of {@link evaluateIntermittentMethods}. */
export type EvaluateIntermittentOptions = {
  /** Series generated per Syntetos–Boylan class (an integer ≥ 1). */
  seriesPerClass: number;
  /** Base seed (a safe integer); series i of a class uses seed + i (streams differ per class). */
  seed: number;
  /** Training length (default 100). */
  train?: number;
  /** Test length = forecast horizon (default 28, as M5). */
  test?: number;
};

/** One row of {@link evaluateIntermittentMethods}: a method's mean accuracy on one class. */
export type IntermittentEvaluationRow = {
  class: DemandClass;
  method: 'croston' | 'crostonOptimized' | 'sba' | 'tsb' | 'adida' | 'imapa';
  /** Mean RMSSE (M5 scale from the first non-zero training demand). */
  rmsse: number;
  /** Mean MASE with m = 1. */
  mase: number;
  /** Mean bias, forecast − actual (positive = over-forecast), in units. */
  bias: number;
  /** Series scored. */
  series: number;
  /** Series left out of the RMSSE / MASE means because their scale was 0 (metric `Infinity`). */
  excluded: number;
};

const METHODS: readonly [IntermittentEvaluationRow['method'], (y: number[], h: number) => ModelFit][] = [
  ['croston', (y, h) => croston(y, h)],
  ['crostonOptimized', (y, h) => crostonOptimized(y, h)],
  ['sba', (y, h) => sba(y, h)],
  ['tsb', (y, h) => tsb(y, h)],
  ['adida', (y, h) => adida(y, h)],
  ['imapa', (y, h) => imapa(y, h)],
];

const CLASSES: readonly DemandClass[] = ['smooth', 'erratic', 'intermittent', 'lumpy'];

/**
 * Scores the six intermittent-demand methods on seeded synthetic series of every Syntetos–Boylan
 * class ({@link syntheticDemand}): each series has `train + test` periods, the methods forecast the
 * last `test` from the first `train`, and RMSSE, MASE (m = 1) and bias are averaged per class and
 * method with the package metrics. Deterministic for a given seed. Rows come class by class in the
 * order smooth, erratic, intermittent, lumpy, methods in a fixed order.
 *
 * Throws `ValidationError` on `seriesPerClass`, `seed`, `train` or `test`.
 *
 * @example
 * const rows = evaluateIntermittentMethods({ seriesPerClass: 200, seed: 1 });
 * rows.find((r) => r.class === 'lumpy' && r.method === 'sba')?.rmsse // 0.715 (seed 1)
 */
export function evaluateIntermittentMethods(
  options: EvaluateIntermittentOptions,
): IntermittentEvaluationRow[] {
  const { seriesPerClass, seed } = options;
  const train = options.train ?? 100;
  const test = options.test ?? 28;
  const positiveInt = (path: string, v: unknown, min: number): void => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw ValidationError.field(path, `must be an integer >= ${min}, got ${String(v)}`);
    }
  };
  positiveInt('seriesPerClass', seriesPerClass, 1);
  positiveInt('train', train, 2);
  positiveInt('test', test, 1);
  if (
    typeof seed !== 'number' ||
    !Number.isSafeInteger(seed) ||
    !Number.isSafeInteger(seed + seriesPerClass)
  ) {
    throw ValidationError.field('seed', `must be a safe integer, got ${String(seed)}`);
  }
  const rows: IntermittentEvaluationRow[] = [];
  for (const cls of CLASSES) {
    const acc = METHODS.map(() => ({ rmsse: 0, mase: 0, bias: 0, scored: 0, excluded: 0 }));
    for (let i = 0; i < seriesPerClass; i++) {
      const y = syntheticDemand(cls, train + test, seed + i);
      const insample = y.slice(0, train);
      const actual = y.slice(train);
      METHODS.forEach(([, run], m) => {
        const a = acc[m] as (typeof acc)[number];
        const f = run(insample, test).mean;
        a.bias += bias(actual, f);
        const r = rmsse(insample, actual, f);
        const s = mase(insample, actual, f, 1);
        if (Number.isFinite(r) && Number.isFinite(s)) {
          a.rmsse += r;
          a.mase += s;
          a.scored++;
        } else a.excluded++;
      });
    }
    METHODS.forEach(([method], m) => {
      const a = acc[m] as (typeof acc)[number];
      rows.push({
        class: cls,
        method,
        rmsse: a.scored > 0 ? a.rmsse / a.scored : Number.NaN,
        mase: a.scored > 0 ? a.mase / a.scored : Number.NaN,
        bias: a.bias / seriesPerClass,
        series: seriesPerClass,
        excluded: a.excluded,
      });
    });
  }
  return rows;
}
