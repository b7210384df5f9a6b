import { parseInput } from '@s2b2b/core';
import { compileInstance, type Instance } from '../src/vrp/instance.js';
import { parseCvrplib } from '../src/vrp/io/cvrplib.js';
import { parseSolomon } from '../src/vrp/io/solomon.js';
import { type VrpProblem, vrpProblemSchema } from '../src/vrp/schemas.js';
import { readBenchData } from './bench-data.js';

/** A compiled internal instance from a problem (for tests of the search internals). */
export function compiled(problem: VrpProblem): Instance {
  return compileInstance(parseInput(vrpProblemSchema, problem)).instance;
}

/** A shipped Solomon instance, compiled. */
export function solomonInstance(name: string): Instance {
  return compiled(parseSolomon(readBenchData(`vrptw/solomon/${name}.txt`)).problem);
}

/** A shipped CVRPLIB instance, compiled (rounded distances, fleet k). */
export function cvrplibInstance(set: string, name: string): Instance {
  return compiled(parseCvrplib(readBenchData(`cvrp/${set}/${name}.vrp`)).problem);
}
