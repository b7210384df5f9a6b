/**
 * The promotions port: the caps a checkout claims and a cancellation or refund releases —
 * flash-sale stock, per-customer limits, coupon redemptions, single-use codes and budgets.
 * `@s2b2b/storage-memory` and `@s2b2b/storage-postgres` implement it as `storage.promotions`
 * (reads) and `tx.promotions` (reads and writes inside `storage.transaction`); a host can
 * implement it on its own database and prove it with `describePromotionsConformance` from
 * `@s2b2b/storage-testkit`.
 *
 * Amounts are whole numbers (units, redemptions, minor units of money): exact in JavaScript up
 * to 2^53 − 1 and in PostgreSQL as BIGINT.
 */
import type { CoreStorage, InfrastructureTx } from '@s2b2b/core';

/**
 * What a cap counts: units (flash-sale stock, a customer's flash units), redemptions (of a
 * promotion, a code, a campaign) or minor units of money (a budget).
 *
 * @example
 * CAP_UNITS.includes('minor-units') // true
 */
export const CAP_UNITS = Object.freeze(['units', 'redemptions', 'minor-units'] as const);

/**
 * One of {@link CAP_UNITS}.
 *
 * @example
 * const unit: CapUnit = 'units';
 */
export type CapUnit = (typeof CAP_UNITS)[number];

/**
 * A cap: at most `limit` in all (`perSubject: false`, one counter) or per subject (`true`: one
 * counter per customer, per code, … each up to `limit`).
 *
 * @example
 * const stock: CapDefinition = { id: 'flash-rice#stock', limit: 500, perSubject: false, unit: 'units', promotionId: 'flash-rice', campaignId: null };
 */
export interface CapDefinition {
  id: string;
  limit: number;
  perSubject: boolean;
  unit: CapUnit;
  promotionId: string | null;
  campaignId: string | null;
}

/**
 * A stored cap.
 *
 * @example
 * const cap: PromotionCap = (await storage.promotions.getCap('flash-rice#stock'))!;
 */
export interface PromotionCap extends CapDefinition {
  createdAt: Date;
  updatedAt: Date;
}

/**
 * One counter of a cap: how much is used, of what limit. `subject` is `''` for a cap counted in
 * all.
 *
 * @example
 * const usage: CapUsage = { capId: 'flash-rice#stock', subject: '', used: 480, limit: 500, remaining: 20 };
 */
export interface CapUsage {
  capId: string;
  subject: string;
  used: number;
  limit: number;
  remaining: number;
}

/**
 * An amount to claim from (or release to) one counter.
 *
 * @example
 * const entry: ClaimEntry = { capId: 'flash-rice#customer-units', subject: 'c-42', amount: 2 };
 */
export interface ClaimEntry {
  capId: string;
  /** The customer, code, … of a per-subject cap; `''` for a cap counted in all. */
  subject: string;
  amount: number;
}

/**
 * A claimed entry and how much of it was released since.
 *
 * @example
 * const entry: ClaimedEntry = { capId: 'spring#budget', subject: '', amount: 2000, released: 500 };
 */
export interface ClaimedEntry extends ClaimEntry {
  released: number;
}

/**
 * A claim: what one order (or any command) holds of the caps, entries sorted by key
 * (`compareCapKeys`).
 *
 * @example
 * const claim: CapClaim = (await storage.promotions.getClaim('order-1001'))!;
 */
export interface CapClaim {
  id: string;
  reference: string | null;
  customerId: string | null;
  entries: ClaimedEntry[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A claim before the store took it.
 *
 * @example
 * const draft: ClaimDraft = { id: 'order-1001', reference: null, customerId: 'c-42', entries, at: new Date() };
 */
export interface ClaimDraft {
  id: string;
  reference: string | null;
  customerId: string | null;
  entries: ClaimEntry[];
  at: Date;
}

/**
 * Which caps `listCaps` returns: by promotion or campaign, sorted by id, after `after`, at most
 * `limit` (default 1,000, at most 10,000).
 *
 * @example
 * await storage.promotions.listCaps({ promotionId: 'flash-rice' });
 */
export interface CapFilter {
  promotionId?: string;
  campaignId?: string;
  after?: string;
  limit?: number;
}

/**
 * Reading caps and claims. Returned values are copies; `null` when not found. Outside a
 * transaction a read sees only committed state.
 *
 * @example
 * const usage = await storage.promotions.getUsage('flash-rice#customer-units', 'c-42');
 */
export interface PromotionsReader {
  getCap(id: string): Promise<PromotionCap | null>;
  listCaps(filter?: CapFilter): Promise<PromotionCap[]>;
  /** The counter of a cap for a subject (`''` for a cap counted in all); `used: 0` before any claim; `null` when the cap does not exist. */
  getUsage(capId: string, subject?: string): Promise<CapUsage | null>;
  getClaim(id: string): Promise<CapClaim | null>;
}

/**
 * Caps inside a transaction. The adapter enforces the caps itself, atomically: a claim entry is
 * one conditional update (`used + amount <= limit`, checked by its row count in SQL), a release
 * another (`released + amount <= amount` on the claim, then `used − amount`); application code
 * never reads a counter and writes it back. A claim or release is all of its entries or none.
 *
 * Lock order, the same in every adapter: a release locks its claim's entries, then the
 * counters; each set in `compareCapKeys` order (capId, then subject).
 *
 * @example
 * await storage.transaction((tx) => tx.promotions.claim({ id: 'order-1', reference: null, customerId: 'c-1', entries, at: now }));
 */
export interface PromotionsTxPort extends PromotionsReader {
  /**
   * Creates caps or changes their limit (a limit below what is used refuses further claims and
   * takes nothing back). Returns them in the order given.
   *
   * @throws DomainError `CAP_DEFINITION_CONFLICT` when an existing cap's `perSubject` or `unit` differs
   */
  saveCaps(caps: readonly CapDefinition[], at: Date): Promise<PromotionCap[]>;
  /**
   * Takes every entry from its counter, or (on any failure) none.
   *
   * @throws DomainError `CLAIM_EXISTS`, `CAP_NOT_FOUND`, `CAP_SUBJECT_MISMATCH`, `CAP_EXCEEDED`
   */
  claim(draft: ClaimDraft): Promise<CapClaim>;
  /** The claim with its entries locked until the transaction ends (before a release of everything it holds), or `null`. */
  lockClaim(id: string): Promise<CapClaim | null>;
  /**
   * Gives amounts of a claim back to their counters, or (on any failure) none.
   *
   * @throws DomainError `CLAIM_NOT_FOUND`, `CLAIM_ENTRY_NOT_FOUND`, `RELEASE_EXCEEDS_CLAIM`
   */
  release(claimId: string, entries: readonly ClaimEntry[], at: Date): Promise<CapClaim>;
}

/**
 * A transaction of a storage that has promotions.
 *
 * @example
 * await runIdempotent(storage, command, async (tx: PromotionsTx) => tx.promotions.claim(draft));
 */
export interface PromotionsTx extends InfrastructureTx {
  readonly promotions: PromotionsTxPort;
}

/**
 * A storage with promotions: `storage.promotions` reads, `storage.transaction` hands out
 * {@link PromotionsTx}. `createMemoryStorage()` and `createPostgresStorage()` return one.
 *
 * @example
 * const service = createPromotionsService({ storage: createMemoryStorage() });
 */
export interface PromotionsStorage extends CoreStorage {
  readonly promotions: PromotionsReader;
  transaction<T>(fn: (tx: PromotionsTx) => Promise<T>): Promise<T>;
}
