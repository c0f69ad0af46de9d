/** Entering, correcting and importing the paper report's figures; the import template; the national plan. */
import type { HttpContext } from '@adonisjs/core/http'
import { errors as vineErrors } from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { RuleViolation } from '#core'
import { scopeToReach, Unit } from '#accounts'
import { authorizePlan, authorizeWrite, FIGURE_WRITER_ROLES } from '../access.js'
import { RecordFigures } from '../actions/record_figures.js'
import { ImportFigures } from '../actions/import_figures.js'
import { SavePlan } from '../actions/save_plan.js'
import { planFor } from '../services/plan.js'
import { TEMPLATE_COLUMNS } from '../services/figure_file.js'
import {
  FIGURE_KEYS,
  figureRuleErrors,
  isMoney,
  MONEY_DIVISOR,
  type FigureKey,
} from '../indicators.js'
import { figuresValidator, planValidator } from '../validators/reconciliation.js'
import { lastEndedPeriod, qs } from './shared.js'

export default class FiguresController {
  async create(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeWrite(user)
    const fallback = lastEndedPeriod()
    const q = ctx.request.qs()
    const unit = q.unit ? await Unit.findBy('code', String(q.unit)) : user.unit
    if (!unit) throw new RuleViolation('reporting.unknown_unit', { unit: q.unit })
    authorizeWrite(user, unit)
    const year = Number(q.year) || fallback.year
    const period = Number(q.period) || fallback.period
    const existing = await db
      .from('traditional_figures')
      .where({ unit_id: unit.id, year, period })
      .first()
    const current: Record<string, number> = {}
    if (existing)
      for (const k of FIGURE_KEYS)
        current[k] = isMoney(k) ? Number(existing[k]) / MONEY_DIVISOR : Number(existing[k])
    const units = await scopeToReach(Unit.query().orderBy('path'), user, FIGURE_WRITER_ROLES)
      .whereIn('level', ['province', 'district', 'regional'])
      .whereNull('valid_to')
      .limit(1000)
    return ctx.view.render('reporting/reconciliation/figures', {
      unit,
      units,
      year,
      period,
      current,
      note: existing?.note ?? '',
      exists: Boolean(existing),
      keys: FIGURE_KEYS,
    })
  }

  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeWrite(user)
    const code = String(ctx.request.input('unit', ''))
    const unit = await Unit.findBy('code', code)
    if (unit) authorizeWrite(user, unit)
    const input = await figuresValidator.validate(ctx.request.all())
    if (!unit) throw new RuleViolation('reporting.unknown_unit', { unit: code })
    const values = Object.fromEntries(
      FIGURE_KEYS.map((k) => [k, Number((input as any)[k])])
    ) as Record<FigureKey, number>
    const broken = figureRuleErrors(values)
    if (Object.keys(broken).length)
      throw new vineErrors.E_VALIDATION_ERROR(
        Object.entries(broken).map(([field, key]) => ({
          field,
          rule: 'figures',
          message: ctx.i18n.t(key),
        }))
      )
    await new RecordFigures().handle(user, unit, {
      year: input.year,
      period: input.period,
      values,
      note: input.note ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('reconciliation.saved'))
    return ctx.response.redirect(
      `/reconciliation?${qs({ unit: user.unit.code, year: input.year, period: input.period })}`
    )
  }

  async import(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeWrite(user)
    const file = ctx.request.file('file', { size: '5mb', extnames: ['csv', 'xlsx'] })
    if (!file || !file.isValid || !file.tmpPath) {
      ctx.session.flash('error', ctx.i18n.t('reconciliation.import.bad_file'))
      return ctx.response.redirect('/reconciliation/figures')
    }
    const result = await new ImportFigures().handle(user, {
      path: file.tmpPath,
      kind: file.extname === 'xlsx' ? 'xlsx' : 'csv',
      name: file.clientName,
    })
    if (ctx.request.accepts(['html', 'json']) === 'json') return result
    return ctx.view.render('reporting/reconciliation/import_result', { result })
  }

  async template(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeWrite(user)
    const { year, period } = lastEndedPeriod()
    const sample = [user.unit.code, year, period, ...FIGURE_KEYS.map(() => 0), '']
    ctx.response.header('content-type', 'text/csv; charset=utf-8')
    ctx.response.header('content-disposition', 'attachment; filename="so-lieu-truyen-thong.csv"')
    return `\uFEFF${TEMPLATE_COLUMNS.join(',')}\n${sample.join(',')}\n`
  }

  async plan(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizePlan(user)
    const year = Number(ctx.request.qs().year) || lastEndedPeriod().year
    return ctx.view.render('reporting/reconciliation/plan', { plan: await planFor(year) })
  }

  async savePlan(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizePlan(user)
    const input = await planValidator.validate(ctx.request.all())
    const day = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    await new SavePlan().handle(user, {
      year: input.year,
      threshold: input.threshold,
      dueSmall: day(input.due_small),
      dueLarge: day(input.due_large),
      closeOn: day(input.close_on),
      toleranceCases: input.tolerance_cases,
      toleranceMoney: input.tolerance_money,
    })
    ctx.session.flash('success', ctx.i18n.t('reconciliation.plan.saved'))
    return ctx.response.redirect(`/reconciliation/plan?year=${input.year}`)
  }
}
