/** Something the CLI writes text to: `process.stdout`, `process.stderr`, or a capture in tests. */
export interface CliStream {
  write(chunk: string): unknown;
  /** True on a terminal: enables the progress bar (stderr) and colour (stdout). */
  isTTY?: boolean | undefined;
  /** Terminal width, when known. */
  columns?: number | undefined;
}

/**
 * Where `runCli` reads and writes: the process by default, a capture in tests or when a host
 * embeds the CLI.
 *
 * @example
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
 */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  /** Directory relative paths (`--data-dir`) resolve against. */
  cwd: string;
  /** Environment: `S2B2B_PG_URL`, `NO_COLOR`, `FORCE_COLOR`. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * The io of the running process.
 *
 * @example
 * await runCli(process.argv.slice(2), processIo());
 */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** A `CliIo` that keeps what was written, for tests and hosts that embed the CLI. */
export interface CapturedIo extends CliIo {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

/**
 * A `CliIo` that collects output in memory instead of printing it.
 *
 * @example
 * const io = captureIo();
 * await runCli(['--version'], io);
 * io.out() // '0.1.0\n'
 */
export function captureIo(
  options: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean } = {},
): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  const stream = (into: string[]): CliStream => ({
    write: (chunk: string) => {
      into.push(chunk);
      return true;
    },
    isTTY: options.tty ?? false,
    columns: 100,
  });
  return {
    stdout: stream(out),
    stderr: stream(err),
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    out: () => out.join(''),
    err: () => err.join(''),
  };
}
