/**
 * Use case: create or edit a schedule. Authorize (role + jurisdiction over the unit, then the owner must be
 * able to read the report for that unit — refusals are audited by the exception handler), validate the cron
 * and the recipients (field errors), then write the row and its audit event in one transaction.
 * The owner is the person who saves it: the report is produced with the owner's rights at every run.
 */
import vine, { errors as vineErrors } from '@vinejs/vine'
import type { Infer } from '@vinejs/vine/types'
import { DateTime } from 'luxon'
import i18nManager from '@adonisjs/i18n/services/main'
import { transaction } from '#core'
import { Unit, type User } from '#accounts'
import { recordAudit } from '#audit'
import { cronProblem } from '../services/cron.js'
import { sendable } from '../services/sendables.js'
import { authorizeScheduleUnit } from '../services/access.js'
import { recipientsOf, sqlTime, type ScheduleRow } from '../services/store.js'
import type { scheduleValidator } from '../validators/schedule.js'

export type ScheduleInput = Infer<typeof scheduleValidator>

const emailRule = vine.compile(vine.object({ e: vine.string().email() }))

function fieldError(
  field: string,
  key: string,
  locale: string,
  data: Record<string, unknown> = {}
) {
  const message = i18nManager.locale(locale).t(key, data as any)
  return new vineErrors.E_VALIDATION_ERROR([{ field, message, rule: key }])
}

/** A refused schedule (bad cron, no recipients, …) leaves an audit row with the field and the reason. */
async function audited<T>(
  actor: User,
  existing: ScheduleRow | null,
  work: () => Promise<T>
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof vineErrors.E_VALIDATION_ERROR) {
      const first = (error.messages as { field: string; rule: string }[])[0]
      await recordAudit({
        actor,
        unit: actor.unit ? { id: actor.unit.id, path: actor.unit.path } : null,
        action: 'schedule.refused',
        outcome: 'refused',
        subjectType: 'schedule',
        subjectId: existing?.id ?? null,
        after: { field: first?.field, reason: first?.rule },
      })
    }
    throw error
  }
}

/** The unit must be in the actor's reach and the report readable there (AccessDenied → 403 + audit). */
export async function authorizeTarget(actor: User, unitId: number, reportKey: string) {
  const unit = Number.isSafeInteger(unitId) ? await Unit.find(unitId) : null
  if (!unit) return null
  authorizeScheduleUnit(actor, unit, { type: 'unit', id: unit.id })
  sendable(reportKey)?.authorize(actor, { id: unit.id, code: unit.code, path: unit.path })
  return unit
}

export class SaveSchedule {
  async handle(
    actor: User,
    input: ScheduleInput,
    locale: string,
    existing: ScheduleRow | null = null
  ): Promise<number> {
    return audited(actor, existing, () => this.save(actor, input, locale, existing))
  }

  private async save(
    actor: User,
    input: ScheduleInput,
    locale: string,
    existing: ScheduleRow | null
  ): Promise<number> {
    const subject = { type: 'schedule', id: existing?.id }
    if (existing)
      authorizeScheduleUnit(actor, { id: existing.unit_id, path: existing.unit_path }, subject)
    // The owner must be able to read what is sent (AccessDenied → 403 + audit).
    const unit = await authorizeTarget(actor, input.unit_id, input.report)
    if (!unit) throw fieldError('unit_id', 'schedules.errors.unknown_unit', locale)
    const report = sendable(input.report)
    if (!report) throw fieldError('report', 'schedules.errors.unknown_report', locale)
    if (!report.formats.includes(input.format))
      throw fieldError('format', 'schedules.errors.format', locale)
    const problem = cronProblem(input.cron)
    if (problem) throw fieldError('cron', problem, locale)
    for (const e of (input.extra_emails ?? '').split(/[\s,;]+/).filter(Boolean)) {
      try {
        await emailRule.validate({ e })
      } catch {
        throw fieldError('extra_emails', 'schedules.errors.bad_email', locale, { email: e })
      }
    }
    const values = {
      name: input.name,
      owner_id: existing?.owner_id ?? actor.id,
      unit_id: unit.id,
      unit_path: unit.path,
      report: input.report,
      period_rule: input.period_rule,
      format: input.format,
      cron: input.cron.trim().split(/\s+/).join(' '),
      recipient_roles: JSON.stringify(input.recipient_roles ?? []),
      recipients_below: input.recipients_below ?? false,
      extra_emails: input.extra_emails ?? '',
      locale: locale === 'en' ? 'en' : 'vi',
      active: input.active ?? true,
    }
    if (!(await recipientsOf(values as ScheduleRow)).length)
      throw fieldError('recipient_roles', 'schedules.errors.no_recipients', locale)

    return transaction(async (trx) => {
      const now = sqlTime(DateTime.utc())
      let id: number
      if (existing) {
        id = existing.id
        await trx
          .from('schedules')
          .where('id', id)
          .update({ ...values, version: trx.raw('version + 1'), updated_at: now })
      } else {
        const [inserted] = await trx
          .insertQuery()
          .table('schedules')
          .insert({ ...values, version: 1, created_at: now, updated_at: now })
        id = Number(inserted)
      }
      await recordAudit(
        {
          actor,
          unit: { id: unit.id, path: unit.path },
          action: existing ? 'schedule.update' : 'schedule.create',
          subjectType: 'schedule',
          subjectId: id,
          before: existing ? { ...existing } : null,
          after: values,
        },
        trx
      )
      return id
    })
  }
}
