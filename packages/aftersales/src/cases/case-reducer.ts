import { produce } from '../common/immer.js';
import type { Party } from '../common/vocabulary.js';
import type { AftersalesCase, CaseResolution, EvidenceRef } from '../store.js';
import { caseError } from './errors.js';

/**
 * What can happen to a case (its SLA clocks follow separately, see `syncCaseClocks`).
 *
 * @example
 * const action: CaseAction = { type: 'intervene', at: new Date() };
 */
export type CaseAction =
  | { type: 'intervene'; at: Date }
  | { type: 'assign'; at: Date; party: Party; partyId: string | null }
  | {
      type: 'respond';
      at: Date;
      from: Party;
      partyId: string | null;
      requestInfo: boolean;
      evidence: EvidenceRef[];
    }
  | { type: 'resolve'; at: Date; resolution: CaseResolution }
  | { type: 'close'; at: Date; withdrawn: boolean }
  | { type: 'reopen'; at: Date };

const LIVE = new Set(['open', 'in-progress', 'awaiting-merchant']);

/**
 * Applies an action to a case: a pure reducer `(case, action) => case` with immer. Business
 * rules that say no throw `DomainError`s (`CASE_CLOSED`, `ALREADY_INTERVENED`, `NOT_ASSIGNED`,
 * `NOT_AWAITING_MERCHANT`, `CASE_NOT_RESOLVED`, `CASE_NOT_REOPENABLE`).
 *
 * - **intervene** (live, not yet intervened): the platform stepped in and responded; `open` → `in-progress`.
 * - **assign** (live): a responsible party; its response flag resets; counts as the platform stepping in.
 * - **respond** (live): from the platform, its response (and with `requestInfo`, `awaiting-merchant`);
 *   from the assignee, the party's response; from the merchant, the answer to a request
 *   (`awaiting-merchant` → `in-progress`, or `open` if the platform has not stepped in).
 * - **resolve** (live): the resolution is decided; the platform responded and stepped in; `resolved`.
 * - **close**: a resolved case closes; a live case closes only as `withdrawn`.
 * - **reopen** (resolved, or closed and not withdrawn): back to `open`; the response facts reset
 *   and the resolution moves to `previousResolutions`, so SLA clocks start new cycles.
 *
 * @example
 * const next = reduceCase(current, { type: 'intervene', at: now });
 */
export function reduceCase(state: AftersalesCase, action: CaseAction): AftersalesCase {
  const live = LIVE.has(state.status);
  const need = (ok: boolean, code: Parameters<typeof caseError>[0], detail?: string) => {
    if (!ok) throw caseError(code, state.id, detail, { status: state.status });
  };
  switch (action.type) {
    case 'intervene':
      need(live, 'CASE_CLOSED');
      need(!state.platformIntervened, 'ALREADY_INTERVENED');
      break;
    case 'assign':
    case 'resolve':
      need(live, 'CASE_CLOSED');
      break;
    case 'respond':
      need(live, 'CASE_CLOSED');
      if (action.from === 'supplier' || action.from === 'carrier')
        need(
          state.assignee?.party === action.from &&
            (action.partyId === null ||
              state.assignee.partyId === null ||
              state.assignee.partyId === action.partyId),
          'NOT_ASSIGNED',
          `${action.from}${action.partyId ? ` ${action.partyId}` : ''} is not the assignee (${state.assignee ? state.assignee.party : 'nobody'} is)`,
        );
      if (action.from === 'merchant') need(state.status === 'awaiting-merchant', 'NOT_AWAITING_MERCHANT');
      break;
    case 'close':
      if (action.withdrawn) need(live, 'CASE_CLOSED');
      else need(state.status === 'resolved', 'CASE_NOT_RESOLVED');
      break;
    case 'reopen':
      need(
        (state.status === 'resolved' || state.status === 'closed') && !state.withdrawn,
        'CASE_NOT_REOPENABLE',
      );
      break;
  }
  return produce(state, (draft) => {
    draft.updatedAt = action.at;
    switch (action.type) {
      case 'intervene':
        draft.platformIntervened = true;
        draft.platformResponded = true;
        if (draft.status === 'open') draft.status = 'in-progress';
        return;
      case 'assign':
        draft.assignee = { party: action.party, partyId: action.partyId, assignedAt: action.at };
        draft.partyResponded = false;
        draft.platformIntervened = true;
        draft.platformResponded = true;
        if (draft.status === 'open') draft.status = 'in-progress';
        return;
      case 'respond':
        draft.evidence.push(...action.evidence);
        if (action.from === 'platform') {
          draft.platformResponded = true;
          if (action.requestInfo) draft.status = 'awaiting-merchant';
        } else if (action.from === 'merchant') {
          draft.status = draft.platformIntervened ? 'in-progress' : 'open';
        } else {
          draft.partyResponded = true;
        }
        return;
      case 'resolve':
        draft.resolution = action.resolution;
        draft.platformResponded = true;
        draft.platformIntervened = true;
        draft.status = 'resolved';
        draft.resolvedAt = action.at;
        return;
      case 'close':
        draft.status = 'closed';
        draft.withdrawn = action.withdrawn;
        draft.closedAt = action.at;
        return;
      case 'reopen':
        if (draft.resolution) draft.previousResolutions.push(draft.resolution);
        draft.resolution = null;
        draft.status = 'open';
        draft.platformResponded = false;
        draft.platformIntervened = false;
        draft.partyResponded = false;
        draft.reopenCount += 1;
        draft.resolvedAt = null;
        draft.closedAt = null;
        return;
    }
  });
}
