import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import { DeleteCaseFilter, SaveCaseFilter, filterQuery } from '../actions/save_case_filter.js'
import { CASE_READERS, requireAnyRole, validate } from './helpers.js'

const saveValidator = vine.compile(
  vine.object({ name: vine.string().trim().minLength(1).maxLength(80) })
)

/** Saved filters of the case list: each user's own, saved from and applied to `/cases`. */
export default class SavedFiltersController {
  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'case_list')
    const body = await validate(ctx, saveValidator)
    await new SaveCaseFilter().handle(user, {
      name: body.name,
      query: filterQuery(ctx.request.all()),
    })
    ctx.session.flash('success', ctx.i18n.t('caselist.filter_saved', { name: body.name }))
    const query = filterQuery(ctx.request.all())
    return ctx.response.redirect(`/cases${query ? `?${query}` : ''}`)
  }

  async destroy(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'case_list')
    const name = await new DeleteCaseFilter().handle(user, Number(ctx.params.id))
    ctx.session.flash('success', ctx.i18n.t('caselist.filter_deleted', { name }))
    return ctx.response.redirect('/cases')
  }
}
