/**
 * Builds the context a plugin reads through: query builders restricted to the requested unit (already checked
 * to lie in the reader's reach), to approved cases, and — for an officer reading its own row — to the cases
 * assigned to that officer at period end. Also fixes the row layout (per officer / per child unit).
 */
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { Unit, User } from '#accounts'
import type { Period, ReportContext, RowLayout, RowSpec, UnitRef } from '../plugin/types.js'
import { sqlDate, sqlVocabulary } from './sql_vocabulary.js'

export const TOTAL_KEY = -1
export const UNASSIGNED_KEY = 0

export function toUnitRef(unit: Unit): UnitRef {
  return { id: unit.id, code: unit.code, name: unit.name, path: unit.path, level: unit.level, parentId: unit.parentId }
}

function safePath(path: string) {
  if (!/^\/[0-9/]*$/.test(path)) throw new Error(`Unsafe unit path ${path}`)
  return path
}

export async function unitChildren(unitId: number): Promise<UnitRef[]> {
  return (await Unit.query().where('parent_id', unitId).orderBy('code')).map(toUnitRef)
}

export async function unitById(id: number): Promise<UnitRef | null> {
  const unit = await Unit.find(id)
  return unit ? toUnitRef(unit) : null
}

export async function unitByCodeOrId(ref: string): Promise<UnitRef | null> {
  const unit = /^\d+$/.test(ref) ? await Unit.find(Number(ref)) : await Unit.findBy('code', ref)
  return unit ? toUnitRef(unit) : null
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

export async function buildContext(options: { unit: UnitRef; period: Period; layout: RowLayout; officerId: number | null }): Promise<ReportContext> {
  const { unit, period, layout, officerId } = options
  const sql = sqlVocabulary(period)
  const path = safePath(unit.path)
  const officerSql = officerAtSql(period)

  let rows: RowSpec[]
  let rowKeySql: string
  if (layout === 'unit') {
    const children = await unitChildren(unit.id)
    const branches = children.map((child) => `WHEN c.unit_path LIKE '${safePath(child.path)}%' THEN ${Number(child.id)}`)
    rowKeySql = branches.length ? `(CASE ${branches.join(' ')} ELSE ${Number(unit.id)} END)` : `${Number(unit.id)}`
    rows = [
      { key: unit.id, kind: 'own', label: ownLabel(unit), unitCode: unit.code },
      ...children.map((child) => ({ key: child.id, kind: 'unit' as const, label: { vi: child.name, en: child.name }, unitCode: child.code })),
    ]
  } else {
    rowKeySql = officerSql
    const officers = await User.query()
      .where('unit_id', unit.id)
      .whereHas('roles', (r) => r.where('role', 'officer'))
      .if(officerId !== null, (q) => q.where('id', officerId!))
      .orderBy('full_name')
    rows = officers.map((o) => ({ key: o.id, kind: 'officer' as const, label: { vi: o.fullName, en: o.fullName } }))
    if (officerId === null) rows.push({ key: UNASSIGNED_KEY, kind: 'unassigned', label: { vi: 'Chưa phân công', en: 'Unassigned' } })
  }
  if (officerId === null) rows.push({ key: TOTAL_KEY, kind: 'total', label: { vi: 'Tổng cộng', en: 'Total' } })

  const restrict = (q: any, pathColumn: string, unitColumn: string) => {
    if (layout === 'officer') q.where(unitColumn, unit.id)
    else q.where(pathColumn, 'like', `${path}%`)
    return q
  }
  const cases = () => {
    const q = restrict(db.from('cases as c').where('c.draft_status', 'approved').whereNotNull('c.decision_date'), 'c.unit_path', 'c.unit_id')
    if (officerId !== null) q.whereRaw(`${officerSql} = ?`, [officerId])
    return q
  }
  const ofCases = (q: any, column: string) => q.whereIn(column, cases().select('c.id'))
  const statusAtEnd = (q: any) =>
    q.joinRaw(`LEFT JOIN case_status_spans e ON e.case_id = c.id AND e.from_date <= ${sql.E} AND (e.to_date IS NULL OR e.to_date > ${sql.E})`)

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
      restrict(q.where('c.draft_status', 'approved').whereNotNull('c.decision_date'), 'c.unit_path', 'c.unit_id')
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
