/**
 * Loader for the routing benchmark instances shipped in `bench/data/` (CVRPLIB A, B, P and CMT;
 * Solomon's 56 VRPTW instances with both best-known tables; see the READMEs there for origin and
 * conventions), turned into `solveVrp` problems under the distance convention of their BKS.
 */
import { readFileSync } from 'node:fs';
import { parseCvrplib, parseSolomon, type VrpProblem } from '../src/index.ts';

const root = new URL('./data/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** A benchmark set. */
export type VrpSet = 'A' | 'B' | 'P' | 'CMT' | 'Solomon';

/** Every set, in report order. */
export const VRP_SETS: readonly VrpSet[] = ['A', 'B', 'P', 'CMT', 'Solomon'];

/** One instance with its best-known solutions. */
export interface VrpInstance {
  name: string;
  set: VrpSet;
  /** Solomon class (C1, C2, R1, R2, RC1, RC2); the set name otherwise. */
  group: string;
  problem: VrpProblem;
  /** Best-known cost and routes for the set's main table (distance-only table for Solomon). */
  bks: number;
  bksVehicles: number;
  /** Solomon only: the hierarchical (vehicles first) best known. */
  hierarchical?: { cost: number; vehicles: number };
}

function csv(path: string): Map<string, { cost: number; vehicles: number }> {
  const [, ...rows] = read(path).trim().split(/\r?\n/);
  return new Map(
    rows.map((row) => {
      const [instance, , vehicles, cost] = row.split(',');
      return [instance!, { cost: Number(cost), vehicles: Number(vehicles) }];
    }),
  );
}

/**
 * Loads the instances of the given sets. A, B and P cap the fleet at the k of the name and use
 * rounded distances; CMT keeps its unlimited fleet and real distances (with its route-length
 * limits); Solomon uses real distances and the 25 vehicles of the files.
 *
 * @example
 * const a = loadVrpSet('A'); // 27 instances, A-n32-k5 first
 */
export function loadVrpSet(set: VrpSet): VrpInstance[] {
  if (set === 'Solomon') {
    const hier = csv('vrptw/bks.csv');
    const dist = csv('vrptw/bks_distance.csv');
    return [...dist.keys()].map((name) => {
      const { problem } = parseSolomon(read(`vrptw/solomon/${name}.txt`));
      const d = dist.get(name)!;
      return {
        name,
        set,
        group: solomonClass(name),
        problem,
        bks: d.cost,
        bksVehicles: d.vehicles,
        hierarchical: hier.get(name)!,
      };
    });
  }
  const bks = csv('cvrp/bks.csv');
  return [...bks.entries()]
    .filter(([name]) => (set === 'CMT' ? name.startsWith('CMT') : name.startsWith(`${set}-`)))
    .map(([name, b]) => {
      const parsed = parseCvrplib(read(`cvrp/${set}/${name}.vrp`), {
        distance: set === 'CMT' ? 'euclidean' : 'euclidean-rounded',
      });
      return { name, set, group: set, problem: parsed.problem, bks: b.cost, bksVehicles: b.vehicles };
    });
}

/** C101 → C1, RC208 → RC2. */
export function solomonClass(name: string): string {
  const m = /^([A-Z]+)(\d)/.exec(name);
  return m ? `${m[1]}${m[2]}` : name;
}
