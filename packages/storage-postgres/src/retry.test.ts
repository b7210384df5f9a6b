import { StorageError, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { createPostgresStorage } from './postgres-storage.js';
import { checkRetryOptions, isRetryableError, retryableSqlState, withRetry } from './retry.js';
import type { PgliteLike, PgliteTransactionLike } from './sql-client.js';

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

  it('gives up after the configured attempts with STORAGE_CONFLICT and the last error as cause', async () => {
    let calls = 0;
    const last = sqlError('40001');
    const attempt = withRetry(
      async () => {
        calls += 1;
        throw calls === 3 ? last : sqlError('40P01');
      },
      { attempts: 3 },
      noSleep,
    );
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await expect(attempt).rejects.toMatchObject({
      code: 'STORAGE_CONFLICT',
      details: { sqlState: '40001', attempts: 3 },
      cause: last,
    });
    expect(calls).toBe(3);
  });

  it('passes every other error through at once', async () => {
    for (const error of [sqlError('23505'), sqlError('40003'), new Error('plain'), 'a string']) {
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls += 1;
            throw error;
          },
          {},
          noSleep,
        ),
      ).rejects.toBe(error);
      expect(calls).toBe(1);
    }
  });

  it('finds the SQLSTATE on a wrapped error', () => {
    const wrapped = new Error('host wrapper', { cause: new Error('inner', { cause: sqlError('40P01') }) });
    expect(retryableSqlState(wrapped)).toBe('40P01');
    expect(isRetryableError(wrapped)).toBe(true);
    expect(isRetryableError(null)).toBe(false);
    expect(isRetryableError({ code: 40001 })).toBe(false);
  });

  it('backs off exponentially with jitter', async () => {
    const delays: number[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        if (calls < 5) throw sqlError('40P01');
      },
      { baseDelayMs: 10 },
      async (ms) => {
        delays.push(ms);
      },
    );
    expect(delays).toHaveLength(4);
    delays.forEach((delay, index) => {
      expect(delay).toBeGreaterThanOrEqual(10 * 2 ** index * 0.5);
      expect(delay).toBeLessThan(10 * 2 ** index * 1.5);
    });
  });

  it('validates its options', () => {
    expect(checkRetryOptions(undefined)).toEqual({ attempts: 5, baseDelayMs: 5 });
    expect(checkRetryOptions({ attempts: 1, baseDelayMs: 0 })).toEqual({ attempts: 1, baseDelayMs: 0 });
    for (const bad of [
      { attempts: 0 },
      { attempts: 1.5 },
      { baseDelayMs: -1 },
      { baseDelayMs: Number.NaN },
    ]) {
      expect(() => checkRetryOptions(bad)).toThrow(ValidationError);
    }
  });
});

/** A PGlite-shaped client that records statements and never touches a database. */
function fakeClient() {
  const log: string[] = [];
  let transactions = 0;
  const tx: PgliteTransactionLike = {
    async query<R>(text: string) {
      log.push(text.trim().split(/\s+/).slice(0, 3).join(' '));
      return { rows: [] as R[], affectedRows: 1 };
    },
    async exec() {},
  };
  const client: PgliteLike = {
    waitReady: Promise.resolve(),
    query: tx.query,
    exec: tx.exec,
    async transaction(fn) {
      transactions += 1;
      log.push('BEGIN');
      try {
        const value = await fn(tx);
        log.push('COMMIT');
        return value;
      } catch (error) {
        log.push('ROLLBACK');
        throw error;
      }
    },
  };
  return { client, log, transactions: () => transactions };
}

describe('storage.transaction retries (fake client)', () => {
  it('re-runs the whole function in a new transaction after 40001, then commits', async () => {
    const fake = fakeClient();
    const storage = createPostgresStorage({ client: fake.client, retry: { baseDelayMs: 0 } });
    let runs = 0;
    const value = await storage.transaction(async (tx) => {
      runs += 1;
      await tx.idempotency.complete({ scope: 's', key: 'k', outcome: { ok: true, value: runs } });
      if (runs < 3) throw sqlError(runs === 1 ? '40001' : '40P01');
      return runs;
    });
    expect(value).toBe(3);
    expect(fake.transactions()).toBe(3);
    expect(fake.log.filter((line) => ['BEGIN', 'COMMIT', 'ROLLBACK'].includes(line))).toEqual([
      'BEGIN',
      'ROLLBACK',
      'BEGIN',
      'ROLLBACK',
      'BEGIN',
      'COMMIT',
    ]);
  });

  it('stops after the configured attempts with STORAGE_CONFLICT, and never retries other errors', async () => {
    const fake = fakeClient();
    const storage = createPostgresStorage({ client: fake.client, retry: { attempts: 2, baseDelayMs: 0 } });
    await expect(
      storage.transaction(async () => {
        throw sqlError('40001');
      }),
    ).rejects.toMatchObject({ code: 'STORAGE_CONFLICT', details: { attempts: 2 } });
    expect(fake.transactions()).toBe(2);
    await expect(
      storage.transaction(async () => {
        throw sqlError('23505');
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(fake.transactions()).toBe(3);
  });
});
