import vine from '@vinejs/vine'
import { EDIT_REQUEST_STATUSES } from '../models/edit_request.js'
import { MAX_EXCEPTION_DAYS } from '../actions/approve_edit_request.js'

const month = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)

/** Case ids typed as "12, 15 18": split on commas and spaces into positive integers. */
const caseIds = () =>
  vine
    .string()
    .trim()
    .maxLength(2000)
    .regex(/^[\d,;\s]*$/)
    .transform((value) =>
      [
        ...new Set(
          value
            .split(/[\s,;]+/)
            .filter(Boolean)
            .map(Number)
        ),
      ].filter((n) => Number.isSafeInteger(n) && n > 0)
    )
    .optional()

export const fileEditRequestValidator = vine.compile(
  vine.object({
    unit_id: vine.number().positive().withoutDecimals(),
    month: month(),
    explanation: vine.string().trim().minLength(20).maxLength(5000),
    case_ids: caseIds(),
    case_numbers: vine.string().trim().maxLength(2000).optional(),
  })
)

export const commentValidator = vine.compile(
  vine.object({
    comment: vine.string().trim().maxLength(2000).optional(),
  })
)

/** Refusals must say why. */
export const reasonValidator = vine.compile(
  vine.object({
    comment: vine.string().trim().minLength(5).maxLength(2000),
  })
)

export const approveValidator = vine.compile(
  vine.object({
    days: vine.number().withoutDecimals().range([1, MAX_EXCEPTION_DAYS]).optional(),
    comment: vine.string().trim().maxLength(2000).optional(),
  })
)

export const requestFilterValidator = vine.compile(
  vine.object({
    status: vine.enum([...EDIT_REQUEST_STATUSES, 'active', 'awaiting_me'] as const).optional(),
    unit_id: vine.number().positive().withoutDecimals().optional(),
    month: month().optional(),
    mine: vine.boolean().optional(),
    page: vine.number().positive().withoutDecimals().optional(),
  })
)
