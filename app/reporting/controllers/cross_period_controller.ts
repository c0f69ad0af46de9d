import type { HttpContext } from '@adonisjs/core/http'
import { CheckAcrossPeriods } from '../actions/check_across_periods.js'
import { reportQueryValidator } from '../validators/report_query.js'
import { qs, wantsJson } from './helpers.js'

/** The cross-period check of a form (SPEC §5) for one unit, periods 1..n of a year, as a page or JSON. */
export default class CrossPeriodController {
  async show(ctx: HttpContext) {
    const viaApi = ctx.request.url().startsWith('/api/')
    const user = viaApi ? ctx.auth.use('api').getUserOrFail() : ctx.auth.getUserOrFail()
    const input = await reportQueryValidator.validate(ctx.request.qs())
    const result = await new CheckAcrossPeriods().handle(user, { form: ctx.params.id, ...input })
    if (viaApi || wantsJson(ctx)) {
      return {
        applicable: result.applicable,
        periods: result.forms.map((f) => f.period),
        previousYear: result.previousYear?.period ?? null,
        violations: result.violations,
      }
    }
    const locale = ctx.i18n.locale as 'vi' | 'en'
    const first = result.forms[0]
    const rowLabel = (key: number) => {
      const row = first.rows.find((r) => r.key === key)
      if (!row) return String(key)
      if (row.kind === 'total') return ctx.i18n.t('reporting.total')
      return row.label[locale] ?? row.label.vi
    }
    const column = (key: string) => {
      const c = first.columns.find((col) => col.key === key)
      return c ? `(${c.no}) ${c.label[locale] ?? c.label.vi}` : key
    }
    const base = { unit: input.unit, year: input.year, period: input.period, by: input.by }
    return ctx.view.render('reporting/across', {
      form: first,
      result,
      rows: result.violations.map((v) => ({
        ...v,
        rowLabel: rowLabel(v.row),
        columnLabel: column(v.column),
      })),
      backUrl: `/reports/forms/${first.form.id}?${qs(base)}`,
    })
  }
}
