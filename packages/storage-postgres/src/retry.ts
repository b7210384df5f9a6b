import { StorageError } from '@s2b2b/core';

/** How a transaction is retried after a serialization failure or a deadlock. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** Delay before the second attempt in ms; doubles each time, with jitter (default 5). */
  baseDelayMs?: number;
}

/** SQLSTATEs worth running the whole transaction again for. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Whether an error is a serialization failure (40001) or a deadlock (40P01).
 *
 * @example
 * isRetryableError({ code: '40001' }) // true
 */
export function isRetryableError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && RETRYABLE.has((error as { code?: unknown }).code as string)
  );
}

/**
 * Runs `attempt` again, from the start, while it fails with a retryable error; after the
 * last attempt throws `StorageError` `STORAGE_CONFLICT` with the last error as its cause.
 * Other errors pass through at once.
 *
 * @example
 * await withRetry(() => sql.transaction(work), { attempts: 5 });
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  options: RetryOptions = {},
  sleep: (ms: number) => Promise<void> = defaultSleep,
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 5);
  const base = options.baseDelayMs ?? 5;
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isRetryableError(error)) throw error;
      if (tried >= attempts) {
        const code = (error as { code: string }).code;
        throw new StorageError(
          'STORAGE_CONFLICT',
          `Transaction failed with SQLSTATE ${code} after ${attempts} attempts`,
          { sqlState: code, attempts },
          { cause: error },
        );
      }
      // Exponential backoff with full jitter keeps colliding transactions from colliding again.
      await sleep(base * 2 ** (tried - 1) * (0.5 + Math.random()));
    }
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
