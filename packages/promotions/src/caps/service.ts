import {
  type Clock,
  createIdGenerator,
  DomainError,
  type EventListener,
  type JsonValue,
  type OutcomeCodec,
  parseInput,
  runIdempotent,
  systemClock,
  ValidationError,
} from '@s2b2b/core';
import { z } from 'zod';
import { amountLikeSchema } from '../allocation/reverse-discounts.js';
import type { UsageSnapshotInput } from '../cart/schemas.js';
import {
  campaignListSchema,
  isPromotionSet,
  type PromotionSet,
  promotionSetOf,
} from '../evaluate/compile.js';
import { type CampaignInput, type PromotionInput, promotionListSchema } from '../promotion/schemas.js';
import type {
  CapClaim,
  CapFilter,
  CapUsage,
  ClaimEntry,
  PromotionCap,
  PromotionsStorage,
  PromotionsTx,
} from '../store.js';
import {
  type ClaimInput,
  capIdSchema,
  claimSchema,
  idempotencyKeySchema,
  type ReleaseInput,
  releaseSchema,
  type SaveCapsInput,
  saveCapsSchema,
  subjectSchema,
} from './command-schemas.js';
import type { PromotionEvent, PromotionEventPayloads, PromotionEventType } from './events.js';
import { capsForPromotions, claimEntriesFor, usageFromCounters } from './plan.js';
import { claimNotFoundError } from './rules.js';

/**
 * Options of `createPromotionsService`.
 *
 * @example
 * const options: PromotionsServiceOptions = { storage: createMemoryStorage(), onEvent: (e) => bus.publish(e) };
 */
export interface PromotionsServiceOptions {
  /** Any storage with promotions: `createMemoryStorage()`, `createPostgresStorage()`, or the host's own. */
  storage: PromotionsStorage;
  /** Where `now` comes from (default the system clock). */
  clock?: Clock;
  /**
   * Called with each event of a command after it committed (not on replays, not on rollbacks).
   * The outbox (`storage.events.since`) is the reliable channel.
   */
  onEvent?: EventListener<PromotionEvent>;
  /** Ids for events (default UUIDv7 from the clock). */
  ids?: () => string;
}

/**
 * What `saveCaps` and `registerPromotions` return.
 *
 * @example
 * const { caps, replayed }: CapsResult = await service.saveCaps(input);
 */
export interface CapsResult {
  caps: PromotionCap[];
  events: PromotionEvent[];
  replayed: boolean;
}

/**
 * What `claim`, `claimEvaluation` and `release` return: the claim after the command (`null`
 * from `claimEvaluation` when no applied promotion has a cap), what it took or gave back.
 *
 * @example
 * const { claim, entries }: ClaimResult = await service.claim(input);
 */
export interface ClaimResult {
  claim: CapClaim | null;
  entries: ClaimEntry[];
  events: PromotionEvent[];
  replayed: boolean;
}

/**
 * `registerPromotions` input: the promotions (a list or a `PromotionSet`) whose caps to save,
 * in a currency (for budgets; default CNY).
 *
 * @example
 * const input: RegisterPromotionsInput = { idempotencyKey: 'spring-v1', promotions, campaigns };
 */
export interface RegisterPromotionsInput {
  idempotencyKey: string;
  promotions: readonly PromotionInput[] | PromotionSet;
  campaigns?: readonly CampaignInput[];
  currency?: string;
}

/**
 * `claimEvaluation` input: an evaluation's applied promotions (as returned or as JSON), the
 * promotions it was evaluated with, and the order's claim id and customer.
 *
 * @example
 * const input: ClaimEvaluationInput = { idempotencyKey: 'checkout-1001', claimId: 'order-1001', customerId: 'c-42', evaluation, promotions: set };
 */
export interface ClaimEvaluationInput {
  idempotencyKey: string;
  claimId: string;
  customerId?: string;
  reference?: string;
  evaluation: { currency: string; applied: readonly unknown[] };
  promotions: readonly PromotionInput[] | PromotionSet;
  campaigns?: readonly CampaignInput[];
}

/**
 * The promotions service: idempotent, validated commands over the caps of a promotions
 * storage, and reads.
 *
 * @example
 * const caps: PromotionsService = createPromotionsService({ storage });
 */
