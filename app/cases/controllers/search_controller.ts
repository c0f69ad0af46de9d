import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { searchCases } from '../services/search/find.js'
import { CASE_READERS, requireAnyRole } from './helpers.js'

const searchValidator = vine.compile(
  vine.object({ q: vine.string().trim().maxLength(200).optional() })
)

/** GET /search — the header search box: finds cases the user may read. */
export default class SearchController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'search')
    const { q } = await searchValidator.validate(ctx.request.qs())
    const found = q ? await searchCases(user, q) : { key: '', results: [], more: false }
    if (found.results.length === 1 && ctx.request.input('go') === '1') {
      return ctx.response.redirect().toRoute('cases.show', { id: found.results[0].case.id })
    }
    return ctx.view.render('cases/search/index', { q: q ?? '', ...found })
  }
}
