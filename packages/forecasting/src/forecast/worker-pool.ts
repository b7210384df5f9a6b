/**
 * Runs `forecast` over a batch on worker threads for `forecastMany({ workers })`. The worker
 * script sits next to this module: `dist/forecast-worker.js` / `.cjs` beside `dist/index.js` /
 * `.cjs` in the build, `forecast-worker.ts` beside this file in the sources (started through
 * tsx's loader and the `@s2b2b/source` condition, since Node 20 cannot load TypeScript).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ValidationError, type ValidationIssue } from '@s2b2b/core';
import type { ForecastResult } from './forecast.js';
import type { ForecastOptions } from './schemas.js';

/**
 * A chunk of series sent to a worker; `options` must be structured-cloneable.
 *
 * @example
 * const task: WorkerTask = { start: 64, series: [{ y: [3, 4, 5] }], options: { horizon: 2 } };
 */
export interface WorkerTask {
  /** Index in the batch of the chunk's first series. */
  start: number;
  series: { y: readonly (number | null)[]; seasonLength?: number | undefined }[];
  options: ForecastOptions;
}

/**
 * A worker's answer: every forecast of the chunk, or the first error with the batch index of its series.
 *
 * @example
 * const reply: WorkerReply = { ok: false, index: 70, error: { name: 'Error', message: 'boom' } };
 */
export type WorkerReply =
  | { ok: true; start: number; results: ForecastResult[] }
  | { ok: false; index: number; error: { name: string; message: string; issues?: ValidationIssue[] } };

/**
 * How to start the forecast worker: the script file, and for the TypeScript sources the Node
 * flags that load it through tsx with the `@s2b2b/source` condition.
 *
 * @example
 * const script = locateForecastWorker();
 * if (script) new Worker(script.entry, { eval: script.eval, execArgv: script.execArgv });
 */
export interface ForecastWorkerScript {
  /** The worker file, or for the sources the bootstrap evaluated as an ES module. */
  entry: URL | string;
  /** Whether `entry` is source to evaluate rather than a file. */
  eval: boolean;
  /** Node flags for the worker; `undefined` inherits the process's. */
  execArgv: string[] | undefined;
}

/** The file URL of tsx's ESM API (`tsx/esm/api`, import condition), or `undefined` without tsx. */
function resolveTsxEsmApi(from: URL): string | undefined {
  try {
    const require = createRequire(fileURLToPath(from));
    const root = dirname(require.resolve('tsx/package.json'));
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports?: Record<string, { import?: { default?: string } } | string>;
    };
    const entry = manifest.exports?.['./esm/api'];
    const target = typeof entry === 'object' ? entry.import?.default : undefined;
    return target === undefined ? undefined : pathToFileURL(join(root, target)).href;
  } catch {
    return undefined;
  }
}

function moduleUrl(): URL | undefined {
  try {
    return new URL(import.meta.url);
  } catch {
    return undefined;
  }
}

/**
 * Finds the worker script next to this module, or `undefined` when it is not there (e.g. the
 * package was re-bundled into one file) or the sources run without tsx installed; `forecastMany`
 * then forecasts on the calling thread.
 *
 * @example
 * locateForecastWorker()?.entry // URL of dist/forecast-worker.js when loaded from dist/index.js
 */
export function locateForecastWorker(): ForecastWorkerScript | undefined {
  const here = moduleUrl();
  if (here?.protocol !== 'file:') return undefined;
  const extension = extname(here.pathname);
  const script = new URL(`./forecast-worker${extension}`, here);
  if (!existsSync(script)) return undefined;
  if (!/^\.[cm]?ts$/.test(extension)) return { entry: script, eval: false, execArgv: undefined };
  const api = resolveTsxEsmApi(here);
  if (api === undefined) return undefined;
  // The worker starts as an ES module evaluated from source: it registers tsx's loader, then
  // imports the TypeScript worker script.
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return { entry: bootstrap, eval: true, execArgv: ['--conditions=@s2b2b/source'] };
}

