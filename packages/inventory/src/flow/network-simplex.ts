/**
 * Primal network simplex for minimum-cost flow on checked integer data (the algorithm of Dantzig,
 * in the form of Ahuja, Magnanti & Orlin ch. 11 and of LEMON's `NetworkSimplex`):
 *
 * - an artificial root joined to every node by an artificial arc gives the first basis (supply
 *   nodes send to the root at cost 0, the root feeds demand nodes at a big-M cost larger than
 *   any simple path, so a feasible problem ends with no artificial flow);
 * - a strongly feasible spanning tree and the "last blocking arc" leaving rule rule out cycling;
 * - block-search pricing (blocks of √m arcs, the most negative reduced cost of a block enters)
 *   over arcs stored in a mixed order, after heuristic first pivots that bring in the cheapest
 *   arc into each demand node;
 * - the tree is kept as parent, preorder thread (both ways), subtree size and last successor per
 *   node; a pivot re-hangs the subtree cut off by the leaving arc by relinking O(path length)
 *   preorder segments and walking the subtree once to shift its potentials.
 *
 * Every cost, flow and potential is an integer held exactly in a double (the entry point checks
 * the magnitudes), so comparisons are exact and there are no tolerances. Each phase is its own
 * method so the engine optimises every hot loop on its own.
 */

/** The outcome of the simplex. Internal. */
export interface SimplexOutcome {
  status: 'optimal' | 'infeasible' | 'unbounded';
  /** Flow per arc, in the caller's arc order. */
  flow: Float64Array;
  /** Node potentials π with reduced cost c + π(from) − π(to). */
  potential: Float64Array;
  /** Pivots performed. */
  pivots: number;
}

const LOWER = 1;
const UPPER = -1;
const FIXED = 0; // in the tree, or an arc that can never enter (capacity 0, self-loop)

/** The solver state: arcs in internal order, the spanning tree, potentials. Exported for white-box tests. */
export class Simplex {
  readonly n: number;
  readonly m: number;
  readonly arcCount: number;
  readonly root: number;
  // arcs (internal order; the artificial arcs are m..m+n−1)
  readonly src: Int32Array;
  readonly tgt: Int32Array;
  readonly cost: Float64Array;
  readonly cap: Float64Array;
  readonly flow: Float64Array;
  readonly state: Int8Array;
  readonly inputOf: Int32Array;
  // tree
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly up: Int8Array;
  readonly thread: Int32Array;
  readonly revThread: Int32Array;
  /** Subtree sizes. */
  readonly succNum: Int32Array;
  /** Last node of each subtree in preorder. */
  readonly lastSucc: Int32Array;
  readonly pi: Float64Array;
  // scratch for re-hanging (one slot per path node)
  readonly path: Int32Array;
  readonly segmentEnd: Int32Array;
  readonly segmentStart: Int32Array;
  readonly lastOf: Int32Array;
  pivots = 0;
  next = 0;
  block: number;

  constructor(n: number, m: number) {
    this.n = n;
    this.m = m;
    this.arcCount = m + n;
    this.root = n;
    const total = m + n;
    this.src = new Int32Array(total);
    this.tgt = new Int32Array(total);
    this.cost = new Float64Array(total);
    this.cap = new Float64Array(total);
    this.flow = new Float64Array(total);
    this.state = new Int8Array(total);
    this.inputOf = new Int32Array(m);
    this.parent = new Int32Array(n + 1);
    this.pred = new Int32Array(n + 1);
    this.up = new Int8Array(n + 1);
    this.thread = new Int32Array(n + 1);
    this.revThread = new Int32Array(n + 1);
    this.succNum = new Int32Array(n + 1);
    this.lastSucc = new Int32Array(n + 1);
    this.pi = new Float64Array(n + 1);
    this.path = new Int32Array(n + 1);
    this.segmentEnd = new Int32Array(n + 1);
    this.segmentStart = new Int32Array(n + 1);
    this.lastOf = new Int32Array(n + 1);
    this.block = Math.max(10, Math.ceil(Math.sqrt(total)));
  }

