import { mkdirSync } from 'node:fs'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

// better-sqlite3 does not create the parent directory of its file (fresh clones have no tmp/).
mkdirSync(app.tmpPath(), { recursive: true })

const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  prettyPrintDebugQueries: true,
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: { filename: app.tmpPath(env.get('SQLITE_FILE', 'db.sqlite3')) },
      useNullAsDefault: true,
      pool: {
        afterCreate: (connection: any, done: (err: Error | null, conn: any) => void) => {
          // WAL lets readers go on while one writer commits; foreign keys are off by default in SQLite.
          connection.pragma('journal_mode = WAL')
          connection.pragma('foreign_keys = ON')
          connection.pragma('busy_timeout = 5000')
          // Reports probe indexes at random (status span per case): a 64 MiB page cache and memory-mapped reads
          // halve the national form at 1M cases (docs/performance.md).
          connection.pragma('cache_size = -65536')
          connection.pragma('mmap_size = 2147483648')
          done(null, connection)
        },
      },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      seeders: { paths: ['database/seeders'] },
    },
    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('DB_HOST', '127.0.0.1'),
        port: env.get('DB_PORT', 3306),
        user: env.get('DB_USER', 'root'),
        password: env.get('DB_PASSWORD', ''),
        database: env.get('DB_DATABASE', 'thads'),
        charset: 'utf8mb4',
        // DATE columns (effective dates) stay ISO day strings, immune to time-zone shifts; DATETIME/TIMESTAMP
        // columns come back as Date objects, which @adonisjs/auth's token provider expects.
        typeCast: ((field: any, next: () => unknown) =>
          field.type === 'DATE' ? field.string() : next()) as any,
        supportBigNumbers: true,
        bigNumberStrings: false,
        timezone: 'Z',
      },
      pool: { min: 0, max: 10 },
      migrations: { naturalSort: true, paths: ['database/migrations'] },
      seeders: { paths: ['database/seeders'] },
    },
  },
})

export default dbConfig
