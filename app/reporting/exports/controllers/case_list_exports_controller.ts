import type { HttpContext } from '@adonisjs/core/http'
import { preauthorize, RuleViolation } from '#core'
import { RequestCaseListExport } from '../actions/request_case_list_export.js'
import { authorizeCaseListExport } from '../services/case_list_source.js'
import { CASE_LIST_FORMATS } from '../services/produce_case_list.js'
import type { ExportFormat } from '../types.js'

/** POST /cases/export — "Xuất danh sách": the filtered case list as a background export (xlsx, csv). */
export default class CaseListExportsController {
  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeCaseListExport(user)
    await preauthorize(ctx)
    const body = { ...ctx.request.qs(), ...ctx.request.body() }
    const format = String(body.format ?? 'xlsx') as ExportFormat
    if (!CASE_LIST_FORMATS.includes(format))
      throw new RuleViolation('exports.unsupported_format', {
        format,
        what: ctx.i18n.t('exports.target.cases'),
      })
    const job = await new RequestCaseListExport().handle(user, {
      format,
      locale: ctx.i18n.locale,
      filters: body,
    })
    if (ctx.request.accepts(['html', 'json']) === 'json')
      return ctx.response.status(202).send({ id: job.id, status: job.status })
    ctx.session.flash('success', ctx.i18n.t('listexport.queued_flash'))
    return ctx.response.redirect().toRoute('reports.exports.index')
  }
}
