/**
 * Imports paper figures from a csv or xlsx file (the template of figure_file.ts), streaming. A row naming a unit
 * outside the importer's subtree refuses the whole file with AccessDenied (403 + audit row by the exception
 * handler, nothing written), as the case import does. Every other row is checked like the form checks it (unit known, year and period, period ended and year not
 * closed, whole non-negative numbers, the identities between the columns, no duplicate unit/year/period in the
 * file). All or nothing: when any row is wrong nothing is written and every error comes back with its line number;
 * otherwise all rows are written in one transaction, each audited (recorded or corrected), plus one audit row for
 * the file.
 */
import { Unit, type User } from '#accounts'
import { recordAudit } from '#audit'
import { AccessDenied, today, transaction } from '#core'
import { isYearClosed } from '#periods'
import { periodRange } from '../../services/period.js'
import { FIGURE_KEYS, figureRuleErrors, type FigureKey } from '../indicators.js'
import { authorizeWrite } from '../access.js'
import { BadHeader, figureRows } from '../services/figure_file.js'
import { upsertFigures, type FigureInput } from './record_figures.js'
import { snapshotAfterWrite } from './take_snapshots.js'

export const MAX_IMPORT_ROWS = 5000

export interface RowError {
  line: number
  field: string | null
  key: string
  data?: Record<string, unknown>
}

export interface ImportResult {
  written: number
  unchanged: number
  rows: number
  errors: RowError[]
}

const WHOLE = /^\d{1,15}$/

export class ImportFigures {
  async handle(
    user: User,
    file: { path: string; kind: 'csv' | 'xlsx'; name: string }
  ): Promise<ImportResult> {
    authorizeWrite(user)
    const errors: RowError[] = []
    const accepted: { line: number; unit: Unit; input: FigureInput }[] = []
    const seen = new Map<string, number>()
    const units = new Map<string, Unit | null>()
    const closed = new Map<number, boolean>()
    let rows = 0
    try {
      for await (const { line, cells } of figureRows(file.path, file.kind)) {
        rows++
        if (rows > MAX_IMPORT_ROWS) {
          errors.push({
            line,
            field: null,
            key: 'reconciliation.import.too_many',
            data: { max: MAX_IMPORT_ROWS },
          })
          break
        }
        const rowErrors: RowError[] = []
        const fail = (field: string | null, key: string, data?: Record<string, unknown>) =>
          rowErrors.push({ line, field, key, data })
        const code = cells.unit_code ?? ''
        if (!units.has(code)) units.set(code, code ? await Unit.findBy('code', code) : null)
        const unit = units.get(code) ?? null
        if (!unit) fail('unit_code', 'reconciliation.import.unknown_unit', { unit: code })
        // a unit outside the importer's subtree refuses the whole file: 403, audited (like the case import)
        else authorizeWrite(user, unit)
        const year = /^\d{4}$/.test(cells.year ?? '') ? Number(cells.year) : null
        const period = /^\d{1,2}$/.test(cells.period ?? '') ? Number(cells.period) : null
        if (year === null || year < 2000 || year > 2100)
          fail('year', 'reconciliation.import.bad_year')
        if (period === null || period < 1 || period > 12)
          fail('period', 'reconciliation.import.bad_period')
        if (
          year !== null &&
          period !== null &&
          period >= 1 &&
          period <= 12 &&
          year >= 2000 &&
          year <= 2100
        ) {
          if (periodRange(year, period).end >= today())
            fail('period', 'reconciliation.period_not_ended', { year, period })
          if (!closed.has(year)) closed.set(year, await isYearClosed(year))
          if (closed.get(year)) fail('year', 'reconciliation.year_closed', { year })
          const key = `${code}|${year}|${period}`
          if (seen.has(key))
            fail('unit_code', 'reconciliation.import.duplicate', { first: seen.get(key) })
          else seen.set(key, line)
        }
        const values = {} as Record<FigureKey, number>
        for (const k of FIGURE_KEYS) {
          const text = (cells[k] ?? '').replace(/[.\s]/g, '')
          if (!WHOLE.test(text))
            fail(k, 'reconciliation.import.bad_number', { value: cells[k] ?? '' })
          else values[k] = Number(text)
        }
        if (!rowErrors.some((e) => FIGURE_KEYS.includes(e.field as FigureKey)))
          for (const [field, key] of Object.entries(figureRuleErrors(values))) fail(field, key)
        if (rowErrors.length) errors.push(...rowErrors)
        else
          accepted.push({
            line,
            unit: unit!,
            input: {
              year: year!,
              period: period!,
              values,
              note: (cells.note || '').slice(0, 500) || null,
            },
          })
      }
    } catch (error) {
      if (error instanceof AccessDenied) throw error
      if (error instanceof BadHeader)
        return {
          written: 0,
          unchanged: 0,
          rows,
          errors: [
            {
              line: 1,
              field: null,
              key: 'reconciliation.import.bad_header',
              data: { columns: error.missing.join(', ') },
            },
          ],
        }
      return {
        written: 0,
        unchanged: 0,
        rows,
        errors: [{ line: rows + 1, field: null, key: 'reconciliation.import.unreadable' }],
      }
    }
    if (rows === 0) errors.push({ line: 1, field: null, key: 'reconciliation.import.empty' })
    if (errors.length) return { written: 0, unchanged: 0, rows, errors }

    const written = await transaction(async (trx) => {
      let changed = 0
      for (const row of accepted)
        if (await upsertFigures(trx, user, row.unit, row.input, 'import')) changed++
      await recordAudit(
        {
          actor: user,
          unit: { id: user.unit.id, path: user.unit.path },
          action: 'reconciliation.figures_imported',
          subjectType: 'file',
          subjectId: file.name.slice(0, 100),
          after: { rows, written: changed, unchanged: accepted.length - changed },
        },
        trx
      )
      return changed
    })
    const byPeriod = new Map<string, Unit[]>()
    for (const row of accepted) {
      const k = `${row.input.year}|${row.input.period}`
      byPeriod.set(k, [...(byPeriod.get(k) ?? []), row.unit])
    }
    for (const [k, list] of byPeriod) {
      const [y, n] = k.split('|').map(Number)
      await snapshotAfterWrite(list, y, n)
    }
    return { written, unchanged: accepted.length - written, rows, errors: [] }
  }
}
