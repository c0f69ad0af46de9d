import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { today } from '#core'
import { ORDER_STATUSES, parseMembers } from '../rules.js'
import {
  executeValidator,
  orderFilterValidator,
  orderValidator,
  refuseValidator,
  signValidator,
} from '../validators/warehouse.js'
import { ProposeOrder } from '../actions/propose_order.js'
import { RefuseOrder, SignOrder } from '../actions/decide_order.js'
import { ExecuteOrder } from '../actions/execute_order.js'
import {
  assertCanPropose,
  assertCanRead,
  assertHead,
  assertKeeper,
  isHeadOf,
  isKeeperOf,
} from '../services/access.js'
import { findExhibit, findOrder } from '../services/ledger.js'
import { listOrders, movementsOf } from '../services/queries.js'
import { validate, warehouseUser } from './helpers.js'

/** Orders: proposal (keeper, officer), signature or refusal (head), execution (keeper), the movement record. */
export default class OrdersController {
  async index(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'warehouse_order_list')
    const filters = await validate(ctx, orderFilterValidator, ctx.request.qs())
    const orders = await listOrders(user, filters)
    orders.baseUrl(ctx.request.url()).queryString({ ...ctx.request.qs(), page: undefined })
    return ctx.view.render('warehouse/orders/index', { orders, filters, statuses: ORDER_STATUSES })
  }

  async store(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'warehouse_order')
    const e = await findExhibit(Number(ctx.params.id))
    await assertCanPropose(user, e)
    const body = await validate(ctx, orderValidator, ctx.request.body())
    const order = await new ProposeOrder().handle(user, e.id, body)
    ctx.session.flash('success', ctx.i18n.t('warehouse.flash.proposed', { id: order.id }))
    return ctx.response.redirect().toRoute('warehouse.orders.show', { id: order.id })
  }

  async show(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'warehouse_order')
    const order = await findOrder(Number(ctx.params.id))
    const e = await findExhibit(order.exhibitId)
    await assertCanRead(user, e)
    const [people, movement, unit] = await Promise.all([
      db
        .from('users')
        .whereIn('id', [order.proposedById, order.signedById ?? 0, order.executedById ?? 0])
        .select('id', 'full_name'),
      movementsOf({ exhibitId: e.id }).then((ms) =>
        ms.find((m: any) => Number(m.order_id) === order.id)
      ),
      db.from('units').where('id', e.unitId).first(),
    ])
    const name = (id: number | null) =>
      people.find((p: any) => Number(p.id) === id)?.full_name ?? ''
    return ctx.view.render(
      ctx.request.input('print') ? 'warehouse/orders/print' : 'warehouse/orders/show',
      {
        order,
        e,
        unit,
        movement,
        proposedBy: name(order.proposedById),
        signedBy: name(order.signedById),
        executedBy: name(order.executedById),
        head: isHeadOf(user, order.unitId),
        keeper: isKeeperOf(user, order.unitId),
        today: today(),
      }
    )
  }

  async sign(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'warehouse_order')
    const order = await findOrder(Number(ctx.params.id))
    assertHead(user, order.unitId, { type: 'warehouse_order', id: order.id })
    const body = await validate(ctx, signValidator, ctx.request.body())
    await new SignOrder().handle(user, Number(ctx.params.id), { orderNumber: body.order_number })
    ctx.session.flash('success', ctx.i18n.t('warehouse.flash.signed'))
    return ctx.response.redirect().toRoute('warehouse.orders.show', { id: ctx.params.id })
  }

  async refuse(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'warehouse_order')
    const order = await findOrder(Number(ctx.params.id))
    assertHead(user, order.unitId, { type: 'warehouse_order', id: order.id })
    const body = await validate(ctx, refuseValidator, ctx.request.body())
    await new RefuseOrder().handle(user, Number(ctx.params.id), { reason: body.reason })
    ctx.session.flash('success', ctx.i18n.t('warehouse.flash.refused'))
    return ctx.response.redirect().toRoute('warehouse.orders.show', { id: ctx.params.id })
  }

  async execute(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'warehouse_order')
    const order = await findOrder(Number(ctx.params.id))
    assertKeeper(user, order.unitId, { type: 'warehouse_order', id: order.id })
    const body = await validate(ctx, executeValidator, ctx.request.body())
    await new ExecuteOrder().handle(user, order.id, {
      documentNumber: body.document_number,
      movementDate: body.movement_date,
      handedBy: body.handed_by ?? null,
      receivedBy: body.received_by ?? null,
      members: parseMembers(body.members),
      result: body.result ?? null,
      proceeds: body.proceeds ?? null,
      locationKind: body.location_kind ?? null,
      location: body.location ?? null,
      custodian: body.custodian ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('warehouse.flash.executed'))
    return ctx.response.redirect().toRoute('warehouse.orders.show', { id: order.id })
  }
}
