/** Reads of the warehouse: ledger list, item history, stock cards, watch lists, orders. All scoped by access.ts. */
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { today, boundedPaginate } from '#core'
import { monthBefore, URGENT_CATEGORIES, yearBefore, type StocktakeKind } from '../rules.js'
import { scopeExhibits } from './access.js'

export interface ExhibitFilters {
  category?: string
  status?: string
  location_kind?: string
  judgment?: 'with' | 'without'
  case_id?: number
  from?: string
  to?: string
  q?: string
  unit?: number
  watch?: 'unprocessed' | 'outside_due' | 'urgent'
  sort?: 'code' | 'received_on' | 'category' | 'quantity_held'
  dir?: 'asc' | 'desc'
  page?: number
}

export const PER_PAGE = 25

/** The items a stock-take counts: held items of the unit, or only those kept outside for the monthly check. */
export async function stocktakeItems(
  unitId: number,
  kind: StocktakeKind,
  trx?: TransactionClientContract
) {
  const q = (trx ?? db)
    .from('exhibits')
    .where('unit_id', unitId)
    .where('status', 'in_custody')
    .select(
      'id',
      'code',
      'description',
      'measure',
      'category',
      'location_kind',
      'location',
      'custodian'
    )
    .select('quantity_held as held')
    .orderBy('id')
  if (kind === 'monthly_outside') q.where('location_kind', 'outside')
  const rows = await q
  return rows.map((r: any) => ({ ...r, id: Number(r.id), held: Number(r.held) }))
}

/** The scoped ledger query with the filters (no paging, no order). */
export function exhibitQuery(user: User, f: ExhibitFilters) {
  const q = db
    .from('exhibits')
    .join('units', 'units.id', 'exhibits.unit_id')
    .leftJoin('cases', 'cases.id', 'exhibits.case_id')
    .leftJoin('judgments', 'judgments.id', 'exhibits.judgment_id')
  scopeExhibits(q, user)
  if (f.category) q.where('exhibits.category', f.category)
  if (f.status) q.where('exhibits.status', f.status)
  if (f.location_kind) q.where('exhibits.location_kind', f.location_kind)
  if (f.judgment === 'with') q.whereNotNull('exhibits.judgment_id')
  if (f.judgment === 'without') q.whereNull('exhibits.judgment_id')
  if (f.case_id) q.where('exhibits.case_id', f.case_id)
  if (f.unit) q.where('exhibits.unit_id', f.unit)
  if (f.from) q.where('exhibits.received_on', '>=', f.from)
  if (f.to) q.where('exhibits.received_on', '<=', f.to)
  if (f.q) {
    const text = `%${f.q}%`
    q.where((w) =>
      w
        .whereILike('exhibits.description', text)
        .orWhereILike('exhibits.code', text)
        .orWhereILike('exhibits.seal_number', text)
        .orWhereILike('exhibits.seizure_record', text)
    )
  }
  const day = today()
  if (f.watch === 'unprocessed')
    q.where('exhibits.status', 'in_custody').where('exhibits.received_on', '<=', yearBefore(day))
  if (f.watch === 'outside_due')
    q.where('exhibits.status', 'in_custody')
      .where('exhibits.location_kind', 'outside')
      .where((w) =>
        w
          .whereNull('exhibits.last_checked_on')
          .orWhere('exhibits.last_checked_on', '<=', monthBefore(day))
      )
  if (f.watch === 'urgent')
    q.where('exhibits.status', 'in_custody').whereIn(
      'exhibits.category',
      URGENT_CATEGORIES as string[]
    )
  return q
}

const COLUMNS = [
  'exhibits.*',
  'units.code as unit_code',
  'units.name as unit_name',
  'cases.number as case_number',
  'judgments.number as judgment_number',
]

export function sortedExhibits(user: User, f: ExhibitFilters) {
  const sort = f.sort ?? 'code'
  const dir = f.dir === 'desc' ? 'desc' : 'asc'
  const column = sort === 'code' ? 'exhibits.id' : `exhibits.${sort}`
  return exhibitQuery(user, f).select(COLUMNS).orderBy(column, dir).orderBy('exhibits.id', dir)
}

