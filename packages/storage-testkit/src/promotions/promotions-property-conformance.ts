import type { ClaimEntry, PromotionsStorage } from '@s2b2b/promotions';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { CapModel } from './cap-model.js';
import { codeOf, promotionsScenario } from './promotions-fixtures.js';

const entry = fc.record({
  cap: fc.constantFrom(0, 1, 2),
  subject: fc.constantFrom('c1', 'c2'),
  amount: fc.integer({ min: 1, max: 4 }),
});

const command = fc.oneof(
  fc.record({
    kind: fc.constant('claim' as const),
    entries: fc.array(entry, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    kind: fc.constant('release' as const),
    claim: fc.nat({ max: 12 }),
    entries: fc.option(fc.array(entry, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant('limit' as const),
    cap: fc.constantFrom(0, 1, 2),
    limit: fc.integer({ min: 0, max: 12 }),
  }),
);

/**
 * Options of the promotions property.
 *
 * @example
 * const options: PromotionsPropertyOptions = { runs: 50, maxCommands: 40 };
 */
export interface PromotionsPropertyOptions {
  /** Random command sequences to run (default 25). */
  runs?: number;
  /** Longest sequence (default 25 commands). */
  maxCommands?: number;
}

/**
 * fast-check over random sequences of claims, partial and full releases and limit changes on
 * three caps (the third per customer): every command's outcome equals the serial model's, and
 * every counter ends where the model's does. Registers its test in the caller's `describe`.
 *
 * @example
 * describe('my adapter: promotions', () => { promotionsPropertyContract(() => storage, { runs: 50 }); });
 */
export function promotionsPropertyContract(
  storage: () => PromotionsStorage,
  options: PromotionsPropertyOptions = {},
): void {
  const runs = options.runs ?? 25;
  it(`agrees with a serial model on ${runs} random command sequences`, { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: options.maxCommands ?? 25 }),
        async (commands) => {
          const { service, cap, id, key } = promotionsScenario(storage());
          const caps = [cap('a', 6), cap('b', 4, { unit: 'redemptions' }), cap('c', 3, { perSubject: true })];
          await service.saveCaps({ idempotencyKey: key(), caps });
          const model = new CapModel(caps);
          const claims: string[] = [];
          const toEntries = (list: { cap: number; subject: string; amount: number }[]): ClaimEntry[] => {
            const merged = new Map<string, ClaimEntry>();
            for (const e of list) {
              const c = caps[e.cap]!;
              const subject = c.perSubject ? e.subject : '';
              const k = `${c.id}/${subject}`;
              const prior = merged.get(k);
              merged.set(k, { capId: c.id, subject, amount: (prior?.amount ?? 0) + e.amount });
            }
            return [...merged.values()];
          };
          for (const [step, cmd] of commands.entries()) {
            let expected: string;
            let actual: string;
            if (cmd.kind === 'claim') {
              const claimId = id(`claim-${claims.length}`);
              const entries = toEntries(cmd.entries);
              const outcome = model.claim(claimId, entries);
              expected = outcome.ok ? 'ok' : outcome.code;
              actual = await codeOf(() => service.claim({ idempotencyKey: key(), claimId, entries }));
              if (outcome.ok) claims.push(claimId);
            } else if (cmd.kind === 'release') {
              const claimId = claims.length === 0 ? id('none') : claims[cmd.claim % claims.length]!;
              if (cmd.entries) {
                const entries = toEntries(cmd.entries);
                const outcome = model.release(claimId, entries);
                expected = outcome.ok ? 'ok' : outcome.code;
                actual = await codeOf(() => service.release({ idempotencyKey: key(), claimId, entries }));
              } else {
                const held = model.held(claimId);
                const outcome =
                  claims.length === 0
                    ? { ok: false as const, code: 'CLAIM_NOT_FOUND' }
                    : held.length === 0
                      ? { ok: false as const, code: 'NOTHING_TO_RELEASE' }
                      : model.release(claimId, held);
                expected = outcome.ok ? 'ok' : outcome.code;
                actual = await codeOf(() => service.release({ idempotencyKey: key(), claimId }));
              }
            } else {
              const c = { ...caps[cmd.cap]!, limit: cmd.limit };
              model.save(c);
              expected = 'ok';
              actual = await codeOf(() => service.saveCaps({ idempotencyKey: key(), caps: [c] }));
            }
            expect({ step, cmd, code: actual }).toEqual({ step, cmd, code: expected });
          }
          for (const c of caps) {
            for (const subject of c.perSubject ? ['c1', 'c2'] : ['']) {
              expect((await service.getUsage(c.id, subject))?.used).toBe(model.used(c.id, subject));
            }
          }
        },
      ),
      { numRuns: runs },
    );
  });
}
