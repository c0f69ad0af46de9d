import type { HttpContext } from '@adonisjs/core/http'
import { formPlugin } from '../../plugin/loader.js'
import { ExportReport } from '../actions/export_report.js'
import { exportQueryValidator } from '../validators/export_query.js'
import { sendProduced } from './send_file.js'

/** GET /api/v1/forms/:id/export?format=xlsx|pdf|csv&unit=&year=&period= (token with reports:read). */
export default class ApiExportsController {
  async download(ctx: HttpContext) {
    const user = ctx.auth.use('api').getUserOrFail()
    if (!formPlugin(ctx.params.id))
      return ctx.response.notFound({ errors: [{ code: 'E_NOT_FOUND', message: 'unknown form' }] })
    const input = await exportQueryValidator.validate(ctx.request.qs())
    const file = await new ExportReport().handle(
      user,
      { form: ctx.params.id, ...input, locale: ctx.i18n.locale },
      'api'
    )
    return sendProduced(ctx, file)
  }
}