  /**
   * Copies the arcs in a mixed order: internal arcs 0, 1, 2, … are input arcs 0, s, 2s, …, then
   * 1, 1 + s, …, with s = max(3, m/n) (about one node's arc list), so a pricing block sees arcs
   * of many different tails instead of one node's whole list. Returns the largest |cost|.
   */
  loadArcs(
    from: ArrayLike<number>,
    to: ArrayLike<number>,
    cost: ArrayLike<number>,
    capacity: ArrayLike<number> | undefined,
  ): number {
    const { m, src, tgt, cap, state, inputOf } = this;
    const cst = this.cost;
    const skip = Math.max(3, Math.floor(m / Math.max(1, this.n)));
    let maxAbs = 0;
    let slot = 0;
    for (let lane = 0; lane < skip; lane++) {
      for (let e = lane; e < m; e += skip) {
        inputOf[slot] = e;
        const u = from[e] as number;
        const v = to[e] as number;
        src[slot] = u;
        tgt[slot] = v;
        const k = capacity === undefined ? Number.POSITIVE_INFINITY : (capacity[e] as number);
        cap[slot] = k;
        state[slot] = k > 0 && u !== v ? LOWER : FIXED;
        const w = cost[e] as number;
        cst[slot] = w;
        if (w > maxAbs) maxAbs = w;
        else if (-w > maxAbs) maxAbs = -w;
        slot++;
      }
    }
    return maxAbs;
  }

  /** The artificial basis: every node hangs from the root by an artificial arc. */
  initTree(supply: ArrayLike<number>, big: number): void {
    const {
      n,
      m,
      root,
      src,
      tgt,
      cap,
      flow,
      state,
      parent,
      pred,
      up,
      thread,
      revThread,
      succNum,
      lastSucc,
      pi,
    } = this;
    const cst = this.cost;
    parent[root] = -1;
    pred[root] = -1;
    thread[root] = n > 0 ? 0 : root;
    revThread[root] = n > 0 ? n - 1 : root;
    succNum[root] = n + 1;
    lastSucc[root] = n > 0 ? n - 1 : root;
    for (let u = 0; u < n; u++) {
      const e = m + u;
      parent[u] = root;
      pred[u] = e;
      succNum[u] = 1;
      lastSucc[u] = u;
      thread[u] = u + 1 < n ? u + 1 : root;
      revThread[u] = u === 0 ? root : u - 1;
      cap[e] = Number.POSITIVE_INFINITY;
      state[e] = FIXED;
      const s = supply[u] as number;
      if (s >= 0) {
        src[e] = u;
        tgt[e] = root;
        flow[e] = s;
        cst[e] = 0;
        up[u] = 1;
        pi[u] = 0;
      } else {
        src[e] = root;
        tgt[e] = u;
        flow[e] = -s;
        cst[e] = big;
        up[u] = -1;
        pi[u] = big;
      }
    }
  }

  /** The cheapest arc (that can carry flow) into each demand node, pivoted in first. */
  heuristicPivots(supply: ArrayLike<number>): boolean {
    const { n, m, src, tgt, state, pi } = this;
    const cst = this.cost;
    const cheapest = new Int32Array(n).fill(-1);
    for (let e = 0; e < m; e++) {
      if (state[e] !== LOWER) continue;
      const v = tgt[e] as number;
      if ((supply[v] as number) >= 0) continue;
      const best = cheapest[v] as number;
      if (best === -1 || (cst[e] as number) < (cst[best] as number)) cheapest[v] = e;
    }
    for (let v = 0; v < n; v++) {
      const e = cheapest[v] as number;
      if (e === -1) continue;
      const rc = (cst[e] as number) + (pi[src[e] as number] as number) - (pi[tgt[e] as number] as number);
      if ((state[e] as number) * rc >= 0) continue;
      if (!this.pivot(e)) return false;
    }
    return true;
  }

  /**
   * Block search: scans blocks of arcs from where the last search stopped and returns the arc of
   * most negative signed reduced cost in the first block that has one; −1 when none is left.
   */
  findEntering(): number {
    const { arcCount, src, tgt, state, pi, block } = this;
    const cst = this.cost;
    let best = -1;
    let bestValue = 0;
    let left = block;
    let e = this.next;
    for (let scanned = 0; scanned < arcCount; scanned++) {
      const c =
        (state[e] as number) *
        ((cst[e] as number) + (pi[src[e] as number] as number) - (pi[tgt[e] as number] as number));
      if (c < bestValue) {
        bestValue = c;
        best = e;
      }
      e++;
      if (e === arcCount) e = 0;
      if (--left === 0) {
        if (best !== -1) break;
        left = block;
      }
    }
    this.next = e;
    return best;
  }

