/**
 * The cases module's periodic job (see `registerPeriodicJob` in #core): the daily snapshot of overdue deadlines
 * behind the dashboards' overdue trend, at 00:05 Vietnam time by default (DEADLINES_SNAPSHOT_CRON; 'off'
 * disables it), claimed once across instances. `node ace deadlines:snapshot` stays for a manual run.
 */
import { registerPeriodicJob } from '#core'

export function registerCasesJobs() {
  registerPeriodicJob({
    name: 'deadlines:snapshot',
    cronEnv: 'DEADLINES_SNAPSHOT_CRON',
    defaultCron: '5 0 * * *',
    run: async () => {
      const { takeOverdueSnapshot } = await import('./services/deadlines/snapshot.js')
      return { rows: await takeOverdueSnapshot() }
    },
  })
}
