import { DateTime } from 'luxon'
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import AuditEvent from '../models/audit_event.js'
import { scopeToReach } from '#accounts'
import { boundedPage, toCsv, whereContains } from '#core'
import db from '@adonisjs/lucid/services/db'
import {
  CODE_NAMESPACES,
  PERSON_KEYS,
  humanDetails,
  personIds,
  resolveNames,
} from '../services/readable.js'

const PER_PAGE = 50

/** The action filter's choices: a DISTINCT over the whole trail, so kept 10 minutes rather than re-read per view. */
let actionsCache: { at: number; list: { action: string }[] } | null = null
async function actionList() {
  if (actionsCache && Date.now() - actionsCache.at < 10 * 60 * 1000) return actionsCache.list
  const list = (await AuditEvent.query().distinct('action').orderBy('action')).map((a) => ({
    action: a.action,
  }))
  actionsCache = { at: Date.now(), list }
  return list
}
const CSV_LIMIT = 100_000

const filterValidator = vine.compile(
  vine.object({
    actor: vine.string().trim().maxLength(254).optional(),
    action: vine.string().trim().maxLength(64).optional(),
    outcome: vine.enum(['ok', 'refused', 'failed']).optional(),
    subject_type: vine.string().trim().maxLength(64).optional(),
    subject_id: vine.string().trim().maxLength(64).optional(),
    from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    page: vine.number().positive().withoutDecimals().optional(),
  })
)

/**
 * The audit viewer: admins see the events of their subtree, inspectors the nation's. Events without a unit
 * (failed logins for unknown e-mails) belong to the national level.
 */
export default class AuditController {
  async index({ request, view, bouncer, i18n, auth }: HttpContext) {
    await bouncer.authorize('readAudit')
    const filters = await filterValidator.validate(request.qs())
    // No exact COUNT of the whole trail per view: the total stops at 10,000 (labelled "more than").
    const page = await boundedPage<AuditEvent>(
      this.query(request, filters),
      this.query(request, filters).clearOrder().select('audit_events.id'),
      filters.page ?? 1,
      PER_PAGE
    )
    const events = page.paginator
    events.baseUrl(request.url()).queryString({ ...request.qs(), page: undefined })
    const actions = await actionList()
    const rows = page.rows
    const { actors, subjects } = await resolveNames(rows)
    const people = new Map<string, string>()
    const ids = personIds(rows)
    if (ids.length)
      for (const u of await db.from('users').whereIn('id', ids).select('id', 'full_name'))
        people.set(String(u.id), String(u.full_name))
    const label = (key: string, value: string) => {
      if (PERSON_KEYS.has(key)) return people.get(value) ?? null
      const ns = CODE_NAMESPACES[key]
      return ns ? i18n.t(`${ns}.${value}`, {}, value) : null
    }
    return view.render('audit/index', {
      events,
      capped: page.capped,
      readable: Object.fromEntries(
        rows.map((e) => [
          e.id,
          {
            actor: e.actorId ? (actors.get(e.actorId) ?? null) : null,
            subject: subjects.get(`${e.subjectType}:${e.subjectId}`) ?? null,
            details: humanDetails(e.before, e.after, label),
          },
        ])
      ),
      filters,
      actions: actions.map((a) => a.action),
      qs: request.qs(),
      // account pages are for admins; an inspector reads the names without a link it would be refused
      canOpenUsers: auth.getUserOrFail().hasRole('admin'),
    })
  }

  async export({ request, response, bouncer }: HttpContext) {
    await bouncer.authorize('readAudit')
    const filters = await filterValidator.validate(request.qs())
    const rows = await this.query(request, filters).limit(CSV_LIMIT)
    const csv = toCsv(
      [
        'id',
        'occurred_at',
        'actor_email',
        'action',
        'outcome',
        'subject_type',
        'subject_id',
        'unit_id',
        'ip',
        'request_id',
        'before',
        'after',
      ],
      rows.map((e) => [
        e.id,
        e.occurredAt.toISO(),
        e.actorEmail,
        e.action,
        e.outcome,
        e.subjectType,
        e.subjectId,
        e.unitId,
        e.ip,
        e.requestId,
        e.before,
        e.after,
      ])
    )
    response.header('content-type', 'text/csv; charset=utf-8')
    response.header(
      'content-disposition',
      `attachment; filename="audit-${DateTime.now().toFormat('yyyyLLdd-HHmm')}.csv"`
    )
    return response.send(csv)
  }

  private query(
    request: HttpContext['request'],
    filters: Awaited<ReturnType<typeof filterValidator.validate>>
  ) {
    const user = request.ctx!.auth.getUserOrFail()
    const query = AuditEvent.query().orderBy('id', 'desc')
    if (!user.hasRole('inspector') && user.unit.level !== 'national') {
      scopeToReach(query, user, ['admin'], 'unit_path')
    }
    // LIKE wildcards typed in the filter match themselves (shared ESCAPE '!', SQLite and MariaDB).
    if (filters.actor) whereContains(query, ['actor_email'], filters.actor)
    if (filters.action) query.where('action', filters.action)
    if (filters.outcome) query.where('outcome', filters.outcome)
    if (filters.subject_type) query.where('subject_type', filters.subject_type)
    if (filters.subject_id) query.where('subject_id', filters.subject_id)
    if (filters.from)
      query.where(
        'occurred_at',
        '>=',
        DateTime.fromJSDate(filters.from).toFormat('yyyy-MM-dd 00:00:00')
      )
    if (filters.to)
      query.where(
        'occurred_at',
        '<=',
        DateTime.fromJSDate(filters.to).toFormat('yyyy-MM-dd 23:59:59')
      )
    return query
  }
}
