import { fixedClock, isS2b2bError } from '@s2b2b/core';
import {
  type CapDefinition,
  createPromotionsService,
  type PromotionEvent,
  type PromotionsService,
  type PromotionsStorage,
} from '@s2b2b/promotions';
import { uniqueName } from '../fixtures.js';

/**
 * The instant every promotions conformance command runs at (a Sunday, 10:30 in Shanghai).
 *
 * @example
 * createPromotionsService({ storage, clock: fixedClock(PROMOTIONS_NOW) });
 */
export const PROMOTIONS_NOW = new Date('2026-03-08T02:30:00.000Z');

/**
 * A service on the storage under test, ids unique to one test, and what `onEvent` heard.
 *
 * @example
 * const { service, id, key, cap }: PromotionsScenario = promotionsScenario(storage);
 */
export interface PromotionsScenario {
  service: PromotionsService;
  /** An id unique to this test (caps, claims, promotions). */
  id(name: string): string;
  /** A fresh idempotency key. */
  key(name?: string): string;
  /** A cap definition with a unique id. */
  cap(name: string, limit: number, options?: Partial<Omit<CapDefinition, 'id' | 'limit'>>): CapDefinition;
  heard: PromotionEvent[];
}

/**
 * A fresh scenario: ids and keys of its own, so one storage serves every test.
 *
 * @example
 * const { service, cap } = promotionsScenario(storage);
 * await service.saveCaps({ idempotencyKey: 'k', caps: [cap('stock', 10)] });
 */
export function promotionsScenario(storage: PromotionsStorage): PromotionsScenario {
  const heard: PromotionEvent[] = [];
  const service = createPromotionsService({
    storage,
    clock: fixedClock(PROMOTIONS_NOW),
    onEvent: (event) => {
      heard.push(event);
    },
  });
  const run = uniqueName('promo').slice(6, 18);
  const id = (name: string) => `${name}-${run}`;
  return {
    service,
    id,
    key: (name = 'cmd') => uniqueName(name),
    cap: (name, limit, options = {}) => ({
      id: id(name),
      limit,
      perSubject: options.perSubject ?? false,
      unit: options.unit ?? 'units',
      promotionId: options.promotionId ?? null,
      campaignId: options.campaignId ?? null,
    }),
    heard,
  };
}

/**
 * `'ok'` or the error code of a settled command (a non-kit error is rethrown).
 *
 * @example
 * results.map(promotionOutcomeCode) // ['ok', 'CAP_EXCEEDED', ...]
 */
export function promotionOutcomeCode(result: PromiseSettledResult<unknown>): string {
  if (result.status === 'fulfilled') return 'ok';
  if (!isS2b2bError(result.reason)) throw result.reason;
  return result.reason.code;
}

/**
 * The error code a command throws, or `'ok'`.
 *
 * @example
 * expect(await codeOf(() => service.claim(input))).toBe('CAP_EXCEEDED');
 */
export async function codeOf(command: () => Promise<unknown>): Promise<string> {
  try {
    await command();
    return 'ok';
  } catch (error) {
    if (!isS2b2bError(error)) throw error;
    return error.code;
  }
}
