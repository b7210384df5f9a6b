import { ValidationError } from '@s2b2b/core';
import type { VrpProblem } from '../schemas.js';

/**
 * What {@link parseCvrplib} reads from a CVRPLIB / TSPLIB `.vrp` file.
 *
 * @example
 * const { name, fleet, problem }: CvrplibInstance = parseCvrplib(text); // 'A-n32-k5', 5, ...
 */
export interface CvrplibInstance {
  name: string;
  comment: string;
  /** Vehicles, from the `-kN` in the name or a `VEHICLES` line; undefined when neither is given. */
  fleet: number | undefined;
  /** The problem: customers numbered 1..n as in CVRPLIB `.sol` files (node i + 1 is customer i). */
  problem: VrpProblem & { customers: { id: number; x: number; y: number; demand: number }[] };
}

/**
 * Options of {@link parseCvrplib}.
 *
 * @example
 * const options: CvrplibOptions = { distance: 'euclidean', fleet: null }; // CMT, fleet uncapped
 */
export interface CvrplibOptions {
  /**
   * Distance convention. Default `euclidean-rounded` (TSPLIB nint, what A/B/P/E/X optima use);
   * pass `euclidean` for CMT, whose best-known costs are unrounded.
   */
  distance?: 'euclidean' | 'euclidean-rounded' | 'euclidean-truncated';
  /** Cap the fleet at this many vehicles (default: the file's `fleet`, else unlimited). */
  fleet?: number | null;
}

/**
 * Parses a CVRPLIB instance (`NODE_COORD_SECTION`, `DEMAND_SECTION`, `DEPOT_SECTION`, with the
 * optional `DISTANCE` route-length limit and `SERVICE_TIME` of the CMT files) into a problem for
 * `solveVrp`. `DISTANCE` becomes the vehicles' `maxDuration`, since it bounds travel plus service
 * time (travel time equals distance).
 *
 * @example
 * const { problem, fleet } = parseCvrplib(readFileSync('A-n32-k5.vrp', 'utf8'));
 * solveVrp({ ...problem, timeLimitMs: 1000 }); // at most `fleet` (5) vehicles, rounded distances
 */
export function parseCvrplib(text: string, options: CvrplibOptions = {}): CvrplibInstance {
  if (typeof text !== 'string') throw ValidationError.field('text', 'Expected the text of a .vrp file');
  const lines = text.split(/\r?\n/);
  const header = new Map<string, string>();
  const coords = new Map<number, [number, number]>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '' || line === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1]!, kv[2]!.trim());
      section = '';
      continue;
    }
    if (/^[A-Z_]+SECTION$/.test(line)) {
      section = line;
      continue;
    }
    const parts = line.split(/\s+/).map(Number);
    if (parts.some((p) => Number.isNaN(p))) {
      throw ValidationError.field('text', `Cannot read line ${JSON.stringify(line)}`, 'invalid_format');
    }
    if (section === 'NODE_COORD_SECTION') coords.set(parts[0]!, [parts[1]!, parts[2]!]);
    else if (section === 'DEMAND_SECTION') demands.set(parts[0]!, parts[1]!);
    else if (section === 'DEPOT_SECTION') {
      if (parts[0]! >= 0) depots.push(parts[0]!);
    }
  }
  const dimension = Number(header.get('DIMENSION'));
  const capacity = Number(header.get('CAPACITY'));
  if (!Number.isInteger(dimension) || dimension < 1) {
    throw ValidationError.field('text', 'Missing or invalid DIMENSION', 'invalid_format');
  }
  if (!(capacity > 0)) throw ValidationError.field('text', 'Missing or invalid CAPACITY', 'invalid_format');
  const type = header.get('EDGE_WEIGHT_TYPE') ?? 'EUC_2D';
  if (type !== 'EUC_2D') {
    throw ValidationError.field(
      'text',
      `EDGE_WEIGHT_TYPE ${type} is not supported (only EUC_2D)`,
      'invalid_format',
    );
  }
  const depotNode = depots[0] ?? 1;
  const depotXY = coords.get(depotNode);
  if (!depotXY)
    throw ValidationError.field('text', `No coordinates for depot node ${depotNode}`, 'invalid_format');
  const name = header.get('NAME') ?? '';
  const k = /-k(\d+)/.exec(name);
  const fleetFromFile = header.has('VEHICLES')
    ? Number(header.get('VEHICLES'))
    : k
      ? Number(k[1])
      : undefined;
  const fleet = options.fleet === null ? undefined : (options.fleet ?? fleetFromFile);
  const service = header.has('SERVICE_TIME') ? Number(header.get('SERVICE_TIME')) : 0;
  const limit = header.has('DISTANCE') ? Number(header.get('DISTANCE')) : undefined;
  const customers: { id: number; x: number; y: number; demand: number; serviceTime?: number }[] = [];
  for (let node = 1; node <= dimension; node++) {
    if (node === depotNode) continue;
    const xy = coords.get(node);
    if (!xy) throw ValidationError.field('text', `No coordinates for node ${node}`, 'invalid_format');
    const c: { id: number; x: number; y: number; demand: number; serviceTime?: number } = {
      id: node - 1,
      x: xy[0],
      y: xy[1],
      demand: demands.get(node) ?? 0,
    };
    if (service > 0) c.serviceTime = service;
    customers.push(c);
  }
  const vehicles: { capacity: number; count?: number; maxDuration?: number } = { capacity };
  if (fleet !== undefined) vehicles.count = fleet;
  if (limit !== undefined) vehicles.maxDuration = limit;
  return {
    name,
    comment: header.get('COMMENT') ?? '',
    fleet: fleetFromFile,
    problem: {
      depot: { x: depotXY[0], y: depotXY[1] },
      customers,
      vehicles,
      distance: options.distance ?? 'euclidean-rounded',
    },
  };
}
