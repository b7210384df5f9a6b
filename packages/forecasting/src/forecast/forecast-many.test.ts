import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { forecast } from './forecast.js';
import { forecastMany } from './forecast-many.js';

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
