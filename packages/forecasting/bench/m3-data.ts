/**
 * Loader for the M3 competition data shipped in `bench/data/m3/` (3,003 series, the IIF M3C.xls
 * workbook, and the 24 original participants' forecasts from robjhyndman/Mcomp; see the README
 * there for origin and conventions). Reads the CSVs synchronously with node:fs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * The four M3 subsets (by data frequency).
 *
 * @example
 * const category: M3Category = 'Monthly';
 */
export type M3Category = 'Yearly' | 'Quarterly' | 'Monthly' | 'Other';

/**
 * Every M3 category in the order the competition reports them.
 *
 * @example
 * M3_CATEGORIES.map((c) => loadM3({ categories: [c] }).length) // [645, 756, 1428, 174]
 */
export const M3_CATEGORIES: readonly M3Category[] = ['Yearly', 'Quarterly', 'Monthly', 'Other'];

/**
 * One M3 series split as in the competition: `test` is the last `horizon` observations.
 *
 * @example
 * const [first] = loadM3({ categories: ['Yearly'] }); // { id: 'N1', category: 'Yearly', seasonLength: 1, horizon: 6, ... }
 */
export interface M3Series {
  /** `N1` … `N3003`. */
  id: string;
  category: M3Category;
  /** m for MASE: 1 yearly / other, 4 quarterly, 12 monthly. */
  seasonLength: number;
  /** 6 yearly, 8 quarterly / other, 18 monthly. */
  horizon: number;
  train: number[];
  test: number[];
}

/**
 * Options of {@link loadM3}.
 *
 * @example
 * loadM3({ categories: ['Quarterly', 'Monthly'] });
 */
export interface LoadM3Options {
  /** Only these categories (default: all four). */
  categories?: readonly M3Category[];
}

const DATA = new URL('./data/m3/', import.meta.url);

function readRows(relativePath: string): string[][] {
  const text = readFileSync(new URL(relativePath, DATA), 'utf8');
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  return lines.slice(1).map((line) => line.split(','));
}

/** The non-empty cells after the id, as numbers (rows are padded with empty cells). */
function values(row: readonly string[], file: string): number[] {
  const out: number[] = [];
  for (let i = 1; i < row.length; i++) {
    const cell = row[i]!;
    if (cell === '') continue;
    const value = Number(cell);
    if (!Number.isFinite(value)) throw new Error(`${file}: ${row[0]} column ${i} is not a number: ${cell}`);
    out.push(value);
  }
  return out;
}

interface InfoRow {
  category: M3Category;
  seasonLength: number;
  horizon: number;
}

let infoCache: Map<string, InfoRow> | undefined;

/**
 * `M3-info.csv` as a map id → category, seasonal period and horizon.
 *
 * @example
 * loadM3Info().get('N1') // { category: 'Yearly', seasonLength: 1, horizon: 6 }
 */
export function loadM3Info(): ReadonlyMap<string, Readonly<InfoRow>> {
  if (infoCache) return infoCache;
  const info = new Map<string, InfoRow>();
  for (const row of readRows('M3-info.csv')) {
    const [id, , frequency, sp, horizon] = row;
    if (!M3_CATEGORIES.includes(frequency as M3Category))
      throw new Error(`M3-info.csv: ${id} has frequency ${frequency}`);
    info.set(id!, { category: frequency as M3Category, seasonLength: Number(sp), horizon: Number(horizon) });
  }
  infoCache = info;
  return info;
}

/**
 * The M3 series, in file order (yearly N1…N645, quarterly, monthly, other).
 *
 * @example
 * const monthly = loadM3({ categories: ['Monthly'] });
 * monthly.length // 1428
 */
export function loadM3(options: LoadM3Options = {}): M3Series[] {
  const categories = options.categories ?? M3_CATEGORIES;
  const info = loadM3Info();
  const series: M3Series[] = [];
  for (const category of M3_CATEGORIES) {
    if (!categories.includes(category)) continue;
    const trainFile = `M3-${category}-train.csv`;
    const testFile = `M3-${category}-test.csv`;
    const tests = new Map(readRows(testFile).map((row) => [row[0]!, values(row, testFile)]));
    for (const row of readRows(trainFile)) {
      const id = row[0]!;
      const meta = info.get(id);
      const test = tests.get(id);
      if (!meta || !test) throw new Error(`${trainFile}: ${id} has no info row or no test row`);
      if (meta.category !== category || test.length !== meta.horizon) {
        throw new Error(
          `${testFile}: ${id} does not match M3-info.csv (${meta.category}, h = ${meta.horizon})`,
        );
      }
      series.push({
        id,
        category,
        seasonLength: meta.seasonLength,
        horizon: meta.horizon,
        train: values(row, trainFile),
        test,
      });
    }
  }
  return series;
}

/**
 * Names of the published methods in `data/m3/forecasts/` (file `M3Forecast-<name>.csv`), sorted.
 *
 * @example
 * listPublishedMethods().includes('THETA') // true
 */
export function listPublishedMethods(): string[] {
  return readdirSync(new URL('forecasts/', DATA))
    .map((name) => /^M3Forecast-(.+)\.csv$/.exec(name)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
}

/**
 * One published method's forecasts, id → forecast over the competition horizon. Series the
 * method did not forecast (AAM1 / AAM2 have no yearly and no "other" series) are absent.
 *
 * @example
 * loadPublishedForecasts('THETA').get('N1') // [5414.6, 5934.47, 6331.96, 6822.35, 7140.76, 7602.15]
 */
export function loadPublishedForecasts(method: string): Map<string, number[]> {
  if (!/^[A-Za-z0-9_]+$/.test(method)) throw new Error(`Unknown M3 method name: ${method}`);
  const file = `forecasts/M3Forecast-${method}.csv`;
  const forecasts = new Map<string, number[]>();
  for (const row of readRows(file)) {
    const forecast = values(row, file);
    if (forecast.length > 0) forecasts.set(row[0]!, forecast);
  }
  return forecasts;
}

/**
 * Forecasts of a reference implementation run on the same data, committed in
 * `data/m3/reference/M3-<name>.csv` (same wide format, written by the R script beside them), or
 * `undefined` when that file is not there.
 *
 * @example
 * loadReferenceForecasts('R-ets')?.get('N1')?.length // 6
 */
export function loadReferenceForecasts(name: string): Map<string, number[]> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`Unknown reference name: ${name}`);
  const file = `reference/M3-${name}.csv`;
  if (!existsSync(new URL(file, DATA))) return undefined;
  const forecasts = new Map<string, number[]>();
  for (const row of readRows(file)) forecasts.set(row[0]!, values(row, file));
  return forecasts;
}
