import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, parseCommandLine } from './command-line.js';
import { UsageError } from './usage-error.js';

const LIST = [{ name: 'list', type: 'boolean' as const, description: 'list' }];

function usageMessage(argv: string[]): string {
  try {
    parseCommandLine(argv, LIST);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('finds the command, its arguments and the defaults', () => {
    const line = parseCommandLine(['example', 'money-allocation'], LIST);
    expect(line.command).toBe('example');
    expect(line.args).toEqual(['money-allocation']);
    expect(line.flags).toMatchObject({
      storage: 'pglite',
      json: false,
      verbose: false,
      seed: DEFAULT_SEED,
      schema: undefined,
      dataDir: undefined,
    });
  });

  it('accepts flags before and after the command, with = or a separate value', () => {
    const line = parseCommandLine(
      ['--json', 'demo', '--storage=memory', '--seed', '7', '--schema', 'shop', '-h', '--list'],
      LIST,
    );
    expect(line.command).toBe('demo');
    expect(line.flags).toMatchObject({ json: true, storage: 'memory', seed: 7, schema: 'shop', help: true });
    expect(line.options).toEqual({ list: true });
  });

  it('takes --pg-url to mean postgres', () => {
    expect(parseCommandLine(['demo', '--pg-url', 'postgres://x/y'], []).flags.storage).toBe('postgres');
    expect(usageMessage(['demo', '--pg-url', 'postgres://x/y', '--storage', 'memory'])).toContain('--pg-url');
  });

  it('rejects unknown flags with a suggestion', () => {
    expect(usageMessage(['demo', '--jsn'])).toBe('unknown option "--jsn" (did you mean "--json"?)');
    expect(usageMessage(['demo', '-x'])).toBe('unknown option "-x"');
  });

  it('rejects bad values', () => {
    expect(usageMessage(['demo', '--storage', 'pglte'])).toContain('(did you mean "pglite"?)');
    expect(usageMessage(['demo', '--seed', 'abc'])).toBe('--seed must be an integer, got "abc"');
    expect(usageMessage(['demo', '--schema', 'Bad-Name'])).toContain('--schema must be');
    expect(usageMessage(['demo', '--schema', 'pg_catalog'])).toContain('--schema must be');
    expect(usageMessage(['demo', '--schema'])).toBe('option "--schema" needs a value <name>');
    expect(usageMessage(['demo', '--schema', '--json'])).toBe('option "--schema" needs a value <name>');
    expect(usageMessage(['demo', '--json=yes'])).toBe('option "--json" does not take a value');
  });

  it('accepts a negative seed', () => {
    expect(parseCommandLine(['demo', '--seed', '-3'], []).flags.seed).toBe(-3);
  });
});
