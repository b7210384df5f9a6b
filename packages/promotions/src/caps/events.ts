import type { DomainEvent } from '@s2b2b/core';
import type { CapUnit } from '../store.js';

type Entry = { capId: string; subject: string; amount: number };

/**
 * The payload of each promotions event, by type.
 *
 * @example
 * const payload: PromotionEventPayloads['promotion.claimed'] = { claimId: 'o-1', reference: null, customerId: 'c-1', entries: [] };
 */
export type PromotionEventPayloads = {
  'promotion.caps_saved': { caps: { id: string; limit: number; perSubject: boolean; unit: CapUnit }[] };
  'promotion.claimed': {
    claimId: string;
    reference: string | null;
    customerId: string | null;
    entries: Entry[];
  };
  'promotion.released': {
    claimId: string;
    reason: string | null;
    entries: Entry[];
    /** Whether the claim now holds nothing. */
    complete: boolean;
  };
};

/**
 * One of the promotions event types.
 *
 * @example
 * const type: PromotionEventType = 'promotion.claimed';
 */
export type PromotionEventType = keyof PromotionEventPayloads;

/**
 * An event of the promotions service: written to the outbox in the command's transaction and
 * passed to `onEvent` after it commits. `aggregateId` is the claim id (or the first cap's id).
 *
 * @example
 * onEvent: (event: PromotionEvent) => { if (event.type === 'promotion.released') audit(event.payload.claimId); }
 */
export type PromotionEvent = {
  [K in PromotionEventType]: DomainEvent<K, PromotionEventPayloads[K]>;
}[PromotionEventType];

/**
 * Every promotions event type.
 *
 * @example
 * PROMOTION_EVENT_TYPES.includes('promotion.claimed') // true
 */
export const PROMOTION_EVENT_TYPES = Object.freeze([
  'promotion.caps_saved',
  'promotion.claimed',
  'promotion.released',
] as const satisfies readonly PromotionEventType[]);
