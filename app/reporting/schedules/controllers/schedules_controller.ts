import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { AccessDenied, APP_ZONE, today, transaction } from '#core'
import { recordAudit } from '#audit'
import { ROLES, scopeToReach, type User } from '#accounts'
import { authorizeTarget, SaveSchedule } from '../actions/save_schedule.js'
import { RunScheduleNow } from '../actions/run_schedule_now.js'
import {
  authorizeSchedulesArea,
  authorizeScheduleUnit,
  SCHEDULE_ROLES,
} from '../services/access.js'
import { describeCron, nextRuns } from '../services/cron.js'
import { composeMail } from '../services/compose.js'
import { PERIOD_RULES } from '../services/period_rules.js'
import { SEND_FORMATS, sendables } from '../services/sendables.js'
import { findSchedule, rolesOf, type ScheduleRow } from '../services/store.js'
import { runFilterValidator, scheduleValidator } from '../validators/schedule.js'

const PER_PAGE = 25

/**
 * Before the body is validated: the target unit must be in the actor's reach and the report readable by the
 * actor there (refusals are 403 + audited); checkbox lists arrive as one string when a single box is ticked.
 */
async function prepareBody(ctx: HttpContext, user: User) {
  const body = ctx.request.all()
  const roles = body.recipient_roles
  ctx.request.updateBody({
    ...body,
    recipient_roles: roles === undefined || roles === null || roles === '' ? [] : [roles].flat(),
  })
  await authorizeTarget(user, Number(body.unit_id), String(body.report ?? ''))
}

async function loadOwn(ctx: HttpContext): Promise<{ user: User; row: ScheduleRow }> {
  const user = ctx.auth.getUserOrFail()
  const id = Number(ctx.params.id)
  const row = Number.isSafeInteger(id) ? await findSchedule(id) : null
  if (!row) {
    authorizeSchedulesArea(user)
    throw new AccessDenied('not_found', { type: 'schedule', id: ctx.params.id })
  }
  authorizeScheduleUnit(user, { id: row.unit_id, path: row.unit_path }, { type: 'schedule', id })
  return { user, row }
}

function explain(ctx: HttpContext, cron: string) {
  const t = (k: string, d?: Record<string, unknown>) => ctx.i18n.t(k, d as any)
  try {
    return {
      words: describeCron(cron, t),
      next: nextRuns(cron, DateTime.now(), 5).map((d) => d.toFormat('dd/MM/yyyy HH:mm')),
    }
  } catch {
    return { words: '', next: [] as string[] }
  }
}

