import { defineConfig } from '@adonisjs/core/app'

export default defineConfig({
  directories: {
    commands: 'app/core/commands',
    middleware: 'app/middleware',
    exceptions: 'app/exceptions',
    views: 'resources/views',
    languageFiles: 'resources/lang',
  },
  commands: [
    () => import('@adonisjs/core/commands'),
    () => import('@adonisjs/lucid/commands'),
    () => import('#reporting/commands/main'),
    () => import('#bench/commands/main'),
    () => import('#audit/commands/main'),
    () => import('#cases/imports/commands/main'),
    () => import('#cases/commands/main'),
    () => import('#integrations/commands/main'),
  ],
  providers: [
    () => import('@adonisjs/core/providers/app_provider'),
    () => import('@adonisjs/core/providers/hash_provider'),
    { file: () => import('@adonisjs/core/providers/repl_provider'), environment: ['repl', 'test'] },
    () => import('@adonisjs/core/providers/vinejs_provider'),
    () => import('@adonisjs/core/providers/edge_provider'),
    () => import('@adonisjs/session/session_provider'),
    () => import('@adonisjs/shield/shield_provider'),
    () => import('@adonisjs/static/static_provider'),
    () => import('@adonisjs/lucid/database_provider'),
    () => import('@adonisjs/auth/auth_provider'),
    () => import('@adonisjs/limiter/limiter_provider'),
    () => import('@adonisjs/i18n/i18n_provider'),
    () => import('@adonisjs/bouncer/bouncer_provider'),
    () => import('@adonisjs/drive/drive_provider'),
    () => import('@adonisjs/mail/mail_provider'),
  ],
  preloads: [
    () => import('#start/routes'),
    () => import('#start/kernel'),
    () => import('#start/view'),
  ],
  tests: {
    suites: [
      {
        files: ['tests/unit/**/*.spec(.ts|.js)', 'plugins/**/tests/**/*.spec(.ts|.js)'],
        name: 'unit',
        timeout: 10000,
      },
      { files: ['tests/functional/**/*.spec(.ts|.js)'], name: 'functional', timeout: 30000 },
      { files: ['tests/browser/**/*.spec(.ts|.js)'], name: 'browser', timeout: 60000 },
      // Only with CLUSTER_SUITE=1 (.ci/galera.sh): two app instances on a Galera cluster.
      { files: ['tests/cluster/**/*.spec(.ts|.js)'], name: 'cluster', timeout: 400000 },
    ],
    forceExit: false,
  },
  metaFiles: [
    { pattern: 'resources/views/**/*.edge', reloadServer: false },
    { pattern: 'resources/lang/**/*.json', reloadServer: true },
    { pattern: 'public/**', reloadServer: false },
    { pattern: 'plugins/**/*.{json,hbs,edge}', reloadServer: true },
  ],
  assetsBundler: false,
  hooks: { onBuildStarting: [], onDevServerStarted: [] },
})
