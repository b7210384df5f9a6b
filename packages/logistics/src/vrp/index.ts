export {
  type ConventionCosts,
  type EvaluatedRoute,
  evaluateVrpSolution,
  type VrpEvaluation,
  type VrpViolation,
} from './evaluate.js';
export type { UnassignedReason } from './instance.js';
export { type CvrplibInstance, type CvrplibOptions, parseCvrplib } from './io/cvrplib.js';
export { parseSolomon, type SolomonInstance } from './io/solomon.js';
export { parseSolutionFile, type SolutionFile } from './io/solution-file.js';
export type { VrpResult, VrpRoute, VrpStop, VrpUnassigned } from './result.js';
export {
  type CustomerId,
  depotSchema,
  type ParsedVrpProblem,
  timeWindowSchema,
  type VehicleType,
  VRP_DISTANCES,
  VRP_MAX_CUSTOMERS,
  VRP_MAX_VEHICLE_TYPES,
  type VrpCustomer,
  type VrpProblem,
  type VrpSolutionInput,
  vehicleTypeSchema,
  vrpCustomerSchema,
  vrpProblemSchema,
  vrpSolutionSchema,
} from './schemas.js';
export { DEFAULT_VRP_ITERATIONS, solveVrp } from './solve-vrp.js';
export { concatSegments, type TimeSegment, visitSegment } from './time-warp.js';
