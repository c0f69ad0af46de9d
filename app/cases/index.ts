/**
 * Public face of the cases module (SPEC §3): intake registers, enforcement decisions, the lifecycle
 * state machine, money, and the read scope every other module must use for cases.
 *
 * CONTRACT relied on by reporting:
 *   caseStateAsOf(caseId, day, trx?) → { status | null, remaining, held, officerId | null } at the end of ISO day
 *   visibleCases(user, trx?)        → Lucid query of the cases the user may read
 *   EVENT_RULES / transition()       → the transition table
 */
export { default as Case } from './models/case.js'
export { default as Judgment, JUDGMENT_TYPES } from './models/judgment.js'
export { default as EnforcementRequest } from './models/enforcement_request.js'
export { default as CaseEvent } from './models/case_event.js'
export { default as MoneyEntry, MONEY_KINDS, type MoneyKind } from './models/money_entry.js'
export { default as StatusSpan } from './models/status_span.js'
export { default as Assignment } from './models/assignment.js'
export {
  EVENT_RULES,
  EVENT_TYPES,
  MANUAL_EVENT_TYPES,
  OPEN_STATUSES,
  TERMINAL_STATUSES,
  CASE_STATUSES,
  GROUNDS,
  transition,
  manualEventsFrom,
  isTerminal,
  isOpen,
  type CaseStatus,
  type EventType,
  type EventRule,
} from './state_machine.js'
export { caseStateAsOf, type CaseState } from './services/state_as_of.js'
export {
  visibleCases,
  canReadCase,
  canRecord,
  isHeadOf,
  isClerkOf,
  findReadableCase,
} from './services/access.js'
export {
  effect as moneyEffect,
  totals as moneyTotals,
  REMAINING_REDUCERS,
} from './services/balance.js'
export { requestDeadline } from './services/dates.js'
export { RecordEvent, type EventInput } from './actions/record_event.js'
export { RecordCollection } from './actions/record_collection.js'
export { RecordPayout } from './actions/record_payout.js'
export { RecordFee } from './actions/record_fee.js'
export { AmendObligation } from './actions/amend_obligation.js'
export { AssignOfficer } from './actions/assign_officer.js'
export { CreateJudgment, type JudgmentInput } from './actions/create_judgment.js'
export { judgmentValidator } from './validators/intake.js'
export { CreateRequest } from './actions/create_request.js'
export { RefuseRequest } from './actions/refuse_request.js'
export { SaveDraftDecision, type DraftInput } from './actions/save_draft_decision.js'
export { SubmitDecision } from './actions/submit_decision.js'
export { ApproveDecision, decisionNumber } from './actions/approve_decision.js'
export { RejectDecision } from './actions/reject_decision.js'
// Transfers (SPEC §3): handovers between officers, delegations between units, withdrawal, revocation.
export { default as Handover, HANDOVER_REASONS, HANDOVER_STATUSES } from './models/handover.js'
export { default as HandoverCase } from './models/handover_case.js'
export {
  default as Delegation,
  DELEGATION_STATUSES,
  DELEGATION_TARGET_LEVELS,
} from './models/delegation.js'
export { ProposeHandover, type HandoverInput } from './actions/propose_handover.js'
export { ConfirmHandover } from './actions/confirm_handover.js'
export { RejectHandover } from './actions/reject_handover.js'
export { ReassignInactiveOfficer } from './actions/reassign_inactive_officer.js'
export { ProposeDelegation, type DelegationInput } from './actions/propose_delegation.js'
export { ConfirmDelegation } from './actions/confirm_delegation.js'
export { RejectDelegation } from './actions/reject_delegation.js'
export { AcceptDelegation } from './actions/accept_delegation.js'
export { ReturnDelegation } from './actions/return_delegation.js'
export { WithdrawCase } from './actions/withdraw_case.js'
export { RevokeDecision } from './actions/revoke_decision.js'
export {
  deadlinesFor,
  pendingRequestDeadline,
  DEADLINE_KINDS,
  type Deadline,
  type DeadlineFacts,
  type DeadlineKind,
  type FactEvent,
} from './services/deadlines/rules.js'
export {
  caseDeadlines,
  overdueItems,
  overdueCount,
  type OverdueItem,
} from './services/deadlines/load.js'
export { rebuildDeadlines } from './services/deadlines/store.js'
export {
  takeOverdueSnapshot,
  overdueTrend,
  ensureOverdueSnapshot,
} from './services/deadlines/snapshot.js'
export { rebuildSearchTerms } from './services/search/rebuild.js'
export { default as Attachment, OWNER_TYPES, type OwnerType } from './models/attachment.js'
export { UploadAttachment } from './actions/upload_attachment.js'
export {
  registerAttachmentOwner,
  type ExternalOwner,
  type Owner as AttachmentOwner,
} from './services/attachments/owners.js'
export { uploaderNames } from './services/attachments/reads.js'
export { uploadMaxMb } from './services/attachments/storage.js'
export { ALLOWED_EXTENSIONS } from './services/file_types.js'
export { RecordPublication } from './actions/record_publication.js'
export { SetReverifyInterval } from './actions/set_reverify_interval.js'
// The case list (keyset pages) and its filters, for the export of the filtered list (reporting/exports).
export { listCasePage, type CasePage } from './services/case_list.js'
export { caseFilterValidator } from './validators/cases.js'
export { CASE_READERS } from './controllers/helpers.js'
export type { CaseFilters } from './services/queries.js'
