import type { HttpContext } from '@adonisjs/core/http'
import { Unit, User } from '#accounts'
import { defaultLayout, TOTAL_KEY, UNASSIGNED_KEY } from '../services/context.js'
import { ComputeReport, OpenCell, ReadList } from '../actions/run_report.js'
import { formPlugin, formPlugins } from '../plugin/loader.js'
import { authorizeReportsArea } from '../services/access.js'
import { presentForm } from '../services/presenter.js'
import {
  chooserValidator,
  cellQueryValidator,
  listQueryValidator,
  reportQueryValidator,
} from '../validators/report_query.js'
import { choosableUnits, currentPeriod, pager, PER_PAGE, qs, wantsJson } from './helpers.js'

/** The reports pages (session): chooser, form table with rules panel, drill-down, list reports. */
export default class ReportsController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeReportsArea(user)
    const input = await chooserValidator.validate(ctx.request.qs())
    if (input.form && input.unit && input.year && input.period) {
      return ctx.response.redirect(
        `/reports/forms/${input.form}?${qs({ unit: input.unit, year: input.year, period: input.period, by: input.by })}`
      )
    }
    const now = currentPeriod()
    return ctx.view.render('reporting/index', {
      forms: formPlugins(),
      units: await choosableUnits(user),
      selected: {
        form: input.form,
        unit: input.unit ?? user.unit.code,
        year: input.year ?? now.year,
        period: input.period ?? now.n,
        by: input.by,
      },
    })
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const plugin = formPlugin(ctx.params.id)
    if (!plugin) return ctx.response.notFound()
    if (plugin.definition.type === 'list') return this.list(ctx)
    const input = await reportQueryValidator.validate(ctx.request.qs())
    const { form, definition } = await new ComputeReport().handle(user, {
      form: ctx.params.id,
      ...input,
    })
    if (wantsJson(ctx)) return form
    const base = { unit: input.unit, year: input.year, period: input.period, by: input.by }
    const table = presentForm(
      form,
      definition,
      ctx.i18n.locale,
      (row, col) => `/reports/forms/${form.form.id}/cell?${qs({ ...base, row, col })}`
    )
    return ctx.view.render('reporting/form', {
      form,
      table,
      query: base,
      jsonUrl: `/api/v1/forms/${form.form.id}?${qs(base)}`,
    })
  }

  async cell(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const input = await cellQueryValidator.validate(ctx.request.qs())
    const page = input.page ?? 1
    const perPage = input.per_page ?? PER_PAGE
    const result = await new OpenCell().handle(user, {
      form: ctx.params.id,
      ...input,
      column: input.col,
      page,
      perPage,
    })
    const { manifest, definition, ...data } = result
    if (wantsJson(ctx)) return data
    const column = definition.columns.find((c) => c.key === input.col)!
    const base = { unit: input.unit, year: input.year, period: input.period, by: input.by }
    const pageUrl = (p: number) =>
      `/reports/forms/${manifest.id}/cell?${qs({ ...base, row: input.row, col: input.col, page: p })}`
    return ctx.view.render('reporting/cell', {
      manifest,
      column,
      data,
      rowLabel: await rowLabel(input.unit, input.by, input.row, ctx.i18n.locale),
      divisor: definition.displayDivisor ?? 1,
      back: `/reports/forms/${manifest.id}?${qs(base)}`,
      paginator: pager(page, perPage, data.total, pageUrl),
    })
  }

  async list(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    const input = await listQueryValidator.validate(ctx.request.qs())
    const page = input.page ?? 1
    const perPage = input.per_page ?? PER_PAGE
    const result = await new ReadList().handle(user, {
      form: ctx.params.id,
      ...input,
      page,
      perPage,
    })
    const { manifest, definition, ...data } = result
    if (wantsJson(ctx))
      return {
        form: { id: manifest.id, version: manifest.version, title: manifest.title },
        columns: definition.columns,
        ...data,
      }
    const base = { unit: input.unit, year: input.year, period: input.period, by: input.by }
    const pageUrl = (p: number) => `/reports/forms/${manifest.id}?${qs({ ...base, page: p })}`
    return ctx.view.render('reporting/list', {
      manifest,
      columns: definition.columns,
      data,
      paginator: pager(page, perPage, data.total, pageUrl),
    })
  }
}

/** The drill-down row as people read it: the unit's or the officer's name, not its internal key. */
async function rowLabel(
  unitCode: string,
  by: 'officer' | 'unit' | undefined,
  row: number,
  locale: string
): Promise<string | null> {
  if (row === TOTAL_KEY) return null
  const unit = await Unit.findBy('code', unitCode)
  if (!unit) return null
  const layout = by ?? defaultLayout(unit)
  if (layout === 'officer') {
    if (row === UNASSIGNED_KEY) return locale === 'en' ? 'Not assigned' : 'Chưa phân công'
    return (await User.find(row))?.fullName ?? null
  }
  if (row === unit.id)
    return locale === 'en' ? `${unit.name} (own office)` : `${unit.name} (văn phòng)`
  return (await Unit.find(row))?.name ?? null
}
