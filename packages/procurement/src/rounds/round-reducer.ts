import { produce } from 'immer';
import type { DemandLine } from '../award/schemas.js';
import type { RoundDefinition, RoundRecord } from '../store.js';
import { procurementError, roundExistsError, roundNotFoundError } from './errors.js';

/**
 * What can happen to a round. `at` is the command's time.
 *
 * @example
 * const transition: RoundTransition = { type: 'request-submitted', region: '华东', lines, at: now };
 */
export type RoundTransition =
  | { type: 'opened'; definition: RoundDefinition; at: Date }
  | { type: 'request-submitted'; region: string; lines: readonly DemandLine[]; at: Date }
  | {
      type: 'request-changed';
      region: string;
      before: readonly DemandLine[];
      after: readonly DemandLine[];
      at: Date;
    }
  | { type: 'request-cancelled'; lines: readonly DemandLine[]; at: Date }
  | { type: 'closed'; at: Date }
  | { type: 'cancelled'; reason: string; at: Date };

/**
 * The round lifecycle as a pure reducer (immer `produce`): `opened` starts a round (version 0);
 * request transitions need it open — `ROUND_NOT_OPEN` before `opensAt`, `ROUND_CLOSED` once
 * closed or from `closesAt` on, `ROUND_CANCELLED` — and a known delivery region, and keep the
 * active request count and units; `closed` needs it open and past `opensAt`; `cancelled` needs
 * it open. `closed` and `cancelled` are final. Versions are the store's business: the reducer
 * leaves `version` alone.
 *
 * @throws DomainError with the codes above, `ROUND_EXISTS`, `ROUND_NOT_FOUND`, `UNKNOWN_REGION`
 * @example
 * const open = reduceRound(null, { type: 'opened', definition, at: now });
 * const next = reduceRound(open, { type: 'request-submitted', region: '华东', lines: [{ sku: 'MILK-1L', quantity: 48 }], at: now });
 * next.units // 48
 */
export function reduceRound(state: RoundRecord | null, transition: RoundTransition): RoundRecord {
  if (transition.type === 'opened') {
    if (state !== null) throw roundExistsError(state.roundId);
    const { definition, at } = transition;
    return {
      ...structuredClone(definition),
      status: 'open',
      requestCount: 0,
      units: 0,
      closedAt: null,
      cancelledAt: null,
      cancelReason: null,
      version: 0,
      updatedAt: at,
    };
  }
  if (state === null) throw roundNotFoundError('(none)');
  return produce(state, (draft) => {
    const at = transition.at;
    switch (transition.type) {
      case 'request-submitted':
        takesRequests(state, at);
        knownRegion(state, transition.region);
        draft.requestCount += 1;
        draft.units += units(transition.lines);
        break;
      case 'request-changed':
        takesRequests(state, at);
        knownRegion(state, transition.region);
        draft.units += units(transition.after) - units(transition.before);
        break;
      case 'request-cancelled':
        takesRequests(state, at);
        draft.requestCount -= 1;
        draft.units -= units(transition.lines);
        break;
      case 'closed':
        stillOpen(state);
        if (at.getTime() < state.opensAt.getTime()) throw notOpenYet(state, at);
        draft.status = 'closed';
        draft.closedAt = at;
        break;
      case 'cancelled':
        stillOpen(state);
        draft.status = 'cancelled';
        draft.cancelledAt = at;
        draft.cancelReason = transition.reason;
        break;
    }
    draft.updatedAt = at;
  });
}

function units(lines: readonly DemandLine[]): number {
  return lines.reduce((total, line) => total + line.quantity, 0);
}

function stillOpen(state: RoundRecord): void {
  if (state.status === 'cancelled') {
    throw procurementError('ROUND_CANCELLED', `Round ${JSON.stringify(state.roundId)} was cancelled`, {
      roundId: state.roundId,
      cancelledAt: state.cancelledAt?.toISOString() ?? null,
    });
  }
  if (state.status === 'closed') {
    throw procurementError('ROUND_CLOSED', `Round ${JSON.stringify(state.roundId)} is closed`, {
      roundId: state.roundId,
      closedAt: state.closedAt?.toISOString() ?? null,
    });
  }
}

/**
 * Throws unless the round takes requests at `at`: open, from `opensAt`, before `closesAt`.
 *
 * @throws DomainError `ROUND_NOT_OPEN`, `ROUND_CLOSED`, `ROUND_CANCELLED`
 * @example
 * checkTakesRequests(round, now)
 */
export function checkTakesRequests(state: RoundRecord, at: Date): void {
  takesRequests(state, at);
}

function takesRequests(state: RoundRecord, at: Date): void {
  stillOpen(state);
  if (at.getTime() < state.opensAt.getTime()) throw notOpenYet(state, at);
  if (at.getTime() >= state.closesAt.getTime()) {
    throw procurementError(
      'ROUND_CLOSED',
      `Round ${JSON.stringify(state.roundId)} closed for requests at ${state.closesAt.toISOString()}`,
      { roundId: state.roundId, closesAt: state.closesAt.toISOString(), at: at.toISOString() },
    );
  }
}

function notOpenYet(state: RoundRecord, at: Date) {
  return procurementError(
    'ROUND_NOT_OPEN',
    `Round ${JSON.stringify(state.roundId)} opens at ${state.opensAt.toISOString()}`,
    { roundId: state.roundId, opensAt: state.opensAt.toISOString(), at: at.toISOString() },
  );
}

function knownRegion(state: RoundRecord, region: string): void {
  if (!state.regions.includes(region)) {
    throw procurementError(
      'UNKNOWN_REGION',
      `Round ${JSON.stringify(state.roundId)} does not deliver to ${JSON.stringify(region)}`,
      { roundId: state.roundId, region, regions: [...state.regions] },
    );
  }
}
