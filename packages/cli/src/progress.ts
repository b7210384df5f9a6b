import type { CliStream } from './io.js';
import { displayWidth } from './text-width.js';

/** A progress bar; every method is a no-op when the bar is disabled. */
export interface ProgressBar {
  /** Whether anything is drawn at all. */
  readonly enabled: boolean;
  /** Moves forward by `n` steps (default 1). */
  tick(n?: number): void;
  /** Sets how many steps are done. */
  update(done: number): void;
  /** Clears the bar's line, so the next output (a summary) starts clean. */
  finish(): void;
}

/** Options of `createProgressBar`. */
export interface ProgressBarOptions {
  /** Where to draw: normally stderr. Nothing is drawn unless `stream.isTTY` is true. */
  stream: CliStream;
  /** Steps in all. */
  total: number;
  /** Text before the bar. */
  label?: string;
  /** Set to false to switch the bar off (e.g. under `--json`). Default true. */
  enabled?: boolean;
  /** Milliseconds between redraws, at most; default 100 (ten times a second). */
  intervalMs?: number;
  /** Clock in milliseconds; default `performance.now`. */
  now?: () => number;
}

const BAR_WIDTH = 24;

/**
 * A one-line progress bar redrawn in place with `\r`, at most once per `intervalMs`. It draws
 * only on a terminal (`stream.isTTY`) and when `enabled`; otherwise it writes nothing, so
 * piped and `--json` output stays clean.
 *
 * @example
 * const bar = createProgressBar({ stream: process.stderr, total: 200, label: 'appending events' });
 * for (let i = 0; i < 200; i++) bar.tick();
 * bar.finish();
 */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const { stream } = options;
  const enabled = (options.enabled ?? true) && stream.isTTY === true;
  const total = Math.max(0, options.total);
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  const label = options.label ?? '';
  let done = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let finished = false;
  let drawnWidth = 0;

  const draw = () => {
    const fraction = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(fraction * BAR_WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
    const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
    let text = `${label ? `${label} ` : ''}${bar} ${percent} ${Math.min(done, total)}/${total}`;
    const columns = stream.columns;
    if (columns !== undefined && columns > 0 && displayWidth(text) >= columns) {
      text = text.slice(Math.max(0, text.length - (columns - 1)));
    }
    const width = displayWidth(text);
    stream.write(`\r${text}${' '.repeat(Math.max(0, drawnWidth - width))}`);
    drawnWidth = width;
    lastDraw = now();
  };

  const maybeDraw = () => {
    if (!enabled || finished) return;
    if (now() - lastDraw >= interval) draw();
  };

  return {
    enabled,
    tick(n = 1) {
      done += n;
      maybeDraw();
    },
    update(value) {
      done = value;
      maybeDraw();
    },
    finish() {
      if (!enabled || finished) return;
      finished = true;
      if (drawnWidth > 0) stream.write(`\r${' '.repeat(drawnWidth)}\r`);
    },
  };
}
