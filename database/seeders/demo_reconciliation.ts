/**
 * Demo paper reports for the practice instance (issue 7, reconciliation): for the demo provinces' units, the
 * figures of the traditional report for the last period that has ended and for the previous year's period 12,
 * made from the software's own figures plus a realistic gap — dossiers never entered (CV 2352) — so the
 * comparison page shows consistent and incomplete units, and a few weeks of gap measurements so the progress
 * chart has a history. Runs only when no paper figures exist; writes directly (seed data, source 'import',
 * noted as demo), never from HTTP. It also gives the demo cases plausible entry times (spreadEntryTimes).
 */
import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import db from '@adonisjs/lucid/services/db'
import { addDays, today } from '#core'
import { Unit } from '#accounts'
import { periodOf } from '#periods'
import {
  compareUnit,
  FIGURE_KEYS,
  formPlugin,
  loadPlugins,
  MONEY_DIVISOR,
  snapshotAll,
  type ComparisonRow,
} from '#reporting'

/** Dossiers missing from the software per unit code (0 = consistent). */
const GAPS: Record<string, number> = {
  'T01': 3,
  'T01-BADINH': 14,
  'T01-CAUGIAY': 6,
  'T10': 0,
  'T10-SAPA': 0,
  'T96': 25,
}

function paperFor(row: ComparisonRow, gap: number) {
  const s = row.software
  const half = Math.ceil(gap / 2)
  const third = Math.floor(gap / 3)
  const cases = {
    f06_c1: s.f06_c1 + gap,
    f06_c3: s.f06_c3 + gap,
    f06_c4: s.f06_c4,
    f06_c6: s.f06_c6 + gap,
    f06_c8: s.f06_c8 + half,
    f06_c14: s.f06_c14 + third,
  }
  const money = {
    f07_c1: s.f07_c1 + gap * 15_000,
    f07_c3: s.f07_c3 + gap * 15_000,
    f07_c4: s.f07_c4,
    f07_c6: s.f07_c6 + gap * 15_000,
    f07_c8: s.f07_c8 + half * 5_000,
    f07_c14: s.f07_c14 + third * 4_000,
  }
  const all: Record<string, number> = { ...cases, ...money }
  for (const k of FIGURE_KEYS) if (k.startsWith('f07_')) all[k] *= MONEY_DIVISOR
  return all
}

function lastEnded(day: string) {
  const { year, n } = periodOf(day)
  return n === 1 ? { year: year - 1, period: 12 } : { year, period: n - 1 }
}

/**
 * The demo history is written with the process clock pinned day by day, but a case's recorded time
 * (`created_at`) is the real moment of seeding; the completeness dashboard needs plausible entry times. Each
 * demo case is given an entry 0–8 days after its decision (0–14 in Cà Mau, the late enterer of CV 2352), at
 * 03:00 UTC (10:00 in Vietnam), so most are on time and some are late. Set-based, one UPDATE per dialect.
 */
async function spreadEntryTimes() {
  const mysql = !db.connection().dialect.name.includes('sqlite')
  const camau = await Unit.findBy('code', 'T96')
  const spread = (modulo: number) =>
    mysql
      ? `TIMESTAMP(DATE_ADD(decision_date, INTERVAL (id % ${modulo}) DAY), '03:00:00')`
      : `datetime(decision_date, '+' || (id % ${modulo}) || ' days', '+3 hours')`
  // Recent cases keep their real recorded time (it is not in the future).
  const until = addDays(today(), -15)
  const update = (modulo: number, pathTest: string, path: string) =>
    db.rawQuery(
      `UPDATE cases SET created_at = ${spread(modulo)} WHERE decision_date IS NOT NULL AND decision_date <= ? AND unit_path ${pathTest} ?`,
      [until, `${path}%`]
    )
  const camauPath = camau?.path ?? '/none/'
  await update(15, 'LIKE', camauPath)
  await update(9, 'NOT LIKE', camauPath)
}

export async function seedDemoReconciliation() {
  const existing = await db.from('traditional_figures').count('* as n').first()
  if (Number(existing?.n ?? 0) > 0) return null
  await spreadEntryTimes()
  if (!formPlugin('form-06-cases')) await loadPlugins(app.makePath('plugins'), logger)
  const day = today()
  const last = lastEnded(day)
  const periods = [last, { year: last.year - 1, period: 12 }]
  const provinces = await Unit.query().whereIn('code', ['T01', 'T10', 'T96'])
  let written = 0
  for (const { year, period } of periods) {
    for (const province of provinces) {
      const comparison = await compareUnit(
        {
          id: province.id,
          code: province.code,
          name: province.name,
          path: province.path,
          level: province.level,
          parentId: province.parentId,
        },
        year,
        period
      )
      for (const row of comparison.rows) {
        if (row.code === null || !(row.code in GAPS)) continue
        const unit = row.kind === 'own' ? province : await Unit.findBy('code', row.code)
        if (!unit) continue
        const now = new Date()
        await db
          .insertQuery()
          .table('traditional_figures')
          .insert({
            unit_id: unit.id,
            unit_path: unit.path,
            year,
            period,
            ...paperFor(row, GAPS[row.code]),
            source: 'import',
            note: 'Dữ liệu mẫu (bản thực hành)',
            recorded_by_id: null,
            created_at: now,
            updated_at: now,
          })
        written++
      }
    }
  }
  // A few weeks of measurements for the progress chart: the gap was larger and shrank to today's.
  await snapshotAll(last.year, last.period, day)
  const todays = await db
    .from('reconciliation_snapshots')
    .where({ year: last.year, period: last.period, taken_on: day })
  for (const snap of todays) {
    for (const [weeks, factor] of [
      [4, 4],
      [3, 3],
      [2, 2],
      [1, 1.5],
    ] as const) {
      const gap = Math.round(Number(snap.gap) * factor)
      await db
        .insertQuery()
        .table('reconciliation_snapshots')
        .insert({
          unit_id: snap.unit_id,
          unit_path: snap.unit_path,
          year: last.year,
          period: last.period,
          taken_on: addDays(day, -7 * weeks),
          traditional: snap.traditional,
          software: Number(snap.traditional) - gap,
          gap,
          abs_sum: Math.round(Number(snap.abs_sum) * factor),
          created_at: new Date(),
        })
    }
  }
  return { written, period: last }
}
