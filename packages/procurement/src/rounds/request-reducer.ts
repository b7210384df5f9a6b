import { produce } from 'immer';
import type { DemandLine } from '../award/schemas.js';
import type { RequestDraft, RequestItem } from '../store.js';
import { procurementError, requestExistsError, requestNotFoundError } from './errors.js';

/**
 * What can happen to a request. `at` is the command's time.
 *
 * @example
 * const transition: RequestTransition = { type: 'cancelled', merchantId: 'M-1', reason: null, at: now };
 */
export type RequestTransition =
  | {
      type: 'submitted';
      roundId: string;
      requestId: string;
      merchantId: string;
      region: string;
      items: readonly RequestItem[];
      lines: readonly DemandLine[];
      at: Date;
    }
  | {
      type: 'changed';
      merchantId: string;
      region: string;
      items: readonly RequestItem[];
      lines: readonly DemandLine[];
      at: Date;
    }
  | { type: 'cancelled'; merchantId: string; reason: string | null; at: Date };

/**
 * A request's lifecycle as a pure reducer (immer `produce`): `submitted` creates it (there must
 * be none), `changed` and `cancelled` need it active and of the same merchant. The store gives
 * the sequence and the version.
 *
 * @throws DomainError `REQUEST_EXISTS`, `REQUEST_NOT_FOUND`, `REQUEST_CANCELLED`,
 *   `REQUEST_MERCHANT_MISMATCH`
 * @example
 * const request = reduceRequest(null, { type: 'submitted', roundId: 'R-1', requestId: 'REQ-1', merchantId: 'M-1', region: '华东', items, lines, at: now });
 */
export function reduceRequest<S extends RequestDraft>(state: S | null, transition: RequestTransition): S {
  if (transition.type === 'submitted') {
    if (state !== null) throw requestExistsError(state.roundId, state.requestId);
    const draft: RequestDraft = {
      roundId: transition.roundId,
      requestId: transition.requestId,
      merchantId: transition.merchantId,
      region: transition.region,
      items: structuredClone([...transition.items]),
      lines: structuredClone([...transition.lines]),
      status: 'active',
      cancelReason: null,
      submittedAt: transition.at,
      updatedAt: transition.at,
      version: 0,
    };
    return draft as S;
  }
  if (state === null) throw requestNotFoundError('(none)', '(none)');
  if (state.merchantId !== transition.merchantId) {
    throw procurementError(
      'REQUEST_MERCHANT_MISMATCH',
      `Request ${JSON.stringify(state.requestId)} belongs to another merchant`,
      { roundId: state.roundId, requestId: state.requestId, merchantId: transition.merchantId },
    );
  }
  if (state.status === 'cancelled') {
    throw procurementError('REQUEST_CANCELLED', `Request ${JSON.stringify(state.requestId)} was cancelled`, {
      roundId: state.roundId,
      requestId: state.requestId,
    });
  }
  return produce(state, (draft) => {
    if (transition.type === 'changed') {
      draft.region = transition.region;
      draft.items = structuredClone([...transition.items]);
      draft.lines = structuredClone([...transition.lines]);
    } else {
      draft.status = 'cancelled';
      draft.cancelReason = transition.reason;
    }
    draft.updatedAt = transition.at;
  });
}
