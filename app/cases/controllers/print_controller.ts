import type { HttpContext } from '@adonisjs/core/http'
import { moneyInWords, today } from '#core'
import { caseDetail } from '../services/queries.js'
import { CASE_READERS, requireAnyRole } from './helpers.js'

/**
 * Print views (A4, print stylesheet): the case file summary, the enforcement decision, and the receipt of a
 * collection with the amount in words. Read-only; the read scope is the case page's (`caseDetail`).
 */
export default class PrintController {
  async summary(ctx: HttpContext) {
    const detail = await this.load(ctx)
    return ctx.view.render('cases/print/summary', { ...detail, c: detail.case, today: today() })
  }

  async decision(ctx: HttpContext) {
    const detail = await this.load(ctx)
    return ctx.view.render('cases/print/decision', { ...detail, c: detail.case })
  }

  async receipt(ctx: HttpContext) {
    const detail = await this.load(ctx)
    const entry = detail.money.find(
      (m: any) => Number(m.id) === Number(ctx.params.entryId) && m.kind === 'collected'
    )
    if (!entry) return ctx.response.notFound(await ctx.view.render('errors/not_found'))
    return ctx.view.render('cases/print/receipt', {
      c: detail.case,
      entry,
      words: moneyInWords(Number(entry.amount)),
      officerName: detail.names[Number(entry.actorId)] ?? detail.case.officer?.fullName ?? '',
    })
  }

  private async load(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    requireAnyRole(user, CASE_READERS, 'case')
    return caseDetail(user, ctx.params.id)
  }
}
