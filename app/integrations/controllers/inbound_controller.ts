import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { recordAudit } from '#audit'
import { RuleViolation, isWorkingDay, today, transaction } from '#core'
import {
  authenticateInbound,
  holdsScope,
  IntegrationRefusal,
  type InboundClient,
} from '../services/inbound_auth.js'
import { inboundEndpoint } from '../services/plugins.js'
import { stamp } from '../services/time.js'

/**
 * /api/integrations/v1/*: every inbound call of an integrator client. Authenticates, dispatches to the
 * plugin endpoint, checks scope (403 audited), audits the call (who, what, which units) and logs traffic.
 */
export default class InboundController {
  async handle(ctx: HttpContext) {
    const started = Date.now()
    let client: InboundClient | null = null
    const units: string[] = []
    let status = 500
    let errorCode: string | null = null
    try {
      client = await authenticateInbound(ctx)
      const path = String(ctx.params['*']?.join?.('/') ?? ctx.params.path ?? '')
      const method = ctx.request.method()
      if (method === 'GET' && path === 'me') {
        status = 200
        return {
          data: { id: client.id, name: client.name, scopes: client.scopes },
        }
      }
      const endpoint = inboundEndpoint(method, path)
      if (!endpoint) throw new IntegrationRefusal('E_NOT_FOUND', 404, { path }, client.id)
      const c = client
      const result = await endpoint.handle({
        ctx,
        client: c,
        requireScope(dataKind, access, unitPath) {
          units.push(unitPath)
          if (!holdsScope(c, dataKind, access, unitPath))
            throw new IntegrationRefusal(
              'E_OUT_OF_SCOPE',
              403,
              { dataKind, access, unit: unitPath },
              c.id
            )
        },
        async transaction(work) {
          await isWorkingDay(today())
          return transaction(work)
        },
        audit: (trx, entry) => recordAudit({ ...entry, actorEmail: `client:${c.id}` }, trx),
        rejectUnknownFields(body, allowed) {
          const unknown = Object.keys(body).filter((k) => !allowed.includes(k))
          if (unknown.length)
            throw new IntegrationRefusal('E_UNKNOWN_FIELDS', 422, { fields: unknown }, c.id)
        },
      })
      status = ctx.response.getStatus()
      await recordAudit({
        actorEmail: `client:${c.id}`,
        action: 'integration.inbound_call',
        subjectType: 'integration_client',
        subjectId: c.id,
        after: { client: c.name, endpoint: `${method} ${endpoint.path}`, units, status },
      })
      return result
    } catch (error: any) {
      if (error instanceof IntegrationRefusal) {
        status = error.httpStatus
        errorCode = error.code
        if (!error.clientId && client) error.clientId = client.id
      } else if (error instanceof RuleViolation) {
        status = 422
        errorCode = error.key
      } else {
        status = error?.status ?? 500
        errorCode = error?.code ?? 'E_SERVER'
      }
      throw error
    } finally {
      await db
        .insertQuery()
        .table('integration_requests')
        .insert({
          client_id: client?.id ?? null,
          method: ctx.request.method(),
          path: ctx.request.url().slice(0, 512),
          status,
          units: units.join(',').slice(0, 512) || null,
          error: errorCode?.slice(0, 255) ?? null,
          duration_ms: Date.now() - started,
          occurred_at: stamp(),
        })
        .catch(() => {})
    }
  }
}
