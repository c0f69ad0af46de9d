import env from '#start/env'
import { defineConfig, transports } from '@adonisjs/mail'
import { JSONTransport } from '@adonisjs/mail/transports/json'
import type { MailTransportContract, NodeMailerMessage } from '@adonisjs/mail/types'

/**
 * `smtp` sends through SMTP_HOST:SMTP_PORT; `log` (the practice instance's default when no SMTP host is set)
 * builds the message exactly as it would be sent and writes it to the log instead.
 */
class LogTransport implements MailTransportContract {
  #json = new JSONTransport()
  async send(message: NodeMailerMessage) {
    const response = await this.#json.send(message)
    const { default: logger } = await import('@adonisjs/core/services/logger')
    logger.info(
      { mail: { to: message.to, subject: message.subject, messageId: response.messageId } },
      'mail logged (not sent)'
    )
    return response
  }
}

const mailConfig = defineConfig({
  default: env.get('MAIL_MAILER', env.get('SMTP_HOST') ? 'smtp' : 'log'),
  from: { address: env.get('MAIL_FROM', 'thads@localhost'), name: 'THADS' },
  mailers: {
    smtp: transports.smtp({
      host: env.get('SMTP_HOST', '127.0.0.1'),
      port: env.get('SMTP_PORT', 2525),
      secure: false,
      ignoreTLS: true,
    }),
    log: () => new LogTransport(),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
