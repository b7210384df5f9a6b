export {
  SUPPLIER_DEFECT_REASONS,
  type SupplierDefectRecord,
  summarizeSupplierDefects,
  supplierDefectRecords,
} from './supplier-defects.js';
