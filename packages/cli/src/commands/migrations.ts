import type { Command } from '../command.js';
import { DEFAULT_SCHEMA } from '../storage.js';
import { suggest } from '../suggest.js';
import { UsageError } from '../usage-error.js';
import { CLI_VERSION } from '../version.js';

/**
 * `s2b2b migrations` prints the PostgreSQL migration SQL of `@s2b2b/storage-postgres` for a
 * schema and a set of domains, for hosts that run their own migrator.
 *
 * @example
 * await runCli(['migrations', '--schema', 'shop', '--domains', 'core'], io)
 */
export const migrationsCommand: Command = {
  name: 'migrations',
  synopsis: 'migrations',
  summary: 'Print the PostgreSQL migration SQL, for hosts with their own migrator',
  usage: ['migrations [--schema <name>] [--domains <a,b>]'],
  options: [
    {
      name: 'domains',
      type: 'string',
      value: '<a,b>',
      description: 'Comma-separated domains (default: all; core is always included)',
    },
  ],
  globals: ['json', 'verbose', 'schema'],
  description: [
    'Prints the versioned migrations, in the order to apply them, with the schema name',
    'substituted. Each starts with a comment naming its id and checksum: record them in your',
    'migrator so that each runs once. The kit itself applies the same SQL with storage.migrate().',
    'With --json it prints [{ id, domain, version, name, checksum, sql }] instead.',
  ],
  examples: ['migrations > s2b2b.sql', 'migrations --schema shop --domains core', 'migrations --json'],
  async run({ io, flags, options, args }) {
    if (args.length > 0) throw new UsageError(`migrations takes no arguments, got "${args[0]}"`);
    const { listMigrationDomains, migrationSql } = await import('@s2b2b/storage-postgres');
    const schema = flags.schema ?? DEFAULT_SCHEMA;
    const known = listMigrationDomains();
    let domains = known;
    if (typeof options.domains === 'string') {
      domains = options.domains
        .split(',')
        .map((domain) => domain.trim())
        .filter((domain) => domain !== '');
      if (domains.length === 0) throw new UsageError('--domains needs at least one domain');
      for (const domain of domains) {
        if (!known.includes(domain)) {
          const hint = suggest(domain, known);
          throw new UsageError(
            `unknown domain "${domain}"${hint ? ` (did you mean "${hint}"?)` : ''}; known domains: ${known.join(', ')}`,
          );
        }
      }
    }
    const migrations = migrationSql({ schema, domains });
    if (flags.json) return migrations;

    const lines = [
      `-- S2B2B Kit migrations for schema "${schema}" (domains: ${[...new Set(migrations.map((m) => m.domain))].join(', ')})`,
      `-- Printed by s2b2b ${CLI_VERSION}. Apply in order, each once; the id and checksum identify it.`,
    ];
    for (const migration of migrations) {
      lines.push(
        '',
        `-- migration: ${migration.id}`,
        `-- checksum: sha256:${migration.checksum}`,
        migration.sql.trim(),
      );
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    return undefined;
  },
};
