/**
 * What every fitter returns: the maximum-likelihood parameters, the total log-likelihood at them
 * (on the caller's time scale, comparable across models fitted to the same rows), and how the
 * optimiser got there.
 *
 * @example
 * const fit: ModelFit<BgNbdParams> = fitBgNbd(rows);
 * fit.params.r; fit.logLikelihood;
 */
export interface ModelFit<P> {
  params: P;
  /** Σ weight × log-likelihood of each row. */
  logLikelihood: number;
  /** Customers (Σ weights) and distinct rows the fit used. */
  customers: number;
  rows: number;
  iterations: number;
  /** Objective and gradient evaluations. */
  evaluations: number;
}
