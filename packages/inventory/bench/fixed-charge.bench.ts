/**
 * Lanes with a fixed cost per shipment make rebalancing a fixed-charge transportation problem
 * (NP-hard). `planRebalancing` solves it by branch and bound over min-cost-flow relaxations with a
 * node budget; this bench measures how often it proves the optimum and, when the budget runs out,
 * how far its plan is from HiGHS's MIP optimum (HiGHS with zero gap tolerance, 120 s limit), next
 * to the gap it certifies itself against its own lower bound (the min-cost-flow relaxations).
 * Instances: k donors and k receivers on a 1000 × 1000 km square, every donor–receiver lane,
 * unit cost round(distance / 10) + 1, fixed cost 100–1000 per shipment, surplus and shortage of
 * 20–120 units, shortage penalty 60 per unit; seeded. Run: `pnpm bench fixed-charge`.
 */
import { createRng } from '@s2b2b/core';
import { planRebalancing } from '../src/index.ts';
import { highs } from '../test/highs.ts';
import { type RebalancingCase, solveRebalancingWithHighs } from '../test/random-rebalance.ts';

function fixedChargeCase(k: number, seed: number): RebalancingCase {
  const rng = createRng(`fixed-charge/${k}/${seed}`);
  const points = Array.from({ length: 2 * k }, () => [rng.uniform(0, 1000), rng.uniform(0, 1000)] as const);
  const warehouses = points.map((_, i) =>
    i < k
      ? { id: `d${i}`, onHand: 100 + rng.int(20, 120), target: 100 }
      : { id: `r${i - k}`, onHand: 100 - rng.int(20, 100), target: 100 },
  );
  const lanes: RebalancingCase['lanes'] = [];
  for (let i = 0; i < k; i++) {
    for (let j = k; j < 2 * k; j++) {
      const [x1, y1] = points[i]!;
      const [x2, y2] = points[j]!;
      lanes.push({
        from: `d${i}`,
        to: `r${j - k}`,
        unitCost: Math.round(Math.hypot(x1 - x2, y1 - y2) / 10) + 1,
        fixedCost: rng.int(100, 1000),
      });
    }
  }
  return { warehouses, lanes, shortagePenalty: 60 };
}

const h = await highs();
console.log(
  '| donors × receivers | instances | proven optimal | mean gap to HiGHS | max gap | own gap bound (mean) | branch nodes (mean) | planRebalancing ms (mean) | HiGHS MIP ms (mean) |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const k of [4, 8, 12, 16, 20, 25]) {
  const seeds = [1, 2, 3, 4, 5];
  let proven = 0;
  let gapSum = 0;
  let gapMax = 0;
  let nodes = 0;
  let bound = 0;
  let ours = 0;
  let theirs = 0;
  for (const seed of seeds) {
    const c = fixedChargeCase(k, seed);
    let t = performance.now();
    const plan = planRebalancing(c);
    ours += performance.now() - t;
    t = performance.now();
    const ref = solveRebalancingWithHighs(h, c, { time_limit: 120 });
    theirs += performance.now() - t;
    if (plan.optimality.status === 'optimal') proven++;
    nodes += plan.optimality.branchNodes;
    bound += plan.optimality.gap;
    const gap = (Number(plan.cost.total.amount()) - ref.objective) / ref.objective;
    gapSum += gap;
    gapMax = Math.max(gapMax, gap);
  }
  const n = seeds.length;
  console.log(
    `| ${k} × ${k} | ${n} | ${proven} | ${(100 * (gapSum / n)).toFixed(2)} % | ${(100 * gapMax).toFixed(2)} % | ${(100 * (bound / n)).toFixed(1)} % | ${Math.round(nodes / n).toLocaleString('en-US')} | ${(ours / n).toFixed(0)} | ${(theirs / n).toFixed(0)} |`,
  );
}
