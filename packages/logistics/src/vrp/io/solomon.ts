import { ValidationError } from '@s2b2b/core';
import type { VrpProblem } from '../schemas.js';

/**
 * What {@link parseSolomon} reads from a Solomon VRPTW file.
 *
 * @example
 * const { name, problem }: SolomonInstance = parseSolomon(text); // 'C101', 100 customers, 25 vehicles of 200
 */
export interface SolomonInstance {
  name: string;
  problem: VrpProblem & {
    customers: {
      id: number;
      x: number;
      y: number;
      demand: number;
      timeWindow: [number, number];
      serviceTime: number;
    }[];
  };
}

/**
 * Parses a Solomon (1987) VRPTW instance — the `VEHICLE` block (number, capacity) and the
 * `CUSTOMER` table (no., x, y, demand, ready, due, service) — into a problem for `solveVrp`: the
 * depot (customer 0) with its horizon as opening hours, customers with their original numbers as
 * ids, real Euclidean distances and travel time equal to distance.
 *
 * @example
 * const { problem } = parseSolomon(readFileSync('C101.txt', 'utf8'));
 * solveVrp({ ...problem, objective: 'vehicles-then-distance', timeLimitMs: 10_000 });
 */
export function parseSolomon(text: string): SolomonInstance {
  if (typeof text !== 'string') throw ValidationError.field('text', 'Expected the text of a Solomon file');
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l !== '') ?? '';
  let vehicles: number | undefined;
  let capacity: number | undefined;
  const rows: number[][] = [];
  let inVehicle = false;
  let inCustomer = false;
  for (const line of lines) {
    if (line === '') continue;
    if (/^VEHICLE/i.test(line)) {
      inVehicle = true;
      inCustomer = false;
      continue;
    }
    if (/^CUSTOMER/i.test(line)) {
      inCustomer = true;
      inVehicle = false;
      continue;
    }
    const nums = line.split(/\s+/).map(Number);
    if (nums.some((x) => Number.isNaN(x))) continue; // column headings
    if (inVehicle && nums.length >= 2 && vehicles === undefined) {
      vehicles = nums[0]!;
      capacity = nums[1]!;
    } else if (inCustomer && nums.length >= 7) rows.push(nums);
  }
  if (vehicles === undefined || capacity === undefined) {
    throw ValidationError.field('text', 'Missing VEHICLE number and capacity', 'invalid_format');
  }
  const depotRow = rows.find((r) => r[0] === 0);
  if (!depotRow) throw ValidationError.field('text', 'Missing customer 0 (the depot)', 'invalid_format');
  return {
    name,
    problem: {
      depot: { x: depotRow[1]!, y: depotRow[2]!, timeWindow: [depotRow[4]!, depotRow[5]!] },
      customers: rows
        .filter((r) => r[0] !== 0)
        .map((r) => ({
          id: r[0]!,
          x: r[1]!,
          y: r[2]!,
          demand: r[3]!,
          timeWindow: [r[4]!, r[5]!] as [number, number],
          serviceTime: r[6]!,
        })),
      vehicles: { capacity, count: vehicles },
      distance: 'euclidean',
    },
  };
}
