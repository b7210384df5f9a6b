export { type FlowCertificateCheck, type FlowViolation, verifyMinCostFlow } from './certificate.js';
export { exactFlowCost, type MinCostFlowResult, minCostFlow } from './min-cost-flow.js';
export {
  MAX_NODES,
  type MinCostFlowInput,
  maxCostFor,
  minCostFlowInputSchema,
  type NumericArray,
  numericArraySchema,
} from './schemas.js';
