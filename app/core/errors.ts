import { Exception } from '@adonisjs/core/exceptions'

/**
 * Refused by role or jurisdiction. The exception handler audits it and renders a 403 page (JSON for the API).
 * `reason` is an i18n key under `errors.` so the user reads it in its own language.
 */
export class AccessDenied extends Exception {
  static status = 403
  static code = 'E_ACCESS_DENIED'
  constructor(
    public reason = 'forbidden',
    public subject?: { type: string; id?: string | number | null }
  ) {
    super(`Access denied: ${reason}`)
  }
}

/**
 * A rule of the domain refused the action (e.g. a transition the law does not allow, a closed period).
 * `key` is an i18n key; `data` fills its placeholders. Rendered as a flash error on pages, 422 in JSON.
 */
export class RuleViolation extends Exception {
  static status = 422
  static code = 'E_RULE_VIOLATION'
  constructor(
    public key: string,
    public data: Record<string, unknown> = {}
  ) {
    super(key)
  }
}

/**
 * Which form field a rule refusal is about, so pages show it next to that field (not only as a banner).
 * Modules register their keys at boot: `registerRuleFields({ 'cases.errors.receipt_required': 'receipt_number' })`.
 */
const ruleFields = new Map<string, string>()

export function registerRuleFields(map: Record<string, string>) {
  for (const [key, field] of Object.entries(map)) ruleFields.set(key, field)
}

export function ruleFieldOf(error: RuleViolation): string | null {
  const explicit = error.data?.field
  if (typeof explicit === 'string') return explicit
  return ruleFields.get(error.key) ?? null
}
