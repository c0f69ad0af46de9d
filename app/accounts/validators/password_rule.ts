import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { passwordPolicyFailures } from '../password_policy.js'

/** VineJS rule wrapping the password policy; each failed rule is its own message. */
export const passwordPolicy = vine.createRule(
  (value: unknown, _options: undefined, field: FieldContext) => {
    if (typeof value !== 'string') return
    const english: Record<string, string> = {
      password_length: 'The password must have at least 8 characters',
      password_upper: 'The password must contain an upper-case letter',
      password_lower: 'The password must contain a lower-case letter',
      password_special: 'The password must contain a special character',
    }
    for (const rule of passwordPolicyFailures(value)) {
      field.report(english[rule], rule, field)
    }
  }
)
