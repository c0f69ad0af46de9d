import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { reachPrefix, type User } from '#accounts'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '../services/record_audit.js'
import { ALERT_RULES, ruleSettings, saveRule } from '../services/alerts/rules.js'

const STATUSES = ['open', 'acknowledged', 'resolved'] as const
const PER_PAGE = 50

/** The admin's reach over alerts (its unit's subtree; national admins see all). */
function prefixOf(user: User, subject: { type: string; id?: number }): string {
  const prefix = reachPrefix(user, ['admin'])
  if (!prefix) throw new AccessDenied('forbidden', subject)
  return prefix
}

async function alertInReach(user: User, id: number) {
  const prefix = prefixOf(user, { type: 'security_alert', id })
  const alert = await db.from('security_alerts').where('id', id).first()
  if (!alert) throw new RuleViolation('security.alerts.not_found')
  if (!String(alert.unit_path).startsWith(prefix))
    throw new AccessDenied('outside_jurisdiction', { type: 'security_alert', id })
  return alert
}

const filterValidator = vine.compile(
  vine.object({
    status: vine.enum([...STATUSES, 'all']).optional(),
    page: vine.number().withoutDecimals().min(1).max(100000).optional(),
  })
)

const rulesValidator = vine.compile(
  vine.object({
    rules: vine.array(
      vine.object({
        rule: vine.enum(ALERT_RULES),
        enabled: vine.boolean().optional(),
        threshold: vine.number().withoutDecimals().min(0).max(100000),
        window_minutes: vine.number().withoutDecimals().min(1).max(100000),
        extra: vine.number().withoutDecimals().min(0).max(100000).optional(),
      })
    ),
  })
)

/** Intrusion alerts per admin scope: list, evidence, acknowledge/resolve; rule thresholds (national admin). */
export default class AlertsController {
  async index({ view, auth, request }: HttpContext) {
    const user = auth.getUserOrFail()
    const prefix = prefixOf(user, { type: 'security_alerts' })
    const filters = await filterValidator.validate(request.qs())
    const status = filters.status ?? 'open'
    const query = db
      .from('security_alerts')
      .where('unit_path', 'like', `${prefix}%`)
      .orderBy('id', 'desc')
    if (status === 'open') query.whereIn('status', ['open', 'acknowledged'])
    else if (status !== 'all') query.where('status', status)
    const alerts = await query.paginate(filters.page ?? 1, PER_PAGE)
    alerts.baseUrl(request.url()).queryString({ status })
    return view.render('audit/alerts/index', { alerts, status, statuses: [...STATUSES, 'all'] })
  }

  async show({ view, auth, params }: HttpContext) {
    const user = auth.getUserOrFail()
    const alert = await alertInReach(user, Number(params.id) || 0)
    const evidence = JSON.parse(alert.evidence)
    const rows = evidence.auditIds.length
      ? await db
          .from('audit_events')
          .whereIn('id', evidence.auditIds.slice(0, 50))
          .orderBy('id', 'desc')
      : []
    return view.render('audit/alerts/show', {
      alert,
      facts: evidence.facts ?? {},
      rows: rows.map((r) => ({
        ...r,
        occurredAt: DateTime.fromJSDate(new Date(String(r.occurred_at).replace(' ', 'T') + 'Z')),
      })),
    })
  }

  async acknowledge(ctx: HttpContext) {
    return this.move(ctx, 'acknowledged')
  }

  async resolve(ctx: HttpContext) {
    return this.move(ctx, 'resolved')
  }

  private async move(ctx: HttpContext, status: 'acknowledged' | 'resolved') {
    const user = ctx.auth.getUserOrFail()
    const id = Number(ctx.params.id) || 0
    const alert = await alertInReach(user, id)
    const note = String(ctx.request.input('note') ?? '').slice(0, 2000) || null
    if (alert.status === 'resolved' || alert.status === status)
      throw new RuleViolation('security.alerts.already', { status })
    const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
    await transaction(async (trx) => {
      await trx
        .from('security_alerts')
        .where('id', id)
        .update(
          status === 'acknowledged'
            ? { status, acknowledged_by_id: user.id, acknowledged_at: now }
            : { status, resolved_by_id: user.id, resolved_at: now, resolution_note: note }
        )
      await recordAudit(
        {
          actor: user,
          unit: { id: alert.unit_id ?? user.unitId, path: alert.unit_path },
          action: `security.alert_${status}`,
          subjectType: 'security_alert',
          subjectId: id,
          before: { status: alert.status },
          after: { status, note },
        },
        trx
      )
    })
    ctx.session.flash('success', ctx.i18n.t(`security.alerts.flash.${status}`))
    return ctx.response.redirect().toRoute('alerts.show', { id })
  }

  async rules({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    prefixOf(user, { type: 'alert_rules' })
    const settings = await ruleSettings()
    return view.render('audit/alerts/rules', {
      rules: ALERT_RULES.map((r) => settings[r]),
      canEdit: user.unit.level === 'national' && user.hasRole('admin'),
    })
  }

  async saveRules({ auth, request, response, session, i18n }: HttpContext) {
    const user = auth.getUserOrFail()
    // Thresholds are national: only the national admin tunes them (authorized before the body is read).
    if (!(user.hasRole('admin') && user.unit.level === 'national'))
      throw new AccessDenied('national_admin_only', { type: 'alert_rules' })
    const input = await rulesValidator.validate(request.all())
    const before = await ruleSettings()
    await transaction(async (trx) => {
      for (const r of input.rules) {
        await saveRule(
          {
            rule: r.rule,
            enabled: r.enabled ?? false,
            threshold: r.threshold,
            windowMinutes: r.window_minutes,
            extra: r.extra ?? null,
          },
          user.id,
          trx
        )
      }
      await recordAudit(
        {
          actor: user,
          unit: user.unit,
          action: 'security.alert_rules_changed',
          subjectType: 'alert_rules',
          subjectId: 'all',
          before: { rules: input.rules.map((r) => before[r.rule]) },
          after: { rules: input.rules },
        },
        trx
      )
    })
    session.flash('success', i18n.t('security.alerts.flash.rules_saved'))
    return response.redirect().toRoute('alerts.rules')
  }
}
