/** Shared builders for the warehouse tests: a unit's warehouse staff, items and orders, through HTTP or actions. */
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { RegisterExhibit, ProposeOrder, SignOrder, ExecuteOrder, type OrderKind } from '#warehouse'
import { as, makeUser, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock, TODAY } from '../cases/_setup.js'

export { day, pinClock, TODAY, acceptedCase }

export async function warehouseStaff(unit: string = UNITS.badinh) {
  const [keeper, head, officer] = await Promise.all([
    makeUser(unit, ['warehouse_keeper']),
    makeUser(unit, ['head']),
    makeUser(unit, ['officer']),
  ])
  return { keeper, head, officer }
}

export function postForm(client: any, url: string, user: User, form: Record<string, unknown> = {}) {
  return as(client.post(url), user).withCsrfToken().form(form).redirects(0)
}

export function getAs(client: any, url: string, user: User) {
  return as(client.get(url), user).redirects(0)
}

export async function newExhibit(
  keeper: User,
  over: Partial<Parameters<RegisterExhibit['handle']>[1]> = {}
) {
  return new RegisterExhibit().handle(keeper, {
    category: 'goods',
    description: 'Điện thoại di động Samsung',
    measure: 'chiếc',
    declaredQuantity: 10,
    sourceBody: 'Cơ quan CSĐT Công an quận Ba Đình',
    seizureRecord: 'BB thu giữ số 12/BB-CSĐT',
    locationKind: 'warehouse',
    location: 'Khu A, giá 1',
    sealNumber: 'NP-0001',
    ...over,
  })
}

/** Proposes, signs and executes one order through the actions (for setting up a state). */
export async function move(
  s: { keeper: User; head: User },
  exhibitId: number,
  kind: OrderKind,
  quantity: number,
  extra: Record<string, unknown> = {}
) {
  const order = await new ProposeOrder().handle(s.keeper, exhibitId, {
    kind,
    quantity,
    reason: `Lý do ${kind}`,
  })
  await new SignOrder().handle(s.head, order.id)
  return new ExecuteOrder().handle(s.keeper, order.id, {
    documentNumber: `BB-${order.id}`,
    movementDate: TODAY,
    handedBy: 'Nguyễn Văn Giao',
    receivedBy: 'Trần Văn Nhận',
    locationKind: 'warehouse',
    location: 'Khu A, giá 1',
    members: ['Chủ tịch HĐ', 'Đại diện Tài chính', 'Đại diện Công an'],
    ...extra,
  })
}

export async function exhibitRow(id: number) {
  return db.from('exhibits').where('id', id).first()
}

export async function movementCount(exhibitId: number) {
  const row = await db
    .from('warehouse_movements')
    .where('exhibit_id', exhibitId)
    .count('* as n')
    .first()
  return Number(row?.n ?? 0)
}
