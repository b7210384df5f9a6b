import { type Decimal, parseInput } from '@s2b2b/core';
import { type CarrierQuote, quoteParsed } from './quote.js';
import { type RateCardSet, resolveRateCards } from './rate-card-set.js';
import {
  type ChooseCarrierOptions,
  chooseCarrierOptionsSchema,
  type QuoteShipment,
  quoteShipmentSchema,
  type RateCard,
} from './schemas.js';
import type { UnavailableReason } from './unavailable.js';

const DAY_MS = 86_400_000;

/**
 * A carrier in `chooseCarrier`'s ranking, with its quote, ETA and why it ranks where it does.
 *
 * @example
 * const { rank, carrierId, eta, onTime, reason }: RankedCarrier = choice.ranking[0]!;
 */
export interface RankedCarrier {
  /** 1 for the chosen carrier. */
  rank: number;
  carrierId: string;
  quote: CarrierQuote;
  /** `shipAt` + transit days (calendar days of 24 h). */
  eta: Date;
  /** Whether the ETA is at or before `promisedBy`; `null` without a promise. */
  onTime: boolean | null;
  /** Whole days (rounded up) the ETA is after the promise; 0 when on time or without a promise. */
  daysLate: number;
  /** The score used (option `scores`, else the card's), or `null`. */
  score: number | null;
  /** Why it ranks here, for a person. */
  reason: string;
}

/**
 * A carrier left out of the ranking: it could not quote (`quote`'s reasons), scored below
 * `minScore` (`BELOW_MIN_SCORE`), or is late while `requireOnTime` is set (`LATE`).
 *
 * @example
 * const excluded: ExcludedCarrier = { carrierId: 'YTO', reason: 'BELOW_MIN_SCORE', message: 'score 55 is below 60' };
 */
export interface ExcludedCarrier {
  carrierId: string;
  reason: UnavailableReason | 'BELOW_MIN_SCORE' | 'LATE';
  message: string;
}

/**
 * What `chooseCarrier` returns: the chosen carrier (or `null` when none qualifies) and why, the
 * full ranking, and the carriers left out.
 *
 * @example
 * const { chosen, reason, ranking, excluded }: CarrierChoice = chooseCarrier(shipment, cards, { shipAt });
 */
export interface CarrierChoice {
  chosen: RankedCarrier | null;
  reason: string;
  ranking: RankedCarrier[];
  excluded: ExcludedCarrier[];
}

interface Candidate {
  index: number;
  quote: CarrierQuote;
  eta: Date;
  onTime: boolean | null;
  daysLate: number;
  score: number | null;
  cents: bigint;
  /** Within `costTolerance` of the cheapest of its group (on time / late). */
  inBand: boolean;
}

/**
 * Quotes every carrier and ranks them:
 *
 * 1. with `promisedBy`, carriers whose ETA (`shipAt` + transit days, calendar days — business
 *    days are not in core yet) is on time come first, then the late ones, least late first;
 * 2. then by `prefer`: `cost` — the cheapest total (quotes within `costTolerance` of the
 *    cheapest count as equally cheap), `transit` — the fewest days, or `score` — the best
 *    carrier score (unscored last);
 * 3. remaining ties: cheaper, then better score, then fewer days, then the order of the cards.
 *
 * Carriers that cannot quote, score below `minScore` or (with `requireOnTime`) are late are
 * listed in `excluded`; `chosen` is `null` when nobody is left, with the reason.
 *
 * @throws ValidationError naming the field (`options.shipAt`, `shipment.weightKg`, ...)
 * @example
 * const choice = chooseCarrier(shipment, [sf, zto, yd], {
 *   shipAt: '2026-03-02T18:00:00+08:00', promisedBy: '2026-03-04T23:59:59+08:00',
 * });
 * choice.chosen?.carrierId // the cheapest carrier that arrives by the 4th
 * choice.reason // e.g. 'ZTO: the cheapest of 2 carriers on time: 9.00 CNY, 2 days (ETA 2026-03-04T10:00:00.000Z)'
 */
