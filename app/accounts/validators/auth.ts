import vine from '@vinejs/vine'
import { passwordPolicy } from './password_rule.js'

export const loginValidator = vine.compile(
  vine.object({
    email: vine.string().trim().toLowerCase().maxLength(254),
    password: vine.string().maxLength(255),
  })
)

export const changePasswordValidator = vine.compile(
  vine.object({
    current_password: vine.string().maxLength(255),
    password: vine
      .string()
      .maxLength(255)
      .use(passwordPolicy())
      .confirmed({ confirmationField: 'password_confirmation' }),
  })
)
