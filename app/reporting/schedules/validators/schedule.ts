import vine from '@vinejs/vine'
import { ROLES } from '#accounts'
import { PERIOD_RULES } from '../services/period_rules.js'
import { SEND_FORMATS } from '../services/sendables.js'

export const scheduleValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(1).maxLength(200),
    report: vine.string().trim().maxLength(120),
    unit_id: vine.number().withoutDecimals().positive(),
    period_rule: vine.enum(PERIOD_RULES),
    format: vine.enum(SEND_FORMATS),
    cron: vine.string().trim().maxLength(120),
    recipient_roles: vine.array(vine.enum(ROLES)).optional(),
    recipients_below: vine.boolean().optional(),
    extra_emails: vine
      .string()
      .trim()
      .maxLength(2000)
      .optional()
      .transform((v) => v ?? ''),
    active: vine.boolean().optional(),
  })
)

export const runFilterValidator = vine.compile(
  vine.object({
    status: vine.enum(['running', 'sent', 'partial', 'failed'] as const).optional(),
    schedule: vine.number().withoutDecimals().positive().optional(),
    from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    page: vine.number().withoutDecimals().positive().optional(),
  })
)
