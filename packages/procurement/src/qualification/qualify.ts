import { parseInput } from '@s2b2b/core';
import { type ExclusionReason, exclusionReason } from '../common/exclusions.js';
import {
  type QualifySupplierInput,
  qualifySupplierSchema,
  type Supplier,
  type SupplierDocument,
} from './schemas.js';

/**
 * Whether a supplier may be awarded, and every reason it may not.
 *
 * @example
 * const { qualified, reasons }: Qualification = qualifySupplier(input);
 */
export interface Qualification {
  supplierId: string;
  qualified: boolean;
  reasons: ExclusionReason[];
}

/**
 * The qualification gates: every required document kind must be held by a document valid at
 * `at` (and, with `validThrough`, still valid then), and the supplier's latest standing must not
 * be one that blocks awards. Of several documents of one kind the best counts (valid now, then
 * the latest expiry). Pure: the time is an input.
 *
 * Reason codes: `DOCUMENT_MISSING`, `DOCUMENT_NOT_YET_VALID`, `DOCUMENT_EXPIRED`,
 * `DOCUMENT_EXPIRES_BEFORE_DELIVERY`, `STANDING_BLOCKS_AWARDS`.
 *
 * @throws ValidationError on the input
 * @example
 * qualifySupplier({
 *   supplier: { supplierId: 'SUP-1', documents: [{ kind: 'business-licence', expiresAt: '2026-01-31T00:00:00+08:00' }] },
 *   requirements: { documents: ['business-licence', 'food-production-licence'] },
 *   at: '2026-03-01T00:00:00+08:00',
 * }).reasons.map((r) => r.code) // ['DOCUMENT_EXPIRED', 'DOCUMENT_MISSING']
 */
export function qualifySupplier(input: QualifySupplierInput): Qualification {
  const { supplier, requirements, at } = parseInput(qualifySupplierSchema, input);
  return qualifyParsed(supplier, requirements.documents, at, requirements.validThrough);
}

/**
 * {@link qualifySupplier} on validated values (the award calls it per SKU).
 *
 * @example
 * qualifyParsed(supplier, ['business-licence'], now, null).qualified
 */
export function qualifyParsed(
  supplier: Supplier,
  documents: readonly string[],
  at: Date,
  validThrough: Date | null,
): Qualification {
  const reasons: ExclusionReason[] = [];
  const time = at.getTime();
  for (const kind of documents) {
    const held = supplier.documents.filter((document) => document.kind === kind);
    if (held.length === 0) {
      reasons.push(
        exclusionReason('DOCUMENT_MISSING', `${supplier.supplierId} holds no ${kind}`, {
          supplierId: supplier.supplierId,
          kind,
        }),
      );
      continue;
    }
    const valid = held.filter((document) => validAt(document, time));
    if (valid.length === 0) {
      const latest = [...held].sort(byExpiryDescending)[0]!;
      const notYet = held.find(
        (document) => document.validFrom !== null && document.validFrom.getTime() > time,
      );
      if (notYet && (latest.expiresAt === null || latest.expiresAt.getTime() > time)) {
        reasons.push(
          exclusionReason(
            'DOCUMENT_NOT_YET_VALID',
            `${supplier.supplierId}'s ${kind} is valid only from ${notYet.validFrom!.toISOString()}`,
            {
              supplierId: supplier.supplierId,
              kind,
              validFrom: notYet.validFrom!.toISOString(),
            },
          ),
        );
      } else {
        reasons.push(
          exclusionReason(
            'DOCUMENT_EXPIRED',
            `${supplier.supplierId}'s ${kind} expired ${latest.expiresAt!.toISOString()}`,
            {
              supplierId: supplier.supplierId,
              kind,
              expiresAt: latest.expiresAt!.toISOString(),
            },
          ),
        );
      }
      continue;
    }
    if (validThrough !== null) {
      const best = [...valid].sort(byExpiryDescending)[0]!;
      if (best.expiresAt !== null && best.expiresAt.getTime() <= validThrough.getTime()) {
        reasons.push(
          exclusionReason(
            'DOCUMENT_EXPIRES_BEFORE_DELIVERY',
            `${supplier.supplierId}'s ${kind} expires ${best.expiresAt.toISOString()}, before delivery by ${validThrough.toISOString()}`,
            {
              supplierId: supplier.supplierId,
              kind,
              expiresAt: best.expiresAt.toISOString(),
              validThrough: validThrough.toISOString(),
            },
          ),
        );
      }
    }
  }
  const rating = supplier.rating;
  if (rating?.blocksAwards) {
    reasons.push(
      exclusionReason(
        'STANDING_BLOCKS_AWARDS',
        `${supplier.supplierId} stands at ${rating.standing} (${rating.score}), which blocks awards`,
        { supplierId: supplier.supplierId, standing: rating.standing, score: rating.score },
      ),
    );
  }
  return { supplierId: supplier.supplierId, qualified: reasons.length === 0, reasons };
}

function validAt(document: SupplierDocument, time: number): boolean {
  return (
    (document.validFrom === null || document.validFrom.getTime() <= time) &&
    (document.expiresAt === null || time < document.expiresAt.getTime())
  );
}

/** Never-expiring first, then the latest expiry. */
function byExpiryDescending(a: SupplierDocument, b: SupplierDocument): number {
  const x = a.expiresAt === null ? Number.POSITIVE_INFINITY : a.expiresAt.getTime();
  const y = b.expiresAt === null ? Number.POSITIVE_INFINITY : b.expiresAt.getTime();
  return x === y ? 0 : y > x ? 1 : -1;
}