  /** One pivot on entering arc `e`; false when the cycle has unbounded capacity. */
  pivot(e: number): boolean {
    const { src, tgt, cap, flow, state, parent, pred, up, succNum } = this;
    const st = state[e] as number;
    const first = st === LOWER ? (src[e] as number) : (tgt[e] as number);
    const second = st === LOWER ? (tgt[e] as number) : (src[e] as number);
    // Join: the lowest common ancestor of the two ends (the smaller subtree cannot hold the other).
    let a = first;
    let b = second;
    while (a !== b) {
      if ((succNum[a] as number) < (succNum[b] as number)) a = parent[a] as number;
      else b = parent[b] as number;
    }
    const join = a;
    // Leaving arc: the last blocking arc of the cycle oriented along the entering arc from
    // `first` to `second`, counted from the join (strict on the first side, non-strict on the
    // second), which keeps the tree strongly feasible.
    let delta = cap[e] as number;
    let out = -1;
    let side = 0;
    for (let x = first; x !== join; x = parent[x] as number) {
      const arc = pred[x] as number;
      const d = up[x] === 1 ? (flow[arc] as number) : (cap[arc] as number) - (flow[arc] as number);
      if (d < delta) {
        delta = d;
        out = x;
        side = 1;
      }
    }
    for (let x = second; x !== join; x = parent[x] as number) {
      const arc = pred[x] as number;
      const d = up[x] === 1 ? (cap[arc] as number) - (flow[arc] as number) : (flow[arc] as number);
      if (d <= delta) {
        delta = d;
        out = x;
        side = 2;
      }
    }
    if (delta === Number.POSITIVE_INFINITY) return false;
    this.pivots++;
    if (delta > 0) {
      const val = st * delta;
      flow[e] = (flow[e] as number) + val;
      for (let x = src[e] as number; x !== join; x = parent[x] as number) {
        const arc = pred[x] as number;
        flow[arc] = (flow[arc] as number) - (up[x] as number) * val;
      }
      for (let x = tgt[e] as number; x !== join; x = parent[x] as number) {
        const arc = pred[x] as number;
        flow[arc] = (flow[arc] as number) + (up[x] as number) * val;
      }
    }
    if (out === -1) {
      // The entering arc itself blocks: it moves to its other bound and the tree stays.
      state[e] = -st;
      return true;
    }
    const leaving = pred[out] as number;
    state[e] = FIXED;
    state[leaving] = flow[leaving] === 0 ? LOWER : UPPER;
    if (side === 1) this.rehang(e, first, second, out, join);
    else this.rehang(e, second, first, out, join);
    return true;
  }

  /**
   * Cuts the subtree S of `out` from its parent and hangs it from `vIn` through arc `e`,
   * re-rooted at `uIn`. With the path uIn = w0, w1, …, wk = out, the new preorder of S is w0's
   * old subtree, then for each wi the rest of its old subtree without w(i−1)'s — segments whose
   * ends the preorder thread and `lastSucc` give in O(1) each, so the structure changes in
   * O(k + the two ancestor chains up to `join`); only the potentials take a pass over S.
   */
  rehang(e: number, uIn: number, vIn: number, out: number, join: number): void {
    const {
      src,
      parent,
      pred,
      up,
      thread,
      revThread,
      succNum,
      lastSucc,
      pi,
      path,
      segmentEnd,
      segmentStart,
      lastOf,
    } = this;
    const cst = this.cost;
    const target =
      src[e] === uIn ? (pi[vIn] as number) - (cst[e] as number) : (pi[vIn] as number) + (cst[e] as number);
    const sigma = target - (pi[uIn] as number);
    const size = succNum[out] as number;
    const lastS = lastSucc[out] as number;
    const before = revThread[out] as number;
    const after = thread[lastS] as number;
    const oldParent = parent[out] as number;

    // The path, and the old segment boundaries along it.
    let k = 0;
    path[0] = uIn;
    lastOf[0] = lastSucc[uIn] as number;
    while (path[k] !== out) {
      const w = parent[path[k] as number] as number;
      k++;
      path[k] = w;
      const prev = path[k - 1] as number;
      lastOf[k] = lastSucc[w] as number;
      segmentEnd[k] = revThread[prev] as number;
      segmentStart[k] = lastOf[k - 1] === lastOf[k] ? -1 : (thread[lastOf[k - 1] as number] as number);
    }

    // New subtree sizes on the path (from the top: size(wi) − size(w(i−1)) + new size(w(i+1))).
    let acc = 0;
    for (let i = k; i >= 1; i--) {
      acc += (succNum[path[i] as number] as number) - (succNum[path[i - 1] as number] as number);
      succNum[path[i] as number] = acc;
    }
    succNum[uIn] = size;
    for (let x = oldParent; x !== join; x = parent[x] as number) succNum[x] = (succNum[x] as number) - size;
    for (let x = vIn; x !== join; x = parent[x] as number) succNum[x] = (succNum[x] as number) + size;

    // Unlink S, chain its segments in the new order, link it right after vIn.
    thread[before] = after;
    revThread[after] = before;
    let tail = lastOf[0] as number;
    for (let i = 1; i <= k; i++) {
      const w = path[i] as number;
      thread[tail] = w;
      revThread[w] = tail;
      tail = segmentEnd[i] as number;
      const start = segmentStart[i] as number;
      if (start !== -1) {
        thread[tail] = start;
        revThread[start] = tail;
        tail = lastOf[i] as number;
      }
    }
    const newLast = tail;
    const next = thread[vIn] as number;
    thread[vIn] = uIn;
    revThread[uIn] = vIn;
    thread[newLast] = next;
    revThread[next] = newLast;

    // Last nodes: every path node's subtree now ends where S ends; the old ancestors that ended
    // with S end before it; the ancestors of vIn that ended at vIn end with S.
    for (let i = 0; i <= k; i++) lastSucc[path[i] as number] = newLast;
    for (let x = oldParent; x !== -1 && lastSucc[x] === lastS; x = parent[x] as number) lastSucc[x] = before;
    for (let x = vIn; x !== -1 && lastSucc[x] === vIn; x = parent[x] as number) lastSucc[x] = newLast;

    // Reverse the path: each wi now hangs from w(i−1) by w(i−1)'s old tree arc.
    for (let i = k; i >= 1; i--) {
      const wi = path[i] as number;
      const prev = path[i - 1] as number;
      parent[wi] = prev;
      pred[wi] = pred[prev] as number;
      up[wi] = -(up[prev] as number);
    }
    parent[uIn] = vIn;
    pred[uIn] = e;
    up[uIn] = src[e] === uIn ? 1 : -1;

    // Potentials: the entering arc's reduced cost becomes 0 across all of S.
    let x = uIn;
    for (let c = 0; c < size; c++) {
      pi[x] = (pi[x] as number) + sigma;
      x = thread[x] as number;
    }
  }

