import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import env from '#start/env'

/**
 * First half of `npm start`: migrate, seed reference units on an empty database, seed the practice
 * instance's demo data outside production, and print where to go and how to sign in.
 */
export default class ThadsPrepare extends BaseCommand {
  static commandName = 'thads:prepare'
  static description = 'Migrate the database and seed the practice instance on first run'
  static options: CommandOptions = { startApp: true }

  async run() {
    const migrate = await this.kernel.exec('migration:run', ['--force'])
    // Lucid takes MySQL's advisory lock and releases it through the pool, possibly on another connection, so
    // RELEASE_LOCK can fail AFTER every migration ran ("Migration completed, but unable to release database
    // lock"): the schema is complete then (the lock dies with its session), so that one case is only a warning.
    const lockRelease = /unable to release database lock/i.test(
      String((migrate as any).migrator?.error?.message ?? migrate.error?.message ?? '')
    )
    if (migrate.exitCode !== 0 && !lockRelease) {
      this.exitCode = 1
      return
    }
    if (lockRelease)
      this.logger.warning('Migrations completed; the migration lock was released with its session')
    const { seedReferenceUnits } = await import('#database/seeders/reference_units')
    if (await seedReferenceUnits())
      this.logger.info(
        'Seeded the organisation tree (national, 63 provinces, sample districts, military units)'
      )
    const { seedReferenceHolidays } = await import('#database/seeders/reference_holidays')
    const holidays = await seedReferenceHolidays()
    if (holidays) this.logger.info(`Seeded ${holidays} public-holiday calendar days (2024–2027)`)

    const wantsDemo = env.get('DEMO_SEED', !this.app.inProduction)
    if (wantsDemo && this.app.inProduction) {
      this.logger.error(
        'The demo seed is refused in production (it creates accounts with a published password).'
      )
      this.exitCode = 1
      return
    }
    const lines: string[] = []
    if (wantsDemo) {
      const { seedDemoAccounts, DEMO_PASSWORD } = await import('#database/seeders/demo_accounts')
      const accounts = await seedDemoAccounts()
      lines.push('', `Demo logins (password for all: ${DEMO_PASSWORD}):`)
      for (const a of accounts) lines.push(`  ${a.email.padEnd(32)} ${a.roles.join(', ')}`)
      lines.push(
        ...(await (await import('#database/seeders/demo_integrations')).seedDemoIntegrations())
      )
      const { seedDemoSchedules } = await import('#database/seeders/demo_schedules')
      await seedDemoSchedules()
      const { seedDemoCases } = await import('#database/seeders/demo_cases')
      const demo = await seedDemoCases({ log: (line) => this.logger.info(line) })
      await (await import('#database/seeders/demo_warehouse')).seedDemoWarehouse()
      if (demo)
        this.logger.info(
          `Seeded the demo history: ${demo.cases} cases, ${demo.handovers} handovers, ${demo.delegations} delegations, ${demo.from} … ${demo.to} in ${demo.seconds.toFixed(1)} s`
        )
      if (demo)
        await (await import('#database/seeders/demo_reconciliation')).seedDemoReconciliation()
    }
    const port = env.get('PORT', 3333)
    this.logger.log([`\nTHADS is starting at http://localhost:${port}`, ...lines, ''].join('\n'))
  }
}
