import vine from '@vinejs/vine'
import { HANDOVER_REASONS, HANDOVER_STATUSES } from '../models/handover.js'
import { DELEGATION_STATUSES } from '../models/delegation.js'
import { isoDay, vnd } from './shared.js'

const id = () => vine.number().positive().withoutDecimals()
const text = (max = 2000) => vine.string().trim().maxLength(max)

export const handoverValidator = vine.compile(
  vine.object({
    from_officer_id: id(),
    to_officer_id: id(),
    case_ids: vine.array(id()).optional(),
    all: vine.boolean().optional(),
    effective_date: isoDay(),
    reason_kind: vine.enum(HANDOVER_REASONS),
    reason: text().optional(),
    confirm: vine.boolean().optional(),
  })
)

export const reassignValidator = vine.compile(
  vine.object({
    from_officer_id: id(),
    to_officer_id: id(),
    effective_date: isoDay(),
    reason: text().optional(),
  })
)

export const decisionNoteValidator = vine.compile(vine.object({ note: text().optional() }))
export const reasonValidator = vine.compile(vine.object({ reason: text().minLength(3) }))

export const delegationValidator = vine.compile(
  vine.object({
    to_unit_id: id(),
    scope: vine.enum(['full', 'partial']),
    amount: vnd().optional(),
    reason: text().optional(),
    confirm: vine.boolean().optional(),
    effective_date: isoDay().optional(),
    decision_number: text(64).optional(),
  })
)

export const confirmDelegationValidator = vine.compile(
  vine.object({ effective_date: isoDay(), decision_number: text(64).optional() })
)

export const acceptDelegationValidator = vine.compile(
  vine.object({ received_on: isoDay(), note: text().optional() })
)

export const returnDelegationValidator = vine.compile(
  vine.object({ reason: text().minLength(3), received_on: isoDay().optional() })
)

export const endCaseValidator = vine.compile(
  vine.object({
    effective_date: isoDay(),
    document_number: text(64).optional(),
    reason: text().minLength(3),
  })
)

export const handoverFilterValidator = vine.compile(
  vine.object({
    status: vine.enum(HANDOVER_STATUSES).optional(),
    page: id().optional(),
  })
)

export const delegationFilterValidator = vine.compile(
  vine.object({
    box: vine.enum(['incoming', 'outgoing']).optional(),
    status: vine.enum(DELEGATION_STATUSES).optional(),
    scope: vine.enum(['full', 'partial']).optional(),
    unit: vine.string().trim().maxLength(32).optional(),
    q: vine.string().trim().maxLength(100).optional(),
    page: id().optional(),
    per_page: id().max(100).optional(),
  })
)
