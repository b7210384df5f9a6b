import type { Scenario } from '@s2b2b/scenario';
import type { CliStream } from '../io.js';
import { createProgressBar, type ProgressBar } from '../progress.js';
import type { OpenedStorage } from '../storage.js';

/**
 * What every stage of the day works with: the scenario, the opened storage, and how this run
 * names what it writes. Every id a stage writes carries the run's tag (SKU codes `FR-001/<tag>`,
 * other ids `<id>-<tag>`), so runs on the same data never meet; `label` strips it for display.
 *
 * @example
 * const ctx = dayContext({ scenario, opened, tag: 'T1' });
 * ctx.sku('FR-001') // 'FR-001/T1'
 */
export interface DayContext {
  scenario: Scenario;
  storage: OpenedStorage['storage'];
  /** The storage kind, for people: 'memory', 'pglite', 'postgres'. */
  kind: string;
  tag: string;
  /** Index of the simulated day in the scenario. */
  day: number;
  /** Its date, e.g. '2026-11-11'. */
  date: string;
  /** A SKU code as stored: `<code>/<tag>`. */
  sku(code: string): string;
  /** Any other id as stored: `<id>-<tag>`. */
  id(name: string): string;
  /** An idempotency key of this run: `day/<tag>/<stage>/<name>`. */
  key(stage: string, name: string): string;
  /** A stored id or code without the tag. */
  label(stored: string): string;
  /** An instant of the simulated day (Asia/Shanghai), `'HH:MM'`, optionally some days earlier. */
  at(time: string, daysBefore?: number): Date;
  /** A progress bar on stderr (drawn only on a terminal, never under --json). */
  progress(label: string, total: number): ProgressBar;
}

/**
 * Options of `dayContext`.
 *
 * @example
 * const options: DayContextOptions = { scenario, opened, tag: 'T1', progress: io.stderr };
 */
export interface DayContextOptions {
  scenario: Scenario;
  opened: { storage: OpenedStorage['storage']; kind: string };
  tag: string;
  /** Where progress bars go; `false` or absent for none. */
  progress?: CliStream | false;
}

const DAY_MS = 86_400_000;

/**
 * Builds the {@link DayContext} of a run.
 *
 * @example
 * const ctx = dayContext({ scenario, opened, tag: 'T1' });
 * ctx.at('09:30').toISOString() // '2026-11-11T01:30:00.000Z'
 */
export function dayContext(options: DayContextOptions): DayContext {
  const { scenario, opened, tag, progress } = options;
  const suffix = `-${tag}`;
  const skuSuffix = `/${tag}`;
  const date = scenario.calendar.day;
  return {
    scenario,
    storage: opened.storage,
    kind: opened.kind,
    tag,
    day: scenario.calendar.historyDays,
    date,
    sku: (code) => `${code}${skuSuffix}`,
    id: (name) => `${name}${suffix}`,
    key: (stage, name) => `day/${tag}/${stage}/${name}`,
    label: (stored) =>
      stored.endsWith(skuSuffix)
        ? stored.slice(0, -skuSuffix.length)
        : stored.endsWith(suffix)
          ? stored.slice(0, -suffix.length)
          : stored,
    at: (time, daysBefore = 0) => new Date(Date.parse(`${date}T${time}:00+08:00`) - daysBefore * DAY_MS),
    progress: (label, total) =>
      createProgressBar({
        stream: progress || { write: () => undefined },
        total,
        label,
        enabled: progress !== false && progress !== undefined,
      }),
  };
}
