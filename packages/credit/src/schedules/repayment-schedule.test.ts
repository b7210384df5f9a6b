import { Money, toDecimal } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { issuePaths } from '../../test/thrown.js';
import { repaymentSchedule } from './repayment-schedule.js';
import type { RepaymentSchedule } from './schedule-types.js';
import type { RepaymentScheduleInput } from './schemas.js';

/** Rows as [payment, interest, principal, closing balance] strings. */
const rows = (s: RepaymentSchedule) =>
  s.installments.map((i) => [
    i.payment.toDecimalString(),
    i.interest.toDecimalString(),
    i.principal.toDecimalString(),
    i.closingPrincipal.toDecimalString(),
  ]);

/*
 * Apache Fineract, fineract-progressive-loan/src/test/java/org/apache/fineract/portfolio/loanproduct/calc/
 * ProgressiveEMICalculatorTest.java — each case names the test method whose checkPeriod(...) rows
 * (EMI, rate factor, due interest, due principal, outstanding balance) are reproduced here.
 * Fineract rounds HALF_EVEN to the currency's 2 decimals, as `rounding: 'half-even'` does.
 */
describe('repaymentSchedule reproduces Fineract progressive EMI schedules to the cent', () => {
  const usd100 = Money.of('100', 'USD');

  it('test_disbursedAmt100_dayInYears365_daysInMonthActual_repayEvery1Month: 15.678 %, ACT/365, last EMI 17.47', () => {
    const s = repaymentSchedule({
      principal: usd100,
      annualRate: '0.15678',
      method: 'equal-installment',
      startDate: '2024-01-01',
      installments: 6,
      dayCount: 'ACT/365',
    });
    expect(s.installmentAmount?.toDecimalString()).toBe('17.43');
    expect(s.installments.map((i) => i.rateFactor.toFixed(12))).toEqual([
      '0.013315561644',
      '0.012456493151',
      '0.013315561644',
      '0.012886027397',
      '0.013315561644',
      '0.012886027397',
    ]);
    expect(rows(s)).toEqual([
      ['17.43', '1.33', '16.10', '83.90'],
      ['17.43', '1.05', '16.38', '67.52'],
      ['17.43', '0.90', '16.53', '50.99'],
      ['17.43', '0.66', '16.77', '34.22'],
      ['17.43', '0.46', '16.97', '17.25'],
      ['17.47', '0.22', '17.25', '0.00'],
    ]);
  });

  it('test_disbursedAmt100_dayInYears360_daysInMonth30_repayEvery1Month: 9.4822 %, 30/360, EMI 17.13', () => {
    const s = repaymentSchedule({
      principal: usd100,
      annualRate: '0.094822',
      method: 'equal-installment',
      startDate: '2024-01-01',
      installments: 6,
      dayCount: '30/360',
    });
    expect(s.installments.every((i) => i.rateFactor.toFixed(12) === '0.007901833333')).toBe(true);
    expect(rows(s)).toEqual([
      ['17.13', '0.79', '16.34', '83.66'],
      ['17.13', '0.66', '16.47', '67.19'],
      ['17.13', '0.53', '16.60', '50.59'],
      ['17.13', '0.40', '16.73', '33.86'],
      ['17.13', '0.27', '16.86', '17.00'],
      ['17.13', '0.13', '17.00', '0.00'],
    ]);
  });

  it('test_disbursedAmt100_dayInYearsActual_daysInMonthActual_repayEvery1Month: across a year end, ACT/ACT', () => {
    const s = repaymentSchedule({
      principal: usd100,
      annualRate: '0.094822',
      method: 'equal-installment',
      startDate: '2023-12-12',
      installments: 6,
      dayCount: 'ACT/ACT',
    });
    // The first period, 2023-12-12 → 2024-01-12, is 20/365 + 11/366 under ACT/ACT (ISDA): rate
    // factor 0.008045567557. Fineract's DaysInYearType.ACTUAL prints 0.008044857759 (19/365 +
    // 12/366, the split a day earlier); the interest, 0.80, and every cent below agree.
    expect(s.installments[0]!.rateFactor.toFixed(12)).toBe('0.008045567557');
    expect(s.installments.slice(1).map((i) => i.rateFactor.toFixed(12))).toEqual([
      '0.008031371585',
      '0.007513218579',
      '0.008031371585',
      '0.007772295082',
      '0.008031371585',
    ]);
    expect(rows(s)).toEqual([
      ['17.13', '0.80', '16.33', '83.67'],
      ['17.13', '0.67', '16.46', '67.21'],
      ['17.13', '0.50', '16.63', '50.58'],
      ['17.13', '0.41', '16.72', '33.86'],
      ['17.13', '0.26', '16.87', '16.99'],
      ['17.13', '0.14', '16.99', '0.00'],
    ]);
  });

  it('test_disbursedAmt100_dayInYears364_daysInMonthActual_repayEvery1Week: weekly, ACT/364, last 16.78', () => {
    const s = repaymentSchedule({
      principal: usd100,
      annualRate: '0.094822',
      method: 'equal-installment',
      startDate: '2024-01-01',
      installments: 6,
      frequency: { unit: 'week' },
      dayCount: 'ACT/364',
    });
    expect(s.installments.map((i) => i.dueDate)).toEqual([
      '2024-01-08',
      '2024-01-15',
      '2024-01-22',
      '2024-01-29',
      '2024-02-05',
      '2024-02-12',
    ]);
    expect(s.installments[0]!.rateFactor.toFixed(12)).toBe('0.001823500000');
    expect(rows(s)).toEqual([
      ['16.77', '0.18', '16.59', '83.41'],
      ['16.77', '0.15', '16.62', '66.79'],
      ['16.77', '0.12', '16.65', '50.14'],
      ['16.77', '0.09', '16.68', '33.46'],
      ['16.77', '0.06', '16.71', '16.75'],
      ['16.78', '0.03', '16.75', '0.00'],
    ]);
  });

  it('test_emi_calculator_performance: 7 %, 30/360, 12 months, EMI 8.65 and a zero final balance', () => {
    const s = repaymentSchedule({
      principal: usd100,
      annualRate: '0.07',
      method: 'equal-installment',
      startDate: '2024-01-01',
      installments: 12,
    });
    expect(s.installments.slice(0, 11).every((i) => i.payment.toDecimalString() === '8.65')).toBe(true);
    expect(s.installments.every((i) => i.principal.isPositive() && i.interest.isPositive())).toBe(true);
    expect(s.installments.at(-1)!.closingPrincipal.isZero()).toBe(true);
  });

  it('test_balance_correction_on0215 (schedule before corrections) and test_multidisbursement_total_repay1st', () => {
    const seven = {
      annualRate: '0.07',
      method: 'equal-installment',
      startDate: '2024-01-01',
      installments: 6,
    } as const;
    const s = repaymentSchedule({ ...seven, principal: usd100 });
    // EMI 17.01; period 1: interest 0.58, principal 16.43, balance 83.57; period 2 due: 16.52 + 0.49.
    expect(rows(s).slice(0, 2)).toEqual([
      ['17.01', '0.58', '16.43', '83.57'],
      ['17.01', '0.49', '16.52', '67.05'],
    ]);
    // 300 disbursed: total interest due 6.15.
    expect(
      repaymentSchedule({ ...seven, principal: Money.of('300', 'USD') }).totalInterest.toDecimalString(),
    ).toBe('6.15');
  });

  it('test_disbursedAmt1000_NoInterest_repayEvery1Month: 0 %, four payments of 250', () => {
    const s = repaymentSchedule({
      principal: Money.of('1000', 'USD'),
      annualRate: '0',
      method: 'equal-installment',
      startDate: '2024-01-01',
      installments: 4,
      dayCount: 'ACT/ACT',
    });
    expect(rows(s)).toEqual([
      ['250.00', '0.00', '250.00', '750.00'],
      ['250.00', '0.00', '250.00', '500.00'],
      ['250.00', '0.00', '250.00', '250.00'],
      ['250.00', '0.00', '250.00', '0.00'],
    ]);
  });
});