/**
 * The number of worker threads for `workers` (`'auto'`: one fewer than the available cores, at
 * least 1), never more than there are chunks.
 *
 * @example
 * workerCount(4, 2) // 2
 */
export function workerCount(workers: number | 'auto', chunks: number): number {
  const wanted = workers === 'auto' ? Math.max(1, availableParallelism() - 1) : workers;
  return Math.min(wanted, chunks);
}

/**
 * Options of {@link forecastInWorkers}.
 *
 * @example
 * const run: WorkerRunOptions = { workers: 4, chunkSize: 64, onProgress: (done, total) => bar.update(done / total) };
 */
export interface WorkerRunOptions {
  workers: number;
  chunkSize: number;
  onProgress?: ((done: number, total: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

function rebuildError(reply: Extract<WorkerReply, { ok: false }>): Error {
  const { name, message, issues } = reply.error;
  if (issues) {
    return new ValidationError(
      issues.map((issue) => ({ ...issue, path: ['series', reply.index, ...issue.path] })),
    );
  }
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Forecasts every series on `workers` threads started from `script`, handing out chunks of
 * `chunkSize` as threads free up. Resolves with the results in input order; `onProgress` runs as
 * each chunk completes. The first error (re-created on this thread, a `ValidationError` with its
 * path under `series.<index>`) or an abort rejects and terminates every thread.
 *
 * @example
 * const script = locateForecastWorker();
 * if (script) results = await forecastInWorkers(script, batch, { horizon: 6 }, { workers: 4, chunkSize: 64 });
 */
export function forecastInWorkers(
  script: ForecastWorkerScript,
  series: readonly { y: readonly (number | null)[]; seasonLength?: number | undefined }[],
  options: ForecastOptions,
  run: WorkerRunOptions,
): Promise<ForecastResult[]> {
  const { chunkSize, onProgress, signal } = run;
  const total = series.length;
  const results = new Array<ForecastResult>(total);
  if (total === 0) return Promise.resolve(results);
  signal?.throwIfAborted();
  return new Promise<ForecastResult[]>((resolve, reject) => {
    const threads: Worker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;
    const finish = (failure?: { error: unknown }) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void Promise.allSettled(threads.map((thread) => thread.terminate())).then(() =>
        failure ? reject(failure.error) : resolve(results),
      );
    };
    const onAbort = () => finish({ error: signal?.reason });
    const dispatch = (thread: Worker) => {
      if (next >= total) return;
      const start = next;
      next = Math.min(total, start + chunkSize);
      const task: WorkerTask = {
        start,
        series: series.slice(start, next).map((item) => ({ y: item.y, seasonLength: item.seasonLength })),
        options,
      };
      thread.postMessage(task);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const count = Math.max(1, Math.min(run.workers, Math.ceil(total / chunkSize)));
    for (let i = 0; i < count && !settled; i += 1) {
      let thread: Worker;
      try {
        thread = new Worker(script.entry, { eval: script.eval, execArgv: script.execArgv });
      } catch (error) {
        finish({ error });
        return;
      }
      threads.push(thread);
      thread.on('message', (reply: WorkerReply) => {
        if (settled) return;
        if (!reply.ok) {
          finish({ error: rebuildError(reply) });
          return;
        }
        for (let offset = 0; offset < reply.results.length; offset += 1) {
          results[reply.start + offset] = reply.results[offset]!;
        }
        done += reply.results.length;
        try {
          onProgress?.(done, total);
        } catch (error) {
          finish({ error });
          return;
        }
        if (settled) return;
        if (done === total) finish();
        else dispatch(thread);
      });
      thread.on('error', (error) => finish({ error }));
      thread.on('exit', (code) => {
        finish({ error: new Error(`A forecast worker stopped early (exit code ${code})`) });
      });
      dispatch(thread);
    }
  });
}
