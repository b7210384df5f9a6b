import { printDay } from '../day/print-day.js';
import { toReportModel } from '../day/report-model.js';
import { type PlatformDayChecks, runPlatformDay } from '../day/run-platform-day.js';
import type { CliStream } from '../io.js';
import type { Printer } from '../output.js';
import type { PlatformDayReport, ReportHeadline } from '../report/model.js';
import type { StorageSession } from '../storage.js';

/**
 * What the platform-day section found: the headline numbers and the checks (the whole result
 * is what `s2b2b day --json` prints).
 *
 * @example
 * const { headlines, checks, ok }: DayTourResult = await dayTour(options);
 */
export interface DayTourResult {
  kind: string;
  day: string;
  scale: string;
  /** The run's tag: every id the day wrote ends with it. */
  tag: string;
  orders: number;
  headlines: ReportHeadline[];
  checks: PlatformDayChecks;
  /** Events the day committed to the outbox. */
  events: number;
  ok: boolean;
  ms: number;
}

/**
 * Options of `dayTour`.
 *
 * @example
 * const options: DayTourOptions = { out, session, seed: 42, progress: io.stderr };
 */
export interface DayTourOptions {
  out: Printer;
  session: StorageSession;
  seed: number;
  /** Where progress bars go, or `false`. */
  progress: CliStream | false;
}

/**
 * The last section of the demo: the platform day at scale small on the demo's storage — Double
 * 11 of 2026 through every package (see `runPlatformDay`), its headline numbers and its checks.
 * Returns the report model too, for `demo --report`.
 *
 * @example
 * const { result, report } = await dayTour({ out, session, seed: 42, progress: false });
 * result.ok // true
 */
export async function dayTour(
  options: DayTourOptions,
): Promise<{ result: DayTourResult; report: PlatformDayReport }> {
  const { out, session, seed, progress } = options;
  out.heading(`13. The platform day: Double 11 of 2026 through every package (${session.plan.kind})`);
  const day = await runPlatformDay({ session, seed, scale: 'small', progress });
  printDay(out, day);
  return {
    result: {
      kind: day.storage,
      day: day.day,
      scale: day.scale,
      tag: day.tag,
      orders: day.world.dayOrders,
      headlines: day.headlines,
      checks: day.checks,
      events: day.events,
      ok: day.ok,
      ms: day.ms.total ?? 0,
    },
    report: toReportModel(day),
  };
}
