/**
 * Scores forecasts on M3 with the package's own metric code (sMAPE and MASE per series, then the
 * mean over series per category and overall, OWA against NAIVE2 on the same series) and prints the
 * markdown tables the M3 benchmarks share.
 */
import { mase } from '../src/metrics/mase.js';
import { owa } from '../src/metrics/owa.js';
import { smape } from '../src/metrics/smape.js';
import { loadM3, loadPublishedForecasts, M3_CATEGORIES, type M3Category, type M3Series } from './m3-data.js';

/**
 * A forecaster under test: the training part of one series, the competition horizon and the
 * seasonal period (1 / 4 / 12 / 1) in, `horizon` point forecasts out.
 *
 * @example
 * const naive: M3ForecastFn = (train, horizon) => new Array(horizon).fill(train[train.length - 1]);
 */
export type M3ForecastFn = (
  train: readonly number[],
  horizon: number,
  seasonLength: number,
) => ArrayLike<number>;

/**
 * sMAPE and MASE of one series.
 *
 * @example
 * const worst = score.perSeries.reduce((a, b) => (b.smape > a.smape ? b : a));
 */
export interface M3SeriesScore {
  id: string;
  category: M3Category;
  smape: number;
  mase: number;
}

/**
 * Means over a set of series.
 *
 * @example
 * const { n, smape, mase } = score.overall;
 */
export interface M3Summary {
  /** Number of series averaged. */
  n: number;
  smape: number;
  mase: number;
}

/**
 * One method's scores: per series, per category (null when it forecast none of that category)
 * and overall. `partial` is true when it did not forecast every series it was given.
 *
 * @example
 * const theta = scorePublishedMethod('THETA', loadM3()); // theta.overall.smape ≈ 12.76
 */
export interface M3Score {
  method: string;
  partial: boolean;
  perSeries: M3SeriesScore[];
  categories: Record<M3Category, M3Summary | null>;
  overall: M3Summary;
}

function summarize(scores: readonly M3SeriesScore[]): M3Summary {
  let s = 0;
  let m = 0;
  for (const score of scores) {
    s += score.smape;
    m += score.mase;
  }
  return { n: scores.length, smape: s / scores.length, mase: m / scores.length };
}

/**
 * Scores forecasts given as a map id → forecast; series missing from the map are left out and
 * mark the score `partial`. A forecast whose length is not the series' horizon throws.
 *
 * @example
 * const score = scoreM3Forecasts('THETA', loadM3(), loadPublishedForecasts('THETA'));
 */
export function scoreM3Forecasts(
  method: string,
  series: readonly M3Series[],
  forecasts: ReadonlyMap<string, ArrayLike<number>>,
): M3Score {
  const perSeries: M3SeriesScore[] = [];
  for (const s of series) {
    const forecast = forecasts.get(s.id);
    if (forecast === undefined) continue;
    if (forecast.length !== s.horizon) {
      throw new Error(`${method}: ${s.id} has ${forecast.length} forecasts, expected ${s.horizon}`);
    }
    const f = Array.from(forecast);
    perSeries.push({
      id: s.id,
      category: s.category,
      smape: smape(s.test, f),
      mase: mase(s.train, s.test, f, s.seasonLength),
    });
  }
  if (perSeries.length === 0) throw new Error(`${method}: no series scored`);
  const categories = {} as Record<M3Category, M3Summary | null>;
  for (const category of M3_CATEGORIES) {
    const inCategory = perSeries.filter((score) => score.category === category);
    categories[category] = inCategory.length > 0 ? summarize(inCategory) : null;
  }
  return {
    method,
    partial: perSeries.length < series.length,
    perSeries,
    categories,
    overall: summarize(perSeries),
  };
}

/**
 * Scores one of the published M3 methods in `data/m3/forecasts/` (`THETA`, `ForecastPro`,
 * `NAIVE2`, ...).
 *
 * @example
 * scorePublishedMethod('NAIVE2', loadM3()).overall.smape.toFixed(2) // '14.74'
 */
export function scorePublishedMethod(method: string, series: readonly M3Series[]): M3Score {
  return scoreM3Forecasts(method, series, loadPublishedForecasts(method));
}

