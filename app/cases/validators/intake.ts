import vine from '@vinejs/vine'
import { JUDGMENT_TYPES } from '../models/judgment.js'
import { isoDay } from './shared.js'

export const judgmentValidator = vine.compile(
  vine.object({
    number: vine.string().trim().maxLength(64).optional(),
    judgment_date: isoDay(),
    court: vine.string().trim().minLength(2).maxLength(255),
    type: vine.enum(JUDGMENT_TYPES),
    parties: vine.string().trim().maxLength(5000).optional(),
    summary: vine.string().trim().maxLength(5000).optional(),
    received_on: isoDay(),
  })
)

export const requestValidator = vine.compile(
  vine.object({
    requester: vine.string().trim().minLength(2).maxLength(255),
    received_on: isoDay(),
    content: vine.string().trim().minLength(2).maxLength(5000),
    judgment_id: vine.number().positive().withoutDecimals().optional(),
  })
)

export const refuseValidator = vine.compile(
  vine.object({
    reason: vine.string().trim().minLength(5).maxLength(2000),
    decided_on: isoDay(),
  })
)

const page = vine.number().positive().withoutDecimals().optional()

export const judgmentFilterValidator = vine.compile(
  vine.object({
    q: vine.string().trim().maxLength(100).optional(),
    type: vine.enum(JUDGMENT_TYPES).optional(),
    from: isoDay().optional(),
    to: isoDay().optional(),
    page,
  })
)

export const requestFilterValidator = vine.compile(
  vine.object({
    q: vine.string().trim().maxLength(100).optional(),
    status: vine.enum(['pending', 'accepted', 'refused']).optional(),
    from: isoDay().optional(),
    to: isoDay().optional(),
    page,
  })
)
