import { createHash } from 'node:crypto';
import { DomainError, ValidationError } from '@s2b2b/core';
import { MIGRATIONS, type MigrationDefinition } from './migrations/index.js';
import { DEFAULT_SCHEMA, quoteSchema } from './schema-name.js';
import type { SqlClient } from './sql-client.js';

/** A migration ready to run: schema substituted, with its id and checksum. */
export interface Migration {
  /** `<domain>/<version as 4 digits>_<name>`, e.g. `core/0001_infrastructure`. */
  id: string;
  domain: string;
  version: number;
  name: string;
  /** SHA-256 (hex) of the SQL before schema substitution. */
  checksum: string;
  /** The SQL with the schema substituted. */
  sql: string;
}

/** What `migrate` did. */
export interface MigrationReport {
  /** Ids applied by this call, in order. */
  applied: string[];
  /** Ids that were already there. */
  alreadyApplied: string[];
}

/** The domain every storage needs: idempotency records and the event outbox. */
export const CORE_DOMAIN = 'core';

/**
 * The domains that ship migrations.
 *
 * @example
 * listMigrationDomains() // ['core', ...]
 */
export function listMigrationDomains(): string[] {
  return [...new Set(MIGRATIONS.map((migration) => migration.domain))];
}

/**
 * The migrations for a schema and a set of domains (`core` always included), in the order
 * to apply them — for hosts that run their own migrator.
 *
 * @example
 * for (const m of migrationSql({ schema: 'tenant_a', domains: ['core'] })) await myMigrator.add(m.id, m.sql);
 */
export function migrationSql(options: { schema?: string; domains?: readonly string[] } = {}): Migration[] {
  const quoted = quoteSchema(options.schema ?? DEFAULT_SCHEMA);
  const domains = selectDomains(options.domains);
  return MIGRATIONS.filter((migration) => domains.has(migration.domain))
    .sort(compareMigrations)
    .map((migration) => prepare(migration, quoted));
}

/**
 * Applies the missing migrations of the chosen domains in one transaction, under an
 * advisory lock on the schema, so concurrent callers apply each migration exactly once.
 * Throws `MIGRATION_CHECKSUM_MISMATCH` when an applied migration's SQL has changed.
 */
export async function runMigrations(
  sql: SqlClient,
  schema: string,
  domains?: readonly string[],
): Promise<MigrationReport> {
  const quoted = quoteSchema(schema);
  const wanted = migrationSql({ schema, domains: domains ?? listMigrationDomains() });
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`s2b2b.migrate.${schema}`]);
    await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${quoted};
CREATE TABLE IF NOT EXISTS ${quoted}.schema_migrations (
  domain     text        NOT NULL,
  version    integer     NOT NULL,
  name       text        NOT NULL,
  checksum   text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (domain, version)
);`);
    const { rows } = await tx.query<{ domain: string; version: number; checksum: string }>(
      `SELECT domain, version, checksum FROM ${quoted}.schema_migrations`,
    );
    const applied = new Map(rows.map((row) => [`${row.domain}/${Number(row.version)}`, row.checksum]));
    const report: MigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of wanted) {
      const recorded = applied.get(`${migration.domain}/${migration.version}`);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum) {
          throw new DomainError(
            'MIGRATION_CHECKSUM_MISMATCH',
            `Migration ${migration.id} in schema ${schema} was applied with different SQL`,
            { migration: migration.id, schema, recorded, expected: migration.checksum },
          );
        }
        report.alreadyApplied.push(migration.id);
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO ${quoted}.schema_migrations (domain, version, name, checksum) VALUES ($1, $2, $3, $4)`,
        [migration.domain, migration.version, migration.name, migration.checksum],
      );
      report.applied.push(migration.id);
    }
    return report;
  });
}

function selectDomains(domains: readonly string[] | undefined): Set<string> {
  const known = new Set(listMigrationDomains());
  const selected = new Set<string>([CORE_DOMAIN]);
  for (const [index, domain] of (domains ?? []).entries()) {
    if (!known.has(domain)) {
      throw ValidationError.field(
        ['domains', index],
        `Unknown domain ${JSON.stringify(domain)}; known: ${[...known].join(', ')}`,
      );
    }
    selected.add(domain);
  }
  return selected;
}

function compareMigrations(a: MigrationDefinition, b: MigrationDefinition): number {
  if (a.domain === b.domain) return a.version - b.version;
  if (a.domain === CORE_DOMAIN) return -1;
  if (b.domain === CORE_DOMAIN) return 1;
  return a.domain < b.domain ? -1 : 1;
}

function prepare(migration: MigrationDefinition, quotedSchema: string): Migration {
  return {
    id: `${migration.domain}/${String(migration.version).padStart(4, '0')}_${migration.name}`,
    domain: migration.domain,
    version: migration.version,
    name: migration.name,
    checksum: createHash('sha256').update(migration.sql).digest('hex'),
    sql: migration.sql.replaceAll('{{schema}}', quotedSchema),
  };
}
