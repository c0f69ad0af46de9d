import type { HttpContext } from '@adonisjs/core/http'
import { User } from '#accounts'
import { tokenValidator } from '../validators/cases.js'
import { CreateApiToken, API_ABILITIES, usableAbilities } from '../actions/create_api_token.js'
import { RevokeApiToken } from '../actions/revoke_api_token.js'
import { validate } from './helpers.js'

/** A user's own API access tokens; the secret is shown once after creation. */
export default class TokensController {
  async index({ view, auth }: HttpContext) {
    const user = auth.getUserOrFail()
    const tokens = await User.accessTokens.all(user)
    // Read-only by default; abilities the account's roles can never use are not offered.
    return view.render('cases/tokens/index', {
      tokens,
      abilities: API_ABILITIES,
      usable: usableAbilities(user),
    })
  }

  async store(ctx: HttpContext) {
    const body = await validate(ctx, tokenValidator)
    const { secret } = await new CreateApiToken().handle(ctx.auth.getUserOrFail(), body)
    ctx.session.flash('success', ctx.i18n.t('cases.tokens.created'))
    ctx.session.flash('apiToken', secret)
    return ctx.response.redirect().toRoute('tokens.index')
  }

  async destroy(ctx: HttpContext) {
    await new RevokeApiToken().handle(ctx.auth.getUserOrFail(), Number(ctx.params.id))
    ctx.session.flash('success', ctx.i18n.t('cases.tokens.revoked'))
    return ctx.response.redirect().toRoute('tokens.index')
  }
}
