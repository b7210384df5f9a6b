/**
 * Speed of the pure credit functions, and what exactness costs: 等额本息 schedules computed
 * exactly (decimal, per-period rounding, residue in the last installment) beside a plain
 * float implementation of the same rules run on the same seeded loans in the same process.
 * The float schedule is faster and wrong: the table counts the loans where it misses the exact
 * schedule by at least a cent. Run: `pnpm bench credit/bench/pure`.
 */
import { createRng, Money } from '@s2b2b/core';
import {
  accrueInterest,
  allocateRepayment,
  createScorer,
  dailyAccruals,
  penaltyInterest,
  repaymentSchedule,
  scoreApplicant,
} from '../src/index.ts';
import { merchantScorecard } from '../test/merchant-scorecard.ts';

const rng = createRng(6);
const loans = Array.from({ length: 400 }, () => ({
  minor: BigInt(Math.floor(1_000_00 + rng.next() * 2_000_000_00)), // 1,000 … 2,001,000 yuan
  rate: (Math.floor(rng.next() * 24_000) / 100_000 + 0.03).toFixed(5), // 3 % … 27 %
}));

/** The same schedule rules in IEEE doubles, rounding with Math.round(x · 100) / 100. */
function floatSchedule(principal: number, annualRate: number, n: number): number[] {
  const r = annualRate / 12;
  const emi = Math.round(((principal * r) / (1 - (1 + r) ** -n)) * 100) / 100;
  let balance = principal;
  const rows: number[] = [];
  for (let k = 1; k <= n; k += 1) {
    const interest = Math.round(balance * r * 100) / 100;
    const part = k === n ? balance : emi - interest;
    rows.push(interest, part);
    balance -= part;
  }
  return rows;
}

function time(runs: number, fn: (i: number) => void): number {
  fn(0); // warm up
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) fn(i);
  const ms = performance.now() - started;
  return (runs / ms) * 1000;
}

const rows: [string, number, string][] = [];
for (const n of [12, 360]) {
  let misses = 0;
  const runs = n === 12 ? 2000 : 200;
  const exactRate = time(runs, (i) => {
    const loan = loans[i % loans.length]!;
    repaymentSchedule({
      principal: Money.fromMinor(loan.minor),
      annualRate: loan.rate,
      method: 'equal-installment',
      startDate: '2025-01-15',
      installments: n,
    });
  });
  const floatRate = time(runs, (i) => {
    const loan = loans[i % loans.length]!;
    floatSchedule(Number(loan.minor) / 100, Number(loan.rate), n);
  });
  for (const loan of loans) {
    const exact = repaymentSchedule({
      principal: Money.fromMinor(loan.minor),
      annualRate: loan.rate,
      method: 'equal-installment',
      startDate: '2025-01-15',
      installments: n,
    }).installments.flatMap((x) => [Number(x.interest.amount()), Number(x.principal.amount())]);
    const float = floatSchedule(Number(loan.minor) / 100, Number(loan.rate), n);
    if (exact.some((v, k) => Math.abs(v - float[k]!) >= 0.005)) misses += 1;
  }
  rows.push([
    `等额本息 schedule, ${n} months`,
    exactRate,
    `${(exactRate / floatRate).toFixed(3)}× float; float misses a cent on ${misses} of ${loans.length} loans`,
  ]);
}

const dues = [
  {
    penalty: Money.of('1.82'),
    fees: Money.of('5.00'),
    interest: Money.of('36.90'),
    principal: Money.of('1000.00'),
  },
  { interest: Money.of('35.00'), principal: Money.of('1000.00') },
  { interest: Money.of('33.10'), principal: Money.of('1000.00') },
];
rows.push([
  'allocateRepayment (3 installments)',
  time(20_000, () => {
    allocateRepayment({ amount: Money.of('2100'), dues });
  }),
  '',
]);
rows.push([
  'accrueInterest (one period)',
  time(20_000, (i) => {
    accrueInterest({
      principal: Money.fromMinor(loans[i % loans.length]!.minor),
      annualRate: '0.0435',
      start: '2024-12-15',
      end: '2025-01-15',
      dayCount: 'ACT/ACT',
    });
  }),
  '',
]);
rows.push([
  'dailyAccruals (365 days)',
  time(100, () => {
    dailyAccruals({
      principal: Money.of('100000'),
      annualRate: '0.0435',
      start: '2024-01-01',
      end: '2024-12-31',
      dayCount: 'ACT/360',
    });
  }),
  '',
]);
rows.push([
  'penaltyInterest',
  time(20_000, () => {
    penaltyInterest({
      overduePrincipal: Money.of('1000'),
      overdueInterest: Money.of('3.63'),
      contractRate: '0.0435',
      dueDate: '2024-03-01',
      asOf: '2024-03-11',
      dayCount: 'ACT/360',
    });
  }),
  '',
]);
rows.push([
  'scoreApplicant (4 characteristics)',
  time(20_000, (i) => {
    scoreApplicant({
      scorecard: merchantScorecard,
      features: {
        tenureMonths: i % 60,
        onTimeRepaymentRate: 0.97,
        returnRate: 0.02,
        worstDaysPastDue: i % 40,
      },
    });
  }),
  '',
]);

const scorer = createScorer(merchantScorecard);
rows.push([
  'createScorer(card).score (4 characteristics)',
  time(20_000, (i) => {
    scorer.score({
      tenureMonths: i % 60,
      onTimeRepaymentRate: 0.97,
      returnRate: 0.02,
      worstDaysPastDue: i % 40,
    });
  }),
  'the card validated once',
]);

console.log('| operation | per second | note |');
console.log('|---|---:|---|');
for (const [label, perSecond, note] of rows) {
  console.log(`| ${label} | ${Math.round(perSecond).toLocaleString('en-US')} | ${note} |`);
}
console.log(`\nNode ${process.version}; one process, seeded loans (createRng(6)); warm-up run excluded.`);
