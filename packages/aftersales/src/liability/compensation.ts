import { allocate, DomainError, Money, type MoneyJson, parseInput, sum, ValidationError } from '@s2b2b/core';
import type { CaseReason, Party, ResolutionKind } from '../common/vocabulary.js';
import { carrierClaimCap } from './carrier-claim.js';
import { type PlanCompensationInput, planCompensationSchema } from './compensation-schemas.js';
import { type LineRefund, lineRefund } from './line-refund.js';
import { type Bearer, type CompensationComponent, DEFAULT_LIABILITY_RULES, ruleFor } from './rules.js';

/**
 * Who bears how much of one component, and why: the rule table, the carrier claim (what the
 * carrier pays under its declared-value rules), the claim's remainder above that, or an agreement.
 *
 * @example
 * const a: CompensationAllocation = { component: 'refund', party: 'carrier', amount: Money.of('45.00'), basis: 'carrier-claim' };
 */
export interface CompensationAllocation {
  component: CompensationComponent;
  party: Party;
  amount: Money;
  basis: 'rule' | 'carrier-claim' | 'carrier-remainder' | 'agreement';
}

/**
 * One money movement of the settlement. The platform runs every case: it pays the merchant
 * what the merchant is owed and recovers each share from the party that bears it.
 *
 * @example
 * const entry: SettlementEntry = { payer: 'supplier', payee: 'platform', component: 'refund', amount: Money.of('55.20') };
 */
export interface SettlementEntry {
  payer: Party;
  payee: Party;
  component: CompensationComponent;
  amount: Money;
}

/**
 * What a resolution costs and who pays it, to the cent.
 *
 * @example
 * const { entries, totals }: CompensationPlan = planCompensation(input);
 */
export interface CompensationPlan {
  reason: CaseReason;
  resolution: ResolutionKind;
  /** The party the rule table routes the case to. */
  responsible: Party;
  currency: string;
  /** Per line: units, gross, promotion discount reversed, refund (zero for non-refund resolutions). */
  lines: LineRefund[];
  /** The cost components, each positive. */
  components: { component: CompensationComponent; amount: Money }[];
  /** Who bears each component; per component the amounts sum to it exactly. */
  allocations: CompensationAllocation[];
  /** The carrier claim, when the rule sends components to it. */
  carrierClaim: { claimed: Money; payable: Money; remainder: Money; remainderParty: Party } | null;
  /** The money movements: the platform pays the merchant, bearers pay the platform. */
  entries: SettlementEntry[];
  /** Net per party (received − paid), every party listed; they sum to zero. */
  totals: { party: Party; amount: Money }[];
}

/**
 * The codes `planCompensation` throws.
 *
 * @example
 * COMPENSATION_ERROR_CODES.PARTIAL_REFUND_TOO_LARGE
 */
export const COMPENSATION_ERROR_CODES = Object.freeze({
  PARTIAL_REFUND_TOO_LARGE: 'A partial refund is larger than what the case lines could refund in full.',
  SHIPMENT_REQUIRED: "A carrier claim needs the shipment's freight (and declared value, if insured).",
  REFUND_EXCEEDS_LINE: 'A line would refund more units than it has left.',
} as const);

const PARTY_ORDER: readonly Party[] = ['platform', 'merchant', 'supplier', 'carrier'];
const COMPONENT_ORDER: readonly CompensationComponent[] = [
  'refund',
  'return-freight',
  'forward-freight',
  'repair',
];

/**
 * Plans what a resolution costs and who pays: the refund of each line (reversing exactly the
 * promotion discount its units received), the freight and repair costs, each component split
 * among its bearers by the liability rule table (shares split exactly with core `allocate`;
 * carrier claims capped by the carrier's declared-value rules, the rest to the rule's
 * `remainder`), and the settlement entries — all in Money, to the cent, every split summing
 * exactly to its whole.
 *
 * @throws ValidationError on bad input; DomainError `PARTIAL_REFUND_TOO_LARGE`, `SHIPMENT_REQUIRED`, `REFUND_EXCEEDS_LINE`
 * @example
 * planCompensation({
 *   reason: 'quality-defect',
 *   resolution: { kind: 'refund', returnFreight: '12.00' },
 *   lines: [{ lineId: 'L1', orderedQuantity: 10, unitPrice: '19.90', discount: '15.00', quantity: 3 }],
 * }).entries
 * // platform pays merchant 55.20 refund + 12.00 freight; supplier pays platform the same
 */