export async function listExhibits(user: User, f: ExhibitFilters) {
  return boundedPaginate<any>(sortedExhibits(user, f), f.page ?? 1, PER_PAGE, 'exhibits.id')
}

/** Movements of an item (its chain of custody), oldest first, with the names of the people. */
export async function movementsOf(where: { exhibitId?: number; caseId?: number }) {
  const q = db
    .from('warehouse_movements as m')
    .join('exhibits', 'exhibits.id', 'm.exhibit_id')
    .leftJoin('warehouse_orders as o', 'o.id', 'm.order_id')
    .leftJoin('users as rec', 'rec.id', 'm.recorded_by_id')
    .leftJoin('users as sig', 'sig.id', 'o.signed_by_id')
    .leftJoin('users as pro', 'pro.id', 'o.proposed_by_id')
    .select(
      'm.*',
      'exhibits.code',
      'exhibits.description',
      'exhibits.measure',
      'o.order_number',
      'o.reason',
      'o.signed_on',
      'rec.full_name as recorded_by',
      'sig.full_name as signed_by',
      'pro.full_name as proposed_by'
    )
    .orderBy('m.movement_date')
    .orderBy('m.id')
  if (where.exhibitId) q.where('m.exhibit_id', where.exhibitId)
  if (where.caseId) q.where('m.case_id', where.caseId)
  const rows = await q
  return rows.map((r: any) => ({ ...r, members: r.members ? JSON.parse(r.members) : [] }))
}

export async function ordersOf(exhibitId: number) {
  return db
    .from('warehouse_orders as o')
    .leftJoin('users as pro', 'pro.id', 'o.proposed_by_id')
    .leftJoin('users as sig', 'sig.id', 'o.signed_by_id')
    .where('o.exhibit_id', exhibitId)
    .select('o.*', 'pro.full_name as proposed_by', 'sig.full_name as signed_by')
    .orderBy('o.id', 'desc')
}

/** Orders in the user's reach (officers: of their cases), filtered by status, newest first, paged. */
export async function listOrders(user: User, f: { status?: string; page?: number }) {
  const q = db
    .from('warehouse_orders as o')
    .join('exhibits', 'exhibits.id', 'o.exhibit_id')
    .leftJoin('users as pro', 'pro.id', 'o.proposed_by_id')
    .select(
      'o.*',
      'exhibits.code',
      'exhibits.description',
      'exhibits.measure',
      'pro.full_name as proposed_by'
    )
    .orderBy('o.id', 'desc')
  scopeExhibits(q, user)
  if (f.status) q.where('o.status', f.status)
  return boundedPaginate<any>(q, f.page ?? 1, PER_PAGE, 'o.id')
}

/** Figures of the keeper's and head's dashboard card. */
export async function dashboardFigures(user: User) {
  const unitId = user.unitId
  const count = async (q: any) => Number((await q.count('* as n').first())?.n ?? 0)
  const day = today()
  const lastRegular = await db
    .from('stocktakes')
    .where('unit_id', unitId)
    .where('status', 'approved')
    .whereNot('kind', 'monthly_outside')
    .max('count_date as d')
    .first()
  return {
    toSign: await count(
      db.from('warehouse_orders').where('unit_id', unitId).where('status', 'proposed')
    ),
    toExecute: await count(
      db.from('warehouse_orders').where('unit_id', unitId).where('status', 'signed')
    ),
    stocktakesToApprove: await count(
      db.from('stocktakes').where('unit_id', unitId).where('status', 'submitted')
    ),
    unprocessed: await count(
      db
        .from('exhibits')
        .where('unit_id', unitId)
        .where('status', 'in_custody')
        .where('received_on', '<=', yearBefore(day))
    ),
    outsideDue: await count(
      db
        .from('exhibits')
        .where('unit_id', unitId)
        .where('status', 'in_custody')
        .where('location_kind', 'outside')
        .where((w) =>
          w.whereNull('last_checked_on').orWhere('last_checked_on', '<=', monthBefore(day))
        )
    ),
    urgent: await count(
      db
        .from('exhibits')
        .where('unit_id', unitId)
        .where('status', 'in_custody')
        .whereIn('category', URGENT_CATEGORIES as string[])
    ),
    lastRegular: (lastRegular?.d as string | null) ?? null,
  }
}
