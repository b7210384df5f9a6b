export * from './policy/index.js';
export * from './flow/index.js';
export * from './rebalance/index.js';
export * from './health/index.js';
export * from './stock/index.js';
export * from './store.js';
