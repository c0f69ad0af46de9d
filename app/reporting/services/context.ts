/**
 * Builds the context a plugin reads through: query builders restricted to the requested unit (already checked
 * to lie in the reader's reach), to approved cases, and — for an officer reading its own row — to the cases
 * assigned to that officer at period end. Also fixes the row layout (per officer / per child unit).
 */
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { Unit, User } from '#accounts'
import { sortVi } from '#core'
import type { Period, ReportContext, RowLayout, RowSpec, UnitRef } from '../plugin/types.js'
import { sqlDate, sqlVocabulary } from './sql_vocabulary.js'

export const TOTAL_KEY = -1
export const UNASSIGNED_KEY = 0

export function toUnitRef(unit: Unit): UnitRef {
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    path: unit.path,
    level: unit.level,
    parentId: unit.parentId,
  }
}

function safePath(path: string) {
  if (!/^\/[0-9/]*$/.test(path)) throw new Error(`Unsafe unit path ${path}`)
  return path
}

export async function unitChildren(unitId: number): Promise<UnitRef[]> {
  // Vietnamese alphabetical order of names ("Ba Đình" before "Bắc Từ Liêm"), not the order of the codes.
  return sortVi(await Unit.query().where('parent_id', unitId), (u) => u.name).map(toUnitRef)
}

export async function unitById(id: number): Promise<UnitRef | null> {
  const unit = await Unit.find(id)
  return unit ? toUnitRef(unit) : null
}

export async function unitByCodeOrId(ref: string): Promise<UnitRef | null> {
  const unit = /^\d+$/.test(ref) ? await Unit.find(Number(ref)) : await Unit.findBy('code', ref)
  return unit ? toUnitRef(unit) : null
}

/**
 * The unit paths under `path` (path itself included) as a half-open range of strings, [path, end): paths hold only
 * digits and '/', and '0' follows '/', so every descendant sorts before `end` — an index range on both SQLite
 * (whose LIKE cannot use a case-sensitive index) and MySQL.
 */
export function pathRange(path: string): [string, string] {
  safePath(path)
  return [path, `${path.slice(0, -1)}0`]
}

/**
 * Row key of the per-unit layout: the child whose subtree holds the case's unit, else the unit itself. A binary
 * search over the children's path ranges (sorted, disjoint), so each case costs ~log2(children) comparisons
 * instead of one LIKE per child.
 */
export function childKeySql(
  column: string,
  children: Pick<UnitRef, 'id' | 'path'>[],
  own: number
): string {
  const ranges = children
    .map((c) => ({ id: Number(c.id), range: pathRange(c.path) }))
    .sort((a, b) => (a.range[0] < b.range[0] ? -1 : a.range[0] > b.range[0] ? 1 : 0))
  const search = (lo: number, hi: number): string => {
    if (lo >= hi) return String(Number(own))
    const mid = (lo + hi) >> 1
    const [from, to] = ranges[mid].range
    return `(CASE WHEN ${column} < '${from}' THEN ${search(lo, mid)} WHEN ${column} < '${to}' THEN ${ranges[mid].id} ELSE ${search(mid + 1, hi)} END)`
  }
  return search(0, ranges.length)
}

/** Levels whose report is, by default, per child unit; every other unit reports per officer. */
export function defaultLayout(unit: Pick<UnitRef, 'level'>): RowLayout {
  return unit.level === 'national' || unit.level === 'province' ? 'unit' : 'officer'
}

function ownLabel(unit: UnitRef) {
  return { vi: `${unit.name} (văn phòng)`, en: `${unit.name} (own office)` }
}

/** The officer a case is reported under: the latest assignment that started on or before E (0 = unassigned). */
export function officerAtSql(period: Period) {
  return `COALESCE((SELECT a2.officer_id FROM case_assignments a2 WHERE a2.case_id = c.id AND a2.from_date <= ${sqlDate(period.end)} ORDER BY a2.from_date DESC, a2.id DESC LIMIT 1), ${UNASSIGNED_KEY})`
}

