/**
 * The audit module's periodic job (see `registerPeriodicJob` in #core): a signed checkpoint of every audit chain,
 * hourly by default (AUDIT_CHECKPOINT_CRON, Vietnam time; 'off' disables it). `node ace audit:checkpoint` stays
 * for a manual run.
 */
import { registerPeriodicJob } from '#core'

export function registerAuditJobs() {
  registerPeriodicJob({
    name: 'audit:checkpoint',
    cronEnv: 'AUDIT_CHECKPOINT_CRON',
    defaultCron: '0 * * * *',
    run: async () => {
      const { createCheckpoint } = await import('./services/checkpoints.js')
      const checkpoint = await createCheckpoint()
      return { checkpoint: checkpoint.id, key: checkpoint.key_id }
    },
  })
}