describe('repaymentSchedule, hand-computed', () => {
  const base = {
    principal: Money.of('10000'),
    annualRate: '0.12',
    startDate: '2025-01-15',
    installments: 3,
  } as const;

  it('等额本息 10,000 at 12 % (1 % a month) over 3 months', () => {
    const s = repaymentSchedule({ ...base, method: 'equal-installment' });
    // EMI = 10000 × 0.01 / (1 − 1.01⁻³) = 3400.2211… → 3400.22
    expect(s.installmentAmount?.toString()).toBe('3400.22 CNY');
    // 1: 100.00 interest; 2: 6699.78 × 1 % = 66.9978 → 67.00; 3: 3366.56 × 1 % = 33.6656 → 33.67
    expect(rows(s)).toEqual([
      ['3400.22', '100.00', '3300.22', '6699.78'],
      ['3400.22', '67.00', '3333.22', '3366.56'],
      ['3400.23', '33.67', '3366.56', '0.00'],
    ]);
    expect([s.totalInterest.toString(), s.totalPayment.toString()]).toEqual(['200.67 CNY', '10200.67 CNY']);
    expect(s.installments.map((i) => i.dueDate)).toEqual(['2025-02-15', '2025-03-15', '2025-04-15']);
  });

  it('等额本金 10,000 at 12 % over 3 months: 3333.33 twice, the residue 3333.34 last', () => {
    const s = repaymentSchedule({ ...base, method: 'equal-principal' });
    // interest: 10000 × 1 % = 100; 6666.67 × 1 % = 66.6667 → 66.67; 3333.34 × 1 % = 33.3334 → 33.33
    expect(rows(s)).toEqual([
      ['3433.33', '100.00', '3333.33', '6666.67'],
      ['3400.00', '66.67', '3333.33', '3333.34'],
      ['3366.67', '33.33', '3333.34', '0.00'],
    ]);
    expect(s.installmentAmount).toBeNull();
  });

  it('等额本金 12,000 at 6 % over 12 months: 1000 a month, interest 60, 55, …, 5 (390 in all)', () => {
    const s = repaymentSchedule({
      principal: Money.of('12000'),
      annualRate: '0.06',
      method: 'equal-principal',
      startDate: '2025-01-01',
      installments: 12,
    });
    expect(s.installments.map((i) => i.interest.toDecimalString())).toEqual(
      Array.from({ length: 12 }, (_, k) => (60 - 5 * k).toFixed(2)),
    );
    expect(s.installments.every((i) => i.principal.toDecimalString() === '1000.00')).toBe(true);
    expect(s.totalInterest.toString()).toBe('390.00 CNY');
  });

  it('1,000,000 at 4.9 % over 30 years: the closed forms of both methods', () => {
    const loan = {
      principal: Money.of('1000000'),
      annualRate: '0.049',
      startDate: '2025-01-20',
      installments: 360,
    } as const;
    const r = toDecimal('0.049').div(12);
    const growth = r.plus(1).pow(360);
    // 每月还款额 = P·r·(1+r)ⁿ / ((1+r)ⁿ − 1) = 5307.2672…
    const closedForm = toDecimal(1_000_000).times(r).times(growth).div(growth.minus(1));
    expect(closedForm.toFixed(4)).toBe('5307.2672');
    const annuity = repaymentSchedule({ ...loan, method: 'equal-installment' });
    expect(annuity.installmentAmount?.toString()).toBe('5307.27 CNY');
    expect(annuity.installments.slice(0, 359).every((i) => i.payment.toDecimalString() === '5307.27')).toBe(
      true,
    );
    // Closed-form total interest 360 × 5307.2672… − P = 910,616.19, the figure mortgage calculators
    // print. The schedule pays 5307.27, 0.0028 more, 359 times: principal goes down a little faster,
    // the interest is 1.07 less and the last installment, 5305.19, repays what is left.
    const exactInterest = closedForm.times(360).minus(1_000_000);
    expect(exactInterest.toFixed(2)).toBe('910616.19');
    expect(annuity.totalInterest.toString()).toBe('910615.12 CNY');
    expect(annuity.installments.at(-1)!.payment.toString()).toBe('5305.19 CNY');
    expect(annuity.totalPrincipal.toString()).toBe('1000000.00 CNY');

    const level = repaymentSchedule({ ...loan, method: 'equal-principal' });
    // 首月 = P/n + P·r = 2777.78 + 4083.33 = 6861.11; then 11.34 less each month (2777.78 × r = 11.3426)
    expect(level.installments[0]!.payment.toString()).toBe('6861.11 CNY');
    expect(level.installments[1]!.payment.toString()).toBe('6849.77 CNY');
    // Closed form of the total interest P·r·(n + 1)/2 = 737,041.67 (to the cent, up to per-period rounding)
    const levelInterest = toDecimal(1_000_000).times(r).times(361).div(2);
    expect(levelInterest.toFixed(2)).toBe('737041.67');
    expect(level.totalInterest.amount().minus(levelInterest).abs().lt(1)).toBe(true);
    // The residue: 359 × 2777.78 = 997,223.02, so the last installment repays 2776.98.
    expect(level.installments.at(-1)!.principal.toString()).toBe('2776.98 CNY');
  });

  it('先息后本 and 到期一次还本付息', () => {
    const io = repaymentSchedule({
      principal: Money.of('100000'),
      annualRate: '0.06',
      method: 'interest-only',
      startDate: '2025-03-31',
      installments: 3,
    });
    expect(io.installments.map((i) => i.dueDate)).toEqual(['2025-04-30', '2025-05-31', '2025-06-30']);
    expect(rows(io)).toEqual([
      ['500.00', '500.00', '0.00', '100000.00'],
      ['500.00', '500.00', '0.00', '100000.00'],
      ['100500.00', '500.00', '100000.00', '0.00'],
    ]);
    const b = repaymentSchedule({
      principal: Money.of('50000'),
      annualRate: '0.0365',
      method: 'bullet',
      startDate: '2024-01-10',
      dueDates: ['2024-04-10'],
      dayCount: 'ACT/365',
    });
    // 50000 × 0.0365 × 91/365 = 455.00
    expect(rows(b)).toEqual([['50455.00', '455.00', '50000.00', '0.00']]);
    expect(b.installments[0]!.days).toBe(91);
    // A bullet over several periods is still one payment at maturity, simple interest for the term.
    const b2 = repaymentSchedule({
      principal: Money.of('50000'),
      annualRate: '0.0365',
      method: 'bullet',
      startDate: '2024-01-10',
      installments: 3,
      dayCount: 'ACT/365',
    });
    expect(rows(b2)).toEqual([['50455.00', '455.00', '50000.00', '0.00']]);
  });

  it('30/360 from a month end: generated months are 30 days each; explicit dates follow the formula', () => {
    const loan = {
      principal: Money.of('120000'),
      annualRate: '0.0435',
      method: 'interest-only',
      startDate: '2025-01-31',
    } as const;
    const monthly = repaymentSchedule({ ...loan, installments: 3 });
    expect(monthly.installments.map((i) => i.dueDate)).toEqual(['2025-02-28', '2025-03-31', '2025-04-30']);
    // 120000 × 0.0435 / 12 = 435.00 every month, whatever the month's length
    expect(monthly.installments.map((i) => i.interest.toDecimalString())).toEqual([
      '435.00',
      '435.00',
      '435.00',
    ]);
    expect(monthly.installments.map((i) => i.days)).toEqual([28, 31, 30]);
    const explicit = repaymentSchedule({ ...loan, dueDates: ['2025-02-28', '2025-03-31', '2025-04-30'] });
    // ISDA 30/360 days: 31 Jan → 28 Feb = 28, 28 Feb → 31 Mar = 33, 31 Mar → 30 Apr = 30
    expect(explicit.installments.map((i) => i.interest.toDecimalString())).toEqual([
      '406.00',
      '478.50',
      '435.00',
    ]);
    const quarterlyBullet = repaymentSchedule({
      ...loan,
      method: 'bullet',
      installments: 2,
      frequency: { unit: 'month', every: 3 },
    });
    // six whole months: 120000 × 0.0435 / 2
    expect(quarterlyBullet.installments[0]!.interest.toDecimalString()).toBe('2610.00');
  });

  it('explicit due dates; rounding mode is respected', () => {
    const s = repaymentSchedule({
      principal: Money.of('1000'),
      annualRate: '0.09',
      method: 'equal-principal',
      startDate: '2024-01-01',
      dueDates: ['2024-01-02', new Date('2024-01-03T04:00:00Z')],
      dayCount: 'ACT/360',
      rounding: 'up',
    });
    // 1000 × 0.09 / 360 = 0.25 a day; 500 × 0.09 / 360 = 0.125 → up 0.13
    expect(rows(s)).toEqual([
      ['500.25', '0.25', '500.00', '500.00'],
      ['500.13', '0.13', '500.00', '0.00'],
    ]);
  });
});

