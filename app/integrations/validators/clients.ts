import vine from '@vinejs/vine'

export const clientValidator = vine.compile(
  vine.object({
    name: vine.string().trim().minLength(2).maxLength(255),
    owner_unit_id: vine.number().positive().withoutDecimals(),
    contact_name: vine.string().trim().maxLength(255).optional(),
    contact_email: vine.string().trim().email().maxLength(255),
    endpoint_url: vine
      .string()
      .trim()
      .url({ require_tld: false, protocols: ['http', 'https'] })
      .maxLength(1024)
      .optional(),
    plugin_id: vine.string().trim().maxLength(64).optional(),
  })
)

export const changeValidator = vine.compile(
  vine.object({
    endpoint_url: vine
      .string()
      .trim()
      .url({ require_tld: false, protocols: ['http', 'https'] })
      .maxLength(1024)
      .optional(),
    contact_email: vine.string().trim().email().maxLength(255).optional(),
    status: vine.enum(['active', 'disabled']).optional(),
  })
)

export const scopeValidator = vine.compile(
  vine.object({
    unit_id: vine.number().positive().withoutDecimals(),
    data_kind: vine.string().trim().maxLength(32),
    access: vine.enum(['read', 'write']),
    remove: vine.boolean().optional(),
  })
)

export const credentialValidator = vine.compile(
  vine.object({
    kind: vine.enum(['token', 'secret']),
    rotate: vine.boolean().optional(),
    grace_hours: vine.number().min(0).max(720).optional(),
    expires_in_days: vine.number().min(1).max(3650).optional(),
  })
)

export const replayValidator = vine.compile(
  vine.object({
    message_id: vine.number().positive().withoutDecimals().optional(),
    since: vine
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/)
      .optional(),
  })
)

export const trafficFilter = vine.compile(
  vine.object({
    kind: vine.enum(['requests', 'deliveries', 'failures']).optional(),
    status: vine.number().optional(),
    page: vine.number().min(1).optional(),
  })
)