export interface PromotionsService {
  saveCaps(input: SaveCapsInput): Promise<CapsResult>;
  registerPromotions(input: RegisterPromotionsInput): Promise<CapsResult>;
  claim(input: ClaimInput): Promise<ClaimResult>;
  claimEvaluation(input: ClaimEvaluationInput): Promise<ClaimResult>;
  release(input: ReleaseInput): Promise<ClaimResult>;
  getCap(id: string): Promise<PromotionCap | null>;
  listCaps(filter?: CapFilter): Promise<PromotionCap[]>;
  getUsage(capId: string, subject?: string): Promise<CapUsage | null>;
  getClaim(id: string): Promise<CapClaim | null>;
  /** The `usage` input of `evaluateCart` for these promotions, this customer and the cart's codes. */
  usageSnapshot(input: {
    promotions: readonly PromotionInput[] | PromotionSet;
    campaigns?: readonly CampaignInput[];
    customerId?: string;
    codes?: readonly string[];
    currency?: string;
  }): Promise<UsageSnapshotInput>;
}

const appliedSchema = z.object({
  promotionId: z.string().min(1).max(200),
  total: amountLikeSchema,
  units: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
  code: z.string().max(64).nullable(),
});

const claimEvaluationSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    claimId: capIdSchema,
    customerId: z.string().min(1).max(200).optional(),
    reference: z.string().max(500).optional(),
    evaluation: z.object({
      currency: z.string().regex(/^[A-Z]{3}$/),
      applied: z.array(appliedSchema).max(10_000),
    }),
    promotions: z.unknown(),
    campaigns: z.unknown().optional(),
  })
  .strict();

const registerSchema = z
  .object({
    idempotencyKey: idempotencyKeySchema,
    promotions: z.unknown(),
    campaigns: z.unknown().optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('CNY'),
  })
  .strict();

type Handler<I, O> = (tx: PromotionsTx, input: I, ctx: { now: Date; event: EventMaker }) => Promise<O>;
type EventMaker = <K extends PromotionEventType>(
  type: K,
  aggregateId: string,
  payload: PromotionEventPayloads[K],
) => PromotionEvent;

/**
 * Creates the promotions service. Every command validates its input (`ValidationError` naming
 * the field, nothing written), runs in one transaction with its idempotency key (scope
 * `promotions.<command>`: a replay returns the first outcome and writes nothing; the same key
 * with another payload is `IDEMPOTENCY_CONFLICT`; a refusal such as `CAP_EXCEEDED` spends the
 * key), and appends its events to the outbox in that transaction; `onEvent` hears them after the
 * outermost commit (`tx.afterCommit`). The store enforces the caps atomically.
 *
 * @example
 * const caps = createPromotionsService({ storage: createMemoryStorage() });
 * await caps.registerPromotions({ idempotencyKey: 'promos-v1', promotions: set });
 * const evaluation = evaluateCart({ cart, promotions: set, customer, now, usage: await caps.usageSnapshot({ promotions: set, customerId: customer.id }) });
 * await caps.claimEvaluation({ idempotencyKey: 'checkout-1001', claimId: 'order-1001', customerId: customer.id, evaluation, promotions: set });
 * await caps.release({ idempotencyKey: 'cancel-1001', claimId: 'order-1001', reason: 'cancelled' });
 */
