export {
  type AccountBalances,
  type AccountDraft,
  compareIds,
  isUnbounded,
  type LedgerAccount,
  LINE_ACCOUNT_ROLES,
  type LineAccountRole,
  lineAccountId,
  MAX_LEDGER_AMOUNT,
  netCredit,
  netDebit,
  PLATFORM_ACCOUNT_ROLES,
  type PlatformAccountRole,
  platformAccountId,
  postedDebitBalance,
  zeroBalances,
} from './accounts.js';
export {
  accountDraftSchema,
  checkAccountDrafts,
  checkExpirySweep,
  checkLedgerNow,
  checkTransferDrafts,
  ledgerAmountSchema,
  MAX_TRANSFER_BATCH,
  transferDraftSchema,
} from './draft-schemas.js';
export {
  accountExistsError,
  accountNotFoundError,
  holdAmountError,
  holdExpiredError,
  holdNotDueError,
  holdNotFoundError,
  holdResolvedError,
  LEDGER_ERROR_CODES,
  type LedgerErrorCode,
  ledgerCurrencyError,
  limitViolationError,
  sameAccountError,
  transferExistsError,
} from './errors.js';
export { expiryDrafts } from './expiry.js';
export { availableToDebit, checkCredit, checkDebit, type LimitViolation } from './limits.js';
export {
  type BalanceDelta,
  type ExpiryDraft,
  type LedgerDraft,
  planTransfers,
  type TransferPlan,
  type TransferPlanInput,
} from './plan-transfers.js';
export {
  CREDIT_TRANSFER_CODES,
  type CreditTransferCode,
  expiryTransferId,
  HOLD_STATUSES,
  type HoldStatus,
  isHoldDue,
  type LedgerTransfer,
  type PendingHold,
  TRANSFER_KINDS,
  type TransferDraft,
  type TransferKind,
  type TransferMeta,
  type TransferRecord,
} from './transfers.js';
export { balancesFromTransfers, type TrialBalance, trialBalance } from './trial-balance.js';
