import vine from '@vinejs/vine'
import { ROLES } from '../roles.js'

const roles = vine.array(vine.enum(ROLES)).minLength(1).distinct()

export const createUserValidator = vine.compile(
  vine.object({
    email: vine.string().trim().toLowerCase().email().maxLength(254),
    full_name: vine.string().trim().minLength(2).maxLength(255),
    unit_id: vine.number().positive().withoutDecimals(),
    roles,
  })
)

export const updateUserValidator = vine.compile(
  vine.object({
    full_name: vine.string().trim().minLength(2).maxLength(255),
    unit_id: vine.number().positive().withoutDecimals(),
    roles,
  })
)

export const userFilterValidator = vine.compile(
  vine.object({
    q: vine.string().trim().maxLength(100).optional(),
    unit_id: vine.number().positive().withoutDecimals().optional(),
    role: vine.enum(ROLES).optional(),
    status: vine.enum(['active', 'revoked']).optional(),
    page: vine.number().positive().withoutDecimals().optional(),
  })
)
