import { StorageError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { isRetryableError, withRetry } from './retry.js';

const noSleep = async () => {};
const sqlError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

describe('withRetry', () => {
  it('runs again after a serialization failure or a deadlock, then succeeds', async () => {
    const codes = ['40001', '40P01'];
    let calls = 0;
    const value = await withRetry(
      async () => {
        const code = codes[calls];
        calls += 1;
        if (code) throw sqlError(code);
        return 'done';
      },
      {},
      noSleep,
    );
    expect([value, calls]).toEqual(['done', 3]);
  });

  it('gives up after the configured attempts with STORAGE_CONFLICT and the cause', async () => {
    let calls = 0;
    const attempt = withRetry(
      async () => {
        calls += 1;
        throw sqlError('40001');
      },
      { attempts: 3 },
      noSleep,
    );
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await expect(attempt).rejects.toMatchObject({
      code: 'STORAGE_CONFLICT',
      details: { sqlState: '40001', attempts: 3 },
    });
    expect(calls).toBe(3);
  });

  it('passes every other error through at once', async () => {
    let calls = 0;
    const unique = sqlError('23505');
    await expect(
      withRetry(
        async () => {
          calls += 1;
          throw unique;
        },
        {},
        noSleep,
      ),
    ).rejects.toBe(unique);
    expect(calls).toBe(1);
    expect(isRetryableError(new Error('x'))).toBe(false);
    expect(isRetryableError(null)).toBe(false);
  });

  it('backs off exponentially with jitter', async () => {
    const delays: number[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls < 4) throw sqlError('40P01');
      },
      { baseDelayMs: 10 },
      async (ms) => {
        delays.push(ms);
      },
    );
    expect(delays).toHaveLength(3);
    delays.forEach((delay, index) => {
      expect(delay).toBeGreaterThanOrEqual(10 * 2 ** index * 0.5);
      expect(delay).toBeLessThan(10 * 2 ** index * 1.5);
    });
  });
});
