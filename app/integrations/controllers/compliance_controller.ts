import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { reachPrefix } from '#accounts'
import { AccessDenied, today } from '#core'
import { stamp } from '../services/time.js'

const READERS = ['admin', 'head', 'statistician', 'inspector'] as const

/**
 * Compliance with the Art. 44a deadlines per unit in the reader's reach (a province sees its own office and its
 * districts): messages due in the range, delivered on time, late, and still undelivered (overdue or not yet).
 */
export default class ComplianceController {
  async index(ctx: HttpContext) {
    const user = ctx.auth.user!
    const prefix = reachPrefix(user, [...READERS])
    if (prefix === null) throw new AccessDenied('integration_compliance', { type: 'route' })
    const from = /^\d{4}-\d{2}-\d{2}$/.test(ctx.request.input('from', ''))
      ? ctx.request.input('from')
      : `${today().slice(0, 4)}-01-01`
    const to = /^\d{4}-\d{2}-\d{2}$/.test(ctx.request.input('to', ''))
      ? ctx.request.input('to')
      : today()
    const clientId = Number(ctx.request.input('client', 0)) || null
    // On time = delivered before the end of the due day in Vietnam (UTC+7, no DST): due_on + 17 h UTC.
    const endOfDueDay =
      db.connection().dialect.name === 'mysql'
        ? 'DATE_ADD(o.due_on, INTERVAL 17 HOUR)'
        : "datetime(o.due_on, '+17 hours')"
    const onTime = `CASE WHEN o.status = 'delivered' AND o.delivered_at < ${endOfDueDay} THEN 1 ELSE 0 END`
    const late = `CASE WHEN o.status = 'delivered' THEN 1 ELSE 0 END`
    const rows = await db
      .from('integration_outbox as o')
      .join('units as u', 'u.id', 'o.unit_id')
      .where('o.event_type', 'like', 'debtor.%')
      .whereBetween('o.due_on', [from, to])
      .if(prefix !== '/', (q) => q.where('o.unit_path', 'like', `${prefix}%`))
      .if(clientId, (q) => q.where('o.client_id', clientId!))
      .groupBy('u.id', 'u.code', 'u.name', 'u.path')
      .orderBy('u.path')
      .select('u.id', 'u.code', 'u.name', 'u.path')
      .count('* as due')
      .select(db.raw(`SUM(${onTime}) as on_time`), db.raw(`SUM(${late}) as delivered`))
      .select(
        db.raw(
          `SUM(CASE WHEN o.status <> 'delivered' AND o.due_on < ? THEN 1 ELSE 0 END) as overdue`,
          [today()]
        )
      )
    const table = rows.map((r: any) => {
      const due = Number(r.due)
      const delivered = Number(r.delivered)
      const onTimeN = Number(r.on_time)
      return {
        ...r,
        due,
        on_time: onTimeN,
        late: delivered - onTimeN,
        undelivered: due - delivered,
        overdue: Number(r.overdue),
      }
    })
    const total = table.reduce(
      (t, r) => ({
        due: t.due + r.due,
        on_time: t.on_time + r.on_time,
        late: t.late + r.late,
        undelivered: t.undelivered + r.undelivered,
        overdue: t.overdue + r.overdue,
      }),
      { due: 0, on_time: 0, late: 0, undelivered: 0, overdue: 0 }
    )
    if (ctx.request.accepts(['html', 'json']) === 'json')
      return { from, to, rows: table, total, at: stamp() }
    return ctx.view.render('integrations/compliance', { rows: table, total, from, to, clientId })
  }
}