export function chooseCarrier(
  shipment: QuoteShipment,
  rateCards: readonly RateCard[] | RateCardSet,
  options: ChooseCarrierOptions,
): CarrierChoice {
  const parsedShipment = parseInput(quoteShipmentSchema, shipment, 'shipment');
  const cards = resolveRateCards(rateCards);
  const settings = parseInput(chooseCarrierOptionsSchema, options, 'options');
  const { quotes, unavailable } = quoteParsed(parsedShipment, cards);
  const excluded: ExcludedCarrier[] = unavailable.map((entry) => ({ ...entry }));
  const promise = settings.promisedBy;

  const candidates: Candidate[] = [];
  quotes.forEach((quote, index) => {
    const score = settings.scores?.[quote.carrierId] ?? quote.score;
    if (settings.minScore !== undefined && (score === null || score < settings.minScore)) {
      excluded.push({
        carrierId: quote.carrierId,
        reason: 'BELOW_MIN_SCORE',
        message:
          score === null
            ? `${quote.carrierId} has no score; the minimum is ${settings.minScore}`
            : `${quote.carrierId} scores ${score}, below the minimum ${settings.minScore}`,
      });
      return;
    }
    const eta = new Date(settings.shipAt.getTime() + quote.transitDays * DAY_MS);
    const lateMs = promise ? eta.getTime() - promise.getTime() : 0;
    const onTime = promise ? lateMs <= 0 : null;
    const daysLate = lateMs > 0 ? Math.ceil(lateMs / DAY_MS) : 0;
    if (settings.requireOnTime && onTime === false) {
      excluded.push({
        carrierId: quote.carrierId,
        reason: 'LATE',
        message: `${quote.carrierId} arrives ${eta.toISOString()}, ${plural(daysLate, 'day')} after the promise`,
      });
      return;
    }
    const cents = quote.total.toMinorUnits();
    candidates.push({ index, quote, eta, onTime, daysLate, score, cents, inBand: false });
  });

  markCostBands(candidates, settings.costTolerance);
  const compare = comparator(settings.prefer);
  candidates.sort(compare);
  const ranking = candidates.map((candidate, position) => ({
    rank: position + 1,
    carrierId: candidate.quote.carrierId,
    quote: candidate.quote,
    eta: candidate.eta,
    onTime: candidate.onTime,
    daysLate: candidate.daysLate,
    score: candidate.score,
    reason:
      position === 0
        ? chosenReason(candidates, settings.prefer, settings.costTolerance)
        : rankReason(candidate, candidates[0]!, settings.prefer),
  }));
  const chosen = ranking[0] ?? null;
  const reason = chosen
    ? `${chosen.carrierId}: ${chosen.reason}`
    : noneReason(quotes.length, excluded, settings.requireOnTime);
  return { chosen, reason, ranking, excluded };
}

/** Marks the candidates within `tolerance` of the cheapest of their group (on time, or late). */
function markCostBands(candidates: Candidate[], tolerance: Decimal | undefined): void {
  for (const group of [true, false, null]) {
    const members = candidates.filter((candidate) => candidate.onTime === group);
    if (members.length === 0) continue;
    let cheapest = members[0]!.cents;
    for (const member of members) if (member.cents < cheapest) cheapest = member.cents;
    // cents ≤ cheapest × (1 + tolerance), compared exactly.
    const limit = tolerance ? tolerance.plus(1).times(cheapest.toString()) : null;
    for (const member of members) {
      member.inBand = member.cents === cheapest || limit?.gte(member.cents.toString()) === true;
    }
  }
}

function comparator(prefer: 'cost' | 'transit' | 'score') {
  const byCost = (a: Candidate, b: Candidate) => (a.cents < b.cents ? -1 : a.cents > b.cents ? 1 : 0);
  const byScore = (a: Candidate, b: Candidate) => (b.score ?? -1) - (a.score ?? -1);
  const byDays = (a: Candidate, b: Candidate) => a.quote.transitDays - b.quote.transitDays;
  return (a: Candidate, b: Candidate): number => {
    const lateness = Number(a.onTime === false) - Number(b.onTime === false) || a.daysLate - b.daysLate;
    if (lateness !== 0) return lateness;
    let primary = 0;
    if (prefer === 'cost') {
      primary =
        Number(!a.inBand) - Number(!b.inBand) ||
        (a.inBand && b.inBand ? byScore(a, b) || byCost(a, b) : byCost(a, b));
    } else if (prefer === 'transit') {
      primary = byDays(a, b);
    } else {
      primary = byScore(a, b);
    }
    return primary || byCost(a, b) || byScore(a, b) || byDays(a, b) || a.index - b.index;
  };
}

