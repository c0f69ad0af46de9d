import { PassThrough } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import ExcelJS from 'exceljs'
import { toCsv } from '#core'
import { foldKey } from '../services/fold.js'

const PAGE = 50
const BATCH = 1000
const COLUMNS = [
  'debtor_name',
  'debtor_address',
  'judgment',
  'decision',
  'obligation',
  'reason',
  'unit_name',
  'listed_on',
] as const

function cursorOf(value: unknown): [string, number] | null {
  if (typeof value !== 'string' || !value) return null
  try {
    const [k, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
    return typeof k === 'string' && Number.isInteger(id) ? [k, id] : null
  } catch {
    return null
  }
}

/**
 * The public list of debtors without conditions (Law Art. 44a), no login: only the published fields, prefix
 * search on the folded name (index debtor_listings_name / _unit), keyset paging on (name_key, id), and a
 * streamed CSV or Excel download of the same filter.
 */
export default class DebtorsController {
  private query(q: string, unitId: number | null) {
    const query = db.from('debtor_listings').where('listed', true)
    // A province lists its own office and its districts (index debtor_listings_province).
    if (unitId) query.where('province_id', unitId)
    const key = foldKey(q)
    const prefix = key.replace(/[\\%_]/g, '')
    if (prefix) {
      // A range on the folded key lets both engines seek the index (SQLite's LIKE is case-insensitive and
      // cannot); LIKE keeps the match exact.
      const upper =
        prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
      query
        .where('name_key', '>=', prefix)
        .where('name_key', '<', upper)
        .where('name_key', 'like', `${prefix}%`)
    }
    return query
  }

  private filters(ctx: HttpContext) {
    const q = String(ctx.request.input('q', '') ?? '').slice(0, 100)
    const unitId = Number(ctx.request.input('unit', 0)) || null
    return { q, unitId }
  }

  async index(ctx: HttpContext) {
    const { q, unitId } = this.filters(ctx)
    const after = cursorOf(ctx.request.input('after'))
    const query = this.query(q, unitId)
    if (after)
      query.where((w) =>
        w
          .where('name_key', '>', after[0])
          .orWhere((x) => x.where('name_key', after[0]).where('id', '>', after[1]))
      )
    const rows = await query
      .orderBy('name_key')
      .orderBy('id')
      .limit(PAGE + 1)
      .select('id', 'name_key', ...COLUMNS)
    const more = rows.length > PAGE
    const shown = rows.slice(0, PAGE)
    const last = shown[shown.length - 1]
    const next =
      more && last
        ? Buffer.from(JSON.stringify([last.name_key, Number(last.id)])).toString('base64url')
        : null
    const units = await db
      .from('units')
      .whereIn('level', ['province', 'national'])
      .orderBy('code')
      .select('id', 'code', 'name')
    return ctx.view.render('integrations/public_debtors', {
      rows: shown.map((r) => ({ ...r, listed_on: String(r.listed_on).slice(0, 10) })),
      q,
      unitId,
      next,
      units,
      query: new URLSearchParams({ q, ...(unitId ? { unit: String(unitId) } : {}) }).toString(),
    })
  }

  /** Streams every matching row in keyset batches (never the whole list in memory). */
  private async *batches(q: string, unitId: number | null) {
    let after: [string, number] | null = null
    for (;;) {
      const query = this.query(q, unitId)
      if (after) {
        const [k, i] = after
        query.where((w) =>
          w.where('name_key', '>', k).orWhere((x) => x.where('name_key', k).where('id', '>', i))
        )
      }
      const rows = await query
        .orderBy('name_key')
        .orderBy('id')
        .limit(BATCH)
        .select('id', 'name_key', ...COLUMNS)
      if (rows.length === 0) return
      yield rows
      const last = rows[rows.length - 1]
      after = [last.name_key, Number(last.id)]
      if (rows.length < BATCH) return
    }
  }

  async download(ctx: HttpContext) {
    const { q, unitId } = this.filters(ctx)
    const format = ctx.params.format === 'xlsx' ? 'xlsx' : 'csv'
    const header = COLUMNS.map((c) => ctx.i18n.t(`integrations.debtors.fields.${c}`))
    const stream = new PassThrough()
    const values = (r: any) =>
      COLUMNS.map((c) => (c === 'listed_on' ? String(r[c]).slice(0, 10) : r[c]))
    ctx.response.header('cache-control', 'no-store')
    if (format === 'csv') {
      ctx.response.header('content-type', 'text/csv; charset=utf-8')
      ctx.response.header(
        'content-disposition',
        'attachment; filename="nguoi-chua-co-dieu-kien-thi-hanh.csv"'
      )
      ;(async () => {
        stream.write(toCsv(header, []))
        for await (const rows of this.batches(q, unitId))
          stream.write(
            toCsv([], rows.map(values))
              .replace(/^\uFEFF\r\n/, '')
              .replace(/^\uFEFF/, '')
          )
        stream.end()
      })().catch((e) => stream.destroy(e))
    } else {
      ctx.response.header(
        'content-type',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      )
      ctx.response.header(
        'content-disposition',
        'attachment; filename="nguoi-chua-co-dieu-kien-thi-hanh.xlsx"'
      )
      ;(async () => {
        const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false })
        const sheet = book.addWorksheet('44a')
        sheet.addRow(header).commit()
        for await (const rows of this.batches(q, unitId))
          for (const r of rows) sheet.addRow(values(r)).commit()
        sheet.commit()
        await book.commit()
      })().catch((e) => stream.destroy(e))
    }
    return ctx.response.stream(stream)
  }
}
