import { appendFileSync } from 'node:fs'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Money postings per second through running app instances (bench/cluster_money.ts). `.ci/galera.sh --bench`
 * runs it twice in one go — one instance on a single MariaDB, two instances on the three-node cluster — with the
 * same load, and prints the ratio. Fixtures are written on this command's connection (DB_* of its environment).
 */
export default class BenchClusterMoney extends BaseCommand {
  static commandName = 'bench:cluster-money'
  static description =
    'Money postings per second through app instances (single server vs Galera cluster)'
  static options: CommandOptions = { startApp: true }

  @flags.string({ description: 'Comma-separated instance URLs', required: true })
  declare urls: string

  @flags.string({ description: 'Label of this measurement', default: 'run' })
  declare label: string

  @flags.string({ description: 'Unit code that gets the bench cases', default: 'T01-BADINH' })
  declare unit: string

  @flags.number({ description: 'Cases the postings are spread over', default: 20 })
  declare cases: number

  @flags.number({ description: 'Postings in total', default: 400 })
  declare postings: number

  @flags.number({ description: 'Requests in flight', default: 16 })
  declare concurrency: number

  @flags.string({ description: 'Append the JSON result to this file' })
  declare out?: string

  async run() {
    const { benchMoney } = await import('../cluster_money.js')
    const result = await benchMoney({
      label: this.label,
      urls: this.urls.split(',').map((u) => u.trim()),
      unitCode: this.unit,
      cases: this.cases,
      postings: this.postings,
      concurrency: this.concurrency,
    })
    this.logger.log(JSON.stringify(result))
    if (this.out) appendFileSync(this.out, JSON.stringify(result) + '\n')
    if (!result.balancesExact) this.exitCode = 1
  }
}
