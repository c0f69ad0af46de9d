import vine from '@vinejs/vine'
import { isoDay } from './shared.js'
import { DEADLINE_KINDS, REVERIFY_REASONS } from '../services/deadlines/rules.js'
import { PUBLICATION_ACTIONS } from '../actions/record_publication.js'

export const overdueFilterValidator = vine.compile(
  vine.object({
    officer_id: vine.number().withoutDecimals().positive().optional(),
    kind: vine.enum(DEADLINE_KINDS).optional(),
    page: vine.number().withoutDecimals().min(1).optional(),
  })
)

export const publicationValidator = vine.compile(
  vine.object({
    action: vine.enum(PUBLICATION_ACTIONS),
    effective_date: isoDay(),
    reference: vine.string().trim().maxLength(128).optional(),
  })
)

export const reverifyValidator = vine.compile(
  vine.object({
    reason: vine.enum(['six_months', ...REVERIFY_REASONS] as const),
  })
)
