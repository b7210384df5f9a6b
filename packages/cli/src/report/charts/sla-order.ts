import type { ReportSlaClock } from '../model.js';

const STATUS_RANK: Readonly<Record<ReportSlaClock['status'], number>> = {
  breached: 0,
  running: 1,
  paused: 2,
  met: 3,
};

/**
 * SLA clocks in the order the chart lists them: breached first, then running, paused and met;
 * within a status the most consumed (used ÷ target) first, then by case id.
 *
 * @param clocks - the day's clocks
 * @example
 * slaOrder(model.sla.clocks)[0]?.status // 'breached' when any clock breached
 */
export function slaOrder(clocks: readonly ReportSlaClock[]): ReportSlaClock[] {
  const consumed = (clock: ReportSlaClock) =>
    clock.targetMinutes > 0
      ? clock.usedMinutes / clock.targetMinutes
      : clock.usedMinutes > 0
        ? Number.MAX_VALUE
        : 0;
  return [...clocks].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      consumed(b) - consumed(a) ||
      a.caseId.localeCompare(b.caseId) ||
      a.metric.localeCompare(b.metric),
  );
}