function chosenReason(
  ranked: readonly Candidate[],
  prefer: 'cost' | 'transit' | 'score',
  tolerance: Decimal | undefined,
): string {
  const top = ranked[0]!;
  const peers = ranked.filter((candidate) => candidate.onTime === top.onTime);
  const among =
    top.onTime === true
      ? `${plural(peers.length, 'carrier')} on time`
      : top.onTime === false
        ? `${plural(peers.length, 'carrier')}, none on time (${plural(top.daysLate, 'day')} late)`
        : plural(peers.length, 'carrier');
  const facts = `${top.quote.total.toString()}, ${plural(top.quote.transitDays, 'day')} (ETA ${top.eta.toISOString()})${top.score === null ? '' : `, score ${top.score}`}`;
  const least = top.onTime === false ? 'the least late, then ' : '';
  if (peers.length === 1) return `the only one of ${among}: ${facts}`;
  if (prefer === 'transit') return `${least}the fastest of ${among}: ${facts}`;
  if (prefer === 'score') return `${least}the best score of ${among}: ${facts}`;
  const cheapest = peers.reduce((min, c) => (c.cents < min.cents ? c : min), peers[0]!);
  if (tolerance && cheapest !== top) {
    return `${least}the best score among the quotes within ${tolerance.times(100).toFixed()}% of the cheapest (${cheapest.quote.total.toString()}) of ${among}: ${facts}`;
  }
  return `${least}the cheapest of ${among}: ${facts}`;
}

function rankReason(candidate: Candidate, top: Candidate, prefer: 'cost' | 'transit' | 'score'): string {
  const facts = `${candidate.quote.total.toString()}, ${plural(candidate.quote.transitDays, 'day')}${candidate.score === null ? '' : `, score ${candidate.score}`}`;
  if (top.onTime !== false && candidate.onTime === false) {
    return `${plural(candidate.daysLate, 'day')} after the promise: ${facts}`;
  }
  if (candidate.daysLate > top.daysLate)
    return `${plural(candidate.daysLate, 'day')} late, more than ${top.quote.carrierId}: ${facts}`;
  const dearer = candidate.quote.total.subtract(top.quote.total);
  const more = dearer.isPositive() ? `${dearer.toString()} more than ${top.quote.carrierId}` : null;
  if (prefer === 'transit' && candidate.quote.transitDays > top.quote.transitDays) {
    return `${candidate.quote.transitDays - top.quote.transitDays} more day(s) in transit than ${top.quote.carrierId}: ${facts}`;
  }
  if (prefer === 'score' && (candidate.score ?? -1) < (top.score ?? -1)) {
    return `a lower score than ${top.quote.carrierId}: ${facts}`;
  }
  if (prefer === 'cost' && candidate.inBand && top.inBand && candidate.cents !== top.cents) {
    return (candidate.score ?? -1) < (top.score ?? -1)
      ? `within the cost tolerance, a lower score than ${top.quote.carrierId}: ${facts}`
      : `within the cost tolerance, as good a score, ${more ?? 'no cheaper'}: ${facts}`;
  }
  if (more) return `${more}: ${facts}`;
  if ((candidate.score ?? -1) < (top.score ?? -1))
    return `as cheap, a lower score than ${top.quote.carrierId}: ${facts}`;
  if (candidate.quote.transitDays > top.quote.transitDays)
    return `as cheap, slower than ${top.quote.carrierId}: ${facts}`;
  return `ties with ${top.quote.carrierId}, listed later: ${facts}`;
}

function noneReason(quoted: number, excluded: readonly ExcludedCarrier[], requireOnTime: boolean): string {
  if (quoted === 0)
    return `no carrier can take the shipment (${excluded.map((e) => `${e.carrierId}: ${e.reason}`).join(', ')})`;
  if (requireOnTime && excluded.some((e) => e.reason === 'LATE'))
    return 'no qualifying carrier arrives by the promise';
  return 'no carrier meets the minimum score';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
