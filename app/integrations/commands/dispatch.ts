import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * `node ace integrations:dispatch`: delivers the outbox (the same Dispatcher the web process runs). Several may
 * run at once on several hosts: rows are claimed with a lease, so each message is delivered by one of them.
 */
export default class IntegrationsDispatch extends BaseCommand {
  static commandName = 'integrations:dispatch'
  static description = 'Deliver pending integration outbox messages (signed webhooks with retries)'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.boolean({ description: 'Run until nothing is due, then exit' })
  declare once: boolean

  @flags.number({ description: 'Milliseconds between passes (default 2000)' })
  declare interval?: number

  @flags.number({ description: 'Lease in seconds on claimed rows (default 60)' })
  declare lease?: number

  @flags.number({ description: 'Parallel deliveries (default 8)' })
  declare concurrency?: number

  @flags.number({ description: 'HTTP time-out in ms (default 15000)' })
  declare timeout?: number

  @flags.array({ description: 'Only these client ids' })
  declare client?: string[]

  async run() {
    const { Dispatcher } = await import('#integrations')
    const dispatcher = new Dispatcher({
      leaseSeconds: this.lease,
      concurrency: this.concurrency,
      timeoutMs: this.timeout,
      clientIds: this.client?.length ? this.client.map(Number) : null,
    })
    if (this.once) {
      const n = await dispatcher.drain()
      this.logger.info(`attempted ${n} deliveries`)
      await this.terminate()
      return
    }
    this.logger.info(`dispatcher ${dispatcher.owner} started`)
    let stopped = false
    const stop = () => (stopped = true)
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
    while (!stopped) {
      try {
        await dispatcher.drain(20)
      } catch (error) {
        this.logger.error(String(error))
      }
      await new Promise((resolve) => setTimeout(resolve, this.interval ?? 2000))
    }
    await this.terminate()
  }
}
