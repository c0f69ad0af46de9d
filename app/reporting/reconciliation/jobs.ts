/**
 * The reconciliation's periodic job (see `registerPeriodicJob` in #core): today's gap snapshot for the last
 * ended period, daily at 01:15 Vietnam time by default (RECONCILIATION_SNAPSHOT_CRON; 'off' disables it).
 * `node ace reconciliation:snapshot` stays for a manual run or another period.
 */
import { registerPeriodicJob, today } from '#core'
import { periodOf } from '#periods'
import { snapshotAll } from './actions/take_snapshots.js'

export async function snapshotLastEndedPeriod() {
  const { year, n } = periodOf(today())
  const last = n === 1 ? { year: year - 1, period: 12 } : { year, period: n - 1 }
  const count = await snapshotAll(last.year, last.period)
  return { ...last, snapshots: count }
}

export function registerReconciliationJobs() {
  registerPeriodicJob({
    name: 'reconciliation:snapshot',
    cronEnv: 'RECONCILIATION_SNAPSHOT_CRON',
    defaultCron: '15 1 * * *',
    run: snapshotLastEndedPeriod,
  })
}
