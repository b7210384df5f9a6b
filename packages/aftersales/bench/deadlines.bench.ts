/**
 * Deadline arithmetic on the China calendar (2024–2026, Monday–Friday 09:00–18:00 with the
 * announced holidays and make-up days): 1,000,000 seeded random (start, target) pairs through
 * `addBusinessTime`, the same pairs back through `businessTimeBetween`, and working-day
 * deadlines; beside them, in the same process, a minute-stepping reference on a sample (the
 * naive way: walk the clock a minute at a time), which must agree on every pair. Then the SLA
 * clocks of whole cases (`syncCaseClocks` on the default policy's four clocks).
 * Run: `pnpm bench deadlines`.
 */
import { chinaCalendar, createRng } from '@s2b2b/core';
import { minuteOracle } from '../../core/test/calendar/minute-oracle.ts';
import {
  type AftersalesCase,
  createSlaClocks,
  DEFAULT_SLA_POLICIES,
  slaPolicySchema,
  syncCaseClocks,
} from '../src/index.ts';

const N = 1_000_000;
const SAMPLE = 2_000;
const MINUTE = 60_000;

const built = performance.now();
const calendar = chinaCalendar();
const buildMs = performance.now() - built;

const rng = createRng('aftersales-deadlines');
const from = Date.parse('2024-01-01T00:00:00+08:00');
const to = Date.parse('2026-09-30T00:00:00+08:00');
const starts = new Float64Array(N);
const targets = new Float64Array(N);
for (let i = 0; i < N; i++) {
  starts[i] = Math.floor((from + rng.next() * (to - from)) / MINUTE) * MINUTE;
  targets[i] = rng.int(1, 72 * 60); // up to 72 business hours, in minutes
}

function time(
  label: string,
  count: number,
  fn: () => number,
): { label: string; perSecond: number; check: number } {
  const t0 = performance.now();
  const check = fn();
  const seconds = (performance.now() - t0) / 1000;
  return { label, perSecond: count / seconds, check };
}

const deadlines = new Float64Array(N);
const rows = [
  time('addBusinessTime(start, minutes)', N, () => {
    for (let i = 0; i < N; i++)
      deadlines[i] = calendar.addBusinessTime(starts[i] as number, targets[i] as number).getTime();
    return deadlines[N - 1] as number;
  }),
  time('businessTimeBetween(start, deadline)', N, () => {
    let bad = 0;
    for (let i = 0; i < N; i++)
      if (calendar.businessTimeBetween(starts[i] as number, deadlines[i] as number) !== targets[i]) bad++;
    return bad;
  }),
  time('addBusinessTime(start, { days: 1..10 })', N, () => {
    let last = 0;
    for (let i = 0; i < N; i++)
      last = calendar.addBusinessTime(starts[i] as number, { days: 1 + (i % 10) }).getTime();
    return last;
  }),
];
const oracle = minuteOracle(calendar.definition);
let disagreements = 0;
const reference = time('minute-stepping reference (sample)', SAMPLE, () => {
  for (let i = 0; i < SAMPLE; i++)
    if (oracle.addMinutes(starts[i] as number, targets[i] as number) !== deadlines[i]) disagreements++;
  return disagreements;
});

console.log(
  `China calendar built in ${buildMs.toFixed(1)} ms (1,096 days, ${calendar.workingDaysBetween('2024-01-01', '2026-12-31')} working days)\n`,
);
console.log('| operation | pairs | per second | vs minute stepping |');
console.log('|---|---:|---:|---:|');
for (const row of [...rows, reference])
  console.log(
    `| ${row.label} | ${(row === reference ? SAMPLE : N).toLocaleString('en-US')} | ${Math.round(row.perSecond).toLocaleString('en-US')} | ${(row.perSecond / reference.perSecond).toFixed(0)}× |`,
  );
console.log(
  `\nround trips that missed: ${rows[1]?.check}; disagreements with the reference on ${SAMPLE} pairs: ${disagreements}`,
);

// Whole cases: open (start the four clocks) and a tick a week later.
const policy = slaPolicySchema.parse(DEFAULT_SLA_POLICIES[1]);
const calendars = { default: calendar };
const CASES = 100_000;
const template = (at: Date): AftersalesCase =>
  ({
    id: 'c',
    status: 'open',
    priority: 'normal',
    platformResponded: false,
    platformIntervened: false,
    assignee: null,
    partyResponded: false,
    withdrawn: false,
    reopenCount: 0,
    clocks: createSlaClocks(policy),
    nextDueAt: null,
    nextBreachAt: null,
    openedAt: at,
  }) as unknown as AftersalesCase;
const t0 = performance.now();
for (let i = 0; i < CASES; i++) {
  const at = new Date(starts[i] as number);
  const { record } = syncCaseClocks(template(at), at, 'observe', calendars);
  syncCaseClocks(record, new Date((starts[i] as number) + 7 * 86_400_000), 'tick', calendars);
}
const caseSeconds = (performance.now() - t0) / 1000;
console.log(`\n| SLA clocks of a case (4 metrics) | cases | per second |`);
console.log('|---|---:|---:|');
console.log(
  `| open + a tick a week later | ${CASES.toLocaleString('en-US')} | ${Math.round(CASES / caseSeconds).toLocaleString('en-US')} |`,
);
