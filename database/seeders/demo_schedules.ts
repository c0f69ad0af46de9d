import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'

/**
 * Demo seed only: the Ba Đình statistician's monthly form 06 schedule (07:00 on the 1st, the period just
 * closed, xlsx to the unit's head and statistician). On the practice instance mail is logged, not sent, so
 * "Gửi ngay" shows a logged e-mail in the run history. Idempotent.
 */
export async function seedDemoSchedules(): Promise<number> {
  const owner = await db.from('users').where('email', 'statistician.badinh@thads.demo').first()
  if (!owner) return 0
  if (await db.from('schedules').where('owner_id', owner.id).first()) return 0
  const unit = await db.from('units').where('id', owner.unit_id).firstOrFail()
  const now = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
  await db.table('schedules').insert({
    name: 'Biểu 06 hằng tháng — Chi cục Ba Đình',
    owner_id: owner.id,
    unit_id: unit.id,
    unit_path: unit.path,
    report: 'form:form-06-cases',
    period_rule: 'last_closed',
    format: 'xlsx',
    cron: '0 7 1 * *',
    recipient_roles: JSON.stringify(['head', 'statistician']),
    extra_emails: '',
    locale: 'vi',
    active: true,
    version: 1,
    created_at: now,
    updated_at: now,
  })
  return 1
}
