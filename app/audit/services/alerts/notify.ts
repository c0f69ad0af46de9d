import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import emitter from '@adonisjs/core/services/emitter'
import { Mailer } from '@adonisjs/mail'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'
import i18nManager from '@adonisjs/i18n/services/main'
import env from '#start/env'

let override: Mailer<any> | null = null

/** Sends alert e-mails through another SMTP server (the tests' loopback smtp-server); null restores config/mail. */
export function useAlertSmtp(server: { host: string; port: number } | null) {
  override = server
    ? new Mailer(
        'alerts',
        new SMTPTransport({ host: server.host, port: server.port, secure: false, ignoreTLS: true }),
        emitter as any
      )
    : null
}

/** The admins of the alert's unit, else of the nearest unit above it that has one. */
async function recipientsFor(unitPath: string): Promise<string[]> {
  const units = await db.from('units').select('id', 'path')
  const ancestors = units
    .filter((u) => unitPath.startsWith(u.path))
    .sort((a, b) => b.path.length - a.path.length)
  for (const unit of ancestors) {
    const admins = await db
      .from('users')
      .join('user_roles', 'user_roles.user_id', 'users.id')
      .where('users.unit_id', unit.id)
      .where('users.status', 'active')
      .where('user_roles.role', 'admin')
      .select('users.email')
    if (admins.length) return admins.map((a) => a.email)
  }
  return []
}

/** E-mails a new alert to the admins of its unit (SMTP through @adonisjs/mail) and notes who got it. */
export async function notifyAlert(alertId: number): Promise<string[]> {
  const alert = await db.from('security_alerts').where('id', alertId).first()
  if (!alert) return []
  const to = await recipientsFor(alert.unit_path)
  if (!to.length) return []
  const i18n = i18nManager.locale('vi')
  const rule = i18n.t(`security.alerts.rules.${alert.rule}.name`)
  const base =
    env.get('APP_URL') ?? `http://${env.get('HOST', '127.0.0.1')}:${env.get('PORT', 3333)}`
  const link = `${base.replace(/\/$/, '')}/security/alerts/${alert.id}`
  const who = alert.actor_email ?? alert.source_ip ?? '—'
  const text = [
    i18n.t('security.alerts.mail.intro'),
    '',
    `${i18n.t('security.alerts.rule')}: ${rule}`,
    `${i18n.t('security.alerts.account')}: ${who}`,
    `${i18n.t('security.alerts.source_ip')}: ${alert.source_ip ?? '—'}`,
    `${i18n.t('security.alerts.evidence')}: ${JSON.parse(alert.evidence).auditIds.length}`,
    '',
    link,
  ].join('\n')
  const mailer = override ?? mail.use('smtp')
  await mailer.send((message) => {
    message
      .from(env.get('MAIL_FROM', 'thads@localhost'), 'THADS')
      .to(to[0])
      .subject(`[THADS] ${i18n.t('security.alerts.mail.subject', { rule, who })}`)
      .text(text)
    for (const cc of to.slice(1)) message.cc(cc)
  })
  await db
    .from('security_alerts')
    .where('id', alertId)
    .update({
      emailed_at: DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss'),
      emailed_to: to.join(', ').slice(0, 1000),
    })
  return to
}
