import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { readFile, rm } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { mkdir } from 'node:fs/promises'
import app from '@adonisjs/core/services/app'
import { reachPrefix } from '#accounts'
import { AccessDenied, RuleViolation, today } from '#core'
import { recordAudit } from '#audit'
import { exportPluginFor, htmlToPdf, MIME } from '#reporting'
import { filterValidator } from '../validators/warehouse.js'
import { SUBTREE_READERS, assertCanRead, isCaseOfficer } from '../services/access.js'
import { findExhibit } from '../services/ledger.js'
import { movementsOf, sortedExhibits } from '../services/queries.js'
import { exhibitUrl, qrDataUrl } from '../services/label.js'
import { ledgerExport } from '../services/ledger_export.js'
import { validate, warehouseUser } from './helpers.js'

/** Largest ledger printed or exported as PDF in one go (the xlsx has no limit: it streams). */
const PDF_LIMIT = 2000

/** Print views: label with QR code, stock card per item and per case; ledger exports (xlsx, pdf). */
export default class CardsController {
  async label(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'exhibit')
    const e = await findExhibit(Number(ctx.params.id))
    await assertCanRead(user, e)
    const url = exhibitUrl(e.id, `${ctx.request.protocol()}://${ctx.request.host()}`)
    const unit = await db.from('units').where('id', e.unitId).first()
    return ctx.view.render('warehouse/print/label', { e, unit, url, qr: await qrDataUrl(url) })
  }

  async itemCard(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'exhibit')
    const e = await findExhibit(Number(ctx.params.id))
    await assertCanRead(user, e)
    const unit = await db.from('units').where('id', e.unitId).first()
    return ctx.view.render('warehouse/print/card', {
      title: ctx.i18n.t('warehouse.card.item_title', { code: e.code }),
      unit,
      items: [e],
      movements: await movementsOf({ exhibitId: e.id }),
      kase: e.caseId ? await db.from('cases').where('id', e.caseId).first() : null,
      today: today(),
    })
  }

  async caseCard(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'case')
    const kase = await db
      .from('cases')
      .where('id', Number(ctx.params.id) || 0)
      .first()
    if (!kase) throw new lucidErrors.E_ROW_NOT_FOUND()
    const prefix = reachPrefix(user, SUBTREE_READERS)
    const reads =
      (prefix !== null && String(kase.unit_path).startsWith(prefix)) ||
      (await isCaseOfficer(user, Number(kase.id)))
    if (!reads) throw new AccessDenied('outside_jurisdiction', { type: 'case', id: kase.id })
    const items = await db.from('exhibits').where('case_id', kase.id).orderBy('id')
    const unit = await db.from('units').where('id', kase.unit_id).first()
    return ctx.view.render('warehouse/print/card', {
      title: ctx.i18n.t('warehouse.card.case_title', { number: kase.number ?? `#${kase.id}` }),
      unit,
      items: items.map((i: any) => ({
        code: i.code,
        description: i.description,
        measure: i.measure,
        declaredQuantity: Number(i.declared_quantity),
        quantityHeld: Number(i.quantity_held),
        quantityOut: Number(i.quantity_out),
      })),
      movements: await movementsOf({ caseId: kase.id }),
      kase,
      today: today(),
    })
  }

  /** The ledger as printed (print view), as xlsx (export plugin's list path) or as pdf (shared Chromium). */
  async ledger(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'exhibit_list')
    const filters = await validate(ctx, filterValidator, ctx.request.qs())
    const format = String(ctx.params.format ?? 'html')
    const locale = ctx.i18n.locale === 'en' ? 'en' : 'vi'
    // Any export plugin that writes long lists (xlsx, csv, …) gets the ledger through its list path.
    const plugin = format === 'html' ? null : exportPluginFor(format)
    if (plugin?.renderList) {
      const list = await ledgerExport(user, filters, locale)
      const dir = app.tmpPath('exports')
      await mkdir(dir, { recursive: true })
      const output = join(dir, `${randomUUID()}.${format}`)
      try {
        await plugin.renderList(list, {
          locale,
          t: (key, data) => ctx.i18n.t(key, data as any),
          divisor: 1,
          headerGroups: null,
          recipient: null,
          preparedBy: user.fullName,
          issuedOn: today(),
          output,
          onProgress: () => {},
        })
        const body = await readFile(output)
        await this.audit(ctx, format, list.total)
        ctx.response.header(
          'content-type',
          MIME[format as keyof typeof MIME] ?? 'application/octet-stream'
        )
        ctx.response.header(
          'content-disposition',
          `attachment; filename="so-vat-chung_${today()}.${format}"`
        )
        return ctx.response.send(body)
      } finally {
        await rm(output, { force: true })
      }
    }
    if (format !== 'html' && format !== 'pdf')
      throw new RuleViolation('exports.no_exporter', { format })
    // The official PDF plugin renders computed forms only: the ledger PDF is its print sheet through the
    // same shared Chromium.
    const rows = await sortedExhibits(user, filters).limit(PDF_LIMIT + 1)
    if (format === 'pdf' && rows.length > PDF_LIMIT)
      throw new RuleViolation('warehouse.errors.pdf_too_long', { max: PDF_LIMIT })
    const data = {
      rows: rows.slice(0, PDF_LIMIT),
      unit: user.unit,
      today: today(),
      truncated: rows.length > PDF_LIMIT,
    }
    if (format === 'pdf') {
      const html = await ctx.view.render('warehouse/print/ledger_pdf', data)
      const pdf = await htmlToPdf(html, { landscape: true })
      await this.audit(ctx, 'pdf', data.rows.length)
      ctx.response.header('content-type', 'application/pdf')
      ctx.response.header(
        'content-disposition',
        `attachment; filename="so-vat-chung_${today()}.pdf"`
      )
      return ctx.response.send(pdf)
    }
    return ctx.view.render('warehouse/print/ledger', data)
  }

  private async audit(ctx: HttpContext, format: string, rows: number) {
    const user = ctx.auth.getUserOrFail()
    await recordAudit({
      actor: user,
      unit: { id: user.unitId, path: user.unit.path },
      action: 'warehouse.ledger_exported',
      subjectType: 'exhibit_list',
      after: { format, rows, query: ctx.request.qs() },
    })
  }
}
