import { parseInput } from '@s2b2b/core';
import { type ParsedRateCard, type RateCard, rateCardsSchema } from './schemas.js';

/**
 * Rate cards validated once, for quoting many shipments: `quote` and `chooseCarrier` take it in
 * place of the raw cards and skip the validation. Opaque and immutable: only `parseRateCards`
 * makes one, and the cards inside cannot be changed afterwards.
 *
 * @example
 * const cards: RateCardSet = parseRateCards([sf, zto]);
 * cards.carrierIds // ['SF', 'ZTO']
 */
export interface RateCardSet {
  readonly carrierIds: readonly string[];
}

const parsedCards = new WeakMap<RateCardSet, readonly ParsedRateCard[]>();

/**
 * Validates rate cards once (the same checks as `quote`) and returns a {@link RateCardSet} to
 * quote with: validating 20 cards of 31 zones costs far more than quoting them.
 *
 * @throws ValidationError naming the field (`rateCards.3.zones.0.pricing.stepKg`, ...)
 * @example
 * const cards = parseRateCards(loadRateCardsFromConfig());
 * for (const shipment of shipments) quote(shipment, cards);
 */
export function parseRateCards(rateCards: readonly RateCard[]): RateCardSet {
  const parsed = parseInput(rateCardsSchema, rateCards, 'rateCards');
  const set: RateCardSet = Object.freeze({ carrierIds: Object.freeze(parsed.map((card) => card.carrierId)) });
  parsedCards.set(set, parsed);
  return set;
}

/**
 * Whether a value is a {@link RateCardSet} made by `parseRateCards` (a look-alike object is not).
 *
 * @example
 * isRateCardSet(parseRateCards(cards)) // true
 * isRateCardSet({ carrierIds: [] }) // false
 */
export function isRateCardSet(value: unknown): value is RateCardSet {
  return typeof value === 'object' && value !== null && parsedCards.has(value as RateCardSet);
}

/**
 * The validated cards: those of a {@link RateCardSet}, or the raw cards parsed now.
 *
 * @throws ValidationError naming the field
 * @example
 * const cards = resolveRateCards(input); // ParsedRateCard[]
 */
export function resolveRateCards(rateCards: readonly RateCard[] | RateCardSet): readonly ParsedRateCard[] {
  if (isRateCardSet(rateCards)) return parsedCards.get(rateCards)!;
  return parseInput(rateCardsSchema, rateCards, 'rateCards');
}
