import { type CapDefinition, type ClaimEntry, compareCapKeys } from '@s2b2b/promotions';

/**
 * What the serial model says of one command: it succeeds, or fails with this code.
 *
 * @example
 * const outcome: CapModelOutcome = model.claim('o-1', entries);
 */
export type CapModelOutcome = { ok: true } | { ok: false; code: string };

/**
 * A serial reference model of the promotions port: the rules of `claim` and `release` applied
 * one command at a time in plain maps. The conformance suite replays the same commands against
 * it and against the adapter (serially in the properties; as an oracle for how many parallel
 * claims may succeed in the concurrency tests).
 *
 * @example
 * const model = new CapModel([{ id: 'f#stock', limit: 5, perSubject: false, unit: 'units', promotionId: 'f', campaignId: null }]);
 * model.claim('o-1', [{ capId: 'f#stock', subject: '', amount: 2 }]) // { ok: true }
 */
export class CapModel {
  readonly #caps = new Map<string, CapDefinition>();
  readonly #used = new Map<string, number>();
  readonly #claims = new Map<string, Map<string, { amount: number; released: number }>>();

  constructor(caps: readonly CapDefinition[] = []) {
    for (const cap of caps) this.#caps.set(cap.id, { ...cap });
  }

  /** Creates a cap or changes its limit. */
  save(cap: CapDefinition): void {
    this.#caps.set(cap.id, { ...cap });
  }

  /** Takes every entry or none (checked in `compareCapKeys` order, as the adapters do). */
  claim(id: string, entries: readonly ClaimEntry[]): CapModelOutcome {
    if (this.#claims.has(id)) return { ok: false, code: 'CLAIM_EXISTS' };
    for (const entry of [...entries].sort(compareCapKeys)) {
      const cap = this.#caps.get(entry.capId);
      if (!cap) return { ok: false, code: 'CAP_NOT_FOUND' };
      if (cap.perSubject !== (entry.subject !== '')) return { ok: false, code: 'CAP_SUBJECT_MISMATCH' };
      if (this.used(entry.capId, entry.subject) + entry.amount > cap.limit)
        return { ok: false, code: 'CAP_EXCEEDED' };
    }
    const held = new Map<string, { amount: number; released: number }>();
    for (const entry of entries) {
      const k = key(entry.capId, entry.subject);
      this.#used.set(k, this.used(entry.capId, entry.subject) + entry.amount);
      held.set(k, { amount: entry.amount, released: 0 });
    }
    this.#claims.set(id, held);
    return { ok: true };
  }

  /** Gives entries back, all or none. */
  release(id: string, entries: readonly ClaimEntry[]): CapModelOutcome {
    const held = this.#claims.get(id);
    if (!held) return { ok: false, code: 'CLAIM_NOT_FOUND' };
    for (const entry of [...entries].sort(compareCapKeys)) {
      const h = held.get(key(entry.capId, entry.subject));
      if (!h) return { ok: false, code: 'CLAIM_ENTRY_NOT_FOUND' };
      if (h.released + entry.amount > h.amount) return { ok: false, code: 'RELEASE_EXCEEDS_CLAIM' };
    }
    for (const entry of entries) {
      const k = key(entry.capId, entry.subject);
      held.get(k)!.released += entry.amount;
      this.#used.set(k, this.used(entry.capId, entry.subject) - entry.amount);
    }
    return { ok: true };
  }

  /** What a claim still holds, entry by entry. */
  held(id: string): ClaimEntry[] {
    const held = this.#claims.get(id);
    if (!held) return [];
    return [...held]
      .filter(([, h]) => h.amount > h.released)
      .map(([k, h]) => {
        const [capId, subject] = k.split('\u0000') as [string, string];
        return { capId, subject, amount: h.amount - h.released };
      });
  }

  /** A counter's use. */
  used(capId: string, subject = ''): number {
    return this.#used.get(key(capId, subject)) ?? 0;
  }
}

function key(capId: string, subject: string): string {
  return `${capId}\u0000${subject}`;
}
