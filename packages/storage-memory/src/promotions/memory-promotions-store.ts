import {
  type CapClaim,
  type CapDefinition,
  type CapFilter,
  type CapUsage,
  type ClaimDraft,
  type ClaimEntry,
  type ClaimedEntry,
  capExceededError,
  capNotFoundError,
  checkCapFilter,
  checkEntries,
  claimEntryNotFoundError,
  claimExistsError,
  claimNotFoundError,
  compareCapKeys,
  definitionConflict,
  type PromotionCap,
  type PromotionsReader,
  type PromotionsTxPort,
  releaseExceedsError,
  subjectMismatch,
} from '@s2b2b/promotions';
import type { MemoryEngine, MemoryTxContext } from '../memory-engine.js';

/**
 * The promotions port in maps: caps by id, one counter per (cap, subject), claims by id. The
 * engine's lock serialises transactions, so a claim checks every entry against its counter and
 * only then writes them all — the same all-or-none rule the SQL adapter enforces with
 * conditional updates under a savepoint.
 *
 * @example
 * const promotions = new MemoryPromotionsStore(engine);
 * await engine.transaction((ctx) => promotions.port(ctx).saveCaps([cap], new Date()));
 */
export class MemoryPromotionsStore implements PromotionsReader {
  readonly #caps = new Map<string, PromotionCap>();
  readonly #used = new Map<string, number>();
  readonly #claims = new Map<string, CapClaim>();
  readonly #engine: MemoryEngine;

  constructor(engine: MemoryEngine) {
    this.#engine = engine;
  }

  /** The port a transaction uses. */
  port(ctx: MemoryTxContext): PromotionsTxPort {
    return {
      getCap: async (id) => this.#getCap(id),
      listCaps: async (filter) => this.#listCaps(checkCapFilter(filter)),
      getUsage: async (capId, subject) => this.#getUsage(capId, subject ?? ''),
      getClaim: async (id) => this.#getClaim(id),
      lockClaim: async (id) => this.#getClaim(id),
      saveCaps: async (caps, at) => this.#saveCaps(ctx, caps, at),
      claim: async (draft) => this.#claim(ctx, draft),
      release: async (claimId, entries, at) => this.#release(ctx, claimId, entries, at),
    };
  }

  async getCap(id: string): Promise<PromotionCap | null> {
    return this.#engine.read(() => this.#getCap(id));
  }

  async listCaps(filter?: CapFilter): Promise<PromotionCap[]> {
    const checked = checkCapFilter(filter);
    return this.#engine.read(() => this.#listCaps(checked));
  }

  async getUsage(capId: string, subject = ''): Promise<CapUsage | null> {
    return this.#engine.read(() => this.#getUsage(capId, subject));
  }

  async getClaim(id: string): Promise<CapClaim | null> {
    return this.#engine.read(() => this.#getClaim(id));
  }