export function planCompensation(input: PlanCompensationInput): CompensationPlan {
  const parsed = parseInput(planCompensationSchema, input, 'input');
  const { currency, resolution, reason } = parsed;
  const rule = ruleFor(reason, parsed.rules ?? DEFAULT_LIABILITY_RULES);
  const m = (amount: string | undefined) => Money.of(amount ?? '0', currency);

  const full = parsed.lines.map((line) => lineRefund(line, currency));
  let lines: LineRefund[];
  let refund = Money.zero(currency);
  if (resolution.kind === 'refund') {
    lines = full;
    refund = sum(
      full.map((line) => line.refund),
      currency,
    );
  } else if (resolution.kind === 'partial-refund') {
    const refundable = sum(
      full.map((line) => line.refund),
      currency,
    );
    refund = m(resolution.amount);
    if (!refund.isRoundedToMinor())
      throw ValidationError.field(['input', 'resolution', 'amount'], 'Expected whole cents');
    if (refund.greaterThan(refundable))
      throw new DomainError(
        'PARTIAL_REFUND_TOO_LARGE',
        `A partial refund of ${refund} exceeds the ${refundable} the lines could refund`,
        {
          amount: refund.toDecimalString(),
          refundable: refundable.toDecimalString(),
        },
      );
    const parts = refundable.isZero()
      ? full.map(() => Money.zero(currency))
      : allocate(
          refund,
          full.map((line) => line.refund.amount()),
        );
    lines = full.map((line, i) => ({
      ...line,
      refund: parts[i] as Money,
      gross: parts[i] as Money,
      discountReversed: Money.zero(currency),
    }));
  } else {
    lines = full.map((line) => ({
      ...line,
      gross: Money.zero(currency),
      discountReversed: Money.zero(currency),
      refund: Money.zero(currency),
    }));
  }

  const amounts: Record<CompensationComponent, Money> = {
    refund,
    'return-freight': 'returnFreight' in resolution ? m(resolution.returnFreight) : Money.zero(currency),
    'forward-freight': 'forwardFreight' in resolution ? m(resolution.forwardFreight) : Money.zero(currency),
    repair: resolution.kind === 'repair' ? m(resolution.repairCost) : Money.zero(currency),
  };
  for (const component of COMPONENT_ORDER)
    if (!amounts[component].isRoundedToMinor())
      throw ValidationError.field(
        ['input', 'resolution', component],
        `Expected whole ${currency} minor units`,
      );
  const components = COMPONENT_ORDER.filter((c) => amounts[c].isPositive()).map((component) => ({
    component,
    amount: amounts[component],
  }));

  const bearerOf = (component: CompensationComponent): { bearer: Bearer; agreed: boolean } =>
    component === 'return-freight' && parsed.agreement.returnFreight
      ? { bearer: { party: parsed.agreement.returnFreight }, agreed: true }
      : { bearer: rule.bearers[component] ?? { party: rule.responsible }, agreed: false };

  const allocations: CompensationAllocation[] = [];
  const claimComponents: { component: CompensationComponent; amount: Money; remainder: Party }[] = [];
  for (const { component, amount } of components) {
    const { bearer, agreed } = bearerOf(component);
    if ('party' in bearer)
      allocations.push({ component, party: bearer.party, amount, basis: agreed ? 'agreement' : 'rule' });
    else if ('shares' in bearer) {
      const parts = allocate(
        amount,
        bearer.shares.map((share) => share.weight),
      );
      bearer.shares.forEach((share, i) => {
        allocations.push({ component, party: share.party, amount: parts[i] as Money, basis: 'rule' });
      });
    } else claimComponents.push({ component, amount, remainder: bearer.remainder });
  }

  let carrierClaim: CompensationPlan['carrierClaim'] = null;
  if (claimComponents.length > 0) {
    if (!parsed.shipment)
      throw new DomainError(
        'SHIPMENT_REQUIRED',
        `A ${reason} claim goes to the carrier: give the shipment's freight and declared value`,
        { reason },
      );
    const claimed = sum(
      claimComponents.map((c) => c.amount),
      currency,
    );
    const paid = sum(
      full.map((line) => line.gross.subtract(line.discountReversed)),
      currency,
    );
    const shipment = {
      freight: m(parsed.shipment.freight),
      declaredValue: parsed.shipment.declaredValue === null ? null : m(parsed.shipment.declaredValue),
      goodsValue: parsed.shipment.goodsValue === undefined ? paid : m(parsed.shipment.goodsValue),
    };
    const cap = carrierClaimCap(parsed.carrierTerms, shipment, claimed).roundToMinor('half-even');
    const payable = cap.lessThan(claimed) ? cap : claimed;
    const carrierParts = allocate(
      payable,
      claimComponents.map((c) => c.amount.amount()),
    );
    claimComponents.forEach((c, i) => {
      const carrierPart = carrierParts[i] as Money;
      if (carrierPart.isPositive())
        allocations.push({
          component: c.component,
          party: 'carrier',
          amount: carrierPart,
          basis: 'carrier-claim',
        });
      const rest = c.amount.subtract(carrierPart);
      if (rest.isPositive())
        allocations.push({
          component: c.component,
          party: c.remainder,
          amount: rest,
          basis: 'carrier-remainder',
        });
    });
    carrierClaim = {
      claimed,
      payable,
      remainder: claimed.subtract(payable),
      remainderParty: (claimComponents[0] as { remainder: Party }).remainder,
    };
  }
  allocations.sort(
    (a, b) =>
      COMPONENT_ORDER.indexOf(a.component) - COMPONENT_ORDER.indexOf(b.component) ||
      PARTY_ORDER.indexOf(a.party) - PARTY_ORDER.indexOf(b.party),
  );

  const entries: SettlementEntry[] = [];
  for (const { component } of components) {
    const owedToMerchant = sum(
      allocations.filter((a) => a.component === component && a.party !== 'merchant').map((a) => a.amount),
      currency,
    );
    if (owedToMerchant.isPositive())
      entries.push({ payer: 'platform', payee: 'merchant', component, amount: owedToMerchant });
    for (const party of ['supplier', 'carrier'] as const) {
      const share = sum(
        allocations.filter((a) => a.component === component && a.party === party).map((a) => a.amount),
        currency,
      );
      if (share.isPositive()) entries.push({ payer: party, payee: 'platform', component, amount: share });
    }
  }
  const totals = PARTY_ORDER.map((party) => ({
    party,
    amount: sum(
      entries.filter((e) => e.payee === party).map((e) => e.amount),
      currency,
    ).subtract(
      sum(
        entries.filter((e) => e.payer === party).map((e) => e.amount),
        currency,
      ),
    ),
  }));
  return {
    reason,
    resolution: resolution.kind,
    responsible: rule.responsible,
    currency,
    lines,
    components,
    allocations,
    carrierClaim,
    entries,
    totals,
  };
}

