/**
 * Worker-thread entry of `forecastMany({ workers })`: receives chunks of series, answers with
 * one `forecast` per series (or the first error, with its index). Built as its own file next
 * to the package entry so `worker-pool.ts` finds it at `./forecast-worker.<ext>`.
 */
import { parentPort } from 'node:worker_threads';
import { ValidationError } from '@s2b2b/core';
import { type ForecastResult, forecast } from './forecast.js';
import type { WorkerReply, WorkerTask } from './worker-pool.js';

function run(task: WorkerTask): WorkerReply {
  const results: ForecastResult[] = [];
  for (let offset = 0; offset < task.series.length; offset += 1) {
    const item = task.series[offset]!;
    try {
      results.push(
        forecast(item.y, { ...task.options, seasonLength: item.seasonLength ?? task.options.seasonLength }),
      );
    } catch (error) {
      const index = task.start + offset;
      if (error instanceof ValidationError) {
        return {
          ok: false,
          index,
          error: { name: error.name, message: error.message, issues: error.issues.map((i) => ({ ...i })) },
        };
      }
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      return { ok: false, index, error: { name, message } };
    }
  }
  return { ok: true, start: task.start, results };
}

parentPort?.on('message', (task: WorkerTask) => {
  parentPort?.postMessage(run(task));
});
