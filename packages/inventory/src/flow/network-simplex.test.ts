import { createRng } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { randomNetwork } from '../../test/random-flow.js';
import { networkSimplex, Simplex } from './network-simplex.js';

/** Checks the spanning-tree bookkeeping against a recomputation from the parent pointers. */
function checkTree(s: Simplex): void {
  const { n, root, parent, thread, revThread, succNum, lastSucc, pred, src, tgt, up, cost, pi } = s;
  const order: number[] = [];
  let x = root;
  for (let i = 0; i <= n; i++) {
    order.push(x);
    expect(revThread[thread[x] as number]).toBe(x);
    x = thread[x] as number;
  }
  expect(x).toBe(root); // one cycle through all n + 1 nodes
  expect(new Set(order).size).toBe(n + 1);
  const position = new Map(order.map((v, i) => [v, i]));
  const size = new Array<number>(n + 1).fill(0);
  for (const v of order) {
    for (let y = v; y !== -1; y = y === root ? -1 : (parent[y] as number)) size[y] = (size[y] as number) + 1;
  }
  for (const v of order) {
    expect(succNum[v]).toBe(size[v]);
    // A subtree is a contiguous block of the preorder, starting at its root.
    const last = order[(position.get(v) as number) + (size[v] as number) - 1];
    if (v !== root) {
      expect(lastSucc[v]).toBe(last);
      expect(position.get(parent[v] as number)).toBeLessThan(position.get(v) as number);
      // Tree arcs join a node to its parent in the recorded direction, at reduced cost 0.
      const e = pred[v] as number;
      const [a, b] = up[v] === 1 ? [v, parent[v] as number] : [parent[v] as number, v];
      expect([src[e], tgt[e]]).toEqual([a, b]);
      expect((cost[e] as number) + (pi[src[e] as number] as number) - (pi[tgt[e] as number] as number)).toBe(
        0,
      );
    }
  }
}

describe('network simplex internals', () => {
  it('keeps thread, subtree sizes, last successors and tree potentials consistent after every pivot', () => {
    const rng = createRng('simplex/tree');
    let pivots = 0;
    for (let t = 0; t < 150; t++) {
      const p = randomNetwork(rng, 20);
      const solver = new Simplex(p.nodes, p.from.length);
      const originalRehang = solver.rehang.bind(solver);
      solver.rehang = (...args: Parameters<Simplex['rehang']>) => {
        originalRehang(...args);
        checkTree(solver);
        pivots++;
      };
      const max = solver.loadArcs(p.from, p.to, p.cost, p.capacity);
      solver.initTree(p.supply, (max + 1) * (p.nodes + 1));
      checkTree(solver);
      solver.heuristicPivots(p.supply);
      solver.run();
    }
    expect(pivots).toBeGreaterThan(500);
  });

  it('stores arcs in mixed order and returns flows in input order', () => {
    // 30 arcs from node 0 to node 1 with costs 30, 29, …, 1 and capacity 1: the cheapest ten carry the flow.
    const from = new Array(30).fill(0);
    const to = new Array(30).fill(1);
    const cost = from.map((_, e) => 30 - e);
    const r = networkSimplex(2, [10, -10], from, to, cost, new Array(30).fill(1));
    expect(r.status).toBe('optimal');
    expect(Array.from(r.flow)).toEqual(cost.map((c) => (c <= 10 ? 1 : 0)));
  });
});
