/** The completeness dashboard (SPEC §9) and the list of cases behind each of its figures (keyset-paged). */
import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { addDays, endOfMonth, RuleViolation, today } from '#core'
import { scopeToReach, Unit } from '#accounts'
import { FORM_READER_ROLES } from '../../services/access.js'
import { yearStart } from '../services/range.js'
import { authorizeRead } from '../../reconciliation/access.js'
import { qs, resolveUnit, wantsJson } from '../../reconciliation/controllers/shared.js'
import { defaultLayout } from '../../services/context.js'
import {
  completeness,
  listBehind,
  MAX_RANGE_DAYS,
  type CompletenessQuery,
} from '../services/completeness.js'

const ISO = /^\d{4}-\d{2}-\d{2}$/
const queryValidator = vine.compile(
  vine.object({
    unit: vine.string().trim().maxLength(64).optional(),
    from: vine.string().trim().regex(ISO).optional(),
    to: vine.string().trim().regex(ISO).optional(),
    days: vine.number().withoutDecimals().range([0, 60]).optional(),
    idle: vine.number().withoutDecimals().range([1, 3650]).optional(),
    by: vine.enum(['unit', 'officer'] as const).optional(),
    kind: vine.enum(['entered', 'on_time', 'late', 'open', 'idle'] as const).optional(),
    group: vine.number().withoutDecimals().min(0).optional(),
    after: vine.number().withoutDecimals().min(0).optional(),
  })
)

async function prepare(ctx: HttpContext) {
  const user = ctx.auth.getUserOrFail()
  authorizeRead(user)
  const input = await queryValidator.validate(ctx.request.qs())
  const unit = await resolveUnit(user, input.unit)
  authorizeRead(user, unit)
  const now = today()
  const to = input.to ?? now
  const from = input.from ?? yearStart(now)
  if (from > to) throw new RuleViolation('completeness.bad_range', {})
  if (addDays(from, MAX_RANGE_DAYS - 1) < to)
    throw new RuleViolation('completeness.range_too_long', { days: MAX_RANGE_DAYS })
  const query: CompletenessQuery = {
    unit,
    from,
    to,
    days: input.days ?? 5,
    idle: input.idle ?? 30,
    by: input.by ?? defaultLayout(unit),
    today: now,
  }
  return { user, input, query }
}

export default class CompletenessController {
  async index(ctx: HttpContext) {
    const { user, query } = await prepare(ctx)
    const result = await completeness(query)
    if (wantsJson(ctx)) return { ...result, query: { ...query, unit: query.unit.code } }
    const base = {
      unit: query.unit.code,
      from: query.from,
      to: query.to,
      days: query.days,
      idle: query.idle,
      by: query.by,
    }
    const units = await scopeToReach(Unit.query().orderBy('path'), user, FORM_READER_ROLES)
      .whereNot('level', 'like', 'military%')
      .whereNull('valid_to')
      .limit(1000)
    const ranked = result.rows.filter((r) => r.share !== null)
    return ctx.view.render('reporting/completeness/index', {
      result,
      query,
      base,
      units,
      qs,
      listUrl: (kind: string, group?: number) =>
        `/completeness/list?${qs({ ...base, kind, group })}`,
      drillUrl: (code: string | null) =>
        code ? `/completeness?${qs({ ...base, unit: code, by: undefined })}` : null,
      shareChart: {
        labels: ranked.map((r) => r.name),
        data: ranked.map((r) => r.share ?? 0),
        links: ranked.map(
          (r) => `/completeness/list?${qs({ ...base, kind: 'late', group: r.key })}`
        ),
      },
      trendChart: {
        labels: result.trend.map((t: any) => t.month),
        data: result.trend.map((t: any) => t.share ?? 0),
        links: result.trend.map((t: any) => {
          const start = `${t.month}-01` > query.from ? `${t.month}-01` : query.from
          const end =
            endOfMonth(`${t.month}-01`) < query.to ? endOfMonth(`${t.month}-01`) : query.to
          return `/completeness/list?${qs({ ...base, kind: 'late', from: start, to: end })}`
        }),
      },
    })
  }

  async list(ctx: HttpContext) {
    const { input, query } = await prepare(ctx)
    const kind = input.kind ?? 'entered'
    const group = input.group ?? null
    const page = await listBehind(query, kind, group, input.after ?? 0, 50)
    if (wantsJson(ctx)) return page
    const base = {
      unit: query.unit.code,
      from: query.from,
      to: query.to,
      days: query.days,
      idle: query.idle,
      by: query.by,
      kind,
      group: group ?? undefined,
    }
    return ctx.view.render('reporting/completeness/list', {
      page,
      kind,
      query,
      back: `/completeness?${qs({ ...base, kind: undefined, group: undefined })}`,
      next: page.next ? `/completeness/list?${qs({ ...base, after: page.next })}` : null,
      first: input.after ? `/completeness/list?${qs(base)}` : null,
    })
  }
}
