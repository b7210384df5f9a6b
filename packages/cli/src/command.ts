import type { GlobalFlags, OptionSpec } from './command-line.js';
import type { CliIo } from './io.js';
import type { Printer } from './output.js';

/** What a command gets when it runs. */
export interface CommandContext {
  io: CliIo;
  flags: GlobalFlags;
  /** Command-specific flags, by long name. */
  options: Readonly<Record<string, string | boolean>>;
  /** Positional arguments after the command name. */
  args: readonly string[];
  /** Prints for people; silent under `--json`. */
  out: Printer;
}

/** One `s2b2b` command. */
export interface Command {
  name: string;
  /** The name and its arguments, for the command list: `example <name>`. */
  synopsis: string;
  /** One line for the command list. */
  summary: string;
  /** Usage lines, without the leading `s2b2b `. */
  usage: readonly string[];
  /** Flags only this command takes. */
  options: readonly OptionSpec[];
  /** Which global flags matter to the command (the others are accepted and ignored). */
  globals: readonly string[];
  /** Paragraphs for `s2b2b <command> --help`. */
  description: readonly string[];
  /** Example invocations, without the leading `s2b2b `. */
  examples: readonly string[];
  /**
   * Runs the command. What it returns is printed as JSON under `--json` (and ignored
   * otherwise). Throw `UsageError` for bad arguments.
   */
  run(context: CommandContext): Promise<unknown>;
}