describe('repaymentSchedule validation', () => {
  const ok: RepaymentScheduleInput = {
    principal: Money.of('1000'),
    annualRate: '0.06',
    method: 'equal-installment',
    startDate: '2024-01-01',
    installments: 12,
  };

  it('names the field', () => {
    expect(issuePaths(() => repaymentSchedule({ ...ok, principal: Money.of('0') }))).toEqual(['principal']);
    expect(issuePaths(() => repaymentSchedule({ ...ok, principal: Money.of('10.001') }))).toEqual([
      'principal',
    ]);
    expect(
      issuePaths(() => repaymentSchedule({ ...ok, principal: { amount: '1,000', currency: 'CNY' } })),
    ).toEqual(['principal.amount']);
    expect(issuePaths(() => repaymentSchedule({ ...ok, installments: 0 }))).toEqual(['installments']);
    expect(issuePaths(() => repaymentSchedule({ ...ok, installments: 1.5 }))).toEqual(['installments']);
    expect(issuePaths(() => repaymentSchedule({ ...ok, method: 'balloon' as 'bullet' }))).toEqual(['method']);
    expect(issuePaths(() => repaymentSchedule({ ...ok, installments: undefined }))).toEqual(['installments']);
    expect(issuePaths(() => repaymentSchedule({ ...ok, dueDates: ['2024-02-01'] }))).toEqual(['dueDates']);
    expect(
      issuePaths(() =>
        repaymentSchedule({ ...ok, installments: undefined, dueDates: ['2024-02-01', '2024-02-01'] }),
      ),
    ).toEqual(['dueDates.1']);
    expect(
      issuePaths(() => repaymentSchedule({ ...ok, installments: undefined, dueDates: ['2023-12-31'] })),
    ).toEqual(['dueDates.0']);
    expect(
      issuePaths(() =>
        repaymentSchedule({
          ...ok,
          installments: undefined,
          dueDates: ['2024-02-01'],
          frequency: { unit: 'week' },
        }),
      ),
    ).toEqual(['frequency']);
    expect(issuePaths(() => repaymentSchedule({ ...ok, frequency: { unit: 'year' as 'day' } }))).toEqual([
      'frequency.unit',
    ]);
    expect(issuePaths(() => repaymentSchedule({ ...ok, startDate: '9999-06-01' }))).toEqual(['installments']);
    expect(issuePaths(() => repaymentSchedule({ ...ok, extra: 1 } as RepaymentScheduleInput))).toEqual(['']);
  });
});
