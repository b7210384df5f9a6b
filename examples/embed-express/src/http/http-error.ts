import {
  ConflictError,
  DomainError,
  isS2b2bError,
  type JsonValue,
  NotFoundError,
  StorageError,
  ValidationError,
} from '@s2b2b/core';

/**
 * Domain codes answered with 422 Unprocessable Content: the request names something that does
 * not exist or can never succeed as written. Every other `DomainError` is 409 Conflict: it
 * clashes with the current state (stock, a limit, a cap, a closed document) and may succeed later.
 *
 * @example
 * UNPROCESSABLE_CODES.has('UNKNOWN_SKU') // true
 */
export const UNPROCESSABLE_CODES: ReadonlySet<string> = new Set([
  'UNKNOWN_SKU',
  'UNKNOWN_WAREHOUSE',
  'LINE_NOT_FOUND',
  'LINE_NOT_OWNED',
  'CAP_NOT_FOUND',
  'CUSTOMER_REQUIRED',
  'NOTHING_TO_DRAW',
  'ADVANCE_EXCEEDED',
  'DATE_BEFORE_DRAWING',
  'UNKNOWN_CALENDAR',
  'MIXED_SUPPLIERS',
  'ORDER_LINE_NOT_FOUND',
]);

/**
 * An HTTP answer for an error: its status and JSON body.
 *
 * @example
 * const { status, body }: HttpError = toHttpError(error);
 */
export interface HttpError {
  status: number;
  body: { error: ErrorBody };
}

/**
 * The `error` of an error response: the kit's stable code, a message, the first invalid
 * field (`lines.0.quantity`) and every issue for a 400, the details otherwise.
 *
 * @example
 * const body: ErrorBody = { code: 'VALIDATION', message: '…', field: 'lines.0.quantity', issues: [] };
 */
export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  issues?: { field: string; message: string }[];
  details?: Record<string, JsonValue>;
}

const fieldOf = (path: readonly (string | number)[]) => (path.length === 0 ? 'body' : path.join('.'));

/**
 * The JSON body of a kit error, without the `replayed` flag a replayed refusal carries (so a
 * replay answers exactly as the first call did).
 *
 * @example
 * errorBody(new DomainError('INSUFFICIENT_STOCK', 'Only 2 left', { available: 2 })).code // 'INSUFFICIENT_STOCK'
 */
export function errorBody(error: {
  code: string;
  message: string;
  details: Readonly<Record<string, JsonValue>>;
}): ErrorBody {
  const { replayed: _replayed, ...details } = error.details;
  return { code: error.code, message: error.message, details };
}

/**
 * Maps what a route threw to an answer: `ValidationError` → 400 naming the field,
 * `NotFoundError` → 404, `ConflictError` (an idempotency key reused with another body) → 409,
 * `DomainError` → 422 for {@link UNPROCESSABLE_CODES} and 409 otherwise, a malformed JSON body
 * → 400 (too large → 413), a `StorageError` that outlived the adapter's retries → 503, anything
 * else → 500 without internals.
 *
 * @example
 * toHttpError(ValidationError.field('lines.0.quantity', 'Expected a positive integer')).status // 400
 */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof ValidationError) {
    const issues = error.issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message }));
    return {
      status: 400,
      body: {
        error: { code: error.code, message: error.message, field: issues[0]?.field ?? 'body', issues },
      },
    };
  }
  if (error instanceof NotFoundError) return { status: 404, body: { error: errorBody(error) } };
  if (error instanceof ConflictError) return { status: 409, body: { error: errorBody(error) } };
  if (error instanceof StorageError) {
    return { status: 503, body: { error: { code: error.code, message: 'Storage unavailable, retry' } } };
  }
  if (error instanceof DomainError || isS2b2bError(error)) {
    const status = UNPROCESSABLE_CODES.has(error.code) ? 422 : 409;
    return { status, body: { error: errorBody(error) } };
  }
  const parserError = bodyParserError(error);
  if (parserError === 'entity.parse.failed') {
    return {
      status: 400,
      body: { error: { code: 'VALIDATION', message: 'The body is not valid JSON', field: 'body' } },
    };
  }
  if (parserError === 'entity.too.large') {
    return {
      status: 413,
      body: { error: { code: 'VALIDATION', message: 'The body is too large', field: 'body' } },
    };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } } };
}

/** The `type` body-parser gives its errors (`entity.parse.failed`, `entity.too.large`), if any. */
function bodyParserError(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}
