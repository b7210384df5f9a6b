import { chartSection } from '../html/chart-section.js';
import { formatNumber } from '../html/format-number.js';
import { legend } from '../html/legend.js';
import { PALETTE } from '../html/palette.js';
import { shownNote } from '../html/shown-note.js';
import type { PlatformDayReport, ReportSlaClock } from '../model.js';
import { bottomAxis } from '../svg/axes.js';
import { chartSvg, emptyChart } from '../svg/chart-svg.js';
import { fitLabel, labelWidth } from '../svg/label-width.js';
import { linearScale } from '../svg/linear-scale.js';
import { niceTicks } from '../svg/nice-ticks.js';
import { svgElement, svgText, svgTitle } from '../svg/svg-element.js';
import { slaOrder } from './sla-order.js';

/** Most clocks drawn; breaches come first. */
const MAX_CLOCKS = 24;
const WIDTH = 1000;
const ROW = 24;

const STATUS_COLOR: Readonly<Record<ReportSlaClock['status'], string>> = {
  met: PALETTE.met,
  breached: PALETTE.breached,
  running: PALETTE.running,
  paused: PALETTE.paused,
};

/**
 * The SLA section: one bar per after-sales clock of the business minutes used against the target
 * (the dark tick), coloured by status, breaches first; and per metric the share of clocks met,
 * breached and still running, with the compliance rate (met ÷ met + breached).
 *
 * @param sla - the model's `sla`
 * @example
 * slaChart(model.sla) // '<section class="card" data-chart="sla" …'
 */
export function slaChart(sla: PlatformDayReport['sla']): string {
  const clocks = slaOrder(sla.clocks).slice(0, MAX_CLOCKS);
  const breached = sla.clocks.filter((clock) => clock.status === 'breached').length;
  const body =
    clocks.length === 0 && sla.compliance.length === 0
      ? emptyChart('No SLA clocks ran today.')
      : `${legend([
          { label: 'Met', color: PALETTE.met },
          { label: 'Breached', color: PALETTE.breached },
          { label: 'Running', color: PALETTE.running },
          { label: 'Paused', color: PALETTE.paused },
          { label: 'Target', color: PALETTE.target, shape: 'line' },
        ])}<h3>Compliance per metric</h3>${complianceSvg(sla.compliance)}<h3>Clocks, breaches first</h3>${clocksSvg(clocks)}`;
  return chartSection({
    name: 'sla',
    title: 'SLA clocks and breaches',
    description: `After-sales cases against their service targets in business minutes: ${sla.clocks.length} clock${sla.clocks.length === 1 ? '' : 's'}, ${breached} breached.`,
    body,
    note: shownNote(clocks.length, sla.clocks.length, 'most urgent', 'clocks'),
  });
}

function clocksSvg(clocks: readonly ReportSlaClock[]): string {
  if (clocks.length === 0) return emptyChart('No SLA clocks ran today.', WIDTH);
  const labels = clocks.map((clock) => `${clock.caseId} · ${clock.metric}`);
  const left = Math.min(260, Math.max(120, ...labels.map((label) => labelWidth(label, 11) + 16)));
  const right = WIDTH - 190;
  const top = 8;
  const height = top + clocks.length * ROW + 42;
  const bottom = height - 42;
  const ticks = niceTicks(
    0,
    Math.max(0, ...clocks.flatMap((clock) => [clock.usedMinutes, clock.targetMinutes])),
    6,
  );
  const x = linearScale([0, ticks.max], [left, right]);
  const parts = [bottomAxis({ scale: x, ticks, title: 'business minutes' }, bottom, top)];
  clocks.forEach((clock, index) => {
    const y = top + index * ROW + 5;
    const bar = ROW - 10;
    const tooltip = `${labels[index]}: ${clock.status}, ${formatNumber(clock.usedMinutes)} of ${formatNumber(clock.targetMinutes)} minutes (started ${clock.startedAt}, due ${clock.deadline})`;
    parts.push(
      svgElement('g', { class: 'clock' }, [
        svgTitle(tooltip),
        svgText(left - 8, y + bar - 3, fitLabel(labels[index]!, left - 14, 11), {
          class: 'row-label small',
          'text-anchor': 'end',
        }),
        svgElement('rect', {
          x: left,
          y,
          width: x(clock.targetMinutes) - left,
          height: bar,
          rx: 2,
          class: 'track',
        }),
        svgElement('rect', {
          x: left,
          y: y + 2,
          width: x(clock.usedMinutes) - left,
          height: bar - 4,
          rx: 2,
          fill: STATUS_COLOR[clock.status],
        }),
        svgElement('line', {
          x1: x(clock.targetMinutes),
          x2: x(clock.targetMinutes),
          y1: y - 2,
          y2: y + bar + 2,
          class: 'target',
        }),
        svgText(
          right + 12,
          y + bar - 3,
          `${formatNumber(clock.usedMinutes, 0)} / ${formatNumber(clock.targetMinutes, 0)} min · ${clock.status}`,
          {
            class: `value-label status-${clock.status}`,
          },
        ),
      ]),
    );
  });
  return chartSvg(WIDTH, height, 'SLA clocks, used against target minutes', parts);
}

function complianceSvg(compliance: PlatformDayReport['sla']['compliance']): string {
  if (compliance.length === 0) return emptyChart('No SLA metrics in this report.', WIDTH);
  const rowHeight = 32;
  const left = Math.min(220, Math.max(120, ...compliance.map((row) => labelWidth(row.metric) + 18)));
  const right = WIDTH - 190;
  const height = 8 + compliance.length * rowHeight + 8;
  const parts: string[] = [];
  compliance.forEach((row, index) => {
    const y = 8 + index * rowHeight + 5;
    const bar = rowHeight - 10;
    const total = row.met + row.breached + row.running;
    const x = linearScale([0, Math.max(1, total)], [left, right]);
    parts.push(
      svgText(left - 10, y + bar / 2 + 4, fitLabel(row.metric, left - 16), {
        class: 'row-label',
        'text-anchor': 'end',
      }),
    );
    if (total === 0) {
      parts.push(svgElement('rect', { x: left, y, width: right - left, height: bar, rx: 2, class: 'track' }));
    }
    let start = 0;
    for (const [status, value] of [
      ['met', row.met],
      ['breached', row.breached],
      ['running', row.running],
    ] as const) {
      if (value <= 0) continue;
      const x0 = x(start);
      const x1 = x(start + value);
      parts.push(
        svgElement('rect', { x: x0, y, width: x1 - x0, height: bar, fill: STATUS_COLOR[status] }, [
          svgTitle(`${row.metric}: ${formatNumber(value)} ${status}`),
        ]),
      );
      if (x1 - x0 > 34) {
        parts.push(
          svgText((x0 + x1) / 2, y + bar / 2 + 4, formatNumber(value), {
            class: 'bar-text',
            'text-anchor': 'middle',
          }),
        );
      }
      start += value;
    }
    const decided = row.met + row.breached;
    const rate = decided > 0 ? `${((row.met / decided) * 100).toFixed(1)} % met` : 'none decided';
    parts.push(svgText(right + 12, y + bar / 2 + 4, rate, { class: 'value-label strong' }));
  });
  return chartSvg(WIDTH, height, 'SLA compliance per metric', parts);
}
