import type { z } from 'zod';
import type { AgreementRecord, ProcurementTx, SupplierRecord } from '../../store.js';
import type { saveAgreementSchema, saveSupplierSchema } from '../command-schemas.js';
import type { ProcurementEvent } from '../events.js';
import { type ProcurementCommandContext, procurementEvent } from './context.js';

/**
 * What `saveSupplier` did.
 *
 * @example
 * const { supplier, events }: SupplierOutcome = await saveSupplier(tx, input, ctx);
 */
export interface SupplierOutcome {
  supplier: SupplierRecord;
  events: ProcurementEvent[];
}

/**
 * What `saveAgreement` did.
 *
 * @example
 * const { agreement, events }: AgreementOutcome = await saveAgreement(tx, input, ctx);
 */
export interface AgreementOutcome {
  agreement: AgreementRecord;
  events: ProcurementEvent[];
}

/**
 * Creates or replaces a supplier; event `supplier.saved`.
 *
 * @example
 * await saveSupplier(tx, saveSupplierSchema.parse(input), ctx);
 */
export async function saveSupplier(
  tx: ProcurementTx,
  input: z.output<typeof saveSupplierSchema>,
  ctx: ProcurementCommandContext,
): Promise<SupplierOutcome> {
  const supplier = await tx.procurement.putSupplier(input.supplier, ctx.now);
  return {
    supplier,
    events: [
      procurementEvent(ctx, 'supplier.saved', supplier.supplierId, {
        supplierId: supplier.supplierId,
        name: supplier.name,
        documents: supplier.documents.map((document) => ({
          kind: document.kind,
          expiresAt: document.expiresAt?.toISOString() ?? null,
        })),
        rating: supplier.rating
          ? {
              score: supplier.rating.score,
              standing: supplier.rating.standing,
              blocksAwards: supplier.rating.blocksAwards,
            }
          : null,
      }),
    ],
  };
}

/**
 * Creates or replaces an agreement; event `agreement.saved`.
 *
 * @example
 * await saveAgreement(tx, saveAgreementSchema.parse(input), ctx);
 */
export async function saveAgreement(
  tx: ProcurementTx,
  input: z.output<typeof saveAgreementSchema>,
  ctx: ProcurementCommandContext,
): Promise<AgreementOutcome> {
  const agreement = await tx.procurement.putAgreement(input.agreement, ctx.now);
  return {
    agreement,
    events: [
      procurementEvent(ctx, 'agreement.saved', agreement.agreementId, {
        agreementId: agreement.agreementId,
        supplierId: agreement.supplierId,
        sku: agreement.sku,
        currency: agreement.currency,
        pricing: agreement.pricing,
        tiers: agreement.tiers.map((tier) => ({ minQuantity: tier.minQuantity, unitPrice: tier.unitPrice })),
        moq: agreement.moq,
        packSize: agreement.packSize,
        validFrom: agreement.validFrom.toISOString(),
        validTo: agreement.validTo?.toISOString() ?? null,
      }),
    ],
  };
}
