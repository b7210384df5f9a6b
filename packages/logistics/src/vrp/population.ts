import type { Rng } from '@s2b2b/core';
import type { Individual } from './individual.js';
import type { PenaltyWeights } from './penalties.js';

/** Population sizes and diversity settings of the genetic search (HGS-CVRP defaults). */
export interface PopulationSettings {
  /** Survivors kept in each sub-population. */
  mu: number;
  /** Offspring added before a survivor selection. */
  lambda: number;
  /** Elite individuals protected by the biased fitness. */
  elite: number;
  /** Neighbours averaged in the diversity contribution. */
  close: number;
}

/** HGS-CVRP's values: μ = 25, λ = 40, 4 elites, 5 closest. */
export const DEFAULT_POPULATION: PopulationSettings = { mu: 25, lambda: 40, elite: 4, close: 5 };

/**
 * The two sub-populations (feasible and infeasible) of the hybrid genetic search, ranked by the
 * biased fitness of Vidal et al. (2012): rank in cost plus (1 − elite/size) × rank in diversity
 * contribution (mean broken-pairs distance to the closest others). When a sub-population reaches
 * μ + λ, the worst individuals — clones first — are removed until μ remain.
 */
export class Population {
  readonly feasible: Individual[] = [];
  readonly infeasible: Individual[] = [];
  readonly settings: PopulationSettings;

  constructor(settings: PopulationSettings = DEFAULT_POPULATION) {
    this.settings = settings;
  }

  get size(): number {
    return this.feasible.length + this.infeasible.length;
  }

  /** Adds an educated individual to its sub-population. */
  add(ind: Individual, weights: PenaltyWeights): void {
    ind.penalise(weights);
    const pop = ind.feasible ? this.feasible : this.infeasible;
    ind.proximity = [];
    for (const other of pop) {
      const d = ind.brokenPairs(other);
      insertSorted(other.proximity, d, ind);
      insertSorted(ind.proximity, d, other);
    }
    let place = pop.length;
    while (place > 0 && pop[place - 1]!.penalisedCost > ind.penalisedCost) place--;
    pop.splice(place, 0, ind);
    if (pop.length >= this.settings.mu + this.settings.lambda) {
      while (pop.length > this.settings.mu) this.removeWorst(pop);
    }
  }

  /** Re-prices the infeasible sub-population after a penalty change. */
  repenalise(weights: PenaltyWeights): void {
    for (const ind of this.infeasible) ind.penalise(weights);
    this.infeasible.sort((a, b) => a.penalisedCost - b.penalisedCost);
  }

  /** Binary tournament on biased fitness over both sub-populations. */
  tournament(rng: Rng): Individual {
    const total = this.size;
    this.updateFitness(this.feasible);
    this.updateFitness(this.infeasible);
    const pick = () => {
      const k = Math.floor(rng.next() * total);
      return k < this.feasible.length ? this.feasible[k]! : this.infeasible[k - this.feasible.length]!;
    };
    const a = pick();
    const b = pick();
    return a.biasedFitness < b.biasedFitness ? a : b;
  }

  /** Empties both sub-populations. */
  clear(): void {
    this.feasible.length = 0;
    this.infeasible.length = 0;
  }

  /** Sets each individual's biased fitness within its sub-population. */
  updateFitness(pop: Individual[]): void {
    const m = pop.length;
    if (m === 0) return;
    if (m === 1) {
      pop[0]!.biasedFitness = 0;
      return;
    }
    const byCost = pop
      .map((_, i) => i)
      .sort((a, b) => pop[a]!.penalisedCost - pop[b]!.penalisedCost || a - b);
    const diversity = pop.map((ind) => -ind.meanDistanceToClosest(this.settings.close));
    const costRank = new Float64Array(m);
    byCost.forEach((idx, r) => {
      costRank[idx] = r / (m - 1);
    });
    const byDiv = pop.map((_, i) => i).sort((a, b) => diversity[a]! - diversity[b]! || a - b);
    const divRank = new Float64Array(m);
    byDiv.forEach((idx, r) => {
      divRank[idx] = r / (m - 1);
    });
    const eliteShare = Math.min(1, this.settings.elite / m);
    for (let i = 0; i < m; i++) pop[i]!.biasedFitness = costRank[i]! + (1 - eliteShare) * divRank[i]!;
  }

  private removeWorst(pop: Individual[]): void {
    this.updateFitness(pop);
    let worst = -1;
    let worstClone = false;
    let worstFit = Number.NEGATIVE_INFINITY;
    // pop is sorted by penalised cost: index 0, the best, is never removed.
    for (let i = 1; i < pop.length; i++) {
      const ind = pop[i]!;
      const clone = ind.proximity.length > 0 && ind.proximity[0]!.d < 1e-12;
      if ((clone && !worstClone) || (clone === worstClone && ind.biasedFitness > worstFit)) {
        worst = i;
        worstClone = clone;
        worstFit = ind.biasedFitness;
      }
    }
    if (worst < 0) worst = pop.length - 1;
    const [gone] = pop.splice(worst, 1);
    for (const other of pop) {
      const at = other.proximity.findIndex((p) => p.other === gone);
      if (at >= 0) other.proximity.splice(at, 1);
    }
  }
}

function insertSorted(list: { d: number; other: Individual }[], d: number, other: Individual): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.d <= d) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, { d, other });
}
