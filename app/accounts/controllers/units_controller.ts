import { DateTime } from 'luxon'
import { whereContains } from '#core'
import type { HttpContext } from '@adonisjs/core/http'
import Unit from '../models/unit.js'
import UnitName from '../models/unit_name.js'
import User from '../models/user.js'
import { UNIT_LEVELS, CHILD_LEVELS } from '../roles.js'
import {
  closeUnitValidator,
  createUnitValidator,
  renameUnitValidator,
  unitFilterValidator,
} from '../validators/units.js'
import { CreateUnit } from '../actions/create_unit.js'
import { RenameUnit } from '../actions/rename_unit.js'
import { CloseUnit } from '../actions/close_unit.js'

/**
 * The organisation tree is public knowledge inside the service, so every signed-in user may browse it;
 * only the national admin changes it.
 */
export default class UnitsController {
  async index({ request, view }: HttpContext) {
    const filters = await unitFilterValidator.validate(request.qs())
    const day = filters.on
      ? DateTime.fromJSDate(filters.on).toISODate()!
      : DateTime.now().toISODate()!
    const query = Unit.query().orderBy('path')
    if (!filters.include_closed) Unit.validOn(query, day)
    if (filters.level) query.where('level', filters.level)
    if (filters.q) whereContains(query, ['name', 'code'], filters.q)
    const units = await query.limit(1000)
    // Sort depth-first by ancestry so children follow their parent.
    const byId = new Map(units.map((u) => [u.id, u]))
    const sortKey = (u: Unit) =>
      u.path
        .split('/')
        .filter(Boolean)
        .map((id) => byId.get(Number(id))?.code ?? id)
        .join('/')
    units.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
    return view.render('accounts/units/index', {
      units,
      filters,
      day,
      levels: UNIT_LEVELS,
      searching: Boolean(filters.q || filters.level),
    })
  }

  async show({ params, view }: HttpContext) {
    const unit = await Unit.query()
      .where('id', Number(params.id) || 0)
      .preload('parent')
      .preload('successor')
      .firstOrFail()
    const names = await UnitName.query().where('unit_id', unit.id).orderBy('valid_from')
    const children = await Unit.query().where('parent_id', unit.id).orderBy('code')
    const staff = await User.query().where('unit_id', unit.id).count('* as total')
    const successors = await Unit.query()
      .whereNull('valid_to')
      .whereNot('id', unit.id)
      .whereIn('level', [unit.level])
      .orderBy('name')
    return view.render('accounts/units/show', {
      unit,
      names,
      children,
      staffCount: Number(staff[0].$extras.total),
      successors,
      childLevels: CHILD_LEVELS[unit.level],
      today: DateTime.now().toISODate(),
    })
  }

  async store({ request, response, auth, session, i18n, bouncer }: HttpContext) {
    await bouncer.authorize('manageUnits')
    const input = await request.validateUsing(createUnitValidator)
    const unit = await new CreateUnit().handle(auth.getUserOrFail(), {
      code: input.code,
      name: input.name,
      level: input.level,
      parentId: input.parent_id,
      validFrom: DateTime.fromJSDate(input.valid_from),
    })
    session.flash('success', i18n.t('units.created', { name: unit.name }))
    return response.redirect().toRoute('units.show', { id: unit.id })
  }

  async rename({ params, request, response, auth, session, i18n, bouncer }: HttpContext) {
    await bouncer.authorize('manageUnits')
    const unit = await Unit.findOrFail(params.id)
    const input = await request.validateUsing(renameUnitValidator)
    await new RenameUnit().handle(
      auth.getUserOrFail(),
      unit,
      input.name,
      DateTime.fromJSDate(input.effective_date)
    )
    session.flash('success', i18n.t('units.renamed'))
    return response.redirect().toRoute('units.show', { id: unit.id })
  }

  async close({ params, request, response, auth, session, i18n, bouncer }: HttpContext) {
    await bouncer.authorize('manageUnits')
    const unit = await Unit.findOrFail(params.id)
    const input = await request.validateUsing(closeUnitValidator)
    await new CloseUnit().handle(
      auth.getUserOrFail(),
      unit,
      DateTime.fromJSDate(input.valid_to),
      input.successor_id
    )
    session.flash('success', i18n.t('units.closed_ok'))
    return response.redirect().toRoute('units.show', { id: unit.id })
  }
}
