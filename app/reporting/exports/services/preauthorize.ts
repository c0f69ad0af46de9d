/**
 * Authorization before validation for background exports (see `registerPreauthorization` in #core): the unit
 * named in the body (peeked) must be readable by the user — the same rule as the report (authorizeReport) —
 * so a malformed request for a unit out of reach is 403 + audit, never a 422.
 */
import type { HttpContext } from '@adonisjs/core/http'
import type { User } from '#accounts'
import { registerPreauthorization } from '#core'
import { authorizeReport, authorizeReportsArea } from '../../services/access.js'
import { unitByCodeOrId } from '../../services/context.js'

async function exportRule(ctx: HttpContext, user: User) {
  const ref = String(ctx.request.input('unit') ?? '').trim()
  if (!ref || ref.length > 64) {
    authorizeReportsArea(user)
    return
  }
  const unit = await unitByCodeOrId(ref)
  if (unit) authorizeReport(user, unit)
  else authorizeReportsArea(user)
}

export function registerExportsPreauthorization() {
  registerPreauthorization('POST /reports/exports', exportRule as any)
}
