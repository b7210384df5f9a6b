import type { ProcurementStorage } from '@s2b2b/procurement';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { procurementOutcomeCode, procurementScenario } from './procurement-fixtures.js';

/**
 * Options of the procurement property.
 *
 * @example
 * const options: ProcurementPropertyOptions = { runs: 30 };
 */
export interface ProcurementPropertyOptions {
  /** Random command sequences to run (default 15). */
  runs?: number;
}

type Command =
  | { kind: 'submit'; request: number; merchant: number; tea: number; cup: number }
  | { kind: 'change'; request: number; merchant: number; tea: number; cup: number }
  | { kind: 'cancel'; request: number; merchant: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('submit' as const),
    request: fc.nat({ max: 5 }),
    merchant: fc.nat({ max: 2 }),
    tea: fc.integer({ min: 0, max: 40 }),
    cup: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('change' as const),
    request: fc.nat({ max: 5 }),
    merchant: fc.nat({ max: 2 }),
    tea: fc.integer({ min: 0, max: 40 }),
    cup: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('cancel' as const),
    request: fc.nat({ max: 5 }),
    merchant: fc.nat({ max: 2 }),
  }),
);

/**
 * fast-check over random sequences of submissions, changes and cancellations (valid and not:
 * taken ids, other merchants, cancelled requests, empty items) against a model of the round:
 * after every sequence the stored counters, requests and pooled demand equal the model's, every
 * refusal carries the code the model expects, and the close passes the cost back exactly
 * (allocations sum to the purchase orders, none above its stand-alone cost). Registers its test
 * in the caller's `describe`.
 *
 * @example
 * describe('my adapter: procurement', () => { procurementPropertyContract(() => storage, { runs: 30 }); });
 */
export function procurementPropertyContract(
  storage: () => ProcurementStorage,
  options: ProcurementPropertyOptions = {},
): void {
  it('keeps the round equal to a model of its requests, and closes it to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), async (commands) => {
        const s = procurementScenario(storage());
        await s.supplier('A');
        await s.agreement('AG-TEA', 'A', 'TEA', {
          tiers: [
            { minQuantity: 1, unitPrice: '3.333' },
            { minQuantity: 40, unitPrice: '3.10' },
          ],
        });
        await s.agreement('AG-CUP', 'A', 'CUP', { packSize: 5 });
        await s.openRound('R', ['TEA', 'CUP']);
        const model = new Map<number, { merchant: number; tea: number; cup: number; active: boolean }>();
        for (const command of commands) {
          const items = [
            ...(command.kind !== 'cancel' && command.tea > 0
              ? [{ sku: s.id('TEA'), quantity: command.tea }]
              : []),
            ...(command.kind !== 'cancel' && command.cup > 0
              ? [{ sku: s.id('CUP'), quantity: command.cup }]
              : []),
          ];
          const existing = model.get(command.request);
          const base = {
            idempotencyKey: s.key(),
            roundId: s.id('R'),
            requestId: s.id(`q${command.request}`),
            merchantId: `M-${command.merchant}`,
          };
          let expected: string;
          let run: () => Promise<unknown>;
          if (command.kind === 'submit') {
            expected = items.length === 0 ? 'VALIDATION' : existing ? 'REQUEST_EXISTS' : 'ok';
            run = () => s.service.submitRequest({ ...base, region: '华东', items });
          } else if (command.kind === 'change') {
            expected =
              items.length === 0
                ? 'VALIDATION'
                : !existing
                  ? 'REQUEST_NOT_FOUND'
                  : existing.merchant !== command.merchant
                    ? 'REQUEST_MERCHANT_MISMATCH'
                    : !existing.active
                      ? 'REQUEST_CANCELLED'
                      : 'ok';
            run = () => s.service.changeRequest({ ...base, items });
          } else {
            expected = !existing
              ? 'REQUEST_NOT_FOUND'
              : existing.merchant !== command.merchant
                ? 'REQUEST_MERCHANT_MISMATCH'
                : !existing.active
                  ? 'REQUEST_CANCELLED'
                  : 'ok';
            run = () => s.service.cancelRequest({ ...base });
          }
          const [result] = await Promise.allSettled([run()]);
          expect(procurementOutcomeCode(result!)).toBe(expected);
          if (expected !== 'ok') continue;
          if (command.kind === 'cancel') model.set(command.request, { ...existing!, active: false });
          else
            model.set(command.request, {
              merchant: existing?.merchant ?? command.merchant,
              tea: command.tea,
              cup: command.cup,
              active: true,
            });
        }
        const active = [...model.values()].filter((r) => r.active);
        const tea = active.reduce((sum, r) => sum + r.tea, 0);
        const cup = active.reduce((sum, r) => sum + r.cup, 0);
        expect(await s.service.getRound(s.id('R'))).toMatchObject({
          requestCount: active.length,
          units: tea + cup,
        });
        expect(await s.service.getDemand(s.id('R'))).toEqual(
          [
            { sku: s.id('CUP'), units: cup, requests: active.filter((r) => r.cup > 0).length },
            { sku: s.id('TEA'), units: tea, requests: active.filter((r) => r.tea > 0).length },
          ].filter((d) => d.units > 0),
        );
        expect(await s.service.listRequests(s.id('R'))).toHaveLength(model.size);

        const { award, purchaseOrders } = await s.close('R');
        const allocations = await s.service.listAllocations(s.id('R'));
        const paid = allocations.reduce((sum, a) => sum + a.amount.toMinorUnits(), 0n);
        const ordered = purchaseOrders.reduce((sum, po) => sum + po.total.toMinorUnits(), 0n);
        expect(paid).toBe(ordered);
        expect(award.totals.cost.toMinorUnits()).toBe(ordered);
        for (const a of allocations) expect(a.amount.lessThanOrEqual(a.standalone)).toBe(true);
        // cups come in packs of 5: the remainder of the pool is unmet, never bought
        expect(award.skus.find((x) => x.sku === s.id('CUP'))?.filled ?? 0).toBe(cup - (cup % 5));
      }),
      { numRuns: options.runs ?? 15 },
    );
  });
}
