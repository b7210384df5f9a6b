import { ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { readBenchData } from '../../../test/bench-data.js';
import { parseCvrplib } from './cvrplib.js';
import { parseSolomon } from './solomon.js';
import { parseSolutionFile } from './solution-file.js';

describe('parseCvrplib', () => {
  it('reads A-n32-k5: 31 customers, capacity 100, fleet 5, the depot at node 1', () => {
    const { name, comment, fleet, problem } = parseCvrplib(readBenchData('cvrp/A/A-n32-k5.vrp'));
    expect(name).toBe('A-n32-k5');
    expect(comment).toContain('784');
    expect(fleet).toBe(5);
    expect(problem.depot).toEqual({ x: 82, y: 76 });
    expect(problem.customers).toHaveLength(31);
    expect(problem.customers[0]).toEqual({ id: 1, x: 96, y: 44, demand: 19 });
    expect(problem.vehicles).toEqual({ capacity: 100, count: 5 });
    expect(problem.distance).toBe('euclidean-rounded');
  });

  it('reads CMT6 route limits and service times, with unrounded distances on request', () => {
    const { fleet, problem } = parseCvrplib(readBenchData('cvrp/CMT/CMT6.vrp'), { distance: 'euclidean' });
    expect(fleet).toBeUndefined();
    expect(problem.vehicles).toEqual({ capacity: 160, maxDuration: 200 });
    expect(problem.customers[0]!.serviceTime).toBe(10);
    expect(problem.distance).toBe('euclidean');
    expect(parseCvrplib(readBenchData('cvrp/A/A-n32-k5.vrp'), { fleet: null }).problem.vehicles).toEqual({
      capacity: 100,
    });
  });

  it('rejects what it cannot read', () => {
    expect(() => parseCvrplib('NAME : x\nDIMENSION : 2\n')).toThrow(ValidationError);
    expect(() => parseCvrplib('DIMENSION : 2\nCAPACITY : 5\nEDGE_WEIGHT_TYPE : GEO\n')).toThrow(/GEO/);
    expect(() => parseCvrplib('DIMENSION : 2\nCAPACITY : 5\nNODE_COORD_SECTION\n1 a b\n')).toThrow(
      ValidationError,
    );
  });
});

describe('parseSolomon', () => {
  it('reads C101: 25 vehicles of 200, the depot horizon, windows and service times', () => {
    const { name, problem } = parseSolomon(readBenchData('vrptw/solomon/C101.txt'));
    expect(name).toBe('C101');
    expect(problem.vehicles).toEqual({ capacity: 200, count: 25 });
    expect(problem.depot).toEqual({ x: 40, y: 50, timeWindow: [0, 1236] });
    expect(problem.customers).toHaveLength(100);
    expect(problem.customers[0]).toEqual({
      id: 1,
      x: 45,
      y: 68,
      demand: 10,
      timeWindow: [912, 967],
      serviceTime: 90,
    });
  });

  it('rejects a file without its vehicle block', () => {
    expect(() => parseSolomon('X\nCUSTOMER\n0 1 1 0 0 10 0\n')).toThrow(ValidationError);
  });
});

describe('parseSolutionFile', () => {
  it('reads routes and the stated cost', () => {
    expect(parseSolutionFile(readBenchData('cvrp/A/A-n32-k5.sol'))).toEqual({
      routes: [
        [21, 31, 19, 17, 13, 7, 26],
        [12, 1, 16, 30],
        [27, 24],
        [29, 18, 8, 9, 22, 15, 10, 25, 5, 20],
        [14, 28, 11, 4, 23, 3, 2, 6],
      ],
      cost: 784,
    });
    expect(() => parseSolutionFile('Route #1: 1 x')).toThrow(ValidationError);
  });
});
