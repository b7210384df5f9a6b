import { Immer } from 'immer';

/**
 * The package's own immer instance. Its results are not deep-frozen (freezing every Date and
 * nested array of an SLA clock on every step cost 4× the step itself); the reducers never
 * mutate what they return, and a private instance leaves the host's immer settings alone.
 */
const immer = new Immer({ autoFreeze: false });

/**
 * immer's `produce` on the package's instance.
 *
 * @example
 * const next = produce(clock, (draft) => { draft.cycles.push(cycle); });
 */
export const produce: Immer['produce'] = immer.produce;
