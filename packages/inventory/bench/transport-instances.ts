/**
 * Seeded transportation instances for the min-cost-flow benchmark: `donors` surplus warehouses
 * and `receivers` short ones scattered on a 1000 × 1000 km square; lane cost round(distance) + 10
 * per unit, uncapacitated. Surplus exceeds shortage, so a dummy sink takes what stays (arcs of
 * cost 0 from every donor). `nearest: k` keeps only each receiver's k nearest donors and adds a
 * procurement source that can cover any shortage at a penalty (5,000 per unit) — so every
 * instance is feasible.
 */
import { createRng } from '@s2b2b/core';

export interface TransportInstance {
  name: string;
  donors: number;
  receivers: number;
  problem: { nodes: number; supply: Float64Array; from: Int32Array; to: Int32Array; cost: Float64Array };
}

export function transportInstance(
  donors: number,
  receivers: number,
  seed: number,
  nearest?: number,
): TransportInstance {
  const rng = createRng(seed);
  const dx = Array.from({ length: donors }, () => rng.uniform(0, 1000));
  const dy = Array.from({ length: donors }, () => rng.uniform(0, 1000));
  const rx = Array.from({ length: receivers }, () => rng.uniform(0, 1000));
  const ry = Array.from({ length: receivers }, () => rng.uniform(0, 1000));
  const surplus = Array.from({ length: donors }, () => rng.int(10, 200));
  const shortage = Array.from({ length: receivers }, () => rng.int(5, 150));
  const penalty = nearest !== undefined;
  const sink = donors + receivers;
  const procurement = sink + 1;
  const nodes = donors + receivers + 1 + (penalty ? 1 : 0);
  const from: number[] = [];
  const to: number[] = [];
  const cost: number[] = [];
  const lane = (i: number, j: number) =>
    Math.round(Math.hypot((dx[i] as number) - (rx[j] as number), (dy[i] as number) - (ry[j] as number))) + 10;
  if (nearest === undefined) {
    for (let i = 0; i < donors; i++) {
      for (let j = 0; j < receivers; j++) {
        from.push(i);
        to.push(donors + j);
        cost.push(lane(i, j));
      }
    }
  } else {
    for (let j = 0; j < receivers; j++) {
      const byDistance = Array.from({ length: donors }, (_, i) => i).sort(
        (a, b) => lane(a, j) - lane(b, j) || a - b,
      );
      for (const i of byDistance.slice(0, nearest)) {
        from.push(i);
        to.push(donors + j);
        cost.push(lane(i, j));
      }
      from.push(procurement);
      to.push(donors + j);
      cost.push(5000);
    }
    from.push(procurement);
    to.push(sink);
    cost.push(0);
  }
  for (let i = 0; i < donors; i++) {
    from.push(i);
    to.push(sink);
    cost.push(0);
  }
  const supply = new Float64Array(nodes);
  let totalSurplus = 0;
  let totalShortage = 0;
  for (let i = 0; i < donors; i++) {
    supply[i] = surplus[i] as number;
    totalSurplus += surplus[i] as number;
  }
  for (let j = 0; j < receivers; j++) {
    supply[donors + j] = -(shortage[j] as number);
    totalShortage += shortage[j] as number;
  }
  if (penalty) supply[procurement] = totalShortage;
  supply[sink] = -(totalSurplus + (penalty ? totalShortage : 0) - totalShortage);
  return {
    name:
      nearest === undefined
        ? `${donors}x${receivers} dense`
        : `${donors}x${receivers} sparse (${nearest} nearest)`,
    donors,
    receivers,
    problem: {
      nodes,
      supply,
      from: Int32Array.from(from),
      to: Int32Array.from(to),
      cost: Float64Array.from(cost),
    },
  };
}
