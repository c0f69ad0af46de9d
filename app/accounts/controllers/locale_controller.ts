import type { HttpContext } from '@adonisjs/core/http'
import i18nManager from '@adonisjs/i18n/services/main'
import { LOCALE_COOKIE } from '#middleware/detect_user_locale_middleware'

/** The header's language switch: remembers the choice in a cookie for a year. */
export default class LocaleController {
  async update({ request, response }: HttpContext) {
    const locale = String(request.input('locale', ''))
    if (i18nManager.supportedLocales().includes(locale)) {
      response.plainCookie(LOCALE_COOKIE, locale, {
        maxAge: '365d',
        encode: false,
        httpOnly: true,
        sameSite: 'lax',
      })
    }
    return response.redirect().back()
  }
}
