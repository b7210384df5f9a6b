import { Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateRepayment } from './allocate-repayment.js';
import { DUE_COMPONENTS, type DueComponent } from './schemas.js';

const minor = fc.bigInt({ min: 0n, max: 100_000_000n });
const due = fc.record({
  penalty: minor,
  fees: minor,
  interest: minor,
  principal: minor,
});
const order = fc.shuffledSubarray([...DUE_COMPONENTS], { minLength: 4, maxLength: 4 });

describe('allocateRepayment properties', () => {
  it('conserves money, never over-applies, and settles in the order given', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 500_000_000n }),
        fc.array(due, { maxLength: 8 }),
        order,
        fc.constantFrom('oldest-first', 'component-first' as const),
        (amount, raw, ord, strategy) => {
          const dues = raw.map((d) => ({
            penalty: Money.fromMinor(d.penalty),
            fees: Money.fromMinor(d.fees),
            interest: Money.fromMinor(d.interest),
            principal: Money.fromMinor(d.principal),
          }));
          const a = allocateRepayment({
            amount: Money.fromMinor(amount),
            dues,
            order: ord as DueComponent[],
            strategy,
          });
          // applied + credit = amount, to the minor unit
          expect(a.applied.add(a.credit).toMinorUnits()).toBe(amount);
          expect(a.credit.isNegative()).toBe(false);
          const owedTotal = raw.reduce((s, d) => s + d.penalty + d.fees + d.interest + d.principal, 0n);
          // biome-ignore lint/complexity/useMathMinMax: Math.min does not take bigints
          expect(a.applied.toMinorUnits()).toBe(amount < owedTotal ? amount : owedTotal);
          // credit only once everything is settled
          if (a.credit.isPositive()) expect(a.dues.every((d) => d.settled)).toBe(true);
          a.dues.forEach((d, i) => {
            for (const c of DUE_COMPONENTS) {
              const owed = raw[i]![c];
              const paid = d.applied[c].toMinorUnits();
              expect(paid >= 0n && paid <= owed).toBe(true);
              expect(d.remaining[c].toMinorUnits()).toBe(owed - paid);
            }
          });
          // a component only receives money once everything before it in the sequence is settled
          const sequence: [number, DueComponent][] =
            strategy === 'oldest-first'
              ? a.dues.flatMap((_, i) => ord.map((c) => [i, c as DueComponent] as [number, DueComponent]))
              : ord.flatMap((c) => a.dues.map((_, i) => [i, c as DueComponent] as [number, DueComponent]));
          let open = false;
          for (const [i, c] of sequence) {
            const d = a.dues[i]!;
            if (open) expect(d.applied[c].isZero()).toBe(true);
            if (!d.remaining[c].isZero()) open = true;
          }
        },
      ),
    );
  });
});
