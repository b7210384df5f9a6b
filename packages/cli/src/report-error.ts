import { isS2b2bError } from '@s2b2b/core';
import type { CliIo } from './io.js';
import { EXIT_FAILURE, EXIT_USAGE, UsageError } from './usage-error.js';

/**
 * Prints an error as one line on stderr and returns the exit code: `s2b2b: <message>` and 2
 * for usage errors; `s2b2b: [CODE] <message>` and 1 for kit errors (`S2b2bError`);
 * `s2b2b: <message>` and 1 for anything else. With `verbose`, the details, the stack and the
 * cause follow.
 *
 * @example
 * return reportError(error, io, flags.verbose);
 */
export function reportError(error: unknown, io: CliIo, verbose: boolean): number {
  if (error instanceof UsageError) {
    io.stderr.write(`s2b2b: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (isS2b2bError(error)) {
    io.stderr.write(`s2b2b: [${error.code}] ${error.message}\n`);
    if (verbose) {
      if (Object.keys(error.details).length > 0)
        io.stderr.write(`details: ${JSON.stringify(error.details)}\n`);
      if (error.stack) io.stderr.write(`${error.stack}\n`);
    }
    return EXIT_FAILURE;
  }
  const message = error instanceof Error ? error.message || error.name : String(error);
  io.stderr.write(`s2b2b: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  if (verbose && error instanceof Error && error.cause !== undefined) {
    io.stderr.write(`caused by: ${error.cause instanceof Error ? error.cause.stack : String(error.cause)}\n`);
  }
  return EXIT_FAILURE;
}
