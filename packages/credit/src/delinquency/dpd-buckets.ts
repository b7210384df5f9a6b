import { Money, parseInput, ValidationError } from '@s2b2b/core';
import {
  type DpdBucket,
  type DpdDistributionInput,
  daysPastDueSchema,
  dpdBucketsSchema,
  dpdDistributionInputSchema,
  type MonthlyDpdBucketsOptions,
  monthlyDpdBucketsOptionsSchema,
} from './schemas.js';

/**
 * `M0` … `M(n)` then `M(n+1)+`: `M0` is current (0 days), `Mk` covers days (k − 1)·d + 1 to k·d
 * (d = `daysPerMonth`, default 30) — the "M" buckets of Chinese consumer and SME lending, counted
 * in 30-day cycles past due. Default 6 months: M1 1–30 … M6 151–180, M7+ from 181.
 *
 * @example
 * monthlyDpdBuckets({ months: 3 })
 * // [{ label: 'M0', minDays: 0, maxDays: 0 }, { label: 'M1', minDays: 1, maxDays: 30 }, { label: 'M2', minDays: 31, maxDays: 60 },
 * //  { label: 'M3', minDays: 61, maxDays: 90 }, { label: 'M4+', minDays: 91, maxDays: null }]
 */
export function monthlyDpdBuckets(options: MonthlyDpdBucketsOptions = {}): DpdBucket[] {
  const { months, daysPerMonth } = parseInput(monthlyDpdBucketsOptionsSchema, options);
  const buckets: DpdBucket[] = [{ label: 'M0', minDays: 0, maxDays: 0 }];
  for (let k = 1; k <= months; k += 1) {
    buckets.push({ label: `M${k}`, minDays: (k - 1) * daysPerMonth + 1, maxDays: k * daysPerMonth });
  }
  buckets.push({ label: `M${months + 1}+`, minDays: months * daysPerMonth + 1, maxDays: null });
  return buckets;
}

/**
 * The default buckets: M0 (current), M1 1–30, M2 31–60, M3 61–90, M4 91–120, M5 121–150,
 * M6 151–180, M7+ from 181 days past due.
 *
 * @example
 * DEFAULT_DPD_BUCKETS.at(-1) // { label: 'M7+', minDays: 181, maxDays: null }
 */
export const DEFAULT_DPD_BUCKETS: readonly DpdBucket[] = Object.freeze(
  monthlyDpdBuckets().map((b) => Object.freeze(b)),
);

/**
 * The bucket a number of days past due falls in. `buckets` (default {@link DEFAULT_DPD_BUCKETS})
 * must cover every day from 0 exactly once — contiguous, without overlap, the last open-ended
 * — or a `ValidationError` names the offending bucket.
 *
 * @throws ValidationError on `daysPastDue` or `buckets.<i>.<field>`
 * @example
 * dpdBucket(0).label // 'M0'
 * dpdBucket(31).label // 'M2'
 * dpdBucket(400).label // 'M7+'
 * dpdBucket(3, [{ label: 'grace', minDays: 0, maxDays: 3 }, { label: 'late', minDays: 4, maxDays: null }]).label // 'grace'
 */
export function dpdBucket(
  daysPastDue: number,
  buckets: readonly DpdBucket[] = DEFAULT_DPD_BUCKETS,
): DpdBucket {
  const dpd = parseInput(daysPastDueSchema, daysPastDue, 'daysPastDue');
  const checked =
    buckets === DEFAULT_DPD_BUCKETS ? buckets : parseInput(dpdBucketsSchema, buckets, 'buckets');
  return bucketOf(dpd, checked);
}

function bucketOf(dpd: number, buckets: readonly DpdBucket[]): DpdBucket {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (buckets[mid]!.minDays <= dpd) lo = mid;
    else hi = mid - 1;
  }
  return buckets[lo]!;
}

/**
 * One bucket's share of a portfolio.
 *
 * @example
 * const row: DpdDistributionRow = { bucket: { label: 'M1', minDays: 1, maxDays: 30 }, accounts: 3, outstanding: Money.of('15000'), share: 0.05 }
 */
export interface DpdDistributionRow {
  bucket: DpdBucket;
  accounts: number;
  /** Σ outstanding of the accounts in the bucket. */
  outstanding: Money;
  /** outstanding / Σ outstanding of all accounts (0 when the portfolio is empty). */
  share: number;
}

/**
 * A portfolio by delinquency bucket: accounts and outstanding per bucket, and each bucket's
 * share of the total outstanding — the "M1 rate" is the M1 row's share (M1-stage outstanding /
 * all loans outstanding). Every bucket is listed, empty ones with zero.
 *
 * @throws ValidationError naming the field (mixed currencies: `accounts.<i>.outstanding`)
 * @example
 * dpdDistribution({ accounts: [
 *   { daysPastDue: 0, outstanding: Money.of('90000') },
 *   { daysPastDue: 12, outstanding: Money.of('6000') },
 *   { daysPastDue: 45, outstanding: Money.of('4000') },
 * ] }).map((r) => [r.bucket.label, r.share]) // [['M0', 0.9], ['M1', 0.06], ['M2', 0.04], ['M3', 0], ...]
 */
export function dpdDistribution(input: DpdDistributionInput): DpdDistributionRow[] {
  const parsed = parseInput(dpdDistributionInputSchema, input);
  const buckets = parsed.buckets ?? DEFAULT_DPD_BUCKETS;
  const currency = parsed.currency ?? parsed.accounts[0]?.outstanding.currency.code ?? 'CNY';
  const zero = Money.zero(currency);
  const rows = buckets.map((bucket) => ({ bucket, accounts: 0, outstanding: zero, share: 0 }));
  let total = zero;
  parsed.accounts.forEach((account, i) => {
    if (account.outstanding.currency.code !== currency) {
      throw ValidationError.field(
        ['accounts', i, 'outstanding'],
        `Expected ${currency}`,
        'currency_mismatch',
      );
    }
    const row = rows[buckets.indexOf(bucketOf(account.daysPastDue, buckets))]!;
    row.accounts += 1;
    row.outstanding = row.outstanding.add(account.outstanding);
    total = total.add(account.outstanding);
  });
  if (!total.isZero()) {
    for (const row of rows) row.share = Number(row.outstanding.amount().div(total.amount()).toPrecision(15));
  }
  return rows;
}
