import type { SupplierRating } from '../qualification/schemas.js';
import type { Scorecard } from './score-supplier.js';

/**
 * The rating to save on a supplier (`supplier.rating`) from its scorecard: the score, the
 * standing's name and whether it blocks awards — what `qualifySupplier` and the award read to
 * exclude a supplier in the lowest standing. `null` for an unscored card (no due deliveries),
 * which blocks nothing.
 *
 * @example
 * const rating = ratingFromScorecard(scoreSupplier({ supplierId: 'SUP-1', asOf, deliveries }));
 * await procurement.saveSupplier({ idempotencyKey: 'rate-SUP-1-2026-03', supplier: { ...supplier, rating } });
 */
export function ratingFromScorecard(card: Scorecard): SupplierRating | null {
  if (card.score === null || card.standing === null) return null;
  return {
    score: card.score,
    standing: card.standing.name,
    blocksAwards: card.blocksAwards,
    asOf: new Date(card.asOf.getTime()),
  };
}
