/**
 * The error family every @s2b2b package throws. Each error carries a stable string `code`
 * that hosts can switch on, and `details` that serialise to JSON.
 */

/** A JSON-serialisable value: what error details, idempotent outcomes and event payloads carry. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One problem with one input field, as reported in a `ValidationError`. */
export interface ValidationIssue {
  /** Where the problem is, e.g. `['lines', 2, 'quantity']`. Empty for the whole input. */
  path: (string | number)[];
  /** What is wrong, for a person. */
  message: string;
  /** The zod issue code, or a package's own short code. */
  code: string;
}

/**
 * Base of every error the kit throws on purpose.
 *
 * @example
 * try { service.draw(input) } catch (e) { if (e instanceof S2b2bError) log(e.code, e.details) }
 */
export class S2b2bError extends Error {
  /** Stable, documented machine-readable code (`VALIDATION`, `NOT_FOUND`, `CREDIT_LIMIT_EXCEEDED`, ...). */
  readonly code: string;
  /** Structured context; JSON-serialisable. */
  readonly details: Readonly<Record<string, JsonValue>>;

  constructor(
    code: string,
    message: string,
    details: Record<string, JsonValue> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = Object.freeze({ ...details });
  }

  /** A plain object for logs and JSON responses. */
  toJSON(): { name: string; code: string; message: string; details: Record<string, JsonValue> } {
    return { name: this.name, code: this.code, message: this.message, details: { ...this.details } };
  }
}

/**
 * Input did not match the documented schema. Thrown before any work or write happens.
 *
 * @example
 * new ValidationError([{ path: ['amount'], message: 'Expected a decimal string', code: 'invalid_format' }])
 */
export class ValidationError extends S2b2bError {
  /** Every problem found, with its field path. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: ValidationIssue[], message?: string) {
    super('VALIDATION', message ?? formatIssues(issues), {
      issues: issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code })),
    });
    this.issues = Object.freeze(issues.map((issue) => Object.freeze({ ...issue, path: [...issue.path] })));
  }

  /** A validation error about one field. */
  static field(path: string | (string | number)[], message: string, code = 'invalid'): ValidationError {
    return new ValidationError([{ path: Array.isArray(path) ? path : [path], message, code }]);
  }
}

/**
 * A business rule said no (a limit, a closed round, a state that does not allow the command).
 * Packages subclass it or use it directly with their own documented `code`.
 *
 * @example
 * throw new DomainError('ROUND_CLOSED', 'Round r-1 closed at 2026-03-01T10:00:00Z', { roundId: 'r-1' })
 */
export class DomainError extends S2b2bError {}

/**
 * The thing a command refers to does not exist.
 *
 * @example
 * throw new NotFoundError('merchant', 'm-42')
 */
export class NotFoundError extends S2b2bError {
  constructor(entity: string, id: string, details: Record<string, JsonValue> = {}) {
    super('NOT_FOUND', `${entity} ${JSON.stringify(id)} was not found`, { entity, id, ...details });
  }
}

/**
 * A command conflicts with what is stored, most often an idempotency key replayed with a
 * different payload (code `IDEMPOTENCY_CONFLICT`).
 *
 * @example
 * throw new ConflictError('IDEMPOTENCY_CONFLICT', 'Key k-1 was used with another payload', { key: 'k-1' })
 */
export class ConflictError extends S2b2bError {
  constructor(code: string, message: string, details: Record<string, JsonValue> = {}) {
    super(code, message, details);
  }
}

/** A transient storage failure that survived the adapter's retries (serialization failure, deadlock). */
export class StorageError extends S2b2bError {}

function formatIssues(issues: ValidationIssue[]): string {
  if (issues.length === 0) return 'Invalid input';
  const parts = issues.slice(0, 3).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return `Invalid input — ${parts.join('; ')}${more}`;
}

/**
 * Whether a value is an `S2b2bError` with the given code (works across package copies,
 * where `instanceof` may fail).
 *
 * @example
 * if (isS2b2bError(e, 'NOT_FOUND')) return null
 */
export function isS2b2bError(value: unknown, code?: string): value is S2b2bError {
  if (value instanceof S2b2bError) return code === undefined || value.code === code;
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; details?: unknown };
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.details === 'object' &&
    (code === undefined || candidate.code === code)
  );
}
