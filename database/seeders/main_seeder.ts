import { BaseSeeder } from '@adonisjs/lucid/seeders'
import app from '@adonisjs/core/services/app'
import { seedReferenceUnits } from './reference_units.js'
import { seedReferenceHolidays } from './reference_holidays.js'
import { seedDemoAccounts } from './demo_accounts.js'

/** `node ace db:seed`: reference units always; the demo practice data only outside production. */
export default class MainSeeder extends BaseSeeder {
  async run() {
    await seedReferenceUnits()
    await seedReferenceHolidays()
    if (!app.inProduction) await seedDemoAccounts()
  }
}
