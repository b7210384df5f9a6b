import { parseInput, ValidationError } from '@s2b2b/core';
import { z } from 'zod';
import { type ForecastResult, forecast } from './forecast.js';
import { type ForecastOptions, forecastOptionsSchema } from './schemas.js';
import { forecastInWorkers, locateForecastWorker, workerCount } from './worker-pool.js';

/** One series of a batch: an id, its observations and, optionally, its own season length. */
export interface SeriesInput {
  id: string;
  y: readonly (number | null)[];
  seasonLength?: number;
}

/** Options of `forecastMany`: the `forecast` options for every series, plus progress. */
export type ForecastManyOptions = ForecastOptions & {
  /** Called after every chunk with the number of series done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Stops between chunks with the signal's reason. */
  signal?: AbortSignal;
  /** Series per chunk: between yields to the event loop, or per message to a worker (default 64). */
  chunkSize?: number;
  /**
   * Worker threads to spread the chunks over: 0 (default) forecasts on the calling thread,
   * `'auto'` uses one fewer than the available cores (at least 1).
   */
  workers?: number | 'auto';
};

/** A batch result: the series id and its forecast. */
export interface SeriesForecast extends ForecastResult {
  id: string;
}

const batchSchema = z
  .array(
    z.object({
      id: z.string().min(1),
      y: z.array(z.union([z.number(), z.null()])),
      seasonLength: z.number().int().min(1).optional(),
    }),
  )
  .max(10_000_000);

/**
 * Forecasts many series with the same options (each may carry its own `seasonLength`),
 * yielding to the event loop between chunks so a server stays responsive and `onProgress`
 * can draw a bar. Every series and the options are checked before any work: a bad series
 * throws a `ValidationError` whose path starts with `series.<index>`.
 *
 * With `workers`, chunks go to `node:worker_threads` as threads free up; results keep the
 * input order, `onProgress` runs as chunks complete, an abort terminates the threads, and a
 * series that fails in a thread rejects with its error re-created here (`ValidationError` paths
 * under `series.<index>`). Starting threads costs tens of milliseconds, so they pay off on large
 * batches. When the worker script cannot be found next to the module (the package re-bundled
 * into a single file), the batch runs on the calling thread.
 *
 * @example
 * const results = await forecastMany(skuSeries, { horizon: 4, seasonLength: 52, onProgress: (d, n) => bar.update(d / n) });
 * const fast = await forecastMany(skuSeries, { horizon: 4, seasonLength: 52, workers: 'auto' });
 */
export async function forecastMany(
  series: readonly SeriesInput[],
  options: ForecastManyOptions,
): Promise<SeriesForecast[]> {
  const parsed = batchSchema.safeParse(series);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({
        path: ['series', ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
        message: issue.message,
        code: issue.code,
      })),
    );
  }
  const { onProgress, signal, chunkSize = 64, workers = 0, ...forecastOptions } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw ValidationError.field('chunkSize', 'Expected a positive integer');
  }
  if (workers !== 'auto' && (!Number.isInteger(workers) || workers < 0)) {
    throw ValidationError.field('workers', "Expected a non-negative integer or 'auto'");
  }
  parseInput(forecastOptionsSchema, forecastOptions);
  signal?.throwIfAborted();
  const threads = workerCount(workers, Math.ceil(series.length / chunkSize));
  const script = threads > 0 ? locateForecastWorker() : undefined;
  if (script) {
    const results = await forecastInWorkers(script, series, forecastOptions, {
      workers: threads,
      chunkSize,
      onProgress,
      signal,
    });
    return results.map((result, index) => ({ id: (series[index] as SeriesInput).id, ...result }));
  }
  const results: SeriesForecast[] = [];
  for (let start = 0; start < series.length; start += chunkSize) {
    signal?.throwIfAborted();
    const end = Math.min(series.length, start + chunkSize);
    for (let index = start; index < end; index += 1) {
      const item = series[index] as SeriesInput;
      try {
        const result = forecast(item.y, {
          ...forecastOptions,
          seasonLength: item.seasonLength ?? forecastOptions.seasonLength,
        });
        results.push({ id: item.id, ...result });
      } catch (error) {
        if (error instanceof ValidationError) {
          throw new ValidationError(
            error.issues.map((issue) => ({ ...issue, path: ['series', index, ...issue.path] })),
          );
        }
        throw error;
      }
    }
    onProgress?.(end, series.length);
    if (end < series.length) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return results;
}
