import vine from '@vinejs/vine'
import { BOARD_STATES } from '../services/submission_board.js'

const formId = () =>
  vine
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/)
const year = () => vine.number().withoutDecimals().range([2000, 2100])
const period = () => vine.number().withoutDecimals().range([1, 12])

export const submitFormValidator = vine.compile(
  vine.object({
    form: formId(),
    unit: vine.string().trim().maxLength(64),
    year: year(),
    period: period(),
  })
)

/** A return for correction must say why. */
export const returnValidator = vine.compile(
  vine.object({
    reason: vine.string().trim().minLength(5).maxLength(2000),
  })
)

export const boardFilterValidator = vine.compile(
  vine.object({
    form: formId().optional(),
    unit: vine.string().trim().maxLength(64).optional(),
    year: year().optional(),
    period: period().optional(),
    status: vine.enum(BOARD_STATES).optional(),
  })
)
