export {
  aggregate,
  type BottomSeries,
  defineHierarchy,
  type Hierarchy,
  type HierarchyNode,
} from './define.js';
export {
  type MinTraceCovariance,
  type ReconcileOptions,
  reconcile,
  shrunkCovariance,
  type TopDownProportions,
} from './reconcile.js';
