/** Where an example prints: the CLI's formatter, the standalone runner, or a capture in tests. */
export interface ExampleIo {
  /** Prints one line of text (an empty line when no text). */
  log(text?: string): void;
  /** Prints rows as an aligned table; the first row's keys are the columns. */
  table(rows: readonly Record<string, string | number>[]): void;
}

/** What the registry and `s2b2b example --list` show about an example. */
export interface ExampleMeta {
  /** The name to run it by: `s2b2b example <name>`. */
  name: string;
  /** A short title. */
  title: string;
  /** One or two sentences: what it shows. */
  description: string;
}

/** One runnable example: its metadata and its `run`. */
export interface Example {
  meta: ExampleMeta;
  run(io: ExampleIo): Promise<void>;
}
