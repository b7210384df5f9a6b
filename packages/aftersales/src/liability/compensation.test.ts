import { DomainError, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { type CompensationPlan, planCompensation } from './compensation.js';
import { DEFAULT_LIABILITY_RULES, responsiblePartyFor } from './rules.js';

const text = (plan: CompensationPlan) => ({
  entries: plan.entries.map((e) => `${e.payer}->${e.payee} ${e.component} ${e.amount.toDecimalString()}`),
  totals: Object.fromEntries(plan.totals.map((t) => [t.party, t.amount.toDecimalString()])),
});
const teaLine = { lineId: 'L1', orderedQuantity: 10, unitPrice: '19.90', discount: '15.00', quantity: 3 };

describe('planCompensation', () => {
  it('quality defect: the supplier pays the refund (promotion discount reversed) and the return freight', () => {
    const plan = planCompensation({
      reason: 'quality-defect',
      resolution: { kind: 'refund', returnFreight: '12.00' },
      lines: [teaLine],
    });
    expect(plan.responsible).toBe('supplier');
    // 3 of 10 at 19.90 = 59.70; the line's 15.00 discount carried 4.50 on those units.
    expect(
      plan.lines.map((l) => [
        l.gross.toDecimalString(),
        l.discountReversed.toDecimalString(),
        l.refund.toDecimalString(),
      ]),
    ).toEqual([['59.70', '4.50', '55.20']]);
    expect(text(plan)).toEqual({
      entries: [
        'platform->merchant refund 55.20',
        'supplier->platform refund 55.20',
        'platform->merchant return-freight 12.00',
        'supplier->platform return-freight 12.00',
      ],
      totals: { platform: '0.00', merchant: '67.20', supplier: '-67.20', carrier: '0.00' },
    });
  });

  it('transport damage, uninsured: the carrier pays up to 3 × freight, the platform the rest', () => {
    const plan = planCompensation({
      reason: 'transport-damage',
      resolution: { kind: 'refund', returnFreight: '10.00' },
      lines: [{ lineId: 'L1', orderedQuantity: 2, unitPrice: '150.00', quantity: 2 }],
      shipment: { freight: '15.00' },
    });
    expect(plan.carrierClaim && Object.values(plan.carrierClaim).map(String)).toEqual([
      '300.00 CNY',
      '45.00 CNY',
      '255.00 CNY',
      'platform',
    ]);
    expect(text(plan)).toEqual({
      entries: [
        'platform->merchant refund 300.00',
        'carrier->platform refund 45.00',
        'platform->merchant return-freight 10.00',
        'carrier->platform return-freight 10.00',
      ],
      totals: { platform: '-255.00', merchant: '310.00', supplier: '0.00', carrier: '-55.00' },
    });
  });

  it('transport loss, insured for 500 of 800: the declared value caps the claim; a partial loss pays in proportion', () => {
    const lost = planCompensation({
      reason: 'transport-loss',
      resolution: { kind: 'refund' },
      lines: [{ lineId: 'L1', orderedQuantity: 4, unitPrice: '200.00', quantity: 4 }],
      shipment: { freight: '20.00', declaredValue: '500.00' },
    });
    expect(lost.carrierClaim?.payable.toDecimalString()).toBe('500.00');
    expect(lost.carrierClaim?.remainder.toDecimalString()).toBe('300.00');
    const repaired = planCompensation({
      reason: 'transport-damage',
      resolution: { kind: 'repair', repairCost: '200.00', returnFreight: '20.00', forwardFreight: '20.00' },
      lines: [{ lineId: 'L1', orderedQuantity: 4, unitPrice: '200.00', quantity: 1 }],
      shipment: { freight: '20.00', declaredValue: '500.00', goodsValue: '800.00' },
    });
    // 200.00 × 500 / 800 = 125.00 from the carrier's insurance, 75.00 left to the platform.
    expect(
      repaired.allocations.map((a) => `${a.component} ${a.party} ${a.amount.toDecimalString()} ${a.basis}`),
    ).toEqual([
      'return-freight carrier 20.00 rule',
      'forward-freight carrier 20.00 rule',
      'repair platform 75.00 carrier-remainder',
      'repair carrier 125.00 carrier-claim',
    ]);
  });

  it('no-reason return: the buyer pays the return freight, unless agreed otherwise', () => {
    const input = {
      reason: 'no-reason-return' as const,
      resolution: { kind: 'refund' as const, returnFreight: '8.00' },
      lines: [{ lineId: 'L1', orderedQuantity: 1, unitPrice: '100.00', quantity: 1 }],
    };
    const plan = planCompensation(input);
    expect(plan.responsible).toBe('merchant');
    expect(plan.allocations.map((a) => `${a.component} ${a.party} ${a.amount.toDecimalString()}`)).toEqual([
      'refund supplier 100.00',
      'return-freight merchant 8.00',
    ]);
    expect(text(plan).entries).toEqual([
      'platform->merchant refund 100.00',
      'supplier->platform refund 100.00',
    ]);
    const agreed = planCompensation({ ...input, agreement: { returnFreight: 'supplier' } });
    expect(text(agreed).totals).toEqual({
      platform: '0.00',
      merchant: '108.00',
      supplier: '-108.00',
      carrier: '0.00',
    });
    expect(agreed.allocations[1]?.basis).toBe('agreement');
  });

  it('merchant error: the merchant bears the freight and the repair', () => {
    const plan = planCompensation({
      reason: 'merchant-error',
      resolution: { kind: 'replacement', returnFreight: '9.00', forwardFreight: '9.00' },
      lines: [teaLine],
    });
    expect(plan.entries).toEqual([]);
    expect(text(plan).totals).toEqual({
      platform: '0.00',
      merchant: '0.00',
      supplier: '0.00',
      carrier: '0.00',
    });
    expect(plan.allocations.map((a) => a.party)).toEqual(['merchant', 'merchant']);
  });

  it('splits a shared liability exactly with largest remainder', () => {
    const rules = DEFAULT_LIABILITY_RULES.map((rule) =>
      rule.reason === 'quality-defect'
        ? {
            ...rule,
            bearers: {
              refund: {
                shares: [
                  { party: 'supplier' as const, weight: 2 },
                  { party: 'carrier' as const, weight: 1 },
                ],
              },
            },
          }
        : rule,
    );
    const plan = planCompensation({
      reason: 'quality-defect',
      resolution: { kind: 'refund' },
      lines: [{ lineId: 'L1', orderedQuantity: 1, unitPrice: '100.00', quantity: 1 }],
      rules,
    });
    expect(plan.allocations.map((a) => `${a.party} ${a.amount.toDecimalString()}`)).toEqual([
      'supplier 66.67',
      'carrier 33.33',
    ]);
  });

  it('a partial refund is split over the lines by what they could refund', () => {
    const plan = planCompensation({
      reason: 'quality-defect',
      resolution: { kind: 'partial-refund', amount: '20.00' },
      lines: [teaLine, { lineId: 'L2', orderedQuantity: 1, unitPrice: '30.00', quantity: 1 }],
    });
    expect(plan.lines.map((l) => l.refund.toDecimalString())).toEqual(['12.96', '7.04']);
    expect(text(plan).entries).toEqual([
      'platform->merchant refund 20.00',
      'supplier->platform refund 20.00',
    ]);
    expect(() =>
      planCompensation({
        reason: 'quality-defect',
        resolution: { kind: 'partial-refund', amount: '55.21' },
        lines: [teaLine],
      }),
    ).toThrow(expect.objectContaining({ code: 'PARTIAL_REFUND_TOO_LARGE' }));
  });

  it('a rejected case settles nothing', () => {
    const plan = planCompensation({ reason: 'misuse', resolution: { kind: 'reject' }, lines: [teaLine] });
    expect(plan.components).toEqual([]);
    expect(plan.entries).toEqual([]);
  });

  it('rejects bad input naming the field, and a carrier claim without a shipment', () => {
    const fields = (input: unknown) => {
      try {
        planCompensation(input as never);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return (error as ValidationError).issues.map((i) => i.path.join('.'));
      }
    };
    expect(
      fields({
        reason: 'quality-defect',
        resolution: { kind: 'refund' },
        lines: [{ ...teaLine, unitPrice: '-1' }],
      }),
    ).toEqual(['input.lines.0.unitPrice']);
    expect(
      fields({
        reason: 'quality-defect',
        resolution: { kind: 'refund' },
        lines: [{ ...teaLine, quantity: 11 }],
      }),
    ).toEqual(['input.lines.0.quantity']);
    expect(fields({ reason: 'bad', resolution: { kind: 'refund' }, lines: [teaLine] })).toEqual([
      'input.reason',
    ]);
    expect(
      fields({
        reason: 'quality-defect',
        resolution: { kind: 'refund', forwardFreight: '1.00' },
        lines: [teaLine],
      }),
    ).toEqual(['input.resolution']);
    expect(
      fields({
        reason: 'quality-defect',
        resolution: { kind: 'refund', returnFreight: '1.005' },
        lines: [teaLine],
      }),
    ).toEqual(['input.resolution.return-freight']);
    expect(() =>
      planCompensation({ reason: 'transport-loss', resolution: { kind: 'refund' }, lines: [teaLine] }),
    ).toThrow(DomainError);
  });

  it('routes reasons by the table', () => {
    expect(responsiblePartyFor('quality-defect')).toBe('supplier');
    expect(responsiblePartyFor('transport-loss')).toBe('carrier');
    expect(responsiblePartyFor('no-reason-return')).toBe('merchant');
    expect(responsiblePartyFor('misuse', [])).toBe('platform');
  });
});
