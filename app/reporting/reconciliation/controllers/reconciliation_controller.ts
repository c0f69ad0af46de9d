/** The comparison page (CV 2352 annex), a unit's progress, and the exports of the comparison. */
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { scopeToReach, Unit } from '#accounts'
import { recordAudit } from '#audit'
import { FORM_READER_ROLES } from '../../services/access.js'
import { sendAttachment } from '../../exports/controllers/send_file.js'
import { authorizeRead, managesPlan } from '../access.js'
import { compareUnit } from '../services/compare.js'
import { exportComparison } from '../services/export.js'
import { FORM_PLUGIN, INDICATOR_COLUMNS, FORM_CODES } from '../indicators.js'
import { compareQueryValidator } from '../validators/reconciliation.js'
import { lastEndedPeriod, qs, resolveUnit, wantsJson } from './shared.js'

export default class ReconciliationController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    authorizeRead(user)
    const input = await compareQueryValidator.validate(ctx.request.qs())
    const unit = await resolveUnit(user, input.unit)
    authorizeRead(user, unit)
    const fallback = lastEndedPeriod()
    const year = input.year ?? fallback.year
    const period = input.period ?? fallback.period
    const comparison = await compareUnit(unit, year, period, { sort: input.sort })
    if (input.format) {
      const form = input.form ?? '06'
      const file = await exportComparison(user, comparison, form, input.format, ctx.i18n.locale)
      await recordAudit({
        actor: user,
        unit: { id: unit.id, path: unit.path },
        action: 'reporting.export.download',
        subjectType: 'form',
        subjectId: `reconciliation-${form}`,
        after: { format: input.format, unit: unit.code, year, period, file: file.fileName },
      })
      return sendAttachment(ctx, file.fileName, file.mime, file.body)
    }
    if (wantsJson(ctx)) return comparison
    const base = { unit: unit.code, year, period }
    const drill = (form: string, rowKey: number, col: string) =>
      `/reports/forms/${FORM_PLUGIN[form as '06' | '07']}/cell?${qs({ ...base, by: 'unit', row: rowKey, col })}`
    const snapshots = await db
      .from('reconciliation_snapshots')
      .where({ unit_id: unit.id, year, period })
      .orderBy('taken_on')
      .limit(200)
    const units = await scopeToReach(Unit.query().orderBy('path'), user, FORM_READER_ROLES)
      .whereNot('level', 'like', 'military%')
      .whereNull('valid_to')
      .limit(1000)
    const measured = comparison.rows.filter((r) => r.gap !== null)
    return ctx.view.render('reporting/reconciliation/index', {
      comparison,
      base,
      units,
      forms: FORM_CODES,
      columns: INDICATOR_COLUMNS,
      sort: input.sort ?? 'gap',
      drill,
      consistent: comparison.rows.filter((r) => r.status === 'consistent'),
      incomplete: comparison.rows.filter((r) => r.status === 'incomplete'),
      missing: comparison.rows.filter((r) => r.status === 'missing'),
      qs,
      canPlan: managesPlan(user),
      canWrite: user.hasRole('statistician'),
      gapChart: {
        labels: measured.map((r) => r.name),
        data: measured.map((r) => r.gap ?? 0),
        links: measured.map((r) => `/reconciliation?${qs({ ...base, unit: r.code })}`),
      },
      progress: {
        labels: snapshots.map((s: any) =>
          String(
            s.taken_on instanceof Date ? s.taken_on.toISOString().slice(0, 10) : s.taken_on
          ).slice(0, 10)
        ),
        gap: snapshots.map((s: any) => Number(s.gap)),
        traditional: snapshots.map((s: any) => Number(s.traditional)),
        software: snapshots.map((s: any) => Number(s.software)),
      },
    })
  }
}
