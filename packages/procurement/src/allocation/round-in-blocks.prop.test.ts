import { allocate, Money } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundInBlocks, type ShareBlock } from './round-in-blocks.js';

/** Blocks with weights, and a total split by them: numerator = total × weight, denominator = Σ size × weight. */
const caseArb = fc
  .record({
    blocks: fc.array(
      fc.record({ size: fc.integer({ min: 1, max: 4 }), weight: fc.integer({ min: 0, max: 1000 }) }),
      {
        minLength: 1,
        maxLength: 12,
      },
    ),
    total: fc.integer({ min: 0, max: 100_000 }),
  })
  .filter(({ blocks }) => blocks.some((b) => b.weight > 0));

function build({ blocks, total }: { blocks: { size: number; weight: number }[]; total: number }) {
  const denominator = BigInt(blocks.reduce((s, b) => s + b.size * b.weight, 0));
  const shares: ShareBlock[] = blocks.map((b) => ({
    size: b.size,
    numerator: BigInt(total) * BigInt(b.weight),
  }));
  return { shares, denominator };
}

function expand(shares: readonly ShareBlock[], rounded: ReturnType<typeof roundInBlocks>): bigint[] {
  return shares.flatMap((block, i) =>
    Array.from({ length: block.size }, (_, m) => rounded[i]!.base + (m < rounded[i]!.extra ? 1n : 0n)),
  );
}

describe('roundInBlocks (properties)', () => {
  it('sums to the total, each part its exact share rounded down or up', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { shares, denominator } = build(c);
        const rounded = roundInBlocks(shares, denominator);
        const parts = expand(shares, rounded);
        expect(parts.reduce((s, p) => s + p, 0n)).toBe(BigInt(c.total));
        shares.forEach((block, i) => {
          const floor = block.numerator / denominator;
          const { base, extra } = rounded[i]!;
          expect(base).toBe(floor);
          expect(extra).toBeGreaterThanOrEqual(0);
          expect(extra).toBeLessThanOrEqual(block.size);
          if (block.numerator % denominator === 0n) expect(extra).toBe(0);
        });
      }),
    );
  });

  it('splits at most one block, and only for fewer units than its members', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { shares, denominator } = build(c);
        const rounded = roundInBlocks(shares, denominator);
        const split = rounded.filter((r, i) => r.extra > 0 && r.extra < shares[i]!.size);
        expect(split.length).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is exactly core allocate when every block has one member', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 15 })
          .filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 1_000_000 }),
        (weights, total) => {
          const { shares, denominator } = build({
            blocks: weights.map((weight) => ({ size: 1, weight })),
            total,
          });
          const ours = expand(shares, roundInBlocks(shares, denominator));
          const core = allocate(Money.fromMinor(total), weights).map((m) => m.toMinorUnits());
          expect(ours).toEqual(core);
        },
      ),
    );
  });

  it('keeps equal shares equal unless too few units are left for them', () => {
    // 299 over three equal shares: 2 units for 3 members, one block must split (as core allocate: 100, 100, 99)
    expect(roundInBlocks([{ size: 3, numerator: 299n }], 3n)).toEqual([{ base: 99n, extra: 2 }]);
    // a pair owed 2.5 each and a single owed 5: 1 unit left for the pair, unavoidable split
    expect(
      roundInBlocks(
        [
          { size: 2, numerator: 5n },
          { size: 1, numerator: 10n },
        ],
        2n,
      ),
    ).toEqual([
      { base: 2n, extra: 1 },
      { base: 5n, extra: 0 },
    ]);
    // a pair owed 1.4 each and a single owed 1.2 (total 4): 1 unit left; core allocate would give it
    // to the pair's first member, the block rule passes the pair over and the single gets it
    expect(
      roundInBlocks(
        [
          { size: 2, numerator: 7n },
          { size: 1, numerator: 6n },
        ],
        5n,
      ),
    ).toEqual([
      { base: 1n, extra: 0 },
      { base: 1n, extra: 1 },
    ]);
    expect(allocate(Money.fromMinor(4), [7, 7, 6]).map((m) => m.toMinorUnits())).toEqual([2n, 1n, 1n]);
  });
});
