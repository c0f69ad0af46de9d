import { existsSync } from 'node:fs'
import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { browserClient } from '@japa/browser-client'
import { chromium } from 'playwright'
import { summaryLine } from './helpers/summary_reporter.js'
import { spec } from '@japa/runner/reporters'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH)
const IN_CI = process.env.CI === 'true'

export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  pluginAdonisJS(app),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  browserClient({
    runInSuites: ['browser'],
    launcher: (options) =>
      chromium.launch({
        ...options,
        executablePath: CHROMIUM_PATH,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      }),
  }),
]

export const reporters: Config['reporters'] = {
  activated: ['spec', 'summary-line'],
  list: [spec(), summaryLine()],
}

/** A fresh schema and the reference unit tree once per run; each test creates its own users and data. */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    async () => {
      // The cluster suite runs against a schema the stage migrated while the app instances were starting.
      if (process.env.CLUSTER_SUITE === '1') return
      const ace = await app.container.make('ace')
      // Wipe, then migrate without Lucid's MySQL advisory lock: its release can land on another pooled
      // connection and fail after a complete migration (and migration:fresh passes --disable-locks on to
      // db:wipe, which refuses it). Each test run owns its database, so no lock is needed.
      const wipe = await ace.exec('db:wipe', ['--force'])
      if (wipe.exitCode) throw wipe.error ?? new Error('db:wipe failed')
      const result = await ace.exec('migration:run', ['--force', '--disable-locks'])
      if (result.exitCode) throw result.error ?? new Error('migration:run failed')
      const { seedReferenceUnits } = await import('#database/seeders/reference_units')
      await seedReferenceUnits()
      const { seedReferenceHolidays } = await import('#database/seeders/reference_holidays')
      await seedReferenceHolidays()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (suite.name === 'cluster' && process.env.CLUSTER_SUITE !== '1') {
    suite.onGroup((group) => group.tap((t) => t.skip(true, 'only in .ci/galera.sh')))
    suite.onTest((t) => t.skip(true, 'only in .ci/galera.sh'))
    return
  }
  if (suite.name === 'browser' && !HAS_CHROMIUM) {
    if (IN_CI) throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH} in CI`)
    console.log(
      `\n  SKIPPED browser suite: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)\n`
    )
    suite.onGroup((group) => group.tap((t) => t.skip(true, 'no Chromium')))
    suite.onTest((t) => t.skip(true, 'no Chromium'))
    return
  }
  if (['browser', 'functional'].includes(suite.name)) {
    return suite.setup(() => testUtils.httpServer().start())
  }
}
