import type { HttpContext } from '@adonisjs/core/http'
import { verifyPrint } from '../services/printed_reports.js'

/**
 * Public page opened by the QR code of a printed report: says whether the printed report (its token and the hash
 * printed on it) matches the stored snapshot. Shows what the report is (form, unit, period, print time), never
 * its figures; the token is random, so nothing can be listed or guessed.
 */
export default class VerifyController {
  async show({ params, request, view, response }: HttpContext) {
    const printed =
      String(request.input('h', '') ?? '')
        .trim()
        .slice(0, 64) || null
    const outcome = await verifyPrint(String(params.token), printed)
    response.header('cache-control', 'no-store')
    if (outcome.state === 'unknown') response.status(404)
    if (outcome.state === 'mismatch' || outcome.state === 'corrupted') response.status(409)
    return view.render('audit/verify', { outcome, token: params.token, printed })
  }
}