export function createPromotionsService(options: PromotionsServiceOptions): PromotionsService {
  checkOptions(options);
  const { storage, onEvent } = options;
  const clock = options.clock ?? systemClock;
  const nextId = options.ids ?? createIdGenerator({ clock });

  async function run<I extends { idempotencyKey: string }, O extends { events: PromotionEvent[] }>(
    command: string,
    input: I,
    payload: unknown,
    handler: Handler<I, O>,
  ): Promise<O & { replayed: boolean }> {
    const now = clock.now();
    const event: EventMaker = (type, aggregateId, body) =>
      ({
        id: nextId(),
        type,
        occurredAt: now,
        aggregateId,
        payload: body as unknown as JsonValue,
      }) as PromotionEvent;
    const { value, replayed } = await runIdempotent(
      storage,
      { scope: `promotions.${command}`, key: input.idempotencyKey, payload, now },
      async (tx) => {
        const outcome = await handler(tx, input, { now, event });
        await tx.events.append(outcome.events);
        if (onEvent) {
          const listener = onEvent;
          tx.afterCommit(async () => {
            for (const e of outcome.events) await listener(e);
          });
        }
        return outcome;
      },
      outcomeCodec<O>(),
    );
    return { ...value, replayed };
  }

  const setOf = (promotions: unknown, campaigns: unknown): PromotionSet => {
    if (isPromotionSet(promotions)) {
      if (campaigns !== undefined) {
        throw ValidationError.field(
          'campaigns',
          'Campaigns come with the PromotionSet; pass them to compilePromotions',
        );
      }
      return promotions;
    }
    return promotionSetOf(
      parseInput(promotionListSchema, promotions, 'promotions'),
      parseInput(campaignListSchema, campaigns ?? [], 'campaigns'),
    );
  };

  const saveCapsHandler: Handler<z.output<typeof saveCapsSchema>, Omit<CapsResult, 'replayed'>> = async (
    tx,
    input,
    ctx,
  ) => {
    const caps = await tx.promotions.saveCaps(input.caps, ctx.now);
    const summary = caps.map((c) => ({ id: c.id, limit: c.limit, perSubject: c.perSubject, unit: c.unit }));
    return { caps, events: [ctx.event('promotion.caps_saved', caps[0]!.id, { caps: summary })] };
  };

  const claimHandler: Handler<
    {
      idempotencyKey: string;
      claimId: string;
      reference?: string | undefined;
      customerId?: string | undefined;
      entries: ClaimEntry[];
    },
    Omit<ClaimResult, 'replayed'>
  > = async (tx, input, ctx) => {
    const claim = await tx.promotions.claim({
      id: input.claimId,
      reference: input.reference ?? null,
      customerId: input.customerId ?? null,
      entries: input.entries,
      at: ctx.now,
    });
    const entries = claim.entries.map(({ capId, subject, amount }) => ({ capId, subject, amount }));
    return {
      claim,
      entries,
      events: [
        ctx.event('promotion.claimed', claim.id, {
          claimId: claim.id,
          reference: claim.reference,
          customerId: claim.customerId,
          entries,
        }),
      ],
    };
  };

  return {
    async saveCaps(raw) {
      const input = parseInput(saveCapsSchema, raw);
      const { idempotencyKey, ...payload } = input;
      return run('save-caps', input, payload, saveCapsHandler);
    },
    async registerPromotions(raw) {
      const input = parseInput(registerSchema, raw);
      const set = setOf(input.promotions, input.campaigns);
      const caps = capsForPromotions(set, input.currency);
      if (caps.length === 0) return { caps: [], events: [], replayed: false };
      const parsed = parseInput(saveCapsSchema, { idempotencyKey: input.idempotencyKey, caps });
      const { idempotencyKey, ...payload } = parsed;
      return run('save-caps', parsed, payload, saveCapsHandler);
    },
    async claim(raw) {
      const input = parseInput(claimSchema, raw);
      const { idempotencyKey, ...payload } = input;
      return run('claim', input, payload, claimHandler);
    },
    async claimEvaluation(raw) {
      const input = parseInput(claimEvaluationSchema, raw);
      const set = setOf(input.promotions, input.campaigns);
      const entries = claimEntriesFor(
        input.evaluation.applied,
        set,
        input.customerId ?? null,
        input.evaluation.currency,
      );
      if (entries.length === 0) return { claim: null, entries: [], events: [], replayed: false };
      const claimInput = parseInput(claimSchema, {
        idempotencyKey: input.idempotencyKey,
        claimId: input.claimId,
        ...(input.reference === undefined ? {} : { reference: input.reference }),
        ...(input.customerId === undefined ? {} : { customerId: input.customerId }),
        entries,
      });
      const { idempotencyKey, ...payload } = claimInput;
      return run('claim', claimInput, payload, claimHandler);
    },
    async release(raw) {
      const input = parseInput(releaseSchema, raw);
      const { idempotencyKey, ...payload } = input;
      return run('release', input, payload, async (tx, cmd, ctx) => {
        let entries: ClaimEntry[];
        if (cmd.entries) {
          entries = cmd.entries;
        } else {
          const held = await tx.promotions.lockClaim(cmd.claimId);
          if (!held) throw claimNotFoundError(cmd.claimId);
          entries = held.entries
            .filter((e) => e.amount > e.released)
            .map((e) => ({ capId: e.capId, subject: e.subject, amount: e.amount - e.released }));
          if (entries.length === 0) {
            throw new DomainError(
              'NOTHING_TO_RELEASE',
              `Claim ${JSON.stringify(cmd.claimId)} holds nothing any more`,
              {
                claimId: cmd.claimId,
              },
            );
          }
        }
        const claim = await tx.promotions.release(cmd.claimId, entries, ctx.now);
        const complete = claim.entries.every((e) => e.released === e.amount);
        return {
          claim,
          entries,
          events: [
            ctx.event('promotion.released', claim.id, {
              claimId: claim.id,
              reason: cmd.reason ?? null,
              entries,
              complete,
            }),
          ],
        };
      });
    },
    getCap: async (id) => storage.promotions.getCap(parseInput(capIdSchema, id, 'id')),
    listCaps: async (filter) => storage.promotions.listCaps(filter),
    getUsage: async (capId, subject) =>
      storage.promotions.getUsage(
        parseInput(capIdSchema, capId, 'capId'),
        parseInput(subjectSchema, subject ?? '', 'subject'),
      ),
    getClaim: async (id) => storage.promotions.getClaim(parseInput(capIdSchema, id, 'id')),
    async usageSnapshot(raw) {
      const input = parseInput(
        z
          .object({
            promotions: z.unknown(),
            campaigns: z.unknown().optional(),
            customerId: z.string().min(1).max(200).optional(),
            codes: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
            currency: z
              .string()
              .regex(/^[A-Z]{3}$/)
              .default('CNY'),
          })
          .strict(),
        raw,
      );
      const set = setOf(input.promotions, input.campaigns);
      const customerId = input.customerId ?? null;
      const codes = input.codes.map((c) => c.toUpperCase());
      const reads: { capId: string; subject: string }[] = [];
      for (const cap of capsForPromotions(set, input.currency)) {
        if (!cap.perSubject) reads.push({ capId: cap.id, subject: '' });
        else if (cap.id.endsWith('#codes'))
          for (const code of codes) reads.push({ capId: cap.id, subject: code });
        else if (customerId !== null) reads.push({ capId: cap.id, subject: customerId });
      }
      const counters = (
        await Promise.all(reads.map((r) => storage.promotions.getUsage(r.capId, r.subject)))
      ).filter((c): c is CapUsage => c !== null);
      return usageFromCounters(set, input.currency, counters, customerId);
    },
  };
}

