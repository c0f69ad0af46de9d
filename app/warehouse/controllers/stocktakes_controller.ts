import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { AccessDenied, today } from '#core'
import { reachPrefix } from '#accounts'
import { STOCKTAKE_KINDS, nextStocktake, type StocktakeKind } from '../rules.js'
import { stocktakeValidator } from '../validators/warehouse.js'
import { RecordStocktake } from '../actions/record_stocktake.js'
import { ApproveStocktake } from '../actions/approve_stocktake.js'
import { SUBTREE_READERS, assertKeeper, isHeadOf } from '../services/access.js'
import { stocktakeItems } from '../services/queries.js'
import { validate, warehouseUser } from './helpers.js'

/** Stock-takes: list, the counting form (keeper), the minutes (print) and the head's approval. */
export default class StocktakesController {
  async index(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'stocktake_list')
    const prefix = reachPrefix(user, SUBTREE_READERS)
    if (prefix === null) throw new AccessDenied('forbidden', { type: 'stocktake_list' })
    const q = db
      .from('stocktakes')
      .join('units', 'units.id', 'stocktakes.unit_id')
      .select('stocktakes.*', 'units.code as unit_code', 'units.name as unit_name')
      .orderBy('stocktakes.count_date', 'desc')
      .orderBy('stocktakes.id', 'desc')
    if (prefix !== '/') q.where('stocktakes.unit_path', 'like', `${prefix}%`)
    const stocktakes = await q.paginate(Number(ctx.request.input('page')) || 1, 25)
    stocktakes.baseUrl(ctx.request.url())
    const last = await db
      .from('stocktakes')
      .where('unit_id', user.unitId)
      .where('status', 'approved')
      .whereNot('kind', 'monthly_outside')
      .max('count_date as d')
      .first()
    return ctx.view.render('warehouse/stocktakes/index', {
      stocktakes,
      next: nextStocktake(today(), last?.d ?? null),
      keeper: user.hasRole('warehouse_keeper'),
    })
  }

  async create(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    assertKeeper(user, user.unitId, { type: 'stocktake' })
    const kind = (STOCKTAKE_KINDS as readonly string[]).includes(ctx.request.input('kind'))
      ? (ctx.request.input('kind') as StocktakeKind)
      : 'quarterly'
    return ctx.view.render('warehouse/stocktakes/form', {
      kind,
      kinds: STOCKTAKE_KINDS,
      items: await stocktakeItems(user.unitId, kind),
      today: today(),
    })
  }

  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    assertKeeper(user, user.unitId, { type: 'stocktake' })
    const body = await validate(ctx, stocktakeValidator, ctx.request.body())
    // Flat field names (counted_<id>, explanation_<id>): numeric keys in brackets would be compacted into arrays.
    const form = ctx.request.body() as Record<string, unknown>
    const lines: Record<number, { counted: number | null; explanation: string | null }> = {}
    for (const [key, value] of Object.entries(form)) {
      const match = /^counted_(\d+)$/.exec(key)
      if (!match) continue
      const text = String(value ?? '').trim()
      const explanation = form[`explanation_${match[1]}`]
      lines[Number(match[1])] = {
        counted: /^\d+$/.test(text) ? Number(text) : null,
        explanation: explanation ? String(explanation) : null,
      }
    }
    const st = await new RecordStocktake().handle(user, {
      kind: body.kind,
      countDate: body.count_date,
      members: body.members ?? null,
      lines,
    })
    ctx.session.flash('success', ctx.i18n.t('warehouse.flash.stocktake_recorded'))
    return ctx.response.redirect().toRoute('warehouse.stocktakes.show', { id: st.id })
  }

  async show(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'stocktake')
    const st = await db
      .from('stocktakes')
      .where('id', Number(ctx.params.id) || 0)
      .first()
    if (!st) throw new lucidErrors.E_ROW_NOT_FOUND()
    const prefix = reachPrefix(user, SUBTREE_READERS)
    if (!prefix || !String(st.unit_path).startsWith(prefix))
      throw new AccessDenied('outside_jurisdiction', { type: 'stocktake', id: st.id })
    const [lines, unit, people] = await Promise.all([
      db
        .from('stocktake_lines')
        .join('exhibits', 'exhibits.id', 'stocktake_lines.exhibit_id')
        .where('stocktake_id', st.id)
        .select('stocktake_lines.*', 'exhibits.code', 'exhibits.description', 'exhibits.measure')
        .orderBy('exhibits.id'),
      db.from('units').where('id', st.unit_id).first(),
      db
        .from('users')
        .whereIn('id', [st.created_by_id, st.approved_by_id ?? 0])
        .select('id', 'full_name'),
    ])
    const name = (id: number | null) =>
      people.find((p: any) => Number(p.id) === Number(id))?.full_name ?? ''
    return ctx.view.render(
      ctx.request.input('print') ? 'warehouse/stocktakes/print' : 'warehouse/stocktakes/show',
      {
        st,
        lines,
        unit,
        createdBy: name(st.created_by_id),
        approvedBy: name(st.approved_by_id),
        head: isHeadOf(user, Number(st.unit_id)),
      }
    )
  }

  async approve(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'stocktake')
    await new ApproveStocktake().handle(user, Number(ctx.params.id))
    ctx.session.flash('success', ctx.i18n.t('warehouse.flash.stocktake_approved'))
    return ctx.response.redirect().toRoute('warehouse.stocktakes.show', { id: ctx.params.id })
  }
}
