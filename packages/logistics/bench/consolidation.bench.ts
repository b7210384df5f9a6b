/**
 * Consolidation quality and speed. Three measurements, all seeded:
 *
 * 1. **Perfect packings** (the optimum is known): k vehicles' capacity split into 3–5 orders per
 *    vehicle — in weight only (one dimension, like Falkenauer's triplets), or in weight and volume
 *    at once (two dimensions, every vehicle full in both) — shuffled. OPT = k. Reports first-fit
 *    decreasing alone, then with the local search, then with vehicle elimination, against OPT.
 * 2. **Small groups against the exact optimum**: 8–12 orders, three vehicle types with
 *    different costs, stand-alone costs; the heuristic (`exactUpTo: 0`) against the subset
 *    dynamic programme (`exactUpTo: 12`): how often it is optimal, and its cost gap.
 * 3. **Speed** of `consolidate` on 200, 1,000 and 5,000 orders over 10 areas × 2 days.
 *
 * Run: `pnpm bench consolidation`.
 */
import { createRng, type Rng } from '@s2b2b/core';
import type { PackItem, PackVehicle } from '../src/consolidation/bins.ts';
import { firstFitDecreasing } from '../src/consolidation/first-fit-decreasing.ts';
import { improvePlan } from '../src/consolidation/local-search.ts';
import { reduceVehicles } from '../src/consolidation/reduce-vehicles.ts';
import { type ConsolidationOrder, consolidate } from '../src/index.ts';

const W = 10_000; // capacity units (grams in the model)
const V = 10_000;

/** Splits `total` into `parts` positive integers at random cut points. */
function split(rng: Rng, total: number, parts: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < parts - 1) cuts.add(rng.int(1, total - 1));
  const points = [0, ...[...cuts].sort((a, b) => a - b), total];
  return points.slice(1).map((p, i) => p - points[i]!);
}

function perfect(rng: Rng, k: number, twoDimensions: boolean): PackItem[] {
  const items: PackItem[] = [];
  for (let bin = 0; bin < k; bin += 1) {
    const n = rng.int(3, 5);
    const weights = split(rng, W, n);
    const volumes = twoDimensions ? rng.shuffle(split(rng, V, n)) : Array(n).fill(0);
    weights.forEach((weight, i) => {
      items.push({ weight, volume: volumes[i]!, alone: 1e9 });
    });
  }
  return rng.shuffle(items);
}

function perfectRow(label: string, k: number, twoDimensions: boolean) {
  const seeds = 10;
  let ffdSum = 0;
  let lsOnlySum = 0;
  let lsSum = 0;
  let ffdOpt = 0;
  let lsOpt = 0;
  let worst = 0;
  let ms = 0;
  const vehicles: PackVehicle[] = [{ weight: W, volume: V, cost: 100 }];
  for (let seed = 1; seed <= seeds; seed += 1) {
    const items = perfect(createRng(`perfect/${label}/${k}/${seed}`), k, twoDimensions);
    const indices = items.map((_, i) => i);
    const t = performance.now();
    const ffd = firstFitDecreasing(indices, items, vehicles, 0);
    const searched = improvePlan(ffd, items, vehicles);
    const improved = improvePlan(reduceVehicles(searched, items, vehicles), items, vehicles);
    ms += performance.now() - t;
    lsOnlySum += searched.loads.length;
    ffdSum += ffd.loads.length;
    lsSum += improved.loads.length;
    if (ffd.loads.length === k) ffdOpt += 1;
    if (improved.loads.length === k) lsOpt += 1;
    worst = Math.max(worst, improved.loads.length - k);
  }
  const pct = (x: number) => `${((100 * (x / seeds - k)) / k).toFixed(2)}%`;
  console.log(
    `| ${label} | ${k} | ${(ffdSum / seeds).toFixed(1)} (${pct(ffdSum)}) | ${ffdOpt}/${seeds} | ${(lsOnlySum / seeds).toFixed(1)} (${pct(lsOnlySum)}) | ${(lsSum / seeds).toFixed(1)} (${pct(lsSum)}) | ${lsOpt}/${seeds} | +${worst} | ${(ms / seeds).toFixed(1)} |`,
  );
}

