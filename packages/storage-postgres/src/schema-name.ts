import { ValidationError } from '@s2b2b/core';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The schema every table lives in unless the host chooses another.
 *
 * @example
 * createPostgresStorage({ client: pool }).schema === DEFAULT_SCHEMA // 's2b2b'
 */
export const DEFAULT_SCHEMA = 's2b2b';

/**
 * Checks a schema name — lower-case letters, digits and `_`, 1 to 63 characters, not
 * starting with a digit, and not `pg_…` (reserved by PostgreSQL) — and returns it
 * double-quoted for SQL. Names are always quoted, so a valid name that is also a keyword
 * (`user`, `order`) works too.
 *
 * @throws ValidationError on `schema`
 * @example
 * quoteSchema('s2b2b') // '"s2b2b"'
 * quoteSchema('Shop') // throws ValidationError
 */
export function quoteSchema(schema: unknown): string {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema) || schema.startsWith('pg_')) {
    throw ValidationError.field(
      'schema',
      `Expected a schema name of 1-63 lower-case letters, digits and _, not starting with a digit or pg_, got ${JSON.stringify(schema)}`,
    );
  }
  return `"${schema}"`;
}