  run(): 'optimal' | 'unbounded' {
    for (;;) {
      const e = this.findEntering();
      if (e === -1) return 'optimal';
      if (!this.pivot(e)) return 'unbounded';
    }
  }

  /** True when an artificial arc still carries flow (some supply could not be routed). */
  artificialFlow(): boolean {
    const { m, n, flow } = this;
    for (let u = 0; u < n; u++) if ((flow[m + u] as number) > 0) return true;
    return false;
  }

  outcome(status: SimplexOutcome['status']): SimplexOutcome {
    const { m, src, tgt, cap, flow, inputOf } = this;
    const cst = this.cost;
    const result = new Float64Array(m);
    let unboundedLoop = false;
    for (let e = 0; e < m; e++) {
      const f = flow[e] as number;
      if (f !== 0) result[inputOf[e] as number] = f;
      else if (src[e] === tgt[e] && (cst[e] as number) < 0) {
        // A self-loop never enters the tree; it carries its capacity exactly when it pays.
        result[inputOf[e] as number] = cap[e] as number;
        if (cap[e] === Number.POSITIVE_INFINITY) unboundedLoop = true;
      }
    }
    return {
      status: unboundedLoop ? 'unbounded' : status,
      flow: result,
      potential: this.pi.slice(0, this.n),
      pivots: this.pivots,
    };
  }
}

/**
 * Solves min Σ cost·flow subject to flow conservation (out − in = supply) and
 * 0 <= flow <= capacity, on data already checked by `minCostFlow`: integer supplies summing to 0,
 * node ids in range, integer costs with |cost| small enough for exact potentials, non-negative
 * integer or infinite capacities. Internal.
 *
 * @example
 * networkSimplex(2, [3, -3], [0], [1], [2], undefined).flow // Float64Array [3]
 */
export function networkSimplex(
  nodeCount: number,
  supply: ArrayLike<number>,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  cost: ArrayLike<number>,
  capacity: ArrayLike<number> | undefined,
): SimplexOutcome {
  const solver = new Simplex(nodeCount, from.length);
  const maxAbs = solver.loadArcs(from, to, cost, capacity);
  solver.initTree(supply, (maxAbs + 1) * (nodeCount + 1));
  if (!solver.heuristicPivots(supply)) return solver.outcome('unbounded');
  const status = solver.run();
  if (status === 'unbounded') return solver.outcome('unbounded');
  return solver.outcome(solver.artificialFlow() ? 'infeasible' : 'optimal');
}