/**
 * The idempotency codec of promotions commands: JSON out, and back with the Dates revived
 * (`occurredAt` of events, `createdAt` / `updatedAt` of claims and caps).
 *
 * @example
 * await runIdempotent(storage, command, execute, outcomeCodec<ClaimResult>());
 */
export function outcomeCodec<T>(): OutcomeCodec<T> {
  return {
    encode: (value) => JSON.parse(JSON.stringify(value)) as JsonValue,
    decode: (json) => {
      const record = structuredClone(json) as Record<string, unknown>;
      for (const e of (record.events as Record<string, unknown>[] | undefined) ?? [])
        e.occurredAt = new Date(e.occurredAt as string);
      const dated = [record.claim, ...((record.caps as unknown[] | undefined) ?? [])] as (
        | Record<string, unknown>
        | null
        | undefined
      )[];
      for (const item of dated) {
        if (!item) continue;
        item.createdAt = new Date(item.createdAt as string);
        item.updatedAt = new Date(item.updatedAt as string);
      }
      return record as T;
    },
  };
}

function checkOptions(options: PromotionsServiceOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw ValidationError.field('options', 'Expected { storage, clock?, onEvent?, ids? }', 'invalid_type');
  }
  const { storage, clock, onEvent, ids } = options;
  if (
    typeof storage?.transaction !== 'function' ||
    typeof storage.promotions !== 'object' ||
    storage.promotions === null
  ) {
    throw ValidationError.field(
      'storage',
      'Expected a storage with promotions (createMemoryStorage(), createPostgresStorage(), or your own)',
      'invalid_type',
    );
  }
  if (clock !== undefined && typeof clock?.now !== 'function') {
    throw ValidationError.field('clock', 'Expected an object with now(): Date', 'invalid_type');
  }
  if (onEvent !== undefined && typeof onEvent !== 'function') {
    throw ValidationError.field('onEvent', 'Expected a function', 'invalid_type');
  }
  if (ids !== undefined && typeof ids !== 'function') {
    throw ValidationError.field('ids', 'Expected a function returning unique ids', 'invalid_type');
  }
}
