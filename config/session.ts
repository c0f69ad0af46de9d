import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { configProvider } from '@adonisjs/core'
import { defineConfig, stores } from '@adonisjs/session'
import type { ResolvedSessionConfig, SessionStoreFactory } from '@adonisjs/session/types'

/**
 * Sessions live on the server (table `sessions`, shared by every app instance): logging out, a revocation, an
 * admin's reset and a forced password change end them there (SPEC §11). `cookie` remains for a single-instance
 * trial only; `memory` is what the japa client injects into.
 */
const databaseStore = configProvider.create(async (application) => {
  const { ThadsSessionStore } = await import('#accounts/services/session_store')
  const db = await application.container.make('lucid.db')
  const factory: SessionStoreFactory = (ctx, sessionConfig) =>
    new ThadsSessionStore(
      db.connection(),
      ctx,
      sessionConfig.age,
      application.inTest
        ? (sessionConfig as ResolvedSessionConfig).stores.memory(ctx, sessionConfig)
        : null
    )
  return factory
})

const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'thads-session',
  clearWithBrowser: true,
  age: '2h',
  cookie: { path: '/', httpOnly: true, secure: app.inProduction, sameSite: 'lax' },
  store: env.get('SESSION_DRIVER', 'database'),
  stores: { cookie: stores.cookie(), database: databaseStore },
})

export default sessionConfig
