/*
| HTTP server entrypoint. `npm start` runs migrations and the demo seed first (see package.json).
*/
import 'reflect-metadata'
import { Ignitor, prettyPrintError } from '@adonisjs/core'

const APP_ROOT = new URL('../', import.meta.url)
const IMPORTER = (filePath: string) => {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

new Ignitor(APP_ROOT, { importer: IMPORTER })
  .tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    // Graceful stop: /health answers 503 at once (the balancer drains this instance), then after
    // SHUTDOWN_GRACE_SECONDS the server stops accepting, finishes its requests, stops the scheduler and the
    // export runner (unfinished runs stay resumable by another instance) and closes the database.
    app.listen('SIGTERM', async () => {
      const { startDraining } = await import('#core/health')
      startDraining()
      const grace = Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 0)
      if (grace > 0) await new Promise((resolve) => setTimeout(resolve, grace * 1000))
      await app.terminate()
    })
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
  .httpServer()
  .start()
  .catch((error) => {
    process.exitCode = 1
    prettyPrintError(error)
  })
