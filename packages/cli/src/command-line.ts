import { parseArgs } from 'node:util';
import { isS2b2bError } from '@s2b2b/core';
import { quoteSchema } from '@s2b2b/storage-postgres';
import { suggest } from './suggest.js';
import { UsageError } from './usage-error.js';

/** One flag the CLI understands. */
export interface OptionSpec {
  /** Long name, without `--`. */
  name: string;
  type: 'boolean' | 'string';
  /** One-letter alias, without `-`. */
  short?: string;
  /** Placeholder of the value in help, e.g. `<dir>`. */
  value?: string;
  /** One line for `--help`. */
  description: string;
}

/** The flags every command accepts. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'help',
    short: 'h',
    type: 'boolean',
    description: 'Show help (for a command: s2b2b <command> --help)',
  },
  { name: 'version', short: 'V', type: 'boolean', description: 'Print the version' },
  { name: 'json', type: 'boolean', description: 'Machine-readable output: one JSON document on stdout' },
  { name: 'verbose', type: 'boolean', description: 'Print stack traces with errors' },
  {
    name: 'storage',
    type: 'string',
    value: '<kind>',
    description: 'pglite (default, persisted in --data-dir), memory or postgres',
  },
  {
    name: 'data-dir',
    type: 'string',
    value: '<dir>',
    description: 'Where PGlite keeps its data (default .s2b2b)',
  },
  {
    name: 'pg-url',
    type: 'string',
    value: '<url>',
    description: 'PostgreSQL connection string; implies --storage postgres',
  },
  { name: 'schema', type: 'string', value: '<name>', description: 'PostgreSQL schema (default s2b2b)' },
  { name: 'seed', type: 'string', value: '<n>', description: 'Seed of every random draw (default 42)' },
];

/** The storage kinds `--storage` accepts. */
export const STORAGE_KINDS = ['pglite', 'memory', 'postgres'] as const;
/** A storage kind. */
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** The global flags, checked and typed. */
export interface GlobalFlags {
  help: boolean;
  version: boolean;
  json: boolean;
  verbose: boolean;
  /** Resolved: `--storage`, else postgres when `--pg-url` is given, else pglite. */
  storage: StorageKind;
  /** As given (relative to the io's cwd), or undefined for the default. */
  dataDir: string | undefined;
  pgUrl: string | undefined;
  /** As given, or undefined for the default. */
  schema: string | undefined;
  seed: number;
}

/** What `parseCommandLine` found. */
export interface CommandLine {
  /** The first positional argument, if any. */
  command: string | undefined;
  /** Positional arguments after the command. */
  args: string[];
  flags: GlobalFlags;
  /** Values of command-specific flags, by long name. */
  options: Record<string, string | boolean>;
  /** Long names of every flag given (global or not), in order. */
  given: string[];
}

/** The default seed. */
export const DEFAULT_SEED = 42;

const INTEGER = /^-?\d{1,16}$/;

/**
 * Parses argv (without `node` and the script) against the global flags and the flags of every
 * command, with `node:util` `parseArgs`. Bad flags and bad values throw `UsageError` with a
 * one-line message, with a "did you mean" hint where one is close. Which command-specific
 * flags fit which command is checked by the caller once the command is known.
 *
 * @example
 * parseCommandLine(['demo', '--storage', 'memory'], []).flags.storage // 'memory'
 */
export function parseCommandLine(
  argv: readonly string[],
  commandOptions: readonly OptionSpec[],
): CommandLine {
  const specs = new Map<string, OptionSpec>();
  for (const spec of [...GLOBAL_OPTIONS, ...commandOptions]) specs.set(spec.name, spec);
  const parseOptions: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const spec of specs.values()) {
    parseOptions[spec.name] = spec.short ? { type: spec.type, short: spec.short } : { type: spec.type };
  }
  const { tokens } = parseArgs({
    args: [...argv],
    options: parseOptions,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  const positionals: string[] = [];
  const values = new Map<string, string | boolean>();
  const given: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const spec = specs.get(token.name);
    if (!spec) {
      const hint = token.rawName.startsWith('--') ? suggest(token.name, [...specs.keys()]) : undefined;
      throw new UsageError(`unknown option "${token.rawName}"${hint ? ` (did you mean "--${hint}"?)` : ''}`);
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`option "--${spec.name}" does not take a value`);
      values.set(spec.name, true);
    } else {
      const value = token.value;
      if (value === undefined || (!token.inlineValue && value.startsWith('-') && !INTEGER.test(value))) {
        throw new UsageError(`option "--${spec.name}" needs a value ${spec.value ?? '<value>'}`);
      }
      values.set(spec.name, value);
    }
    given.push(spec.name);
  }

  const globalNames = new Set(GLOBAL_OPTIONS.map((spec) => spec.name));
  const options: Record<string, string | boolean> = {};
  for (const [name, value] of values) if (!globalNames.has(name)) options[name] = value;

  return {
    command: positionals[0],
    args: positionals.slice(1),
    flags: globalFlags(values),
    options,
    given,
  };
}

function globalFlags(values: ReadonlyMap<string, string | boolean>): GlobalFlags {
  const text = (name: string): string | undefined => {
    const value = values.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const pgUrl = text('pg-url');
  const storageText = text('storage');
  let storage: StorageKind;
  if (storageText === undefined) {
    storage = pgUrl === undefined ? 'pglite' : 'postgres';
  } else {
    if (!(STORAGE_KINDS as readonly string[]).includes(storageText)) {
      const hint = suggest(storageText, STORAGE_KINDS);
      throw new UsageError(
        `--storage must be one of ${STORAGE_KINDS.join(', ')}, got "${storageText}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
      );
    }
    storage = storageText as StorageKind;
    if (pgUrl !== undefined && storage !== 'postgres') {
      throw new UsageError(`--pg-url needs --storage postgres, not --storage ${storage}`);
    }
  }
  const schema = text('schema');
  if (schema !== undefined) {
    try {
      quoteSchema(schema); // the adapter's own rule, so the two never drift apart
    } catch (error) {
      if (!isS2b2bError(error, 'VALIDATION')) throw error;
      throw new UsageError(
        `--schema must be lower-case letters, digits and _ (at most 63, not starting with a digit or pg_), got "${schema}"`,
      );
    }
  }
  const dataDir = text('data-dir');
  if (dataDir !== undefined && dataDir.trim() === '') throw new UsageError('--data-dir must not be empty');
  const seedText = text('seed');
  let seed = DEFAULT_SEED;
  if (seedText !== undefined) {
    if (!INTEGER.test(seedText) || !Number.isSafeInteger(Number(seedText))) {
      throw new UsageError(`--seed must be an integer, got "${seedText}"`);
    }
    seed = Number(seedText);
  }
  return {
    help: values.get('help') === true,
    version: values.get('version') === true,
    json: values.get('json') === true,
    verbose: values.get('verbose') === true,
    storage,
    dataDir,
    pgUrl,
    schema,
    seed,
  };
}
