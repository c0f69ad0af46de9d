import type { HttpContext } from '@adonisjs/core/http'
import User from '../models/user.js'
import Unit from '../models/unit.js'
import { ROLES } from '../roles.js'
import { grantableRoles, reaches, scopeToReach } from '../access.js'
import {
  createUserValidator,
  updateUserValidator,
  userFilterValidator,
} from '../validators/users.js'
import { CreateUser } from '../actions/create_user.js'
import { UpdateUser } from '../actions/update_user.js'
import { ResetUserPassword } from '../actions/reset_user_password.js'
import { SetUserStatus } from '../actions/set_user_status.js'
import { AccessDenied, whereContains } from '#core'

const PER_PAGE = 25

/** Account administration, always inside the admin's subtree. */
export default class UsersController {
  async index({ request, view, auth, bouncer }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const actor = auth.getUserOrFail()
    const filters = await userFilterValidator.validate(request.qs())
    const query = User.query()
      .join('units', 'units.id', 'users.unit_id')
      .select('users.*')
      .preload('unit')
      .preload('roles')
      // Vietnamese alphabetical order on the stored collation key (index users_name_key_index)
      .orderBy('users.name_key')
      .orderBy('users.id')
    scopeToReach(query, actor, ['admin'], 'units.path')
    if (filters.q) whereContains(query, ['users.email', 'users.full_name'], filters.q)
    if (filters.unit_id) query.where('users.unit_id', filters.unit_id)
    if (filters.status) query.where('users.status', filters.status)
    if (filters.role)
      query.whereIn('users.id', (sub) =>
        sub.from('user_roles').select('user_id').where('role', filters.role!)
      )
    const users = await query.paginate(filters.page ?? 1, PER_PAGE)
    users.baseUrl(request.url()).queryString({ ...request.qs(), page: undefined })
    const units = await scopeToReach(Unit.query().orderBy('path'), actor, ['admin']).whereNull(
      'valid_to'
    )
    return view.render('accounts/users/index', { users, units, filters, roles: ROLES })
  }

  async create({ view, auth, bouncer }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    return view.render('accounts/users/form', await this.formData(auth.getUserOrFail()))
  }

  async store({ request, response, auth, session, i18n, bouncer }: HttpContext) {
    await bouncer.authorize('administerAccounts')
    const input = await request.validateUsing(createUserValidator)
    const { user, temporaryPassword } = await new CreateUser().handle(auth.getUserOrFail(), {
      email: input.email,
      fullName: input.full_name,
      unitId: input.unit_id,
      roles: input.roles,
    })
    session.flash('success', i18n.t('users.created', { email: user.email }))
    session.flash('temporaryPassword', temporaryPassword)
    return response.redirect().toRoute('users.show', { id: user.id })
  }

  async show({ params, view, bouncer }: HttpContext) {
    const target = await this.findManaged(params.id, bouncer)
    return view.render('accounts/users/show', { target })
  }

  async edit({ params, view, auth, bouncer }: HttpContext) {
    const target = await this.findManaged(params.id, bouncer)
    return view.render('accounts/users/form', {
      ...(await this.formData(auth.getUserOrFail())),
      target,
    })
  }

  async update({ params, request, response, auth, session, i18n, bouncer }: HttpContext) {
    const target = await this.findManaged(params.id, bouncer)
    const input = await request.validateUsing(updateUserValidator)
    await new UpdateUser().handle(auth.getUserOrFail(), target, {
      fullName: input.full_name,
      unitId: input.unit_id,
      roles: input.roles,
    })
    session.flash('success', i18n.t('users.updated'))
    return response.redirect().toRoute('users.show', { id: target.id })
  }

  async resetPassword({ params, response, auth, session, i18n, bouncer }: HttpContext) {
    const target = await this.findManaged(params.id, bouncer)
    const temporaryPassword = await new ResetUserPassword().handle(auth.getUserOrFail(), target)
    session.flash('success', i18n.t('users.password_reset'))
    session.flash('temporaryPassword', temporaryPassword)
    return response.redirect().toRoute('users.show', { id: target.id })
  }

  async revoke({ params, response, auth, session, i18n, bouncer }: HttpContext) {
    const target = await this.findManaged(params.id, bouncer)
    await new SetUserStatus().handle(auth.getUserOrFail(), target, 'revoked')
    session.flash('success', i18n.t('users.revoked'))
    return response.redirect().toRoute('users.show', { id: target.id })
  }

  async reinstate({ params, response, auth, session, i18n, bouncer }: HttpContext) {
    const target = await this.findManaged(params.id, bouncer)
    await new SetUserStatus().handle(auth.getUserOrFail(), target, 'active')
    session.flash('success', i18n.t('users.reinstated'))
    return response.redirect().toRoute('users.show', { id: target.id })
  }

  /** Loads an account and refuses (403, audited) one outside the admin's subtree — never a 404 that leaks less. */
  private async findManaged(id: string, bouncer: HttpContext['bouncer']): Promise<User> {
    await bouncer.authorize('administerAccounts')
    const target = await User.query()
      .where('id', Number(id) || 0)
      .preload('unit')
      .preload('roles')
      .firstOrFail()
    if (await bouncer.denies('manageAccount', target))
      throw new AccessDenied('outside_jurisdiction', { type: 'user', id: target.id })
    return target
  }

  private async formData(actor: User) {
    const units = await scopeToReach(Unit.query().orderBy('path'), actor, ['admin']).whereNull(
      'valid_to'
    )
    const grantable = Object.fromEntries(units.map((u) => [u.id, grantableRoles(actor, u, ROLES)]))
    return { units, roles: ROLES, grantable, canPlace: (u: Unit) => reaches(actor, u, ['admin']) }
  }
}