/**
 * A plan as plain JSON (amounts as decimal strings), for storage and events.
 *
 * @example
 * JSON.stringify(compensationPlanJson(plan))
 */
export function compensationPlanJson(plan: CompensationPlan): CompensationPlanJson {
  const j = (amount: Money): MoneyJson => amount.toJSON();
  return {
    reason: plan.reason,
    resolution: plan.resolution,
    responsible: plan.responsible,
    currency: plan.currency,
    lines: plan.lines.map((l) => ({
      lineId: l.lineId,
      quantity: l.quantity,
      gross: j(l.gross),
      discountReversed: j(l.discountReversed),
      refund: j(l.refund),
    })),
    components: plan.components.map((c) => ({ component: c.component, amount: j(c.amount) })),
    allocations: plan.allocations.map((a) => ({
      component: a.component,
      party: a.party,
      amount: j(a.amount),
      basis: a.basis,
    })),
    carrierClaim: plan.carrierClaim
      ? {
          claimed: j(plan.carrierClaim.claimed),
          payable: j(plan.carrierClaim.payable),
          remainder: j(plan.carrierClaim.remainder),
          remainderParty: plan.carrierClaim.remainderParty,
        }
      : null,
    entries: plan.entries.map((e) => ({
      payer: e.payer,
      payee: e.payee,
      component: e.component,
      amount: j(e.amount),
    })),
    totals: plan.totals.map((t) => ({ party: t.party, amount: j(t.amount) })),
  };
}

/**
 * A {@link CompensationPlan} as JSON: every Money a `{ amount, currency }` with a decimal string.
 *
 * @example
 * const stored: CompensationPlanJson = compensationPlanJson(plan);
 */
export interface CompensationPlanJson {
  reason: CaseReason;
  resolution: ResolutionKind;
  responsible: Party;
  currency: string;
  lines: {
    lineId: string;
    quantity: number;
    gross: MoneyJson;
    discountReversed: MoneyJson;
    refund: MoneyJson;
  }[];
  components: { component: CompensationComponent; amount: MoneyJson }[];
  allocations: {
    component: CompensationComponent;
    party: Party;
    amount: MoneyJson;
    basis: CompensationAllocation['basis'];
  }[];
  carrierClaim: {
    claimed: MoneyJson;
    payable: MoneyJson;
    remainder: MoneyJson;
    remainderParty: Party;
  } | null;
  entries: { payer: Party; payee: Party; component: CompensationComponent; amount: MoneyJson }[];
  totals: { party: Party; amount: MoneyJson }[];
}