export default class SchedulesController {
  async formOptions(user: User) {
    const units = await scopeToReach(db.from('units'), user, SCHEDULE_ROLES)
      .whereNull('valid_to')
      .orderBy('path')
      .limit(800)
      .select('id', 'name', 'path')
    return {
      reports: sendables().map((s) => ({
        key: s.key,
        group: s.group,
        vi: s.title('vi'),
        en: s.title('en'),
      })),
      units,
      rules: PERIOD_RULES,
      formats: SEND_FORMATS,
      roles: ROLES,
    }
  }

  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeSchedulesArea(user)
    const rows: ScheduleRow[] = await scopeToReach(
      db.from('schedules'),
      user,
      SCHEDULE_ROLES,
      'unit_path'
    )
      .orderBy('id', 'desc')
      .limit(200)
    const reports = new Map(sendables().map((s) => [s.key, s.title(ctx.i18n.locale)]))
    const schedules = rows.map((r) => ({
      ...r,
      reportTitle: reports.get(r.report) ?? r.report,
      ...explain(ctx, r.cron),
    }))
    return ctx.view.render('schedules/index', { schedules })
  }

  async create(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeSchedulesArea(user)
    return ctx.view.render('schedules/form', {
      schedule: null,
      values: {
        cron: '0 7 1 * *',
        period_rule: 'last_closed',
        format: 'xlsx',
        unit_id: user.unitId,
        recipient_roles: ['head', 'statistician'],
      },
      ...(await this.formOptions(user)),
    })
  }

  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeSchedulesArea(user)
    await prepareBody(ctx, user)
    const input = await ctx.request.validateUsing(scheduleValidator)
    const id = await new SaveSchedule().handle(user, input, ctx.i18n.locale)
    ctx.session.flash('success', ctx.i18n.t('schedules.saved'))
    return ctx.response.redirect().toRoute('schedules.show', { id })
  }

  async edit(ctx: HttpContext) {
    const { user, row } = await loadOwn(ctx)
    return ctx.view.render('schedules/form', {
      schedule: row,
      values: { ...row, recipient_roles: rolesOf(row) },
      ...(await this.formOptions(user)),
    })
  }

  async update(ctx: HttpContext) {
    const { user, row } = await loadOwn(ctx)
    await prepareBody(ctx, user)
    const input = await ctx.request.validateUsing(scheduleValidator)
    await new SaveSchedule().handle(user, input, ctx.i18n.locale, row)
    ctx.session.flash('success', ctx.i18n.t('schedules.saved'))
    return ctx.response.redirect().toRoute('schedules.show', { id: row.id })
  }

  /** One schedule: its rule in words, next five runs, and its run history (filters, paging). */
  async show(ctx: HttpContext) {
    const { row } = await loadOwn(ctx)
    const filters = await runFilterValidator.validate(ctx.request.qs())
    const runs = await this.runsQuery(ctx, filters)
      .where('schedule_id', row.id)
      .paginate(filters.page ?? 1, PER_PAGE)
    runs.baseUrl(ctx.request.url())
    runs.queryString(ctx.request.qs())
    const report = sendables().find((s) => s.key === row.report)
    return ctx.view.render('schedules/show', {
      schedule: row,
      reportTitle: report?.title(ctx.i18n.locale) ?? row.report,
      roles: rolesOf(row),
      ...explain(ctx, row.cron),
      runs,
      filters: ctx.request.qs(),
    })
  }

  /** All runs in reach, filterable by status, schedule and day. */
  async history(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeSchedulesArea(user)
    const filters = await runFilterValidator.validate(ctx.request.qs())
    const query = scopeToReach(this.runsQuery(ctx, filters), user, SCHEDULE_ROLES, 'unit_path')
    if (filters.schedule) query.where('schedule_id', filters.schedule)
    const runs = await query.paginate(filters.page ?? 1, PER_PAGE)
    runs.baseUrl(ctx.request.url())
    runs.queryString(ctx.request.qs())
    if (ctx.request.accepts(['html', 'json']) === 'json') return runs.toJSON()
    return ctx.view.render('schedules/history', { runs, filters: ctx.request.qs() })
  }

  runsQuery(_ctx: HttpContext, f: { status?: string; from?: Date; to?: Date }) {
    const q = db.from('schedule_runs').orderBy('id', 'desc')
    if (f.status) q.where('status', f.status)
    const day = (d: Date, end: boolean) =>
      DateTime.fromJSDate(d)
        .setZone(APP_ZONE, { keepLocalTime: true })
        .startOf('day')
        .plus({ days: end ? 1 : 0 })
        .toUTC()
        .toFormat('yyyy-MM-dd HH:mm:ss')
    if (f.from) q.where('started_at', '>=', day(f.from, false))
    if (f.to) q.where('started_at', '<', day(f.to, true))
    return q
  }

  async runNow(ctx: HttpContext) {
    const { user, row } = await loadOwn(ctx)
    const result = await new RunScheduleNow().handle(user, row)
    if (ctx.request.accepts(['html', 'json']) === 'json') return result
    ctx.session.flash(
      result.status === 'sent' ? 'success' : 'error',
      ctx.i18n.t(`schedules.run_flash.${result.status}`)
    )
    return ctx.response.redirect().toRoute('schedules.show', { id: row.id })
  }

  /** The e-mail exactly as it will be sent for today's run (subject, recipients, body, attachment). */
  async preview(ctx: HttpContext) {
    const { row } = await loadOwn(ctx)
    const mail = await composeMail(row, today())
    return ctx.view.render('schedules/preview', {
      schedule: row,
      mail: {
        ...mail,
        attachment: mail.attachment
          ? { fileName: mail.attachment.fileName, size: mail.attachment.body.length }
          : null,
      },
    })
  }

  async previewAttachment(ctx: HttpContext) {
    const { row } = await loadOwn(ctx)
    const mail = await composeMail(row, today())
    if (!mail.attachment) return ctx.response.notFound()
    ctx.response.header('content-type', mail.attachment.mime)
    ctx.response.attachment(mail.attachment.fileName)
    return ctx.response.send(mail.attachment.body)
  }

  async toggle(ctx: HttpContext) {
    const { user, row } = await loadOwn(ctx)
    await transaction(async (trx) => {
      await trx
        .from('schedules')
        .where('id', row.id)
        .update({ active: !row.active, version: row.version + 1 })
      await recordAudit(
        {
          actor: user,
          unit: { id: row.unit_id, path: row.unit_path },
          action: 'schedule.toggle',
          subjectType: 'schedule',
          subjectId: row.id,
          before: { active: !!row.active },
          after: { active: !row.active },
        },
        trx
      )
    })
    return ctx.response.redirect().toRoute('schedules.show', { id: row.id })
  }
}
