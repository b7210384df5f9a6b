import { Money, parseInput, toDecimal, ValidationError } from '@s2b2b/core';
import { type WorkingCapitalInput, workingCapitalInputSchema } from './schemas.js';

/**
 * The working-capital sizing of a borrower.
 *
 * @example
 * const w: WorkingCapitalNeed = { cycleDays: 55, turnover: 6.545454545454545, workingCapital: Money.of('990000'), newLoanCap: Money.of('790000') }
 */
export interface WorkingCapitalNeed {
  /** Inventory + receivable − payable + prepayment − advance-receipt days. */
  cycleDays: number;
  /** 营运资金周转次数 = 360 / cycleDays (null when cycleDays ≤ 0: suppliers fund the cycle). */
  turnover: number | null;
  /** 营运资金量, rounded down to minor units. */
  workingCapital: Money;
  /** 新增流动资金贷款额度: working capital less own funds, existing loans and other sources; never below 0. */
  newLoanCap: Money;
}

/**
 * The working-capital loan sizing of the annex to the PRC working-capital loan rules
 * (流动资金贷款管理办法, 附件 流动资金贷款需求量的测算参考):
 *
 * - 营运资金周转次数 = 360 / (存货周转天数 + 应收账款周转天数 − 应付账款周转天数 + 预付账款周转天数 − 预收账款周转天数);
 * - 营运资金量 = 上年度销售收入 × (1 − 上年度销售利润率) × (1 + 预计销售收入年增长率) / 营运资金周转次数;
 * - 新增流动资金贷款额度 = 营运资金量 − 借款人自有资金 − 现有流动资金贷款 − 其他渠道提供的营运资金.
 *
 * Use `newLoanCap` as one of `creditLimit`'s `otherCaps` (code `WORKING_CAPITAL_GAP`). Amounts
 * are rounded down to minor units.
 *
 * @throws ValidationError naming the field (mixed currencies, rates out of range)
 * @example
 * workingCapitalNeed({ lastYearSales: Money.of('6000000'), salesProfitMargin: '0.1', expectedSalesGrowth: '0.2', inventoryDays: 45, receivableDays: 30, payableDays: 20, ownFunds: Money.of('200000') })
 * // cycle 55 days, turnover 6.5454…, working capital 6,000,000 × 0.9 × 1.2 × 55 / 360 = 990,000.00, new loan cap 790,000.00
 */
export function workingCapitalNeed(input: WorkingCapitalInput): WorkingCapitalNeed {
  const p = parseInput(workingCapitalInputSchema, input);
  const currency = p.lastYearSales.currency.code;
  const zero = Money.zero(currency);
  for (const field of ['ownFunds', 'existingWorkingCapitalLoans', 'otherWorkingCapital'] as const) {
    const amount = p[field];
    if (amount && amount.currency.code !== currency) {
      throw ValidationError.field(
        field,
        `Expected ${currency}, the currency of lastYearSales`,
        'currency_mismatch',
      );
    }
  }
  const cycleDays =
    p.inventoryDays + p.receivableDays - p.payableDays + p.prepaymentDays - p.advanceReceiptDays;
  const workingCapital =
    cycleDays <= 0
      ? zero
      : p.lastYearSales
          .multiply(
            toDecimal(1).minus(p.salesProfitMargin).times(p.expectedSalesGrowth.plus(1)).times(cycleDays),
          )
          .divide(360, 'down');
  const funded = [p.ownFunds, p.existingWorkingCapitalLoans, p.otherWorkingCapital].reduce<Money>(
    (s, x) => (x ? s.add(x) : s),
    zero,
  );
  const gap = workingCapital.subtract(funded);
  return {
    cycleDays,
    turnover: cycleDays <= 0 ? null : 360 / cycleDays,
    workingCapital: workingCapital.isNegative() ? zero : workingCapital,
    newLoanCap: gap.isNegative() ? zero : gap,
  };
}
