import type { Command } from './command.js';
import { type CommandLine, GLOBAL_OPTIONS, type OptionSpec, parseCommandLine } from './command-line.js';
import { dayCommand } from './commands/day.js';
import { demoCommand } from './commands/demo.js';
import { exampleCommand } from './commands/example.js';
import { migrationsCommand } from './commands/migrations.js';
import { reportCommand } from './commands/report.js';
import { commandHelp, globalHelp } from './help.js';
import { type CliIo, processIo } from './io.js';
import { createPrinter } from './output.js';
import { reportError } from './report-error.js';
import { suggest } from './suggest.js';
import { EXIT_OK, UsageError } from './usage-error.js';
import { CLI_VERSION } from './version.js';

const helpCommand: Command = {
  name: 'help',
  synopsis: 'help [command]',
  summary: 'Show help for the CLI or for one command',
  usage: ['help [command]'],
  options: [],
  globals: [],
  description: ['Prints the same text as "s2b2b --help" or "s2b2b <command> --help".'],
  examples: ['help demo'],
  // Handled by runCli, which knows every command.
  run: async () => undefined,
};

/** Every command, in the order `--help` lists them. */
const COMMANDS: readonly Command[] = [
  demoCommand,
  dayCommand,
  reportCommand,
  exampleCommand,
  migrationsCommand,
  helpCommand,
];

/**
 * Runs the `s2b2b` command line in-process and resolves to its exit code: 0 on success,
 * 1 when the command failed, 2 for bad usage. It never calls `process.exit`, and writes only
 * to `io` (the process streams by default), so tests and hosts can drive it directly.
 *
 * @param argv - the arguments after the program name (`process.argv.slice(2)`)
 * @param io - where to write, the working directory and the environment
 * @example
 * const code = await runCli(['demo', '--storage', 'memory']);
 * process.exitCode = code;
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let verbose = argv.includes('--verbose');
  try {
    const line = parseCommandLine(argv, commandOptions());
    verbose = line.flags.verbose;
    return await dispatch(line, io);
  } catch (error) {
    return reportError(error, io, verbose);
  }
}

async function dispatch(line: CommandLine, io: CliIo): Promise<number> {
  const { flags } = line;
  if (line.command === undefined) {
    if (flags.version) {
      io.stdout.write(flags.json ? `${JSON.stringify({ version: CLI_VERSION })}\n` : `${CLI_VERSION}\n`);
      return EXIT_OK;
    }
    rejectCommandOptions(line, undefined);
    io.stdout.write(globalHelp(COMMANDS));
    return EXIT_OK;
  }
  const command = findCommand(line.command);
  if (command === helpCommand) {
    const [topic, ...extra] = line.args;
    if (extra.length > 0) throw new UsageError(`help takes at most one command, got ${line.args.length}`);
    io.stdout.write(topic === undefined ? globalHelp(COMMANDS) : commandHelp(findCommand(topic)));
    return EXIT_OK;
  }
  if (flags.help) {
    io.stdout.write(commandHelp(command));
    return EXIT_OK;
  }
  if (flags.version) throw new UsageError(`--version takes no command (got "${command.name}")`);
  rejectCommandOptions(line, command);

  const out = createPrinter(io, { json: flags.json });
  const result = await command.run({ io, flags, options: line.options, args: line.args, out });
  if (flags.json && result !== undefined) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return EXIT_OK;
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (command) return command;
  const hint = suggest(
    name,
    COMMANDS.map((candidate) => candidate.name),
  );
  throw new UsageError(
    `unknown command "${name}"${hint ? ` (did you mean "${hint}"?)` : '; run "s2b2b --help" for the commands'}`,
  );
}

/** Command-specific flags are parsed for every command; refuse those the chosen one lacks. */
function rejectCommandOptions(line: CommandLine, command: Command | undefined): void {
  for (const name of Object.keys(line.options)) {
    if (command?.options.some((spec) => spec.name === name)) continue;
    const owners = COMMANDS.filter((candidate) => candidate.options.some((spec) => spec.name === name));
    const where = owners.map((owner) => `"${owner.name}"`).join(', ');
    throw new UsageError(
      command
        ? `option "--${name}" does not apply to "${command.name}" (it belongs to ${where})`
        : `option "--${name}" needs a command (it belongs to ${where})`,
    );
  }
}

function commandOptions(): OptionSpec[] {
  const globalNames = new Set(GLOBAL_OPTIONS.map((spec) => spec.name));
  const byName = new Map<string, OptionSpec>();
  for (const command of COMMANDS) {
    for (const spec of command.options) if (!globalNames.has(spec.name)) byName.set(spec.name, spec);
  }
  return [...byName.values()];
}