function format(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/**
 * OWA of `score` against `naive2`, per category and overall, on the series `score` covers
 * (so a partial method is compared with NAIVE2 on the same series).
 *
 * @example
 * owaAgainst(theta, naive2).overall // ≈ 0.85
 */
export function owaAgainst(
  score: M3Score,
  naive2: M3Score,
): { categories: Record<M3Category, number | null>; overall: number } {
  const reference = new Map(naive2.perSeries.map((s) => [s.id, s]));
  const pairOwa = (scores: readonly M3SeriesScore[]): number | null => {
    const matched = scores.filter((s) => reference.has(s.id));
    if (matched.length === 0 || matched.length < scores.length) return null;
    const own = summarize(matched);
    const base = summarize(matched.map((s) => reference.get(s.id)!));
    return owa(own.smape, own.mase, base.smape, base.mase);
  };
  const categories = {} as Record<M3Category, number | null>;
  for (const category of M3_CATEGORIES) {
    const inCategory = score.perSeries.filter((s) => s.category === category);
    categories[category] = inCategory.length > 0 ? pairOwa(inCategory) : null;
  }
  return { categories, overall: pairOwa(score.perSeries) ?? Number.NaN };
}

/**
 * Markdown tables (sMAPE, MASE and, given NAIVE2's score, OWA) per category and overall, one row
 * per method sorted by overall sMAPE. Partial methods are marked †, listed after the complete ones,
 * with their series count.
 *
 * @example
 * console.log(formatM3Tables([theta, naive2], { naive2 }));
 */
export function formatM3Tables(scores: readonly M3Score[], options: { naive2?: M3Score } = {}): string {
  // Complete methods first, then partial ones (their All is over fewer series), each by overall sMAPE.
  const sorted = [...scores].sort(
    (a, b) => Number(a.partial) - Number(b.partial) || a.overall.smape - b.overall.smape,
  );
  const header = `| method | ${M3_CATEGORIES.join(' | ')} | All | n |\n|---|${M3_CATEGORIES.map(() => '---:').join('|')}|---:|---:|`;
  const name = (score: M3Score) => (score.partial ? `${score.method} †` : score.method);
  const table = (title: string, cell: (score: M3Score, category: M3Category | 'All') => string) =>
    [
      `### ${title}`,
      '',
      header,
      ...sorted.map(
        (score) =>
          `| ${name(score)} | ${M3_CATEGORIES.map((c) => cell(score, c)).join(' | ')} | ${cell(score, 'All')} | ${score.overall.n} |`,
      ),
    ].join('\n');
  const summary = (score: M3Score, c: M3Category | 'All') =>
    c === 'All' ? score.overall : score.categories[c];
  const parts = [
    table('sMAPE (%, mean over series)', (score, c) => format(summary(score, c)?.smape, 2)),
    table('MASE (seasonal naive scale, m = 1/4/12/1)', (score, c) => format(summary(score, c)?.mase, 3)),
  ];
  const { naive2 } = options;
  if (naive2) {
    const owas = new Map(sorted.map((score) => [score, owaAgainst(score, naive2)]));
    parts.push(
      table('OWA vs NAIVE2 (on the aggregated values, same series)', (score, c) => {
        const o = owas.get(score)!;
        return format((c === 'All' ? o.overall : o.categories[c]) ?? undefined, 3);
      }),
    );
  }
  const partial = sorted.filter((score) => score.partial);
  if (partial.length > 0) {
    parts.push(
      partial
        .map(
          (score) =>
            `† ${score.method}: scored only on the ${score.overall.n} series it forecasts (${M3_CATEGORIES.filter((c) => score.categories[c]).join(', ')}); its All column is not comparable with the others.`,
        )
        .join('\n'),
    );
  }
  return parts.join('\n\n');
}

/**
 * Options of {@link evaluateOnM3}.
 *
 * @example
 * evaluateOnM3(myModel, { name: 'AutoETS', categories: ['Monthly'], compareWith: ['THETA', 'NAIVE2'] });
 */
export interface EvaluateOnM3Options {
  /** Row name in the tables (default `candidate`). */
  name?: string;
  /** Only these categories (default all). */
  categories?: readonly M3Category[];
  /** Published methods to print side by side (default THETA, ForecastPro, COMB_S_H_D, B_J_auto, SINGLE, NAIVE2). */
  compareWith?: readonly string[];
}

/**
 * Runs `forecastFn` on every M3 series, scores it with the package's metrics and returns its score,
 * the published methods' scores on the same series, and the markdown tables with all of them.
 *
 * @example
 * const { markdown } = evaluateOnM3((train, h) => new Array(h).fill(train.at(-1)), { name: 'Naive1' });
 * console.log(markdown);
 */
export function evaluateOnM3(
  forecastFn: M3ForecastFn,
  options: EvaluateOnM3Options = {},
): { score: M3Score; published: M3Score[]; markdown: string } {
  const name = options.name ?? 'candidate';
  const series = loadM3(options.categories ? { categories: options.categories } : {});
  const forecasts = new Map<string, ArrayLike<number>>();
  for (const s of series) {
    const forecast = forecastFn(s.train, s.horizon, s.seasonLength);
    if (forecast == null || typeof forecast.length !== 'number') {
      throw new Error(`${name}: ${s.id} returned no forecast`);
    }
    forecasts.set(s.id, forecast);
  }
  const score = scoreM3Forecasts(name, series, forecasts);
  const compareWith = options.compareWith ?? [
    'THETA',
    'ForecastPro',
    'COMB_S_H_D',
    'B_J_auto',
    'SINGLE',
    'NAIVE2',
  ];
  const published = compareWith.map((method) => scorePublishedMethod(method, series));
  const naive2 = published.find((p) => p.method === 'NAIVE2') ?? scorePublishedMethod('NAIVE2', series);
  return { score, published, markdown: formatM3Tables([score, ...published], { naive2 }) };
}
