/**
 * The precomputed working time of a calendar: every working interval of every loaded day as
 * UTC epoch milliseconds, with prefix sums of working time before each interval and before
 * each working day. Every question a calendar answers is one or two binary searches here —
 * O(log intervals) — never a walk minute by minute.
 */

/**
 * A calendar's working time, flattened.
 *
 * @example
 * const t = buildTimeline([0, 86_400_000], [[[3_600_000, 7_200_000]]]); t.total // 3_600_000
 */
export interface Timeline {
  /** Local midnights of the loaded days, plus the midnight after the last: length days + 1. */
  readonly dayStarts: Float64Array;
  /** Working interval starts, ascending (UTC ms). */
  readonly starts: Float64Array;
  /** Working interval ends (exclusive). */
  readonly ends: Float64Array;
  /** Working ms before interval i; `before[intervals]` is the total. */
  readonly before: Float64Array;
  /** Per day: index of its first interval; `dayFirst[days]` = intervals. */
  readonly dayFirst: Int32Array;
  /** Per day: number of working days before it; `workdaysBefore[days]` = working days. */
  readonly workdaysBefore: Int32Array;
  /** Day indices of the working days, ascending. */
  readonly workdays: Int32Array;
  /** Working ms before each working day's first interval, plus the total at the end. */
  readonly workdayBefore: Float64Array;
  /** Total working ms in the loaded range. */
  readonly total: number;
}

/**
 * Flattens per-day intervals (already in UTC ms, sorted, not overlapping) into a {@link Timeline}.
 *
 * @param dayStarts - local midnights, one per day plus the one after the last day
 * @param dayIntervals - per day, its working intervals as `[start, end]` pairs
 * @example
 * buildTimeline([0, 86_400_000], [[[32_400_000, 64_800_000]]]).total // 32_400_000
 */
export function buildTimeline(
  dayStarts: readonly number[],
  dayIntervals: readonly (readonly [number, number])[][],
): Timeline {
  const days = dayIntervals.length;
  let count = 0;
  for (const intervals of dayIntervals) count += intervals.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const before = new Float64Array(count + 1);
  const dayFirst = new Int32Array(days + 1);
  const workdaysBefore = new Int32Array(days + 1);
  const workdayList: number[] = [];
  const workdayBeforeList: number[] = [];
  let i = 0;
  let cumulative = 0;
  for (let day = 0; day < days; day++) {
    dayFirst[day] = i;
    workdaysBefore[day] = workdayList.length;
    const intervals = dayIntervals[day] ?? [];
    if (intervals.length > 0) {
      workdayList.push(day);
      workdayBeforeList.push(cumulative);
    }
    for (const [start, end] of intervals) {
      starts[i] = start;
      ends[i] = end;
      before[i] = cumulative;
      cumulative += end - start;
      i++;
    }
  }
  dayFirst[days] = count;
  workdaysBefore[days] = workdayList.length;
  before[count] = cumulative;
  workdayBeforeList.push(cumulative);
  return {
    dayStarts: Float64Array.from(dayStarts),
    starts,
    ends,
    before,
    dayFirst,
    workdaysBefore,
    workdays: Int32Array.from(workdayList),
    workdayBefore: Float64Array.from(workdayBeforeList),
    total: cumulative,
  };
}

/**
 * The index of the last element `<= value` in an ascending array, or -1.
 *
 * @example
 * lastAtOrBefore(Float64Array.of(1, 5, 9), 5) // 1
 */
export function lastAtOrBefore(sorted: Float64Array | Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The index of the first element `>= value` in an ascending array (its length when none).
 *
 * @example
 * firstAtOrAfter(Float64Array.of(1, 5, 9), 6) // 2
 */
export function firstAtOrAfter(sorted: Float64Array | Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Working ms from the start of the loaded range up to `instant` (which must lie in the range).
 *
 * @example
 * positionOf(timeline, Date.parse('2025-09-30T02:00:00Z'))
 */
export function positionOf(timeline: Timeline, instant: number): number {
  const i = lastAtOrBefore(timeline.starts, instant);
  if (i < 0) return 0;
  const start = timeline.starts[i] as number;
  const end = timeline.ends[i] as number;
  return (timeline.before[i] as number) + (instant < end ? instant - start : end - start);
}

/**
 * The earliest instant at which `position` working ms have elapsed since the start of the
 * range (`0 < position <= total`): inside a working interval or at its closing instant.
 *
 * @example
 * instantAt(timeline, 3_600_000)
 */
export function instantAt(timeline: Timeline, position: number): number {
  // The first interval whose end position reaches `position`: before[i + 1] >= position.
  const i = firstAtOrAfter(timeline.before, position) - 1;
  const k = Math.max(i, 0);
  return (timeline.starts[k] as number) + (position - (timeline.before[k] as number));
}
