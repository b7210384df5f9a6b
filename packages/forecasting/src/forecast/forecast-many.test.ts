import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { forecast } from './forecast.js';
import { forecastMany } from './forecast-many.js';
import { locateForecastWorker } from './worker-pool.js';

const batch = Array.from({ length: 150 }, (_, i) => ({
  id: `sku-${i}`,
  y: Array.from({ length: 30 }, (_, t) => 50 + (i % 7) * t + (t % 4) * 3),
  seasonLength: i % 2 === 0 ? 4 : undefined,
}));

describe('forecastMany', () => {
  it('gives each series the forecast forecast() would, in order, reporting progress by chunk', async () => {
    const progress: [number, number][] = [];
    const results = await forecastMany(batch, {
      horizon: 3,
      seasonLength: 1,
      chunkSize: 64,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(results.map((result) => result.id)).toEqual(batch.map((item) => item.id));
    expect(results[2]).toEqual({ id: 'sku-2', ...forecast(batch[2]!.y, { horizon: 3, seasonLength: 4 }) });
    expect(results[3]).toEqual({ id: 'sku-3', ...forecast(batch[3]!.y, { horizon: 3, seasonLength: 1 }) });
    expect(progress).toEqual([
      [64, 150],
      [128, 150],
      [150, 150],
    ]);
  });

  it('names the bad series in its errors', async () => {
    const bad = [batch[0]!, { id: 'broken', y: [1, Number.NaN, 3] }];
    const error = await forecastMany(bad, { horizon: 2 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.path).toEqual(['series', 1, 'y', 1]);
    const noId = await forecastMany([{ id: '', y: [1] }], { horizon: 1 }).catch((caught: unknown) => caught);
    expect((noId as ValidationError).issues[0]?.path).toEqual(['series', 0, 'id']);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const run = forecastMany(batch, {
      horizon: 2,
      chunkSize: 10,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 20) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
  });
});

describe('forecastMany on worker threads', () => {
  const fifty = batch.slice(0, 50);

  it('finds the worker script next to the sources', () => {
    const script = locateForecastWorker();
    expect(script?.eval).toBe(true);
    expect(script?.entry).toMatch(/tsx\/dist\/esm\/api\/index\.mjs.*forecast\/forecast-worker\.ts/s);
    expect(script?.execArgv).toEqual(['--conditions=@s2b2b/source']);
  });

  it('gives the same forecasts as the calling thread, in input order, reporting progress to the total', async () => {
    const options = { horizon: 4, seasonLength: 1, level: [80, 95], chunkSize: 8 };
    const progress: [number, number][] = [];
    const [inProcess, threaded] = await Promise.all([
      forecastMany(fifty, options),
      forecastMany(fifty, {
        ...options,
        workers: 2,
        onProgress: (done, total) => progress.push([done, total]),
      }),
    ]);
    expect(threaded).toEqual(inProcess);
    expect(threaded.map((result) => result.id)).toEqual(fifty.map((item) => item.id));
    expect(progress).toHaveLength(7);
    expect(progress.at(-1)).toEqual([50, 50]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
  });

  it("accepts 'auto' and an empty batch", async () => {
    const results = await forecastMany(fifty.slice(0, 3), { horizon: 2, workers: 'auto' });
    expect(results).toEqual(await forecastMany(fifty.slice(0, 3), { horizon: 2 }));
    expect(await forecastMany([], { horizon: 2, workers: 2 })).toEqual([]);
  });

  it('rejects bad series and options before starting threads', async () => {
    const bad = [...fifty, { id: 'broken', y: [1, Number.NaN, 3] }];
    const error = await forecastMany(bad, { horizon: 2, workers: 2 }).catch((caught: unknown) => caught);
    expect((error as ValidationError).issues[0]?.path).toEqual(['series', 50, 'y', 1]);
    await expect(forecastMany(fifty, { horizon: 0, workers: 2 })).rejects.toBeInstanceOf(ValidationError);
    await expect(forecastMany(fifty, { horizon: 2, workers: -1 })).rejects.toThrow(/workers/);
  });

  it('re-creates an error thrown in a thread as a ValidationError naming the series', async () => {
    const empty = [...fifty.slice(0, 20), { id: 'empty', y: [null, null] }, ...fifty.slice(20)];
    const error = await forecastMany(empty, { horizon: 2, missing: 'zero', workers: 2, chunkSize: 4 }).catch(
      (caught: unknown) => caught,
    );
    const inProcess = await forecastMany(empty, { horizon: 2, missing: 'zero', chunkSize: 4 }).catch(
      (caught: unknown) => caught,
    );
    expect(inProcess).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual((inProcess as ValidationError).issues);
    expect((error as ValidationError).issues[0]?.path.slice(0, 2)).toEqual(['series', 20]);
  });

  it('rejects with the abort reason and stops the threads', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const run = forecastMany(batch, {
      horizon: 2,
      chunkSize: 10,
      workers: 2,
      signal: controller.signal,
      onProgress: (done) => {
        progress.push(done);
        if (done >= 20) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
    expect(progress.at(-1)).toBeLessThan(batch.length);
    const aborted = new AbortController();
    aborted.abort(new Error('before'));
    await expect(forecastMany(batch, { horizon: 2, workers: 2, signal: aborted.signal })).rejects.toThrow(
      'before',
    );
  });
});
