import { StorageError, ValidationError } from '@s2b2b/core';

/**
 * How a transaction is retried after a serialization failure or a deadlock.
 *
 * @example
 * createPostgresStorage({ client: pool, retry: { attempts: 8, baseDelayMs: 10 } satisfies RetryOptions });
 */
export interface RetryOptions {
  /** Attempts in all, the first included (default 5; 1 turns retrying off). */
  attempts?: number;
  /** Delay before the second attempt in ms; doubles each attempt, with jitter (default 5). */
  baseDelayMs?: number;
}

/** SQLSTATEs worth running the whole transaction again for: serialization_failure, deadlock_detected. */
const RETRYABLE = new Set(['40001', '40P01']);

/** How deep `isRetryableError` looks through `cause` chains (hosts wrap driver errors). */
const MAX_CAUSE_DEPTH = 5;

/**
 * The SQLSTATE that makes an error retryable — 40001 (serialization failure) or 40P01
 * (deadlock), on the error or on one of its causes — or `undefined`.
 *
 * @example
 * retryableSqlState({ code: '40001' }) // '40001'
 * retryableSqlState(new Error('wrapped', { cause: { code: '40P01' } })) // '40P01'
 */
export function retryableSqlState(error: unknown): string | undefined {
  let current = error;
  for (let depth = 0; depth <= MAX_CAUSE_DEPTH; depth += 1) {
    if (typeof current !== 'object' || current === null) return undefined;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether an error is a serialization failure (40001) or a deadlock (40P01).
 *
 * @example
 * isRetryableError({ code: '40001' }) // true
 * isRetryableError({ code: '23505' }) // false
 */
export function isRetryableError(error: unknown): boolean {
  return retryableSqlState(error) !== undefined;
}

/**
 * Checks retry options and fills in the defaults.
 *
 * @throws ValidationError on `retry.attempts` or `retry.baseDelayMs`
 * @example
 * checkRetryOptions({ attempts: 3 }) // { attempts: 3, baseDelayMs: 5 }
 */
export function checkRetryOptions(options: RetryOptions | undefined): Required<RetryOptions> {
  const attempts = options?.attempts ?? 5;
  const baseDelayMs = options?.baseDelayMs ?? 5;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 100) {
    throw ValidationError.field(['retry', 'attempts'], 'Expected an integer from 1 to 100');
  }
  if (!Number.isFinite(baseDelayMs) || baseDelayMs < 0 || baseDelayMs > 60_000) {
    throw ValidationError.field(
      ['retry', 'baseDelayMs'],
      'Expected a number of milliseconds from 0 to 60000',
    );
  }
  return { attempts, baseDelayMs };
}

/**
 * Runs `attempt`, and runs it again from the start while it fails with a serialization
 * failure or a deadlock, waiting `baseDelayMs * 2^(n-1)` ms times a random factor in
 * [0.5, 1.5) between attempts. After the last attempt it throws `StorageError`
 * `STORAGE_CONFLICT` with the last error as `cause`. Any other error passes through at once.
 *
 * @example
 * await withRetry(() => sql.transaction(work), { attempts: 5 });
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions = {},
  sleep: (ms: number) => Promise<void> = defaultSleep,
): Promise<T> {
  const { attempts, baseDelayMs } = checkRetryOptions(options);
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      const sqlState = retryableSqlState(error);
      if (sqlState === undefined) throw error;
      if (tried >= attempts) {
        throw new StorageError(
          'STORAGE_CONFLICT',
          `Transaction failed with SQLSTATE ${sqlState} ${attempts === 1 ? 'with retries off' : `${attempts} times`}`,
          { sqlState, attempts },
          { cause: error },
        );
      }
      // Exponential backoff with jitter, so colliding transactions do not collide again.
      await sleep(baseDelayMs * 2 ** (tried - 1) * (0.5 + Math.random()));
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
