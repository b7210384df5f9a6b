import { z } from 'zod';
import {
  instantSchema,
  procurementIdSchema,
  procurementTextSchema,
  uniqueIdsSchema,
} from '../common/schemas.js';

/**
 * A licence or certificate a supplier holds (营业执照, 食品生产许可证, ISO 9001, ...): its kind
 * (the id requirements name), number, and validity — from `validFrom` (inclusive; `null`:
 * always) to `expiresAt` (exclusive; `null`: never expires).
 *
 * @example
 * supplierDocumentSchema.parse({ kind: 'food-production-licence', number: 'SC10633', expiresAt: '2027-06-30T00:00:00+08:00' })
 */
export const supplierDocumentSchema = z
  .object({
    kind: procurementIdSchema,
    number: procurementTextSchema.nullable().default(null),
    validFrom: instantSchema.nullable().default(null),
    expiresAt: instantSchema.nullable().default(null),
  })
  .superRefine((document, ctx) => {
    if (
      document.validFrom !== null &&
      document.expiresAt !== null &&
      document.expiresAt.getTime() <= document.validFrom.getTime()
    ) {
      ctx.addIssue({ code: 'custom', path: ['expiresAt'], message: 'Expected expiresAt after validFrom' });
    }
  });

/**
 * A supplier document.
 *
 * @example
 * const licence: SupplierDocument = { kind: 'business-licence', number: null, validFrom: null, expiresAt: null };
 */
export type SupplierDocument = z.output<typeof supplierDocumentSchema>;

/**
 * A supplier's latest scorecard result, as `scoreSupplier` computes it and the host saves it:
 * the score, the standing it falls in and whether that standing blocks awards.
 *
 * @example
 * supplierRatingSchema.parse({ score: 72.4, standing: 'Average', blocksAwards: false, asOf: '2026-03-01T00:00:00Z' })
 */
export const supplierRatingSchema = z.object({
  score: z.number().min(0).max(100),
  standing: procurementTextSchema,
  blocksAwards: z.boolean(),
  asOf: instantSchema,
});

/**
 * A supplier rating.
 *
 * @example
 * const rating: SupplierRating = { score: 25, standing: 'Very Poor', blocksAwards: true, asOf: new Date() };
 */
export type SupplierRating = z.output<typeof supplierRatingSchema>;

/**
 * A supplier: its documents (at most 100) and its latest rating (`null`: not rated yet, which
 * does not block awards).
 *
 * @example
 * supplierSchema.parse({ supplierId: 'SUP-1', name: '杭州茗茶', documents: [{ kind: 'business-licence' }] })
 */
export const supplierSchema = z.object({
  supplierId: procurementIdSchema,
  name: procurementTextSchema.nullable().default(null),
  documents: z.array(supplierDocumentSchema).max(100, 'Expected at most 100 documents').default([]),
  rating: supplierRatingSchema.nullable().default(null),
});

/**
 * A supplier as the caller writes it.
 *
 * @example
 * const input: SupplierInput = { supplierId: 'SUP-1' };
 */
export type SupplierInput = z.input<typeof supplierSchema>;

/**
 * A validated supplier.
 *
 * @example
 * const supplier: Supplier = supplierSchema.parse({ supplierId: 'SUP-1' });
 */
export type Supplier = z.output<typeof supplierSchema>;

/**
 * What a supplier must hold: documents of these kinds, valid at the time of the award and, when
 * `validThrough` is set (the delivery date), still valid then.
 *
 * @example
 * qualificationRequirementsSchema.parse({ documents: ['business-licence', 'food-production-licence'] })
 */
export const qualificationRequirementsSchema = z.object({
  documents: uniqueIdsSchema(50).default([]),
  validThrough: instantSchema.nullable().default(null),
});

/**
 * Qualification requirements as the caller writes them.
 *
 * @example
 * const requirements: QualificationRequirementsInput = { documents: ['business-licence'] };
 */
export type QualificationRequirementsInput = z.input<typeof qualificationRequirementsSchema>;

/**
 * Input of `qualifySupplier`.
 *
 * @example
 * qualifySupplierSchema.parse({ supplier: { supplierId: 'SUP-1' }, requirements: { documents: [] }, at: new Date() })
 */
export const qualifySupplierSchema = z.object({
  supplier: supplierSchema,
  requirements: qualificationRequirementsSchema.default({ documents: [], validThrough: null }),
  at: instantSchema,
});

/**
 * Input of `qualifySupplier` as the caller writes it.
 *
 * @example
 * const input: QualifySupplierInput = { supplier: { supplierId: 'SUP-1' }, at: new Date() };
 */
export type QualifySupplierInput = z.input<typeof qualifySupplierSchema>;
