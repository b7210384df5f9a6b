export { type Qualification, qualifyParsed, qualifySupplier } from './qualify.js';
export {
  type QualificationRequirementsInput,
  type QualifySupplierInput,
  qualificationRequirementsSchema,
  qualifySupplierSchema,
  type Supplier,
  type SupplierDocument,
  type SupplierInput,
  type SupplierRating,
  supplierDocumentSchema,
  supplierRatingSchema,
  supplierSchema,
} from './schemas.js';
