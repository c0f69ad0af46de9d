/*
| Each module owns its routes; this file only gathers them.
*/
import router from '@adonisjs/core/services/router'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { registerAccountWidgets } from '#accounts/widgets'

await import('#accounts/routes')
await import('#audit/routes')
await import('#periods/routes')
await import('#reporting/routes')
await import('#cases/routes')
await import('#warehouse/routes')
await import('#integrations/routes')

registerAccountWidgets()

/** Periodic jobs (audit checkpoint, reconciliation snapshot): web server only, each run claimed once across instances. */
if (app.getEnvironment() === 'web' && env.get('PERIODIC_JOBS', 'on') === 'on') {
  const { startPeriodicJobs, stopPeriodicJobs } = await import('#core')
  startPeriodicJobs()
  app.terminating(() => stopPeriodicJobs())
}

/** Load balancers: database, drive and mail transport; 503 while the instance drains (issue 14). */
router.get('/health', async (ctx) => (await import('#core/health')).healthHandler(ctx)).as('health')

/** Local copies of npm CSS (no CDN): only the files listed here are served. */
const VENDOR_FILES: Record<string, string> = {
  'pico.min.css': 'node_modules/@picocss/pico/css/pico.min.css',
  'chart.umd.min.js': 'node_modules/chart.js/dist/chart.umd.min.js',
}
router
  .get('/vendor/:file', async ({ params, response }) => {
    const file = VENDOR_FILES[params.file]
    if (!file) return response.notFound()
    response.header('cache-control', 'public, max-age=86400')
    return response.download(new URL(`../${file}`, import.meta.url).pathname)
  })
  .as('vendor')
