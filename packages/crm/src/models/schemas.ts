import { z } from 'zod';

const finiteNonNegative = z.number().finite().min(0);

/**
 * One customer (or a group of identical customers, by `weight`) as the purchase-count models read
 * it: `frequency` repeat purchases, the last at `recency`, observed for `T` time units since the
 * first purchase (the lifetimes / BTYD convention, what `summarizeCustomers` returns). Refused:
 * recency above T, a non-zero recency without repeat purchases, non-integer frequency.
 *
 * @example
 * summaryRowSchema.parse({ frequency: 2, recency: 30.43, T: 38.86 })
 */
export const summaryRowSchema = z
  .object({
    frequency: z.number().int('Expected a whole number of repeat purchases').min(0),
    recency: finiteNonNegative,
    T: z.number().finite().positive('Expected an observation time above 0'),
    /** How many customers this row stands for (default 1). */
    weight: z.number().finite().positive().optional(),
  })
  .superRefine((row, ctx) => {
    if (row.recency > row.T * (1 + 1e-12)) {
      ctx.addIssue({ code: 'custom', path: ['recency'], message: 'Expected recency ≤ T' });
    }
    if (row.frequency === 0 && row.recency !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['recency'],
        message: 'Expected recency 0 for a customer without repeat purchases',
      });
    }
  });

/**
 * A row of {@link summaryRowSchema}.
 *
 * @example
 * const row: SummaryRow = { frequency: 0, recency: 0, T: 38.86 };
 */
export type SummaryRow = z.input<typeof summaryRowSchema>;

/**
 * The rows a purchase-count model is fitted on (at least one).
 *
 * @example
 * summaryRowsSchema.parse([{ frequency: 1, recency: 1.71, T: 38.86 }])
 */
export const summaryRowsSchema = z.array(summaryRowSchema).min(1, 'Expected at least one customer');

/**
 * Options every fitter takes.
 *
 * @example
 * fitOptionsSchema.parse({ maxIterations: 1000 })
 */
export const fitOptionsSchema = z
  .object({
    /** Quasi-Newton iterations before giving up (default 500). */
    maxIterations: z.number().int().min(1).max(100_000).optional(),
    /**
     * L2 penalty on the log-parameters, `penalty · Σ θᵢ²` added to the mean negative
     * log-likelihood (default 0: plain maximum likelihood). A small value (0.001–0.1) keeps a
     * weakly identified fit away from the boundary.
     */
    penalty: z.number().finite().min(0).optional(),
  })
  .strict();

/**
 * Options of a fitter.
 *
 * @example
 * const options: FitOptions = { maxIterations: 1000 };
 */
export type FitOptions = z.input<typeof fitOptionsSchema>;

/**
 * Parameters of the BG/NBD model (Fader, Hardie & Lee 2005): purchase rates λ ~ Gamma(r, α), the
 * drop-out probability after each purchase p ~ Beta(a, b).
 *
 * @example
 * bgNbdParamsSchema.parse({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 })
 */
export const bgNbdParamsSchema = z
  .object({
    r: z.number().finite().positive(),
    alpha: z.number().finite().positive(),
    a: z.number().finite().positive(),
    b: z.number().finite().positive(),
  })
  .strict();

/**
 * BG/NBD parameters.
 *
 * @example
 * const params: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 */
export type BgNbdParams = z.infer<typeof bgNbdParamsSchema>;

/**
 * Parameters of the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): purchase rates
 * λ ~ Gamma(r, α), drop-out rates μ ~ Gamma(s, β).
 *
 * @example
 * paretoNbdParamsSchema.parse({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 })
 */
export const paretoNbdParamsSchema = z
  .object({
    r: z.number().finite().positive(),
    alpha: z.number().finite().positive(),
    s: z.number().finite().positive(),
    beta: z.number().finite().positive(),
  })
  .strict();

/**
 * Pareto/NBD parameters.
 *
 * @example
 * const params: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
 */
export type ParetoNbdParams = z.infer<typeof paretoNbdParamsSchema>;

/**
 * Parameters of the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo &
 * Jiang 1999): transaction values ~ Gamma(p, ν), ν ~ Gamma(q, v).
 *
 * @example
 * gammaGammaParamsSchema.parse({ p: 6.25, q: 3.74, v: 15.44 })
 */
export const gammaGammaParamsSchema = z
  .object({
    p: z.number().finite().positive(),
    q: z.number().finite().positive(),
    v: z.number().finite().positive(),
  })
  .strict();

/**
 * Gamma-Gamma parameters.
 *
 * @example
 * const params: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
 */
export type GammaGammaParams = z.infer<typeof gammaGammaParamsSchema>;

/**
 * Parameters of the BG/BB model (Fader, Hardie & Shang 2010): per-opportunity purchase
 * probability p ~ Beta(α, β), per-opportunity drop-out probability θ ~ Beta(γ, δ).
 *
 * @example
 * bgBbParamsSchema.parse({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 })
 */
export const bgBbParamsSchema = z
  .object({
    alpha: z.number().finite().positive(),
    beta: z.number().finite().positive(),
    gamma: z.number().finite().positive(),
    delta: z.number().finite().positive(),
  })
  .strict();

/**
 * BG/BB parameters.
 *
 * @example
 * const params: BgBbParams = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 */
export type BgBbParams = z.infer<typeof bgBbParamsSchema>;

/**
 * A customer of a discrete-opportunity history (BG/BB): `frequency` purchases in `n`
 * opportunities, the last at opportunity `recency` (0 when none), `weight` customers alike.
 *
 * @example
 * bgBbRowSchema.parse({ frequency: 3, recency: 5, n: 6, weight: 1203 })
 */
export const bgBbRowSchema = z
  .object({
    frequency: z.number().int().min(0),
    recency: z.number().int().min(0),
    n: z.number().int().min(1).max(100_000),
    weight: z.number().finite().positive().optional(),
  })
  .superRefine((row, ctx) => {
    if (row.recency > row.n)
      ctx.addIssue({ code: 'custom', path: ['recency'], message: 'Expected recency ≤ n' });
    if (row.frequency > row.recency) {
      ctx.addIssue({ code: 'custom', path: ['frequency'], message: 'Expected frequency ≤ recency' });
    }
    if (row.frequency > 0 && row.recency === 0) {
      ctx.addIssue({ code: 'custom', path: ['recency'], message: 'Expected a recency with purchases' });
    }
  });

/**
 * A row of {@link bgBbRowSchema}.
 *
 * @example
 * const row: BgBbRow = { frequency: 0, recency: 0, n: 6, weight: 3464 };
 */
export type BgBbRow = z.input<typeof bgBbRowSchema>;

/**
 * A customer the Gamma-Gamma model reads: `frequency` repeat purchases with mean value
 * `monetaryValue` (only repeat buyers, `frequency ≥ 1`, carry information; rows with frequency 0
 * are skipped).
 *
 * @example
 * spendRowSchema.parse({ frequency: 2, monetaryValue: 22.35 })
 */
export const spendRowSchema = z
  .object({
    frequency: z.number().int().min(0),
    monetaryValue: finiteNonNegative,
    weight: z.number().finite().positive().optional(),
  })
  .superRefine((row, ctx) => {
    if (row.frequency > 0 && !(row.monetaryValue > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['monetaryValue'],
        message: 'Expected a positive mean spend for a repeat buyer (Gamma-Gamma needs spend > 0)',
      });
    }
  });

/**
 * A row of {@link spendRowSchema}.
 *
 * @example
 * const row: SpendRow = { frequency: 2, monetaryValue: 22.35 };
 */
export type SpendRow = z.input<typeof spendRowSchema>;
