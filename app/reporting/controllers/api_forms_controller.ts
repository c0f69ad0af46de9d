import type { HttpContext } from '@adonisjs/core/http'
import { ComputeReport, OpenCell, ReadList } from '../actions/run_report.js'
import { formPlugin, formPlugins } from '../plugin/loader.js'
import {
  cellQueryValidator,
  listQueryValidator,
  reportQueryValidator,
} from '../validators/report_query.js'
import { PER_PAGE } from './helpers.js'

/** REST API (bearer token with the `reports:read` ability): the same actions as the pages, as JSON. */
export default class ApiFormsController {
  async index() {
    return {
      data: formPlugins().map((p) => ({
        id: p.id,
        version: p.manifest.version,
        title: p.manifest.title,
        legalBasis: p.manifest.legalBasis,
        validFrom: p.manifest.validFrom,
        validTo: p.manifest.validTo,
        type: p.definition.type ?? 'measures',
      })),
    }
  }

  async show(ctx: HttpContext) {
    const user = ctx.auth.use('api').getUserOrFail()
    const plugin = formPlugin(ctx.params.id)
    if (!plugin)
      return ctx.response.notFound({ errors: [{ code: 'E_NOT_FOUND', message: 'unknown form' }] })
    if (plugin.definition.type === 'list') {
      const input = await listQueryValidator.validate(ctx.request.qs())
      const { manifest, definition, ...data } = await new ReadList().handle(user, {
        form: ctx.params.id,
        ...input,
        page: input.page ?? 1,
        perPage: input.per_page ?? PER_PAGE,
      })
      return {
        form: { id: manifest.id, version: manifest.version, title: manifest.title },
        columns: definition.columns,
        ...data,
      }
    }
    const input = await reportQueryValidator.validate(ctx.request.qs())
    return (await new ComputeReport().handle(user, { form: ctx.params.id, ...input })).form
  }

  async cell(ctx: HttpContext) {
    const user = ctx.auth.use('api').getUserOrFail()
    const input = await cellQueryValidator.validate(ctx.request.qs())
    const { manifest, definition, ...data } = await new OpenCell().handle(user, {
      form: ctx.params.id,
      ...input,
      column: input.col,
      page: input.page ?? 1,
      perPage: input.per_page ?? PER_PAGE,
    })
    return data
  }
}
