/**
 * Scores and tables for the routing benchmark: gap to the best-known cost, feasibility, routes,
 * time, aggregated per set or Solomon class, printed as markdown.
 */

/** One solver run on one instance. */
export interface VrpRun {
  instance: string;
  group: string;
  budgetMs: number;
  seed: number;
  /** Feasible under the independent evaluator, every customer served, fleet respected. */
  feasible: boolean;
  cost: number;
  vehicles: number;
  bks: number;
  bksVehicles: number;
  wallMs: number;
  /** CPU time the process got during the run (less than wall time on a busy machine). */
  cpuMs: number;
  iterations: number;
}

/** 100 · (cost − bks) / bks. */
export function gapPercent(cost: number, bks: number): number {
  return (100 * (cost - bks)) / bks;
}

const mean = (xs: number[]) => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
const median = (xs: number[]) => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (x: number, digits = 2) => (Number.isFinite(x) ? `${x.toFixed(digits)} %` : '–');

/** A gap this small counts as reaching the best-known cost (BKS are given to 2-3 decimals). */
const HIT = 0.005;

/** Groups runs by a key, keeping first-seen order. */
export function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(item);
  }
  return out;
}

/**
 * The distance-objective table: per group and budget, feasibility, mean / median / max gap over
 * all runs (each seed counts), best-known hits, routes against the best known, time and
 * iterations.
 */
export function distanceTable(runs: VrpRun[]): string {
  const lines = [
    '| set | budget | runs | feasible | mean gap | median gap | max gap | BKS hits | routes (ours / BKS) | wall s | CPU s | iterations |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const byGroup = groupBy(runs, (r) => `${r.group}@${r.budgetMs}`);
  const all = groupBy(runs, (r) => `all@${r.budgetMs}`);
  for (const [key, rs] of [...byGroup, ...(byGroup.size > 1 ? all : [])]) {
    const [group, budget] = key.split('@');
    const ok = rs.filter((r) => r.feasible);
    const gaps = ok.map((r) => gapPercent(r.cost, r.bks));
    lines.push(
      `| ${group} | ${Number(budget) / 1000} s | ${rs.length} | ${pct((100 * ok.length) / rs.length, 0)} | ${pct(mean(gaps))} | ${pct(median(gaps))} | ${pct(Math.max(...gaps))} | ${gaps.filter((g) => g <= HIT).length} | ${mean(rs.map((r) => r.vehicles)).toFixed(2)} / ${mean(rs.map((r) => r.bksVehicles)).toFixed(2)} | ${(mean(rs.map((r) => r.wallMs)) / 1000).toFixed(2)} | ${(mean(rs.map((r) => r.cpuMs)) / 1000).toFixed(2)} | ${Math.round(mean(rs.map((r) => r.iterations)))} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The vehicles-first table (hierarchical BKS): share of runs at the best-known vehicle count,
 * vehicles used against the best known, and the distance gap on the runs that match it.
 */
export function vehiclesTable(runs: VrpRun[]): string {
  const lines = [
    '| class | budget | runs | feasible | at BKS vehicles | vehicles (ours / BKS) | gap where vehicles equal | wall s | CPU s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const byGroup = groupBy(runs, (r) => `${r.group}@${r.budgetMs}`);
  const all = groupBy(runs, (r) => `all@${r.budgetMs}`);
  for (const [key, rs] of [...byGroup, ...(byGroup.size > 1 ? all : [])]) {
    const [group, budget] = key.split('@');
    const ok = rs.filter((r) => r.feasible);
    const same = ok.filter((r) => r.vehicles === r.bksVehicles);
    const fewer = ok.filter((r) => r.vehicles < r.bksVehicles).length;
    lines.push(
      `| ${group} | ${Number(budget) / 1000} s | ${rs.length} | ${pct((100 * ok.length) / rs.length, 0)} | ${same.length + fewer} / ${rs.length} (${pct((100 * (same.length + fewer)) / rs.length, 0)}) | ${mean(rs.map((r) => r.vehicles)).toFixed(2)} / ${mean(rs.map((r) => r.bksVehicles)).toFixed(2)} | ${pct(mean(same.map((r) => gapPercent(r.cost, r.bks))))} | ${(mean(rs.map((r) => r.wallMs)) / 1000).toFixed(2)} | ${(mean(rs.map((r) => r.cpuMs)) / 1000).toFixed(2)} |`,
    );
  }
  return lines.join('\n');
}

/** One row per instance (for the detailed output). */
export function instanceTable(runs: VrpRun[]): string {
  const lines = [
    '| instance | budget | seed | feasible | cost | BKS | gap | routes | BKS routes | wall s | CPU s | iterations |',
    '|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of runs) {
    lines.push(
      `| ${r.instance} | ${r.budgetMs / 1000} s | ${r.seed} | ${r.feasible ? 'yes' : '**no**'} | ${r.cost.toFixed(2)} | ${r.bks} | ${pct(gapPercent(r.cost, r.bks))} | ${r.vehicles} | ${r.bksVehicles} | ${(r.wallMs / 1000).toFixed(2)} | ${(r.cpuMs / 1000).toFixed(2)} | ${r.iterations} |`,
    );
  }
  return lines.join('\n');
}