export async function buildContext(options: {
  unit: UnitRef
  period: Period
  layout: RowLayout
  officerId: number | null
}): Promise<ReportContext> {
  const { unit, period, layout, officerId } = options
  const sql = sqlVocabulary(period)
  const path = safePath(unit.path)
  const officerSql = officerAtSql(period)

  let rows: RowSpec[]
  let rowKeySql: string
  if (layout === 'unit') {
    const children = await unitChildren(unit.id)
    rowKeySql = childKeySql('c.unit_path', children, unit.id)
    rows = [
      { key: unit.id, kind: 'own', label: ownLabel(unit), unitCode: unit.code },
      ...children.map((child) => ({
        key: child.id,
        kind: 'unit' as const,
        label: { vi: child.name, en: child.name },
        unitCode: child.code,
      })),
    ]
  } else {
    rowKeySql = officerSql
    const officers = await User.query()
      .where('unit_id', unit.id)
      .whereHas('roles', (r) => r.where('role', 'officer'))
      .if(officerId !== null, (q) => q.where('id', officerId!))
    rows = sortVi(officers, (o) => o.fullName).map((o) => ({
      key: o.id,
      kind: 'officer' as const,
      label: { vi: o.fullName, en: o.fullName },
    }))
    if (officerId === null)
      rows.push({
        key: UNASSIGNED_KEY,
        kind: 'unassigned',
        label: { vi: 'Chưa phân công', en: 'Unassigned' },
      })
  }
  if (officerId === null)
    rows.push({ key: TOTAL_KEY, kind: 'total', label: { vi: 'Tổng cộng', en: 'Total' } })

  const restrict = (q: any, pathColumn: string, unitColumn: string) => {
    if (layout === 'officer') q.where(unitColumn, unit.id)
    else q.where(pathColumn, '>=', pathRange(path)[0]).where(pathColumn, '<', pathRange(path)[1])
    return q
  }
  const cases = () => {
    const q = restrict(
      db.from('cases as c').where('c.draft_status', 'approved').whereNotNull('c.decision_date'),
      'c.unit_path',
      'c.unit_id'
    )
    if (officerId !== null) q.whereRaw(`${officerSql} = ?`, [officerId])
    return q
  }
  const ofCases = (q: any, column: string) => q.whereIn(column, cases().select('c.id'))
  const statusAtEnd = (q: any) =>
    q.joinRaw(
      `LEFT JOIN case_status_spans e ON e.case_id = c.id AND e.from_date <= ${sql.E} AND (e.to_date IS NULL OR e.to_date > ${sql.E})`
    )

  return {
    unit,
    period,
    layout,
    officerId,
    cases,
    spans: () => ofCases(db.from('case_status_spans as s'), 's.case_id'),
    money: () => ofCases(db.from('money_entries as m'), 'm.case_id'),
    assignments: () => ofCases(db.from('case_assignments as a'), 'a.case_id'),
    caseFacts: () => statusAtEnd(cases().whereRaw(`c.decision_date <= ${sql.E}`)),
    moneyFacts: () => {
      const q = statusAtEnd(db.from('money_entries as m').join('cases as c', 'c.id', 'm.case_id'))
      restrict(
        q.where('c.draft_status', 'approved').whereNotNull('c.decision_date'),
        'c.unit_path',
        'c.unit_id'
      )
      q.whereRaw(`c.decision_date <= ${sql.E}`).whereRaw(`m.effective_date <= ${sql.E}`)
      if (officerId !== null) q.whereRaw(`${officerSql} = ?`, [officerId])
      return q
    },
    joinRemainingAtEnd: (query: any) => {
      const remaining = ofCases(db.from('money_entries as m'), 'm.case_id')
        .select('m.case_id', db.raw(`SUM(${sql.balance}) AS remaining`))
        .whereRaw(sql.datedByEnd)
        .groupBy('m.case_id')
      return query.leftJoin(remaining.as('r').toKnex(), 'r.case_id', 'c.id')
    },
    sql,
    rows,
    rowKeySql,
    raw: (text: string, bindings?: any[]) => (bindings ? db.raw(text, bindings) : db.raw(text)),
    units: { byId: unitById, children: unitChildren },
    logger,
  }
}
