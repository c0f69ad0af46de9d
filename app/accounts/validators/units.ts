import vine from '@vinejs/vine'
import { UNIT_LEVELS } from '../roles.js'

const isoDay = () => vine.date({ formats: ['YYYY-MM-DD'] })

export const createUnitValidator = vine.compile(
  vine.object({
    code: vine
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9._-]{1,32}$/),
    name: vine.string().trim().minLength(2).maxLength(255),
    level: vine.enum(UNIT_LEVELS),
    parent_id: vine.number().positive().withoutDecimals(),
    valid_from: isoDay(),
  })
)

export const renameUnitValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(255),
    effective_date: isoDay(),
  })
)

export const closeUnitValidator = vine.compile(
  vine.object({
    valid_to: isoDay(),
    successor_id: vine.number().positive().withoutDecimals().optional(),
  })
)

export const unitFilterValidator = vine.compile(
  vine.object({
    q: vine.string().trim().maxLength(100).optional(),
    level: vine.enum(UNIT_LEVELS).optional(),
    on: isoDay().optional(),
    include_closed: vine.boolean().optional(),
  })
)
