import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { Unit, scopeToReach } from '#accounts'
import { AccessDenied, boundedPaginate } from '#core'
import { manageableClients, loadManagedClient, adminPrefix } from '../services/access.js'
import { dataKinds, integrationPlugins } from '../services/plugins.js'
import { RegisterClient } from '../actions/register_client.js'
import { ChangeClient } from '../actions/change_client.js'
import { SetScope } from '../actions/set_scope.js'
import { IssueCredential } from '../actions/issue_credential.js'
import { RevokeCredential } from '../actions/revoke_credential.js'
import { ReplayMessages } from '../actions/replay_messages.js'
import {
  changeValidator,
  clientValidator,
  credentialValidator,
  replayValidator,
  scopeValidator,
  trafficFilter,
} from '../validators/clients.js'

const PER_PAGE = 25

function requireAdmin(ctx: HttpContext) {
  const user = ctx.auth.user!
  if (adminPrefix(user) === null)
    throw new AccessDenied('integration_admin_only', { type: 'route' })
  return user
}

/** Admin pages at /integrations: clients, scopes, credentials, traffic, failed messages and replay. */
export default class ClientsController {
  async index(ctx: HttpContext) {
    const user = requireAdmin(ctx)
    const page = Math.max(1, Number(ctx.request.input('page', 1)) || 1)
    const clients = await manageableClients(user)
      .leftJoin('units as u', 'u.id', 'ic.owner_unit_id')
      .orderBy('ic.id', 'desc')
      .select('ic.*', 'u.name as owner_name')
      .paginate(page, PER_PAGE)
    clients.baseUrl('/integrations')
    const units = await scopeToReach(Unit.query().orderBy('path'), user, ['admin']).limit(800)
    return ctx.view.render('integrations/index', {
      clients,
      units,
      plugins: integrationPlugins().map((p) => p.id),
    })
  }

  async store(ctx: HttpContext) {
    const user = requireAdmin(ctx)
    const body = await ctx.request.validateUsing(clientValidator)
    const id = await new RegisterClient().handle(user, {
      name: body.name,
      ownerUnitId: body.owner_unit_id,
      contactName: body.contact_name,
      contactEmail: body.contact_email,
      endpointUrl: body.endpoint_url,
      pluginId: body.plugin_id,
    })
    ctx.session.flash('success', ctx.i18n.t('integrations.flash.registered'))
    return ctx.response.redirect().toRoute('integrations.show', { id })
  }

  async show(ctx: HttpContext) {
    const user = requireAdmin(ctx)
    const id = Number(ctx.params.id)
    const client = await loadManagedClient(user, id)
    const filters = await trafficFilter.validate(ctx.request.qs())
    const page = filters.page ?? 1
    const [scopes, credentials] = await Promise.all([
      db
        .from('integration_scopes as s')
        .join('units as u', 'u.id', 's.unit_id')
        .where('s.client_id', id)
        .select('s.*', 'u.code', 'u.name as unit_name'),
      db
        .from('integration_credentials')
        .where('client_id', id)
        .orderBy('id', 'desc')
        .select(
          'id',
          'kind',
          'hint',
          'status',
          'expires_at',
          'valid_until',
          'last_used_at',
          'created_at'
        ),
    ])
    const kind = filters.kind ?? 'deliveries'
    let traffic
    if (kind === 'requests') {
      const q = db.from('integration_requests').where('client_id', id)
      if (filters.status) q.where('status', filters.status)
      traffic = await boundedPaginate<any>(q.orderBy('id', 'desc'), page, PER_PAGE)
    } else {
      const q = db.from('integration_outbox').where('client_id', id)
      if (kind === 'failures')
        q.where((w) =>
          w.where('status', 'failed').orWhere('attempts', '>', 0).whereNot('status', 'delivered')
        )
      if (filters.status) q.where('last_status', filters.status)
      q.orderBy('id', 'desc').select(
        'id',
        'message_id',
        'event_type',
        'status',
        'attempts',
        'last_status',
        'last_error',
        'due_on',
        'created_at',
        'delivered_at',
        'next_attempt_at'
      )
      // The traffic of a busy client grows without end: no exact COUNT per view (issue 10).
      traffic = await boundedPaginate<any>(q, page, PER_PAGE)
    }
    traffic.baseUrl(`/integrations/${id}`)
    traffic.queryString({ kind, ...(filters.status ? { status: filters.status } : {}) })
    const ids = kind === 'requests' ? [] : traffic.all().map((r: any) => r.id)
    const attempts = ids.length
      ? await db.from('integration_attempts').whereIn('outbox_id', ids).orderBy('id').select('*')
      : []
    const counts = await db
      .from('integration_outbox')
      .where('client_id', id)
      .groupBy('status')
      .select('status')
      .count('* as n')
    const units = await scopeToReach(Unit.query().orderBy('path'), user, ['admin']).limit(800)
    return ctx.view.render('integrations/show', {
      client,
      scopes,
      credentials,
      traffic,
      kind,
      filters,
      attempts,
      counts: Object.fromEntries(counts.map((c: any) => [c.status, Number(c.n)])),
      units,
      kinds: dataKinds(),
      revealed: ctx.session.flashMessages.get('revealed'),
    })
  }

  async update(ctx: HttpContext) {
    const user = requireAdmin(ctx)
    const body = await ctx.request.validateUsing(changeValidator)
    await new ChangeClient().handle(user, Number(ctx.params.id), {
      endpointUrl: body.endpoint_url,
      contactEmail: body.contact_email,
      status: body.status,
    })
    ctx.session.flash('success', ctx.i18n.t('integrations.flash.changed'))
    return ctx.response.redirect().back()
  }

  async scope(ctx: HttpContext) {
    const user = requireAdmin(ctx)
    const body = await ctx.request.validateUsing(scopeValidator)
    await new SetScope().handle(
      user,
      Number(ctx.params.id),
      { unitId: body.unit_id, dataKind: body.data_kind, access: body.access },
      !body.remove
    )
    ctx.session.flash('success', ctx.i18n.t('integrations.flash.changed'))
    return ctx.response.redirect().back()
  }

  async issue(ctx: HttpContext) {
    const user = requireAdmin(ctx)
    const body = await ctx.request.validateUsing(credentialValidator)
    const created = await new IssueCredential().handle(user, Number(ctx.params.id), {
      kind: body.kind,
      rotate: body.rotate,
      graceHours: body.grace_hours,
      expiresInDays: body.expires_in_days ?? null,
    })
    ctx.session.flash('revealed', { kind: body.kind, value: created.value })
    return ctx.response.redirect().toRoute('integrations.show', { id: ctx.params.id })
  }

  async revoke(ctx: HttpContext) {
    const user = requireAdmin(ctx)
    await new RevokeCredential().handle(user, Number(ctx.params.id), Number(ctx.params.cid))
    ctx.session.flash('success', ctx.i18n.t('integrations.flash.revoked'))
    return ctx.response.redirect().back()
  }

  async replay(ctx: HttpContext) {
    const user = requireAdmin(ctx)
    const body = await ctx.request.validateUsing(replayValidator)
    const n = await new ReplayMessages().handle(user, Number(ctx.params.id), {
      messageId: body.message_id,
      since: body.since,
    })
    ctx.session.flash('success', ctx.i18n.t('integrations.flash.replayed', { n }))
    return ctx.response.redirect().back()
  }
}
