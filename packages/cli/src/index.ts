/**
 * `@s2b2b/cli` — the `s2b2b` command: the demo, the bundled examples and the migration SQL.
 * `runCli` runs it in-process, for tests and for hosts that embed it.
 *
 * @packageDocumentation
 */
export { type CapturedIo, type CliIo, type CliStream, captureIo, processIo } from './io.js';
export { runCli } from './run-cli.js';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './usage-error.js';
export { CLI_VERSION } from './version.js';
