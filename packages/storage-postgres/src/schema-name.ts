import { ValidationError } from '@s2b2b/core';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Checks a schema name (lower-case letters, digits and `_`, at most 63 characters, not
 * starting with a digit) and returns it double-quoted for SQL.
 *
 * @example
 * quoteSchema('s2b2b') // '"s2b2b"'
 */
export function quoteSchema(schema: unknown): string {
  if (typeof schema !== 'string' || !SCHEMA_NAME.test(schema) || schema.startsWith('pg_')) {
    throw ValidationError.field(
      'schema',
      `Expected a schema name of lower-case letters, digits and _ (not starting with a digit or pg_), got ${JSON.stringify(schema)}`,
    );
  }
  return `"${schema}"`;
}
