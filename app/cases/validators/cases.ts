import vine from '@vinejs/vine'
import { CASE_STATUSES, EVENT_TYPES } from '../state_machine.js'
import { isoDay, vnd } from './shared.js'

export const CASE_SORTS = ['decision_date', 'number', 'remaining', 'status', 'debtor_name'] as const

export const caseFilterValidator = vine.compile(
  vine.object({
    q: vine.string().trim().maxLength(100).optional(),
    status: vine.enum([...CASE_STATUSES, 'open']).optional(),
    officer_id: vine.number().positive().withoutDecimals().optional(),
    kind: vine.enum(['ex_officio', 'on_request']).optional(),
    origin: vine.enum(['new', 'delegated_in', 'withdrawn_in']).optional(),
    from: isoDay().optional(),
    to: isoDay().optional(),
    credit: vine.boolean().optional(),
    sort: vine.enum(CASE_SORTS).optional(),
    dir: vine.enum(['asc', 'desc']).optional(),
    page: vine.number().positive().withoutDecimals().optional(),
    per_page: vine.number().positive().withoutDecimals().max(100).optional(),
    // keyset cursors of the case list (services/case_list.ts)
    after: vine.string().maxLength(1000).optional(),
    before: vine.string().maxLength(1000).optional(),
  })
)

export const eventValidator = vine.compile(
  vine.object({
    type: vine.enum(EVENT_TYPES),
    effective_date: isoDay(),
    document_number: vine.string().trim().maxLength(64).optional(),
    legal_ground: vine.string().trim().maxLength(64).optional(),
    amount: vnd().optional(),
    result: vine.enum(['has_conditions', 'no_conditions']).optional(),
    note: vine.string().trim().maxLength(2000).optional(),
  })
)

export const moneyValidator = vine.compile(
  vine.object({
    kind: vine.enum(['collected', 'paid_out', 'fee', 'obligation_amended']),
    amount: vnd(),
    effective_date: isoDay(),
    receipt_number: vine.string().trim().maxLength(64).optional(),
    payee: vine.enum(['creditor', 'state_budget']).optional(),
    document_number: vine.string().trim().maxLength(64).optional(),
    note: vine.string().trim().maxLength(2000).optional(),
  })
)

export const assignValidator = vine.compile(
  vine.object({
    officer_id: vine.number().positive().withoutDecimals(),
    effective_date: isoDay(),
    note: vine.string().trim().maxLength(2000).optional(),
  })
)

export const tokenValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(100),
    abilities: vine
      .array(vine.enum(['cases:read', 'cases:write']))
      .minLength(1)
      .distinct(),
  })
)
