export { groupEqual, type Rationing, rationingSchema, rationUnits } from './ration.js';
export { type RoundedBlock, roundInBlocks, type ShareBlock } from './round-in-blocks.js';
export { shareCost } from './share-cost.js';
export { type StandaloneLine, standaloneCost } from './standalone.js';