console.log('### Perfect packings (OPT known): vehicles used, mean over 10 seeds\n');
console.log(
  '| dimensions | OPT | FFD (over OPT) | FFD at OPT | + local search | + vehicle elimination | at OPT | worst | ms (mean) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const k of [10, 25, 50, 100]) perfectRow('weight', k, false);
for (const k of [10, 25, 50, 100]) perfectRow('weight + volume', k, true);

function smallGroup(
  rng: Rng,
  n: number,
): { orders: ConsolidationOrder[]; vehicles: Parameters<typeof consolidate>[0]['vehicles'] } {
  const vehicles = [
    { id: 'van', capacityKg: 800, capacityM3: 5, tripCost: '300' },
    { id: '4.2m', capacityKg: 1800, capacityM3: 12, tripCost: '520' },
    { id: '7.6m', capacityKg: 5000, capacityM3: 30, tripCost: '980' },
  ];
  const orders = Array.from({ length: n }, (_, i) => {
    const weightKg = rng.int(40, 1400);
    return {
      id: `o${i}`,
      merchantId: `m${i % 4}`,
      area: 'A',
      shipDate: '2026-03-02',
      weightKg,
      volumeM3: Math.round(weightKg * rng.uniform(3, 9)) / 1000,
      aloneCost: (Math.round(weightKg * rng.uniform(0.9, 1.6) * 100) / 100).toFixed(2),
    };
  });
  return { orders, vehicles };
}

console.log('\n### Small groups: the heuristic against the exact optimum (50 groups per size)\n');
console.log('| orders | optimal | mean gap | max gap | heuristic ms (mean) | exact ms (mean) |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const n of [8, 10, 12]) {
  const runs = 50;
  let optimal = 0;
  let gapSum = 0;
  let gapMax = 0;
  let heuristicMs = 0;
  let exactMs = 0;
  for (let seed = 1; seed <= runs; seed += 1) {
    const problem = smallGroup(createRng(`small/${n}/${seed}`), n);
    let t = performance.now();
    const heuristic = consolidate({ ...problem, exactUpTo: 0 });
    heuristicMs += performance.now() - t;
    t = performance.now();
    const exact = consolidate({ ...problem, exactUpTo: 12 });
    exactMs += performance.now() - t;
    const h = Number(heuristic.totals.cost.toMinorUnits());
    const e = Number(exact.totals.cost.toMinorUnits());
    if (h === e) optimal += 1;
    const gap = (100 * (h - e)) / e;
    gapSum += gap;
    gapMax = Math.max(gapMax, gap);
  }
  console.log(
    `| ${n} | ${optimal}/${runs} | ${(gapSum / runs).toFixed(2)}% | ${gapMax.toFixed(2)}% | ${(heuristicMs / runs).toFixed(2)} | ${(exactMs / runs).toFixed(1)} |`,
  );
}

console.log('\n### Speed: consolidate over 10 areas × 2 ship dates (default exactUpTo 10)\n');
console.log('| orders | groups solved exactly | vehicles | vehicle lower bound | ms (median of 5) |');
console.log('|---:|---:|---:|---:|---:|');
for (const n of [200, 1000, 5000]) {
  const rng = createRng(`speed/${n}`);
  const orders = Array.from({ length: n }, (_, i) => {
    const weightKg = rng.int(20, 900);
    return {
      id: `o${i}`,
      merchantId: `m${rng.int(1, 60)}`,
      area: `A${rng.int(1, 10)}`,
      shipDate: rng.next() < 0.5 ? '2026-03-02' : '2026-03-03',
      weightKg,
      volumeM3: Math.round(weightKg * rng.uniform(3, 9)) / 1000,
      aloneCost: (Math.round(weightKg * rng.uniform(0.9, 1.6) * 100) / 100).toFixed(2),
    };
  });
  const vehicles = smallGroup(rng, 1).vehicles;
  const times: number[] = [];
  let result: ReturnType<typeof consolidate> | undefined;
  for (let r = 0; r < 5; r += 1) {
    const t = performance.now();
    result = consolidate({ orders, vehicles });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const exactGroups = result!.groups.filter((g) => g.method === 'exact').length;
  const bound = result!.groups.reduce((s, g) => s + g.vehiclesLowerBound, 0);
  console.log(
    `| ${n} | ${exactGroups}/${result!.groups.length} | ${result!.totals.vehicles} | ${bound} | ${times[2]!.toFixed(0)} |`,
  );
}
