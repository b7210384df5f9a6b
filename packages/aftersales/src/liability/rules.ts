import { parseInput } from '@s2b2b/core';
import { z } from 'zod';
import { CASE_REASONS, type CaseReason, PARTIES, type Party } from '../common/vocabulary.js';

/**
 * The cost components a resolution can carry: the goods refund (net of the promotion discounts
 * the lines received), the return freight, the freight of a replacement or repaired item, and
 * the repair itself.
 *
 * @example
 * COMPENSATION_COMPONENTS.includes('return-freight') // true
 */
export const COMPENSATION_COMPONENTS = Object.freeze([
  'refund',
  'return-freight',
  'forward-freight',
  'repair',
] as const);

/**
 * One of {@link COMPENSATION_COMPONENTS}.
 *
 * @example
 * const component: CompensationComponent = 'refund';
 */
export type CompensationComponent = (typeof COMPENSATION_COMPONENTS)[number];

/**
 * Who bears a component: one party; shares of several (split exactly by largest remainder); or
 * a carrier claim — the carrier pays up to its declared-value rules, `remainder` the rest.
 *
 * @example
 * bearerSchema.parse({ shares: [{ party: 'supplier', weight: 70 }, { party: 'carrier', weight: 30 }] })
 */
export const bearerSchema = z.union([
  z.object({ party: z.enum(PARTIES) }).strict(),
  z
    .object({
      shares: z
        .array(z.object({ party: z.enum(PARTIES), weight: z.number().finite().positive() }).strict())
        .min(1),
    })
    .strict(),
  z.object({ carrierClaim: z.literal(true), remainder: z.enum(PARTIES) }).strict(),
]);

/**
 * Who bears a component.
 *
 * @example
 * const bearer: Bearer = { carrierClaim: true, remainder: 'platform' };
 */
export type Bearer = z.output<typeof bearerSchema>;

/**
 * One row of the liability table: a reason, the party the case is routed to, and who bears
 * each cost component.
 *
 * @example
 * liabilityRuleSchema.parse({ reason: 'quality-defect', responsible: 'supplier', bearers: { refund: { party: 'supplier' } } })
 */
export const liabilityRuleSchema = z
  .object({
    reason: z.enum(CASE_REASONS),
    responsible: z.enum(PARTIES),
    bearers: z
      .object({
        refund: bearerSchema.optional(),
        'return-freight': bearerSchema.optional(),
        'forward-freight': bearerSchema.optional(),
        repair: bearerSchema.optional(),
      })
      .strict(),
  })
  .strict();

/**
 * One row of the liability table. A component without a bearer is borne by `responsible`.
 *
 * @example
 * const rule: LiabilityRule = { reason: 'misuse', responsible: 'merchant', bearers: { refund: { party: 'supplier' } } };
 */
export type LiabilityRule = z.output<typeof liabilityRuleSchema>;

/**
 * A liability table: at most one row per reason.
 *
 * @example
 * liabilityRulesSchema.parse(DEFAULT_LIABILITY_RULES)
 */
export const liabilityRulesSchema = z.array(liabilityRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.reason))
      ctx.addIssue({ code: 'custom', message: `${rule.reason} appears twice`, path: [index, 'reason'] });
    seen.add(rule.reason);
  });
});

const supplier = { party: 'supplier' } as const;
const merchant = { party: 'merchant' } as const;
const carrierClaim = { carrierClaim: true, remainder: 'platform' } as const;
const carrier = { party: 'carrier' } as const;
const supplierFault = (reason: CaseReason): LiabilityRule => ({
  reason,
  responsible: 'supplier',
  bearers: { refund: supplier, 'return-freight': supplier, 'forward-freight': supplier, repair: supplier },
});
const transportFault = (reason: CaseReason): LiabilityRule => ({
  reason,
  responsible: 'carrier',
  bearers: {
    refund: carrierClaim,
    'return-freight': carrier,
    'forward-freight': carrier,
    repair: carrierClaim,
  },
});
const buyerSide = (reason: CaseReason): LiabilityRule => ({
  reason,
  responsible: 'merchant',
  // The goods go back to the supplier, so the supplier returns their price; the rest is the buyer's.
  bearers: { refund: supplier, 'return-freight': merchant, 'forward-freight': merchant, repair: merchant },
});

/**
 * The default liability table (every reason once):
 *
 * | reason | routed to | refund | return freight | forward freight | repair |
 * |---|---|---|---|---|---|
 * | quality-defect, not-as-described, wrong-item, missing-item | supplier | supplier | supplier | supplier | supplier |
 * | transport-damage, transport-loss, late-delivery | carrier | carrier claim (rest: platform) | carrier | carrier | carrier claim |
 * | no-reason-return, merchant-error, misuse | merchant | supplier (takes the goods back) | merchant | merchant | merchant |
 *
 * Quality faults put the refund and the return freight on the supplier (PRC Consumer Rights
 * Protection Law Art. 24: the seller bears the necessary transport costs of a quality return);
 * a no-reason return puts the return freight on the buyer unless agreed otherwise (Art. 25) —
 * pass `agreement.returnFreight` for that; transport faults go to the carrier as a claim capped
 * by its declared-value rules.
 *
 * @example
 * DEFAULT_LIABILITY_RULES.find((rule) => rule.reason === 'transport-loss')?.responsible // 'carrier'
 */
export const DEFAULT_LIABILITY_RULES: readonly LiabilityRule[] = Object.freeze([
  supplierFault('quality-defect'),
  supplierFault('not-as-described'),
  supplierFault('wrong-item'),
  supplierFault('missing-item'),
  transportFault('transport-damage'),
  transportFault('transport-loss'),
  transportFault('late-delivery'),
  buyerSide('no-reason-return'),
  buyerSide('merchant-error'),
  buyerSide('misuse'),
]);

/**
 * The party a case with this reason is routed to, by the rule table (default
 * {@link DEFAULT_LIABILITY_RULES}); a reason missing from a host's table is routed to the platform.
 *
 * @example
 * responsiblePartyFor('quality-defect') // 'supplier'
 */
export function responsiblePartyFor(
  reason: CaseReason,
  rules: readonly LiabilityRule[] = DEFAULT_LIABILITY_RULES,
): Party {
  const checkedReason = parseInput(z.enum(CASE_REASONS), reason, 'reason');
  const table = rules === DEFAULT_LIABILITY_RULES ? rules : parseInput(liabilityRulesSchema, rules, 'rules');
  return ruleFor(checkedReason, table).responsible;
}

/**
 * The rule of a reason; a reason missing from the table falls to the platform for everything.
 *
 * @example
 * ruleFor('misuse', DEFAULT_LIABILITY_RULES).bearers.refund // { party: 'supplier' }
 */
export function ruleFor(reason: CaseReason, rules: readonly LiabilityRule[]): LiabilityRule {
  return rules.find((rule) => rule.reason === reason) ?? { reason, responsible: 'platform', bearers: {} };
}
