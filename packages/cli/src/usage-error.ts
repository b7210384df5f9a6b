/** Exit code of a successful run. */
export const EXIT_OK = 0;
/** Exit code when the command ran and failed (a kit error, a storage failure, a bug). */
export const EXIT_FAILURE = 1;
/** Exit code for bad usage: unknown command or flag, missing or malformed value. */
export const EXIT_USAGE = 2;

/**
 * The command line itself is wrong (unknown command, unknown flag, bad value). `runCli` prints
 * its one-line message and exits with code 2.
 *
 * @example
 * throw new UsageError('unknown command "dmeo" (did you mean "demo"?)')
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
