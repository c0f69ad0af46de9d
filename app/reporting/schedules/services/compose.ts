/**
 * Builds the e-mail of a schedule exactly as it is sent: subject, HTML/text body, the attachment or the link.
 * Used by the runner and by the preview page, so the preview is the message.
 */
import edge from 'edge.js'
import env from '#start/env'
import { AccessDenied, RuleViolation, today } from '#core'
import { User, Unit } from '#accounts'
import { translator } from '../../exports/services/exporters.js'
import { dayText } from '../../exports/services/document.js'
import { periodFor } from './period_rules.js'
import { sendable, type SentFile } from './sendables.js'
import { recipientsOf, type ScheduleRow } from './store.js'

export interface ComposedMail {
  subject: string
  html: string
  text: string
  recipients: string[]
  attachment: SentFile | null
  reportLabel: string
  periodLabel: string
  link: string
}

export function appUrl(): string {
  return (env.get('APP_URL') || `http://localhost:${env.get('PORT', 3333)}`).replace(/\/$/, '')
}

/** The owner with roles and unit, refused (AccessDenied) when the owner may no longer read the report. */
export async function authorizedOwner(row: ScheduleRow) {
  const owner = await User.query()
    .where('id', row.owner_id)
    .preload('roles')
    .preload('unit')
    .first()
  if (!owner || !owner.isActive)
    throw new AccessDenied('account_revoked', { type: 'schedule', id: row.id })
  const report = sendable(row.report)
  if (!report) throw new RuleViolation('schedules.errors.unknown_report', { report: row.report })
  const unit = await Unit.findOrFail(row.unit_id)
  report.authorize(owner, { id: unit.id, code: unit.code, path: unit.path })
  return { owner, report, unit }
}

/** `runDay` is the Vietnam day the run belongs to; `withFile` false skips producing the attachment. */
export async function composeMail(
  row: ScheduleRow,
  runDay: string = today(),
  withFile = true
): Promise<ComposedMail> {
  const { owner, report, unit } = await authorizedOwner(row)
  const t = translator(row.locale)
  const period = periodFor(row.period_rule, runDay)
  const ref = { id: unit.id, code: unit.code, path: unit.path }
  const link = appUrl() + report.link({ unit: ref, year: period.year, period: period.period })
  const attachment =
    row.format === 'link' || !withFile
      ? null
      : await report.produce(owner, {
          unit: ref,
          year: period.year,
          period: period.period,
          format: row.format,
          locale: row.locale,
        })
  const reportLabel = report.title(row.locale)
  const periodLabel = t('schedules.period_label', {
    n: period.period,
    year: period.year,
    start: dayText(period.start),
    end: dayText(period.end),
  })
  const data = {
    t,
    schedule: row,
    reportLabel,
    periodLabel,
    unitName: unit.name,
    link,
    attachment: attachment ? { fileName: attachment.fileName } : null,
    asLink: row.format === 'link',
  }
  const html = await edge.render('emails/schedule_summary', data)
  const text = [
    t('schedules.mail.intro', { report: reportLabel, unit: unit.name, period: periodLabel }),
    row.format === 'link'
      ? t('schedules.mail.link', { link })
      : t('schedules.mail.attached', { file: attachment?.fileName ?? '' }),
    t('schedules.mail.footer', { name: row.name }),
  ].join('\n\n')
  return {
    subject: t('schedules.mail.subject', {
      report: reportLabel,
      unit: unit.name,
      period: periodLabel,
    }),
    html,
    text,
    recipients: await recipientsOf(row),
    attachment,
    reportLabel,
    periodLabel,
    link,
  }
}
