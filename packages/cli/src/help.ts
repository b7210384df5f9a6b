import type { Command } from './command.js';
import { GLOBAL_OPTIONS, type OptionSpec } from './command-line.js';
import { padToWidth } from './text-width.js';
import { CLI_VERSION } from './version.js';

/**
 * The text of `s2b2b --help`: usage, commands, global flags and exit codes.
 *
 * @example
 * io.stdout.write(globalHelp(COMMANDS))
 */
export function globalHelp(commands: readonly Command[]): string {
  const commandRows = commands.map((command) => [command.synopsis, command.summary] as const);
  return [
    `s2b2b ${CLI_VERSION} — S2B2B Kit from the command line`,
    '',
    'Usage: s2b2b <command> [flags]',
    '',
    'Commands:',
    ...twoColumns(commandRows),
    '',
    'Global flags:',
    ...twoColumns(GLOBAL_OPTIONS.map(optionRow)),
    '',
    'Exit codes: 0 success, 1 the command failed, 2 bad usage (unknown command or flag, bad value).',
    'Run "s2b2b <command> --help" for what a command prints and its own flags.',
    '',
  ].join('\n');
}

/**
 * The text of `s2b2b <command> --help`.
 *
 * @example
 * io.stdout.write(commandHelp(demoCommand))
 */
export function commandHelp(command: Command): string {
  const globals = GLOBAL_OPTIONS.filter(
    (spec) => command.globals.includes(spec.name) || spec.name === 'help',
  );
  const lines = [
    `Usage: ${command.usage.map((usage, index) => (index === 0 ? `s2b2b ${usage}` : `       s2b2b ${usage}`)).join('\n')}`,
    '',
    ...command.description,
  ];
  lines.push('', 'Flags:', ...twoColumns([...command.options, ...globals].map(optionRow)));
  if (command.examples.length > 0) {
    lines.push('', 'Examples:', ...command.examples.map((example) => `  s2b2b ${example}`));
  }
  lines.push('');
  return lines.join('\n');
}

function optionRow(spec: OptionSpec): readonly [string, string] {
  const names = `${spec.short ? `-${spec.short}, ` : '    '}--${spec.name}${spec.value ? ` ${spec.value}` : ''}`;
  return [names, spec.description];
}

function twoColumns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${padToWidth(left, width)}${right}`);
}