  #getCap(id: string): PromotionCap | null {
    const cap = this.#caps.get(id);
    return cap ? structuredClone(cap) : null;
  }

  #listCaps(filter: CapFilter & { limit: number }): PromotionCap[] {
    return [...this.#caps.values()]
      .filter(
        (cap) =>
          (filter.promotionId === undefined || cap.promotionId === filter.promotionId) &&
          (filter.campaignId === undefined || cap.campaignId === filter.campaignId) &&
          (filter.after === undefined ||
            compareCapKeys({ capId: cap.id, subject: '' }, { capId: filter.after, subject: '' }) > 0),
      )
      .sort((a, b) => compareCapKeys({ capId: a.id, subject: '' }, { capId: b.id, subject: '' }))
      .slice(0, filter.limit)
      .map((cap) => structuredClone(cap));
  }

  #getUsage(capId: string, subject: string): CapUsage | null {
    const cap = this.#caps.get(capId);
    if (!cap) return null;
    const used = this.#used.get(key(capId, subject)) ?? 0;
    return { capId, subject, used, limit: cap.limit, remaining: Math.max(0, cap.limit - used) };
  }

  #getClaim(id: string): CapClaim | null {
    const claim = this.#claims.get(id);
    return claim ? structuredClone(claim) : null;
  }

  #saveCaps(ctx: MemoryTxContext, caps: readonly CapDefinition[], at: Date): PromotionCap[] {
    for (const cap of caps) {
      const stored = this.#caps.get(cap.id);
      const conflict = stored ? definitionConflict(stored, cap) : null;
      if (conflict) throw conflict;
    }
    return caps.map((cap) => {
      const previous = this.#caps.get(cap.id);
      const next: PromotionCap = {
        id: cap.id,
        limit: cap.limit,
        perSubject: cap.perSubject,
        unit: cap.unit,
        promotionId: cap.promotionId,
        campaignId: cap.campaignId,
        createdAt: previous ? previous.createdAt : new Date(at.getTime()),
        updatedAt: new Date(at.getTime()),
      };
      this.#caps.set(cap.id, next);
      ctx.onRollback(() => {
        if (previous) this.#caps.set(cap.id, previous);
        else this.#caps.delete(cap.id);
      });
      return structuredClone(next);
    });
  }

  #claim(ctx: MemoryTxContext, draft: ClaimDraft): CapClaim {
    const entries = checkEntries(draft.entries);
    if (this.#claims.has(draft.id)) throw claimExistsError(draft.id);
    // Check every entry before writing anything.
    for (const entry of entries) {
      const cap = this.#caps.get(entry.capId);
      if (!cap) throw capNotFoundError(entry.capId);
      const mismatch = subjectMismatch(cap, entry);
      if (mismatch) throw mismatch;
      const used = this.#used.get(key(entry.capId, entry.subject)) ?? 0;
      if (used + entry.amount > cap.limit) throw capExceededError(entry, cap.limit, used);
    }
    for (const entry of entries) this.#add(ctx, entry, entry.amount);
    const claim: CapClaim = {
      id: draft.id,
      reference: draft.reference,
      customerId: draft.customerId,
      entries: entries.map((entry) => ({ ...entry, released: 0 })),
      createdAt: new Date(draft.at.getTime()),
      updatedAt: new Date(draft.at.getTime()),
    };
    this.#claims.set(claim.id, claim);
    ctx.onRollback(() => this.#claims.delete(claim.id));
    return structuredClone(claim);
  }

  #release(ctx: MemoryTxContext, claimId: string, raw: readonly ClaimEntry[], at: Date): CapClaim {
    const entries = checkEntries(raw);
    const current = this.#claims.get(claimId);
    if (!current) throw claimNotFoundError(claimId);
    const held = new Map(current.entries.map((e) => [key(e.capId, e.subject), e]));
    for (const entry of entries) {
      const claimed = held.get(key(entry.capId, entry.subject));
      if (!claimed) throw claimEntryNotFoundError(claimId, entry);
      if (claimed.released + entry.amount > claimed.amount)
        throw releaseExceedsError(claimId, claimed, entry.amount);
    }
    const wanted = new Map(entries.map((e) => [key(e.capId, e.subject), e.amount]));
    const next: CapClaim = {
      ...current,
      entries: current.entries.map(
        (e): ClaimedEntry => ({ ...e, released: e.released + (wanted.get(key(e.capId, e.subject)) ?? 0) }),
      ),
      updatedAt: new Date(at.getTime()),
    };
    this.#claims.set(claimId, next);
    ctx.onRollback(() => this.#claims.set(claimId, current));
    for (const entry of entries) this.#add(ctx, entry, -entry.amount);
    return structuredClone(next);
  }

  #add(ctx: MemoryTxContext, entry: ClaimEntry, delta: number): void {
    const k = key(entry.capId, entry.subject);
    const before = this.#used.get(k);
    this.#used.set(k, (before ?? 0) + delta);
    ctx.onRollback(() => {
      if (before === undefined) this.#used.delete(k);
      else this.#used.set(k, before);
    });
  }
}

function key(capId: string, subject: string): string {
  return `${capId}\u0000${subject}`;
}
