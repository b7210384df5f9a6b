export * from './stock/index.js';
export * from './store.js';
